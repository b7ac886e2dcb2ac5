#pragma once
// A scheme as a JSON document: the form default schemes ship in (data/schemes/) and the
// form the API carries, so a scheme is data from the file to the database and back.
//
// {"key": "group", "version": 1, "title": "...", "target_kind": "group", "total": 100,
//  "bonus_cap": 5,
//  "aspects": [{"code": "A", "name": "...", "points": 18, "tasks": [
//     {"code": "A01", "name": "...", "duty": "...", "points": 3,
//      "rule": {"kind": "target", "metric": "study_checks", "target": 4, "floor": 0.5}}]}],
//  "bonus": [{"code": "X1", ..., "rule": {"kind": "bonus", "metric": "cases_filed",
//                                           "per_event": 0.5}}]}
//
// Rule fields by kind: manual {min, max (default: the task's points)}; target {metric,
// target, floor (default 0)}; per_event {metric, per_event}; yes_no {metric}; bonus
// {metric, per_event}. Points take at most two decimals. Unknown keys are refused.

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "services/assess/domain/scheme.h"

namespace paizhu::assess {

// Structure only (INVALID_ARGUMENT, reason INVALID_SCHEME_JSON, field the JSON path);
// ValidateScheme checks the rules.
absl::StatusOr<Scheme> ParseSchemeJson(absl::string_view text);
// Pretty-printed, parseable by ParseSchemeJson into an equal scheme.
std::string SchemeToJson(const Scheme& scheme);

}  // namespace paizhu::assess
