#include "common/metrics/metrics.h"

#include <map>
#include <mutex>

#include "absl/strings/str_cat.h"
#include "common/status/status.h"
#include "prometheus/collectable.h"
#include "prometheus/counter.h"
#include "prometheus/exposer.h"
#include "prometheus/family.h"
#include "prometheus/gauge.h"
#include "prometheus/histogram.h"
#include "prometheus/metric_family.h"
#include "prometheus/registry.h"

namespace paizhu::metrics {
namespace {

// Values computed when scraped.
class ScrapeFunctions final : public prometheus::Collectable {
 public:
  void Add(const std::string& name, const std::string& help, Kind kind,
           std::function<double()> read) {
    std::lock_guard lock(mu_);
    functions_[name] = Function{help, kind, std::move(read)};
  }

  std::vector<prometheus::MetricFamily> Collect() const override {
    std::lock_guard lock(mu_);
    std::vector<prometheus::MetricFamily> out;
    for (const auto& [name, f] : functions_) {
      prometheus::MetricFamily family;
      family.name = name;
      family.help = f.help;
      prometheus::ClientMetric metric;
      if (f.kind == Kind::kGauge) {
        family.type = prometheus::MetricType::Gauge;
        metric.gauge.value = f.read();
      } else {
        family.type = prometheus::MetricType::Counter;
        metric.counter.value = f.read();
      }
      family.metric.push_back(std::move(metric));
      out.push_back(std::move(family));
    }
    return out;
  }

 private:
  struct Function {
    std::string help;
    Kind kind;
    std::function<double()> read;
  };
  mutable std::mutex mu_;
  std::map<std::string, Function> functions_;
};

// Everything lives for the whole process (metrics may be recorded from any thread at
// any time, also during exit), so nothing here is ever destroyed.
struct State {
  std::shared_ptr<prometheus::Registry> registry = std::make_shared<prometheus::Registry>();
  std::shared_ptr<ScrapeFunctions> functions = std::make_shared<ScrapeFunctions>();
  prometheus::Family<prometheus::Counter>& calls =
      prometheus::BuildCounter()
          .Name("paizhu_rpc_calls_total")
          .Help("calls answered, by method and gRPC status code")
          .Register(*registry);
  prometheus::Family<prometheus::Histogram>& latency =
      prometheus::BuildHistogram()
          .Name("paizhu_rpc_call_duration_seconds")
          .Help("time from a call's arrival to its answer, by method")
          .Register(*registry);
  prometheus::Gauge& in_flight = prometheus::BuildGauge()
                                     .Name("paizhu_rpc_calls_in_flight")
                                     .Help("calls being served now")
                                     .Register(*registry)
                                     .Add({});
  std::mutex counters_mu;
  std::map<std::string, prometheus::Counter*> counters;
};

State& state() {
  static State* s = new State;
  return *s;
}

const prometheus::Histogram::BucketBoundaries& LatencyBuckets() {
  static const auto* b = new prometheus::Histogram::BucketBoundaries{
      0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
  return *b;
}

}  // namespace

absl::StatusOr<std::unique_ptr<Endpoint>> Endpoint::Start(const std::string& address) {
  auto endpoint = std::unique_ptr<Endpoint>(new Endpoint);
  try {
    endpoint->exposer_ = std::make_unique<prometheus::Exposer>(address, 2);
  } catch (const std::exception& e) {
    return Unavailable("LISTEN_FAILED",
                       absl::StrCat("cannot serve metrics on ", address, ": ", e.what()));
  }
  endpoint->exposer_->RegisterCollectable(state().registry);
  endpoint->exposer_->RegisterCollectable(state().functions);
  std::vector<int> ports = endpoint->exposer_->GetListeningPorts();
  endpoint->port_ = ports.empty() ? 0 : ports.front();
  return endpoint;
}

Endpoint::~Endpoint() = default;

CallRecord::CallRecord() : start_(absl::Now()) { state().in_flight.Increment(); }

CallRecord::~CallRecord() { state().in_flight.Decrement(); }

void CallRecord::Finish(absl::string_view method, absl::string_view code) {
  if (finished_) return;
  finished_ = true;
  std::string m(method);
  State& s = state();
  s.calls.Add({{"method", m}, {"code", std::string(code)}}).Increment();
  s.latency.Add({{"method", m}}, LatencyBuckets())
      .Observe(absl::ToDoubleSeconds(absl::Now() - start_));
}

Counter::Counter(const std::string& name, const std::string& help) {
  State& s = state();
  std::lock_guard lock(s.counters_mu);
  prometheus::Counter*& counter = s.counters[name];
  if (counter == nullptr) {
    counter = &prometheus::BuildCounter().Name(name).Help(help).Register(*s.registry).Add({});
  }
  counter_ = counter;
}

void Counter::Increment() { counter_->Increment(); }
double Counter::Value() const { return counter_->Value(); }

void AddScrapeFunction(const std::string& name, const std::string& help, Kind kind,
                       std::function<double()> read) {
  state().functions->Add(name, help, kind, std::move(read));
}

}  // namespace paizhu::metrics
