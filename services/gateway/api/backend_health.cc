#include "services/gateway/api/backend_health.h"

#include <algorithm>

#include "absl/time/clock.h"
#include "common/log/log.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/client_context.h"

namespace paizhu::gateway {

BackendHealth::BackendHealth(std::vector<Target> targets, absl::Duration interval,
                             std::function<void(bool)> on_change)
    : targets_(std::move(targets)), interval_(interval), on_change_(std::move(on_change)) {}

BackendHealth::~BackendHealth() { Stop(); }

void BackendHealth::Start() {
  thread_ = std::thread([this] { Run(); });
}

void BackendHealth::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool BackendHealth::CheckOne(const Target& target) const {
  auto stub = grpc::health::v1::Health::NewStub(target.channel);
  grpc::ClientContext ctx;
  // A check never outlasts the interval (nor 2 s): a hung backend is not ready.
  absl::Duration timeout = std::clamp(interval_, absl::Milliseconds(100), absl::Seconds(2));
  ctx.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(target.health_service);
  grpc::health::v1::HealthCheckResponse response;
  grpc::Status status = stub->Check(&ctx, request, &response);
  return status.ok() && response.status() == grpc::health::v1::HealthCheckResponse::SERVING;
}

void BackendHealth::Run() {
  std::vector<int> serving(targets_.size(), -1);  // -1: not checked yet
  int ready = -1;
  std::unique_lock lock(mu_);
  while (!stopping_) {
    lock.unlock();
    bool all = true;
    for (size_t i = 0; i < targets_.size(); ++i) {
      bool ok = CheckOne(targets_[i]);
      all = all && ok;
      if (serving[i] != static_cast<int>(ok)) {
        if (serving[i] != -1 || !ok) {
          log::Write(ok ? log::Level::kInfo : log::Level::kWarn,
                     ok ? "backend serving" : "backend not serving",
                     {{"backend", targets_[i].name}, {"health", targets_[i].health_service}});
        }
        serving[i] = ok;
      }
    }
    if (ready != static_cast<int>(all)) {
      ready = all;
      log::Info(all ? "ready: every backend serving" : "not ready: a backend is not serving");
      on_change_(all);
    }
    lock.lock();
    wake_.wait_for(lock, absl::ToChronoNanoseconds(interval_), [this] { return stopping_; });
  }
}

}  // namespace paizhu::gateway
