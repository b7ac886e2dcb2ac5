#include "tools/bench/report.h"

#include <map>
#include <optional>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

namespace paizhu::bench {
namespace {

const Figure* Find(const std::vector<Figure>& figures, const std::string& id) {
  for (const Figure& f : figures) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

double Ms(int64_t micros) { return micros / 1000.0; }

struct Ratios {
  double throughput = 0;
  double p50 = 0;
  double p99 = 0;
};

std::optional<Ratios> RatiosOf(const std::vector<Figure>& figures, const Figure& f) {
  const Figure* base = f.baseline.empty() ? nullptr : Find(figures, f.baseline);
  if (base == nullptr || base->result.throughput() == 0) return std::nullopt;
  const Histogram& a = f.result.latency;
  const Histogram& b = base->result.latency;
  return Ratios{f.result.throughput() / base->result.throughput(),
                b.Percentile(0.5) > 0 ? double(a.Percentile(0.5)) / b.Percentile(0.5) : 0,
                b.Percentile(0.99) > 0 ? double(a.Percentile(0.99)) / b.Percentile(0.99) : 0};
}

}  // namespace

std::vector<Target> Targets(const std::vector<Figure>& figures) {
  auto fig = [&](const char* id) { return Find(figures, id); };
  auto tput = [](const Figure* f) { return f->result.throughput(); };
  auto p = [](const Figure* f, double q) { return double(f->result.latency.Percentile(q)); };
  std::vector<Target> out;
  auto add = [&](std::string name, const char* relation, double limit, bool measured,
                 double value) {
    out.push_back(Target{std::move(name), measured ? value : 0, relation, limit, measured});
  };
  const Figure *b1 = fig("B1"), *b2 = fig("B2"), *b4 = fig("B4"), *b4d = fig("B4d");
  const Figure *w1 = fig("W1"), *w2 = fig("W2"), *p1 = fig("P1"), *p10k = fig("P10000");
  add("B2/B1 throughput", ">=", 0.5, b1 && b2 && tput(b1) > 0, b2 && b1 ? tput(b2) / tput(b1) : 0);
  add("(B2 p50 - B1 p50) / B1 p50", "<=", 1.2, b1 && b2 && p(b1, .5) > 0,
      b1 && b2 ? (p(b2, .5) - p(b1, .5)) / p(b1, .5) : 0);
  add("B4/B4d throughput", ">=", 0.5, b4 && b4d && tput(b4d) > 0,
      b4 && b4d ? tput(b4) / tput(b4d) : 0);
  add("W2/W1 throughput", ">=", 0.5, w1 && w2 && tput(w1) > 0, w1 && w2 ? tput(w2) / tput(w1) : 0);
  add("P10000 p99 / P1 p99", "<=", 1.5, p1 && p10k && p(p1, .99) > 0,
      p1 && p10k ? p(p10k, .99) / p(p1, .99) : 0);
  const Figure *a1 = fig("A1"), *a100 = fig("A100");
  add("A100 p50 / A1 p50 (100x history)", "<=", 2.0, a1 && a100 && p(a1, .5) > 0,
      a1 && a100 ? p(a100, .5) / p(a1, .5) : 0);
  return out;
}

std::string Table(const std::vector<Figure>& figures, const std::vector<Target>& targets) {
  std::set<std::string> processes;
  for (const Figure& f : figures) {
    for (const auto& [name, cpu] : f.result.cpu_per_call) processes.insert(name);
  }
  std::string out =
      absl::StrFormat("%-7s %-52s %9s %8s %8s %8s %8s %8s %6s  %-15s", "id", "what", "calls/s",
                      "p50 ms", "p90 ms", "p99 ms", "p99.9", "max ms", "errors", "vs baseline");
  for (const std::string& p : processes) absl::StrAppend(&out, absl::StrFormat(" %8.8s", p));
  absl::StrAppend(&out, "\n");
  for (const Figure& f : figures) {
    const Histogram& h = f.result.latency;
    int64_t errors = 0;
    for (const auto& [code, count] : f.result.errors) errors += count;
    std::string ratio = "-";
    if (auto r = RatiosOf(figures, f)) {
      ratio = absl::StrFormat("%s x%.2f/p50 x%.2f", f.baseline, r->throughput, r->p50);
    }
    absl::StrAppend(
        &out, absl::StrFormat("%-7s %-52.52s %9.0f %8.2f %8.2f %8.2f %8.2f %8.2f %6d  %-15s", f.id,
                              f.what, f.result.throughput(), Ms(h.Percentile(0.5)),
                              Ms(h.Percentile(0.9)), Ms(h.Percentile(0.99)),
                              Ms(h.Percentile(0.999)), Ms(h.max()), errors, ratio));
    for (const std::string& p : processes) {
      auto it = f.result.cpu_per_call.find(p);
      absl::StrAppend(&out, it == f.result.cpu_per_call.end()
                                ? absl::StrFormat(" %8s", "-")
                                : absl::StrFormat(" %8.0f", it->second));
    }
    absl::StrAppend(&out, "\n");
    std::vector<std::string> notes;
    for (const auto& [k, v] : f.notes) notes.push_back(absl::StrCat(k, "=", v));
    for (const auto& [code, count] : f.result.errors)
      notes.push_back(absl::StrCat(code, ":", count));
    if (!notes.empty()) absl::StrAppend(&out, "        ", absl::StrJoin(notes, " "), "\n");
  }
  absl::StrAppend(&out,
                  "(vs baseline: throughput ratio / p50 ratio; per-process columns: CPU "
                  "microseconds per call)\n\ntargets\n");
  for (const Target& t : targets) {
    absl::StrAppend(
        &out, absl::StrFormat(
                  "  %-42s %s %-5g  %s\n", t.name, t.relation, t.limit,
                  !t.measured ? "not measured"
                              : absl::StrFormat("%.2f %s", t.value, t.met() ? "met" : "NOT met")));
  }
  return out;
}

nlohmann::json Json(const RunSettings& settings, const std::vector<Figure>& figures,
                    const std::vector<Target>& targets, double elapsed_seconds) {
  nlohmann::json doc;
  doc["profile"] = settings.profile;
  doc["settings"] = {{"warmup_s", absl::ToDoubleSeconds(settings.warmup)},
                     {"window_s", absl::ToDoubleSeconds(settings.window)},
                     {"concurrency", settings.concurrency},
                     {"channels", settings.channels},
                     {"list_rows", settings.list_rows}};
  doc["elapsed_s"] = elapsed_seconds;
  doc["scenarios"] = nlohmann::json::array();
  for (const Figure& f : figures) {
    const Histogram& h = f.result.latency;
    nlohmann::json s = {
        {"id", f.id},
        {"what", f.what},
        {"baseline", f.baseline},
        {"mode", f.load.mode == LoopMode::kOpen ? "open" : "closed"},
        {"concurrency", f.load.concurrency},
        {"calls", f.result.calls},
        {"seconds", f.result.seconds},
        {"throughput", f.result.throughput()},
        {"latency_us",
         {{"p50", h.Percentile(0.5)},
          {"p90", h.Percentile(0.9)},
          {"p99", h.Percentile(0.99)},
          {"p99.9", h.Percentile(0.999)},
          {"max", h.max()}}},
        {"errors", f.result.errors},
        {"cpu_us_per_call", f.result.cpu_per_call},
    };
    if (f.load.mode == LoopMode::kOpen) s["rate"] = f.load.rate;
    for (const auto& [k, v] : f.notes) s["notes"][k] = v;
    if (auto r = RatiosOf(figures, f)) {
      s["ratio"] = {{"throughput", r->throughput}, {"p50", r->p50}, {"p99", r->p99}};
    }
    doc["scenarios"].push_back(std::move(s));
  }
  doc["targets"] = nlohmann::json::array();
  for (const Target& t : targets) {
    nlohmann::json j = {
        {"name", t.name}, {"relation", t.relation}, {"limit", t.limit}, {"measured", t.measured}};
    if (t.measured) {
      j["value"] = t.value;
      j["met"] = t.met();
    }
    doc["targets"].push_back(std::move(j));
  }
  return doc;
}

}  // namespace paizhu::bench
