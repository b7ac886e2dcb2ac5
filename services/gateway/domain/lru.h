#pragma once
// The bounded maps behind the gateway's caches and rate limits.
// - LruMap: at most `capacity` entries; using an entry makes it the most recent, and an
//   insert beyond capacity drops the least recently used. Not thread-safe.
// - ExpiringCache: an LruMap of values that each carry their own expiry, behind a mutex.
//   An entry is never returned at or after its expiry.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <utility>

#include "absl/time/time.h"

namespace paizhu::gateway {

template <typename K, typename V, typename Hash = std::hash<K>>
class LruMap {
 public:
  explicit LruMap(size_t capacity) : capacity_(capacity) {}
  LruMap(const LruMap&) = delete;
  LruMap& operator=(const LruMap&) = delete;

  // The value, now the most recently used; nullptr when absent.
  V* Find(const K& key) {
    auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    items_.splice(items_.begin(), items_, it->second);
    return &it->second->second;
  }

  // Inserts or replaces, as the most recently used; drops the least recently used beyond
  // capacity. Returns the stored value, or nullptr when the capacity is 0.
  V* Put(const K& key, V value) {
    if (capacity_ == 0) return nullptr;
    if (V* existing = Find(key)) {
      *existing = std::move(value);
      return existing;
    }
    items_.emplace_front(key, std::move(value));
    index_.emplace(key, items_.begin());
    while (items_.size() > capacity_) {
      index_.erase(items_.back().first);
      items_.pop_back();
    }
    return &items_.front().second;
  }

  void Erase(const K& key) {
    auto it = index_.find(key);
    if (it == index_.end()) return;
    items_.erase(it->second);
    index_.erase(it);
  }

  void Clear() {
    index_.clear();
    items_.clear();
  }
  size_t size() const { return items_.size(); }
  size_t capacity() const { return capacity_; }

 private:
  using List = std::list<std::pair<K, V>>;
  size_t capacity_;
  List items_;  // most recently used first
  std::unordered_map<K, typename List::iterator, Hash> index_;
};

template <typename K, typename V, typename Hash = std::hash<K>>
class ExpiringCache {
 public:
  explicit ExpiringCache(size_t capacity) : entries_(capacity) {}

  // The value while now < its expiry; an expired entry is dropped and missed.
  std::optional<V> Get(const K& key, absl::Time now) {
    std::lock_guard lock(mu_);
    Entry* entry = entries_.Find(key);
    if (entry != nullptr && now < entry->expires_at) {
      ++hits_;
      return entry->value;
    }
    if (entry != nullptr) entries_.Erase(key);
    ++misses_;
    return std::nullopt;
  }

  // Stores the value until `expires_at`; a value already expired at `now` is not stored.
  void Put(const K& key, V value, absl::Time expires_at, absl::Time now) {
    if (expires_at <= now) return;
    std::lock_guard lock(mu_);
    entries_.Put(key, Entry{std::move(value), expires_at});
  }

  void Clear() {
    std::lock_guard lock(mu_);
    entries_.Clear();
  }
  size_t size() const {
    std::lock_guard lock(mu_);
    return entries_.size();
  }
  uint64_t hits() const {
    std::lock_guard lock(mu_);
    return hits_;
  }
  uint64_t misses() const {
    std::lock_guard lock(mu_);
    return misses_;
  }

 private:
  struct Entry {
    V value;
    absl::Time expires_at;
  };
  mutable std::mutex mu_;
  LruMap<K, Entry, Hash> entries_;
  uint64_t hits_ = 0;
  uint64_t misses_ = 0;
};

}  // namespace paizhu::gateway
