// The native trainer of the small language model (npm run train:lm drives it; see
// scripts/lm/train.mjs). Not part of the wasm build.
//   lm-train train --data DIR --out FILE [--steps N --seed S --threads T --batch B --lr X ...]
//       trains on DIR/train.ids for exactly N steps (deterministic for a seed and thread count:
//       the batch is split into T fixed parts whose gradients are summed in a fixed order),
//       writes the int8 weights file, reads it back and evaluates the *stored* weights on
//       DIR/heldout.ids; prints a JSON report on stdout.
//   lm-train forward --weights FILE       reads sentences of token ids (one per line) on stdin and
//       prints, per sentence, the attention weights and the last position's probabilities as JSON
//       (used by the test that compares the wasm forward pass with this native one).
//   lm-train evaluate --weights FILE [--data DIR]   the held-out loss of a weights file, split by
//       kind of target (closing <s>, <unk>, known word), and the loss on as many training sentences.
//   lm-train check --weights FILE         prints what is wrong with a weights file (exit 1) or "ok".
#include <chrono>
#include <ctime>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <numeric>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "lm/corpus_data.hpp"
#include "lm/init.hpp"
#include "lm/model.hpp"
#include "lm/weights_file.hpp"
#include "nn/adam.hpp"
#include "rng.hpp"

using namespace attn;
using namespace attn::lm;

namespace {
struct Options {
  std::map<std::string, std::string> values;
  std::string get(const std::string& k, const std::string& dflt) const {
    auto it = values.find(k);
    return it == values.end() ? dflt : it->second;
  }
  long num(const std::string& k, long dflt) const { return std::stol(get(k, std::to_string(dflt))); }
  double real(const std::string& k, double dflt) const { return std::stod(get(k, std::to_string(dflt))); }
};

std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.push_back(line);
  return out;
}

std::vector<std::uint8_t> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in), {});
}

// Mean next-token cross-entropy (nats) over every prediction of every sentence (each word,
// <unk> included, and the closing <s>), and the same mean split by what the target is.
struct Evaluation {
  double loss = 0.0;  // mean over all `count` predictions
  long count = 0;
  double kind_loss[3] = {0, 0, 0};  // mean over the targets of each kind: 0 closing <s>, 1 <unk>, 2 a known word
  long kind_count[3] = {0, 0, 0};
};

Evaluation evaluate(const LmConfig& c, const LmParams& p, const std::vector<Sentence>& set, int per_batch) {
  std::vector<int> order(set.size());
  std::iota(order.begin(), order.end(), 0);
  LmWorkspace w;
  lm_workspace_init(c, per_batch * c.context, w);
  Evaluation e;
  double total = 0.0;
  for (int from = 0; from < static_cast<int>(set.size()); from += per_batch) {
    const int to = std::min<int>(from + per_batch, static_cast<int>(set.size()));
    PackedBatch b = pack_sentences(set, order, from, to, c.context);
    lm_forward(Impl::kSimd, c, p, w, b.tokens.data(), b.seq_start.data(), b.batch(), b.targets.data());
    for (int i = 0; i < b.rows(); ++i) {
      const int kind = std::min(b.targets[i], 2);
      total += w.losses[i];
      e.kind_loss[kind] += w.losses[i];
      ++e.kind_count[kind];
    }
    e.count += b.rows();
  }
  e.loss = total / e.count;
  for (int k = 0; k < 3; ++k) e.kind_loss[k] = e.kind_count[k] ? e.kind_loss[k] / e.kind_count[k] : 0.0;
  return e;
}

// `count` sentences spread evenly over the set (every k-th): the corpus file is ordered by
// WordNet's synsets, so its first sentences are not a fair sample.
std::vector<Sentence> spread_subset(const std::vector<Sentence>& set, std::size_t count) {
  std::vector<Sentence> out;
  if (set.empty()) return out;
  count = std::min(count, set.size());
  for (std::size_t i = 0; i < count; ++i) out.push_back(set[i * set.size() / count]);
  return out;
}

// Unigram baseline: add-one smoothed token frequencies of the training predictions.
double unigram_loss(int vocab, const std::vector<Sentence>& train, const std::vector<Sentence>& heldout, int context) {
  std::vector<double> counts(vocab, 1.0);
  double total = vocab;
  std::vector<int> all;
  auto targets = [&](const std::vector<Sentence>& set, auto&& visit) {
    std::vector<int> order(set.size());
    std::iota(order.begin(), order.end(), 0);
    PackedBatch b = pack_sentences(set, order, 0, static_cast<int>(set.size()), context);
    for (int t : b.targets) visit(t);
  };
  targets(train, [&](int t) { counts[t] += 1; total += 1; });
  double loss = 0.0;
  long n = 0;
  targets(heldout, [&](int t) { loss -= std::log(counts[t] / total); ++n; });
  return loss / n;
}

int train(const Options& o) {
  const std::string data = o.get("--data", "build/lm");
  const std::vector<std::string> vocabulary = read_lines(data + "/vocab.txt");
  LmConfig c;
  c.vocab = static_cast<int>(vocabulary.size());
  c.d_model = static_cast<int>(o.num("--d-model", 48));
  c.layers = static_cast<int>(o.num("--layers", 2));
  c.heads = static_cast<int>(o.num("--heads", 4));
  c.d_ff = static_cast<int>(o.num("--d-ff", 4 * c.d_model));
  c.context = static_cast<int>(o.num("--context", 32));
  c.pre_norm = static_cast<int>(o.num("--pre-norm", 0));
  if (lm_config_problem(c)) throw std::runtime_error("impossible model shape");
  const long steps = o.num("--steps", 3000);
  const int batch = static_cast<int>(o.num("--batch", 64));
  const int threads = static_cast<int>(o.num("--threads", 2));
  const std::uint64_t seed = static_cast<std::uint64_t>(o.num("--seed", 1));
  const double peak_lr = o.real("--lr", 3e-3);
  const long warmup = o.num("--warmup", 200);
  const double clip = o.real("--clip", 1.0);
  const double weight_decay = o.real("--weight-decay", 0.0);  // decoupled (AdamW), matrices only
  // word dropout: each input word (never <s>, never a target) becomes <unk> with this probability
  const double input_dropout = o.real("--input-dropout", 0.0);
  // dropout on every block's attention and feed-forward outputs (before the residual add)
  const double dropout = o.real("--dropout", 0.0);
  const long log_every = o.num("--log-every", 250);
  const std::vector<Sentence> train_set = read_id_sentences(data + "/train.ids", c.vocab);
  const std::vector<Sentence> heldout = read_id_sentences(data + "/heldout.ids", c.vocab);
  const int sample_sentences = static_cast<int>(o.num("--sample", 500));

  std::vector<float> params, grads, m, v;
  LmParams p, g;
  point_lm_params(c, params, p);
  point_lm_params(c, grads, g);
  m.assign(params.size(), 0.f);
  v.assign(params.size(), 0.f);
  lm_init_params(c, params.data(), seed);
  std::vector<LmTensor> matrices;
  for (const LmTensor& t : lm_tensors(c, params.data(), p))
    if (t.quantised) matrices.push_back(t);

  // one workspace and gradient buffer per worker thread
  const int part_max = (batch + threads - 1) / threads;
  std::vector<LmWorkspace> work(threads);
  std::vector<std::vector<float>> part_grads(threads);
  std::vector<LmParams> part_g(threads);
  for (int t = 0; t < threads; ++t) {
    lm_workspace_init(c, part_max * c.context, work[t]);
    point_lm_params(c, part_grads[t], part_g[t]);
  }

  Rng rng(seed ^ 0x5eedULL);
  std::vector<int> order(train_set.size());
  std::iota(order.begin(), order.end(), 0);
  auto shuffle = [&]() {
    for (int i = static_cast<int>(order.size()) - 1; i > 0; --i) std::swap(order[i], order[rng.next() % (i + 1)]);
  };
  shuffle();
  int cursor = 0;
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  double smoothed = 0.0;
  std::ostringstream curve;
  for (long step = 1; step <= steps; ++step) {
    if (cursor + batch > static_cast<int>(order.size())) {
      shuffle();
      cursor = 0;
    }
    // fixed split of the batch into `threads` parts; each part's mean gradient is weighted by its rows
    std::vector<PackedBatch> parts(threads);
    std::vector<float> part_loss(threads, 0.f);
    for (int t = 0; t < threads; ++t)
      parts[t] = pack_sentences(train_set, order, cursor + t * batch / threads, cursor + (t + 1) * batch / threads, c.context);
    cursor += batch;
    if (input_dropout > 0.0)
      for (PackedBatch& b : parts)
        for (int& t : b.tokens)
          if (t != 0 && rng.uniform() < input_dropout) t = 1;
    // the dropout masks of each part, drawn here in a fixed order (deterministic for the seed)
    std::vector<std::vector<float>> masks(threads);
    if (dropout > 0.0) {
      const float kept = static_cast<float>(1.0 / (1.0 - dropout));
      for (int t = 0; t < threads; ++t) {
        masks[t].resize(static_cast<std::size_t>(c.layers) * 2 * parts[t].rows() * c.d_model);
        for (float& m : masks[t]) m = rng.uniform() < dropout ? 0.f : kept;
      }
    }
    auto run = [&](int t) {
      std::fill(part_grads[t].begin(), part_grads[t].end(), 0.f);
      PackedBatch& b = parts[t];
      work[t].dropout_masks = dropout > 0.0 ? masks[t].data() : nullptr;
      part_loss[t] = lm_forward(Impl::kSimd, c, p, work[t], b.tokens.data(), b.seq_start.data(), b.batch(), b.targets.data());
      lm_backward(Impl::kSimd, c, p, part_g[t], work[t], b.tokens.data(), b.seq_start.data(), b.batch(), b.targets.data());
    };
    std::vector<std::thread> workers;
    for (int t = 1; t < threads; ++t) workers.emplace_back(run, t);
    run(0);
    for (std::thread& th : workers) th.join();
    long rows = 0;
    for (const PackedBatch& b : parts) rows += b.rows();
    double loss = 0.0;
    std::fill(grads.begin(), grads.end(), 0.f);
    for (int t = 0; t < threads; ++t) {
      const float share = static_cast<float>(parts[t].rows()) / rows;
      loss += share * part_loss[t];
      for (std::size_t i = 0; i < grads.size(); ++i) grads[i] += share * part_grads[t][i];
    }
    // clip the global gradient norm, then one Adam step at the scheduled learning rate
    double norm = 0.0;
    for (float x : grads) norm += static_cast<double>(x) * x;
    norm = std::sqrt(norm);
    if (norm > clip) {
      const float k = static_cast<float>(clip / norm);
      for (float& x : grads) x *= k;
    }
    const double progress = step <= warmup ? 0.0 : static_cast<double>(step - warmup) / std::max(1L, steps - warmup);
    nn::AdamSettings s;
    s.learning_rate = static_cast<float>(step <= warmup ? peak_lr * step / warmup
                                                        : peak_lr * (0.1 + 0.9 * 0.5 * (1.0 + std::cos(3.141592653589793 * progress))));
    nn::adam_step(params.data(), grads.data(), m.data(), v.data(), static_cast<long>(params.size()), static_cast<int>(step), s);
    if (weight_decay > 0.0) {
      const float keep = static_cast<float>(1.0 - s.learning_rate * weight_decay);
      for (const LmTensor& t : matrices)
        for (long i = 0; i < static_cast<long>(t.rows) * t.cols; ++i) t.data[i] *= keep;
    }
    smoothed = step == 1 ? loss : 0.98 * smoothed + 0.02 * loss;
    if (step % log_every == 0 || step == steps) {
      const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::fprintf(stderr, "step %ld  train loss %.4f (smoothed %.4f)  lr %.2e  %.1f s\n", step, loss, smoothed, s.learning_rate, secs);
      curve << (curve.tellp() > 0 ? "," : "") << "[" << step << "," << smoothed << "]";
    }
  }
  const double train_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double train_cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  const double float_heldout = evaluate(c, p, heldout, 64).loss;

  // store, read back, evaluate the stored (quantised) weights
  const std::vector<std::uint8_t> file = lm_write_weights(c, params.data(), vocabulary);
  const std::string out = o.get("--out", "build/lm/model.bin");
  std::ofstream(out, std::ios::binary).write(reinterpret_cast<const char*>(file.data()), static_cast<std::streamsize>(file.size()));
  LmConfig c2;
  std::vector<float> stored;
  LmParams q;
  WeightsReport r;
  if (!lm_read_weights(file.data(), file.size(), c2, stored, q, r)) throw std::runtime_error(lm_describe(r));
  const Evaluation held = evaluate(c2, q, heldout, 64);
  std::vector<Sentence> sample(heldout.begin(), heldout.begin() + std::min<std::size_t>(sample_sentences, heldout.size()));
  const Evaluation sampled = evaluate(c2, q, sample, 64);
  // the same measure on as many *training* sentences (clean inputs, no word dropout): the gap
  // to the held-out loss tells overfitting from underfitting
  const std::vector<Sentence> train_probe = spread_subset(train_set, heldout.size());
  const Evaluation probe = evaluate(c2, q, train_probe, 64);
  const double uni = unigram_loss(c.vocab, train_set, heldout, c.context);
  std::printf(
      "{\"config\":{\"vocab\":%d,\"dModel\":%d,\"layers\":%d,\"heads\":%d,\"dFF\":%d,\"context\":%d,\"preNorm\":%s},"
      "\"parameters\":%zu,\"steps\":%ld,\"batchSentences\":%d,\"threads\":%d,\"seed\":%llu,\"peakLearningRate\":%g,"
      "\"warmupSteps\":%ld,\"gradientClip\":%g,\"weightDecay\":%g,\"inputDropout\":%g,\"dropout\":%g,\"trainSeconds\":%.1f,\"trainCpuSeconds\":%.1f,\"trainSentences\":%zu,"
      "\"heldout\":{\"sentences\":%zu,\"predictions\":%ld,\"loss\":%.6f,\"perplexity\":%.3f,\"lossBeforeQuantising\":%.6f,"
      "\"byTarget\":{\"end\":{\"predictions\":%ld,\"loss\":%.6f},\"unknown\":{\"predictions\":%ld,\"loss\":%.6f},\"word\":{\"predictions\":%ld,\"loss\":%.6f}}},"
      "\"sample\":{\"sentences\":%zu,\"predictions\":%ld,\"loss\":%.6f},"
      "\"trainProbe\":{\"sentences\":%zu,\"predictions\":%ld,\"loss\":%.6f},"
      "\"unigram\":{\"loss\":%.6f,\"perplexity\":%.3f},\"fileBytes\":%zu,\"curve\":[%s]}\n",
      c.vocab, c.d_model, c.layers, c.heads, c.d_ff, c.context, c.pre_norm ? "true" : "false", params.size(), steps, batch,
      threads, static_cast<unsigned long long>(seed), peak_lr, warmup, clip, weight_decay, input_dropout, dropout, train_seconds, train_cpu_seconds, train_set.size(), heldout.size(),
      held.count, held.loss, std::exp(held.loss), float_heldout, held.kind_count[0], held.kind_loss[0], held.kind_count[1],
      held.kind_loss[1], held.kind_count[2], held.kind_loss[2], sample.size(), sampled.count, sampled.loss,
      train_probe.size(), probe.count, probe.loss, uni, std::exp(uni),
      file.size(), curve.str().c_str());
  return 0;
}

bool load(const std::string& path, LmConfig& c, std::vector<float>& memory, LmParams& p) {
  const std::vector<std::uint8_t> bytes = read_bytes(path);
  WeightsReport r;
  if (!lm_read_weights(bytes.data(), bytes.size(), c, memory, p, r)) {
    std::cout << lm_describe(r) << "\n";
    return false;
  }
  return true;
}

// The held-out measure of an existing weights file, split by kind of target, and the same on as
// many training sentences (to tell overfitting from underfitting).
int evaluate_file(const Options& o) {
  LmConfig c;
  std::vector<float> memory;
  LmParams p;
  if (!load(o.get("--weights", ""), c, memory, p)) return 1;
  const std::string data = o.get("--data", "build/lm");
  const std::vector<Sentence> train_set = read_id_sentences(data + "/train.ids", c.vocab);
  const std::vector<Sentence> heldout = read_id_sentences(data + "/heldout.ids", c.vocab);
  const std::vector<Sentence> probe_set = spread_subset(train_set, heldout.size());
  const Evaluation held = evaluate(c, p, heldout, 64);
  const Evaluation probe = evaluate(c, p, probe_set, 64);
  std::printf("{\"heldout\":{\"predictions\":%ld,\"loss\":%.6f,\"perplexity\":%.3f,\"end\":%.6f,\"unknown\":%.6f,\"word\":%.6f,"
              "\"counts\":[%ld,%ld,%ld]},\"trainProbe\":{\"predictions\":%ld,\"loss\":%.6f}}\n",
              held.count, held.loss, std::exp(held.loss), held.kind_loss[0], held.kind_loss[1], held.kind_loss[2],
              held.kind_count[0], held.kind_count[1], held.kind_count[2], probe.count, probe.loss);
  return 0;
}

int forward(const Options& o) {
  LmConfig c;
  std::vector<float> memory;
  LmParams p;
  if (!load(o.get("--weights", ""), c, memory, p)) return 1;
  LmWorkspace w;
  lm_workspace_init(c, c.context, w);
  std::string line;
  std::printf("[");
  bool first = true;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::vector<int> tokens;
    int id;
    while (in >> id) tokens.push_back(id);
    if (tokens.empty()) continue;
    if (static_cast<int>(tokens.size()) > c.context) tokens.resize(c.context);
    const int n = static_cast<int>(tokens.size());
    const int seq_start[2] = {0, n};
    lm_forward(Impl::kSimd, c, p, w, tokens.data(), seq_start, 1, nullptr);
    std::printf("%s{\"attention\":[", first ? "" : ",");
    first = false;
    for (int l = 0; l < c.layers; ++l) {
      std::printf("%s[", l ? "," : "");
      for (int i = 0; i < c.heads * n * n; ++i) std::printf("%s%.7g", i ? "," : "", w.layer[l].att[i]);
      std::printf("]");
    }
    std::printf("],\"lastLogits\":[");
    for (int i = 0; i < c.vocab; ++i) std::printf("%s%.7g", i ? "," : "", w.logits[static_cast<long>(n - 1) * c.vocab + i]);
    std::printf("]}");
  }
  std::printf("]\n");
  return 0;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: lm-train train|forward|check [--option value ...]\n");
    return 2;
  }
  Options o;
  for (int i = 2; i + 1 < argc; i += 2) o.values[argv[i]] = argv[i + 1];
  try {
    const std::string mode = argv[1];
    if (mode == "train") return train(o);
    if (mode == "forward") return forward(o);
    if (mode == "evaluate") return evaluate_file(o);
    if (mode == "check") {
      LmConfig c;
      std::vector<float> memory;
      LmParams p;
      if (!load(o.get("--weights", ""), c, memory, p)) return 1;
      std::cout << "ok\n";
      return 0;
    }
    std::fprintf(stderr, "unknown mode %s\n", mode.c_str());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "lm-train: %s\n", e.what());
    return 1;
  }
}
