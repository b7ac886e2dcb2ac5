#pragma once
// A task run every `interval` on its own thread until the object is destroyed (which
// waits for a run in progress): for a service's housekeeping, e.g. audit checkpoints.

#include <functional>
#include <thread>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace paizhu::server {

class Periodic {
 public:
  Periodic(absl::Duration interval, std::function<void()> task)
      : thread_([this, interval, task = std::move(task)] {
          absl::MutexLock lock(&mu_);
          // Wakes at once when stopped; otherwise runs the task after each interval.
          while (!mu_.AwaitWithTimeout(absl::Condition(&stop_), interval)) {
            mu_.Unlock();
            task();
            mu_.Lock();
          }
        }) {}
  ~Periodic() {
    {
      absl::MutexLock lock(&mu_);
      stop_ = true;
    }
    thread_.join();
  }
  Periodic(const Periodic&) = delete;
  Periodic& operator=(const Periodic&) = delete;

 private:
  absl::Mutex mu_;
  bool stop_ = false;  // guarded by mu_
  std::thread thread_;
};

}  // namespace paizhu::server
