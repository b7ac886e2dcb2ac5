#pragma once
// Latencies in a log-linear histogram (HdrHistogram's layout, 64 sub-buckets per power
// of two, so every percentile is within 1.6% of the true value) plus the exact maximum.
// One per worker thread; merged after the window, so recording takes no lock.

#include <cstdint>
#include <vector>

namespace paizhu::bench {

class Histogram {
 public:
  Histogram();
  void Record(int64_t micros);
  void Merge(const Histogram& other);
  int64_t count() const { return count_; }
  int64_t max() const { return max_; }
  // The value at quantile q in [0, 1] (the upper end of its bucket, capped at max).
  int64_t Percentile(double q) const;

 private:
  static int Index(int64_t value);
  static int64_t UpperBound(int index);
  std::vector<int64_t> counts_;
  int64_t count_ = 0;
  int64_t max_ = 0;
};

}  // namespace paizhu::bench
