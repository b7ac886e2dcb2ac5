#include "tools/bench/histogram.h"

#include <algorithm>
#include <bit>

namespace paizhu::bench {
namespace {

constexpr int kSubBits = 7;                      // 128 sub-buckets in the first range
constexpr int kHalf = 1 << (kSubBits - 1);       // 64 in every later one
constexpr int kRanges = 64 - kSubBits;           // enough for any int64 value
constexpr int kBuckets = (kRanges + 1) * kHalf;  // 128 + 63 * 64 (rounded up)

}  // namespace

Histogram::Histogram() : counts_(kBuckets + kHalf, 0) {}

int Histogram::Index(int64_t value) {
  uint64_t v = value < 0 ? 0 : static_cast<uint64_t>(value);
  int shift = std::max(0, static_cast<int>(std::bit_width(v)) - kSubBits);
  return shift * kHalf + static_cast<int>(v >> shift);
}

int64_t Histogram::UpperBound(int index) {
  if (index < 2 * kHalf) return index;
  int shift = index / kHalf - 1;
  int64_t sub = index - shift * kHalf;
  return ((sub + 1) << shift) - 1;
}

void Histogram::Record(int64_t micros) {
  ++counts_[Index(micros)];
  ++count_;
  max_ = std::max(max_, micros);
}

void Histogram::Merge(const Histogram& other) {
  for (size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
  count_ += other.count_;
  max_ = std::max(max_, other.max_);
}

int64_t Histogram::Percentile(double q) const {
  if (count_ == 0) return 0;
  int64_t rank = std::max<int64_t>(1, static_cast<int64_t>(q * count_ + 0.999999));
  int64_t seen = 0;
  for (size_t i = 0; i < counts_.size(); ++i) {
    seen += counts_[i];
    if (seen >= rank) return std::min(UpperBound(static_cast<int>(i)), max_);
  }
  return max_;
}

}  // namespace paizhu::bench
