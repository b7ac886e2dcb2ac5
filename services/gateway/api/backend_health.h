#pragma once
// The gateway's readiness follows its backends: a background thread asks each backend
// for its readiness name over grpc.health.v1 every interval and reports true only while
// every one answers SERVING (a backend of several replicas is SERVING while any replica
// is: the channel balances the check like any call).

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/time/time.h"
#include "grpcpp/channel.h"

namespace paizhu::gateway {

class BackendHealth {
 public:
  struct Target {
    std::string name;            // org
    std::string health_service;  // paizhu.org.v1.OrgService
    std::shared_ptr<grpc::Channel> channel;
  };
  // `on_change(ready)` is called from the checking thread: once after the first round,
  // then whenever the answer changes.
  BackendHealth(std::vector<Target> targets, absl::Duration interval,
                std::function<void(bool)> on_change);
  ~BackendHealth();  // stops the thread

  void Start();
  void Stop();

 private:
  void Run();
  bool CheckOne(const Target& target) const;

  const std::vector<Target> targets_;
  const absl::Duration interval_;
  const std::function<void(bool)> on_change_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace paizhu::gateway
