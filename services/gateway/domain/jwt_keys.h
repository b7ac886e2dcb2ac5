#pragma once
// The public keys that sign people's tokens, from the PEM file named by
// --jwt-public-key-file, reloaded when the file changes (its modification time, size or
// inode: a Kubernetes secret update swaps a symlink). The file is looked at on the call
// path, at most once per reload interval and by one caller at a time; every other call
// goes on with the keys it has. A file that no longer parses keeps the old keys and logs
// an error.

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/auth/jwt.h"

namespace paizhu::gateway {

class JwtKeyStore {
 public:
  // Fails when the file cannot be read or holds no usable key.
  static absl::StatusOr<std::unique_ptr<JwtKeyStore>> Open(std::string path,
                                                           auth::JwtVerifierOptions options,
                                                           absl::Duration reload_interval,
                                                           absl::Time now = absl::Now());

  struct Keys {
    std::shared_ptr<const auth::JwtVerifier> verifier;
    uint64_t generation = 0;  // +1 on every successful reload
  };
  // The keys in force; first reloads them if the interval has passed and the file changed.
  Keys Current(absl::Time now = absl::Now());

  // OK, or why the last reload attempt failed (the old keys stayed).
  absl::Status last_reload_status() const;

  // What identifies a version of the file without reading it.
  struct FileVersion {
    int64_t mtime_ns = 0;
    int64_t size = -1;
    uint64_t inode = 0;
    uint64_t device = 0;
    bool operator==(const FileVersion&) const = default;
  };

 private:
  JwtKeyStore(std::string path, auth::JwtVerifierOptions options, absl::Duration reload_interval)
      : path_(std::move(path)), options_(std::move(options)), interval_(reload_interval) {}
  // Reads and parses the file.
  absl::StatusOr<std::shared_ptr<const auth::JwtVerifier>> Load() const;
  void MaybeReload(absl::Time now);

  const std::string path_;
  const auth::JwtVerifierOptions options_;
  const absl::Duration interval_;
  std::atomic<int64_t> next_check_ns_{0};  // unix nanoseconds
  std::mutex reload_mu_;                   // held (try_lock) by the one caller checking
  FileVersion seen_;                       // guarded by reload_mu_
  mutable std::mutex mu_;                  // guards keys_ and last_status_
  Keys keys_;
  absl::Status last_status_;
};

}  // namespace paizhu::gateway
