// Writes numbers and matrices as Python source: the shortest decimal that reads back as the same
// float32 (what the engine computed with), nested lists one row per line, -inf/inf/nan spelled the
// way Python reads them. Used by every generated program and the notebook. Pure JS.

/** The shortest decimal string that parses back to the same float32 as `value`. */
export function float32Literal(value) {
  const v = Math.fround(Number(value));
  if (Number.isNaN(v)) return "float('nan')";
  if (v === Infinity) return "float('inf')";
  if (v === -Infinity) return "-float('inf')";
  if (Object.is(v, -0)) return '-0.0';
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return `${v}.0`;
  for (let p = 1; p <= 9; p++) {
    const s = v.toPrecision(p);
    if (Math.fround(Number(s)) === v) return pythonize(s);
  }
  return pythonize(v.toPrecision(9));
}

// JS writes "1.5e-7" and "1.2e+21"; Python reads both, but "1e+21" reads nicer as "1e21".
function pythonize(s) {
  let out = s.replace('e+', 'e');
  if (/e/.test(out)) {
    const [m, e] = out.split('e');
    out = `${m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '.0') : m}e${e}`;
  } else if (out.includes('.')) {
    out = out.replace(/0+$/, '').replace(/\.$/, '.0');
  } else {
    out = `${out}.0`;
  }
  return out;
}

/**
 * A row-major matrix as a Python list of lists, one row per line:
 *   name = [
 *       [1.0, 0.0],
 *       ...
 *   ]
 * Returns an array of lines.
 */
export function matrixLines(name, values, rows, cols, indent = '') {
  if (values.length !== rows * cols) throw new RangeError(`${name} has ${values.length} numbers, but ${rows} × ${cols} needs ${rows * cols}.`);
  const lines = [`${indent}${name} = [`];
  for (let i = 0; i < rows; i++) {
    const row = [];
    for (let j = 0; j < cols; j++) row.push(float32Literal(values[i * cols + j]));
    lines.push(`${indent}    [${row.join(', ')}],`);
  }
  lines.push(`${indent}]`);
  return lines;
}

/** A Python string literal (single quotes, escapes for quotes, backslashes and control characters). */
export function stringLiteral(text) {
  const body = String(text).replace(/[\\'\u0000-\u001f\u007f\u2028\u2029]/g, (ch) => {
    if (ch === '\\') return '\\\\';
    if (ch === "'") return "\\'";
    if (ch === '\n') return '\\n';
    if (ch === '\t') return '\\t';
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `'${body}'`;
}
