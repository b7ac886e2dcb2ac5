#pragma once
// Points are kept as whole hundredths (0.01 point), so a sheet's task points add up to its
// total exactly: every rounding happens once, per task, never on a sum.

#include <cstdint>
#include <optional>
#include <string>

namespace paizhu::assess {

using Centipoints = int64_t;

// 2.5 -> 250. Nullopt for a negative, non-finite or over-precise (0.005) figure.
std::optional<Centipoints> PointsFromDecimal(double points);
// 250 -> "2.5", 300 -> "3", -50 -> "-0.5".
std::string FormatPoints(Centipoints points);
// `points` * `numerator` / `denominator`, rounded half up to a whole centipoint.
Centipoints ScalePoints(Centipoints points, double numerator, double denominator);

}  // namespace paizhu::assess
