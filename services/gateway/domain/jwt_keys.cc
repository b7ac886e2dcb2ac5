#include "services/gateway/domain/jwt_keys.h"

#include <sys/stat.h>

#include <fstream>
#include <iterator>

#include "absl/strings/str_cat.h"
#include "common/log/log.h"
#include "common/status/status.h"

namespace paizhu::gateway {
namespace {

// stat() follows symlinks, so a swapped link target counts as a change.
absl::StatusOr<JwtKeyStore::FileVersion> Stat(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    return InvalidArgument("jwt-public-key-file", "KEY_FILE_UNREADABLE",
                           absl::StrCat("cannot read JWT key file ", path));
  }
  JwtKeyStore::FileVersion v;
  v.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  v.size = st.st_size;
  v.inode = st.st_ino;
  v.device = st.st_dev;
  return v;
}

}  // namespace

absl::StatusOr<std::unique_ptr<JwtKeyStore>> JwtKeyStore::Open(std::string path,
                                                               auth::JwtVerifierOptions options,
                                                               absl::Duration reload_interval,
                                                               absl::Time now) {
  std::unique_ptr<JwtKeyStore> store(
      new JwtKeyStore(std::move(path), std::move(options), reload_interval));
  auto version = Stat(store->path_);
  if (!version.ok()) return version.status();
  auto verifier = store->Load();
  if (!verifier.ok()) return verifier.status();
  store->seen_ = *version;
  store->keys_ = Keys{*std::move(verifier), 1};
  store->next_check_ns_ = absl::ToUnixNanos(now + reload_interval);
  return store;
}

absl::StatusOr<std::shared_ptr<const auth::JwtVerifier>> JwtKeyStore::Load() const {
  std::ifstream in(path_);
  if (!in) {
    return InvalidArgument("jwt-public-key-file", "KEY_FILE_UNREADABLE",
                           absl::StrCat("cannot read JWT key file ", path_));
  }
  std::string pem((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto verifier = auth::JwtVerifier::FromPem(pem, options_);
  if (!verifier.ok()) return verifier.status();
  return std::shared_ptr<const auth::JwtVerifier>(*std::move(verifier));
}

JwtKeyStore::Keys JwtKeyStore::Current(absl::Time now) {
  if (absl::ToUnixNanos(now) >= next_check_ns_.load(std::memory_order_relaxed)) MaybeReload(now);
  std::lock_guard lock(mu_);
  return keys_;
}

void JwtKeyStore::MaybeReload(absl::Time now) {
  // Whoever holds the lock is checking already: go on with the current keys.
  std::unique_lock checking(reload_mu_, std::try_to_lock);
  if (!checking.owns_lock()) return;
  if (absl::ToUnixNanos(now) < next_check_ns_.load()) return;  // another caller just checked
  next_check_ns_ = absl::ToUnixNanos(now + interval_);

  // The version is taken before reading, so a change during the read is seen next time.
  absl::StatusOr<FileVersion> version = Stat(path_);
  absl::StatusOr<std::shared_ptr<const auth::JwtVerifier>> loaded;
  if (version.ok()) {
    if (*version == seen_) return;
    seen_ = *version;
    loaded = Load();
  } else {
    loaded = version.status();
  }
  std::lock_guard lock(mu_);
  if (!loaded.ok()) {
    // Logged once per failing version of the file (or failure), not on every check.
    if (version.ok() || loaded.status() != last_status_) {
      log::Error("cannot reload JWT keys; keeping the previous ones",
                 {{"file", path_},
                  {"reason", ErrorReason(loaded.status())},
                  {"why", std::string(loaded.status().message())}});
    }
    last_status_ = loaded.status();
    return;
  }
  keys_ = Keys{*std::move(loaded), keys_.generation + 1};
  last_status_ = absl::OkStatus();
  log::Info("JWT keys reloaded", {{"file", path_}, {"generation", keys_.generation}});
}

absl::Status JwtKeyStore::last_reload_status() const {
  std::lock_guard lock(mu_);
  return last_status_;
}

}  // namespace paizhu::gateway
