// The lesson's equations as TeX. scripts/build-web.mjs typesets them with KaTeX at build time;
// scenes get the HTML through ctx.formulas[name]. Not for numbers that change: those are live text.
export const FORMULAS = {
  rnn: 'h_t = f(x_t,\\, h_{t-1})',
  dot: '\\mathbf{a}\\cdot\\mathbf{b} = \\sum_{i} a_i b_i = \\lVert\\mathbf{a}\\rVert\\,\\lVert\\mathbf{b}\\rVert\\cos\\theta',
  softmax: '\\operatorname{softmax}(s)_j = \\frac{e^{s_j}}{\\sum_{m} e^{s_m}}',
  mixing: "y_i = \\sum_{j} \\alpha_{ij}\\, x_j, \\qquad \\alpha_{ij} = \\operatorname{softmax}_j(x_i \\cdot x_j)",
  projections: 'Q = X W_Q, \\quad K = X W_K, \\quad V = X W_V',
  scoresMatrix: 'S = Q K^{\\top} \\in \\mathbb{R}^{N \\times N}',
  scaled: '\\tilde S = \\frac{Q K^{\\top}}{\\sqrt{d_k}}',
  variance: '\\operatorname{Var}(q \\cdot k) = \\sum_{i=1}^{d_k} \\operatorname{Var}(q_i k_i) = d_k',
  causal: 'M_{ij} = \\begin{cases} 0 & j \\le i \\\\ -\\infty & j > i \\end{cases}, \\qquad \\operatorname{softmax}\\!\\left(\\tilde S + M\\right)',
  positional: '\\mathrm{PE}_{(p,\\,2i)} = \\sin\\!\\left(\\frac{p}{10000^{2i/d_{\\text{model}}}}\\right), \\quad \\mathrm{PE}_{(p,\\,2i+1)} = \\cos\\!\\left(\\frac{p}{10000^{2i/d_{\\text{model}}}}\\right)',
  multiHead: '\\operatorname{MultiHead}(X) = \\operatorname{Concat}(\\text{head}_1, \\ldots, \\text{head}_h)\\, W_O',
  attention: '\\operatorname{Attention}(Q, K, V) = \\operatorname{softmax}\\!\\left(\\frac{Q K^{\\top}}{\\sqrt{d_k}}\\right) V',
  // The factors of the attention formula, one by one (step 16 labels each with its step).
  factorQ: 'Q',
  factorKT: 'K^{\\top}',
  factorQKT: 'Q K^{\\top}',
  factorScale: '/\\sqrt{d_k}',
  factorSoftmax: '\\operatorname{softmax}',
  factorV: 'V',
};
