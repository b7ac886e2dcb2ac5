#include "services/assess/domain/points.h"

#include <cmath>
#include <cstdlib>

#include "absl/strings/str_cat.h"

namespace paizhu::assess {

std::optional<Centipoints> PointsFromDecimal(double points) {
  if (!std::isfinite(points) || points < 0 || points > 1e6) return std::nullopt;
  double scaled = points * 100;
  double rounded = std::round(scaled);
  if (std::fabs(scaled - rounded) > 1e-6) return std::nullopt;
  return static_cast<Centipoints>(rounded);
}

std::string FormatPoints(Centipoints points) {
  std::string sign = points < 0 ? "-" : "";
  Centipoints magnitude = std::llabs(points);
  Centipoints whole = magnitude / 100;
  Centipoints cents = magnitude % 100;
  if (cents == 0) return absl::StrCat(sign, whole);
  if (cents % 10 == 0) return absl::StrCat(sign, whole, ".", cents / 10);
  return absl::StrCat(sign, whole, ".", cents < 10 ? "0" : "", cents);
}

Centipoints ScalePoints(Centipoints points, double numerator, double denominator) {
  if (denominator <= 0) return 0;
  return static_cast<Centipoints>(std::floor(points * numerator / denominator + 0.5));
}

}  // namespace paizhu::assess
