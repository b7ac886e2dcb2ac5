#pragma once
// The process's Prometheus metrics: one registry, served at /metrics by an Endpoint
// (the Runner starts one on --metrics-port). Callers record through plain functions;
// no prometheus-cpp header leaks past this library.
//
//   paizhu_rpc_calls_total{method,code}            calls answered, by gRPC status code
//   paizhu_rpc_call_duration_seconds{method}       how long they took (histogram)
//   paizhu_rpc_calls_in_flight                     calls being served now
// plus the counters and scrape-time values other parts name (DB pool, gateway refusals).

#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace prometheus {
class Counter;
class Exposer;
}  // namespace prometheus

namespace paizhu::metrics {

// Serves every metric of the process over HTTP at /metrics.
class Endpoint {
 public:
  // `address` is host:port; port 0 takes any free port.
  static absl::StatusOr<std::unique_ptr<Endpoint>> Start(const std::string& address);
  ~Endpoint();
  int port() const { return port_; }

 private:
  Endpoint() = default;
  std::unique_ptr<prometheus::Exposer> exposer_;
  int port_ = 0;
};

// One call being served: in flight while it lives; Finish records its outcome once.
class CallRecord {
 public:
  CallRecord();
  ~CallRecord();
  CallRecord(const CallRecord&) = delete;
  CallRecord& operator=(const CallRecord&) = delete;

  // `method` is the full gRPC method ("/paizhu.org.v1.OrgService/GetUnit"), `code` the
  // status code's name ("OK", "NOT_FOUND"). Later calls are ignored.
  void Finish(absl::string_view method, absl::string_view code);

 private:
  absl::Time start_;
  bool finished_ = false;
};

// A counter without labels, registered once per name (the same name gives the same
// counter).
class Counter {
 public:
  Counter(const std::string& name, const std::string& help);
  void Increment();
  double Value() const;

 private:
  prometheus::Counter* counter_;
};

// A value read at each scrape, e.g. the DB pool's sessions in use. A later function of
// the same name replaces the earlier one.
enum class Kind { kGauge, kCounter };
void AddScrapeFunction(const std::string& name, const std::string& help, Kind kind,
                       std::function<double()> read);

}  // namespace paizhu::metrics
