#pragma once
// The one way every owner's Import<Kind> RPC runs (CONTRACTS.md, "Who owns which data"),
// shared by org and assess (services/org/api/import_handlers.cc explains the steps):
// CheckOptions, then the rows parsed into ParsedRows, then RunImport applies the good
// rows in one transaction, each in a savepoint, and fills the ImportResult.

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "common/import/import_rows.h"
#include "common/sql/idempotency.h"
#include "common/sql/transaction.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "paizhu/common/v1/import.pb.h"

namespace paizhu::imports {

using paizhu::common::v1::ImportOptions;
using paizhu::common::v1::ImportResult;

// CONTRACTS.md: at most 20,000 rows per call.
inline constexpr int kMaxImportRows = 20000;
inline constexpr char kReasonTooManyRows[] = "TOO_MANY_ROWS";
// What the key of a committed import holds: "imported=N".
inline constexpr absl::string_view kImportedPrefix = "imported=";

// The transaction body's way to say "check done, now roll back": a status no store or
// database error carries. Only RunImport makes it and only RunImport turns it into an
// OK answer.
inline constexpr char kReasonRollBack[] = "IMPORT_ROLL_BACK";

// A store error about the row itself, as opposed to the database or the call failing.
inline bool IsRowError(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kOutOfRange:
      return true;
    default:
      return false;
  }
}

// Puts the CSV column on a store error about the row: `columns` maps the error's reason
// (e.g. "UNIT_EXISTS") or, failing that, its API field (e.g. "unit.parent") to a column;
// anything else gets `fallback`. Other errors pass through unchanged.
inline absl::Status AsRow(
    absl::Status status,
    std::initializer_list<std::pair<absl::string_view, absl::string_view>> columns,
    absl::string_view fallback) {
  if (status.ok() || !IsRowError(status)) return status;
  std::string reason = ErrorReason(status);
  std::string field = ErrorField(status);
  absl::string_view column = fallback;
  bool by_reason = false;
  for (const auto& [key, value] : columns) {
    if (key == reason) {
      column = value;
      by_reason = true;
      break;
    }
  }
  if (!by_reason && !field.empty()) {
    for (const auto& [key, value] : columns) {
      if (key == field) {
        column = value;
        break;
      }
    }
  }
  return MakeError(status.code(), reason, status.message(), column);
}

// Checks the options that are not rows.
inline absl::Status CheckOptions(int rows, const ImportOptions& options) {
  if (rows > kMaxImportRows) {
    return InvalidArgument("rows", kReasonTooManyRows,
                           absl::StrCat("rows: ", rows, " rows; at most ", kMaxImportRows,
                                        " per call (split the file)"));
  }
  if (!paizhu::common::v1::ImportMode_IsValid(options.mode())) {
    return InvalidArgument("options.mode", "INVALID_IMPORT_MODE",
                           "options.mode: ALL_OR_NOTHING or GOOD_ROWS_ONLY");
  }
  return absl::OkStatus();
}

// A canonical request: without options.request_id, so the key hashes what was asked.
template <typename Request>
sql::RequestKey KeyOf(const Request& request, const char* method) {
  Request canonical = request;
  canonical.mutable_options()->clear_request_id();
  return sql::RequestKey(request.options().request_id(), method, canonical.SerializeAsString());
}

// Applies the parsed rows (see the file comment) and fills the answer.
template <typename Record>
absl::Status RunImport(sql::Pool& pool, absl::Time deadline, int rows, const ImportOptions& options,
                       const sql::RequestKey& key, const ParsedRows<Record>& parsed,
                       const std::vector<size_t>& order,
                       const std::function<absl::Status(sql::Transaction&, const Record&)>& apply,
                       ImportResult* response) {
  bool all_or_nothing = options.mode() != paizhu::common::v1::GOOD_ROWS_ONLY;
  // The outcome of the last attempt (a deadlock reruns the body from the start).
  std::vector<RowError> errors;
  int imported = 0;
  std::optional<int> replayed;
  bool rolled_back = false;
  absl::Status status =
      sql::RunInTransaction(pool, deadline, [&](sql::Transaction& tx) -> absl::Status {
        errors = parsed.errors;
        imported = 0;
        replayed.reset();
        rolled_back = false;
        ASSIGN_OR_RETURN(std::optional<std::string> previous, key.Claim(tx));
        if (previous) {
          int n = 0;
          absl::string_view text = *previous;
          if (text.substr(0, kImportedPrefix.size()) != kImportedPrefix ||
              !absl::SimpleAtoi(text.substr(kImportedPrefix.size()), &n)) {
            return Internal("IDEMPOTENCY_RESULT_MISSING",
                            "request_id: the first import's result is not readable");
          }
          replayed = n;
          return absl::OkStatus();
        }
        int stored = 0;
        for (size_t index : order) {
          const Record& record = parsed.records[index];
          RETURN_IF_ERROR(tx.Exec("SAVEPOINT import_row").status());
          absl::Status applied = apply(tx, record);
          if (applied.ok()) {
            RETURN_IF_ERROR(tx.Exec("RELEASE SAVEPOINT import_row").status());
            ++stored;
            continue;
          }
          if (!IsRowError(applied)) return applied;
          RETURN_IF_ERROR(tx.Exec("ROLLBACK TO SAVEPOINT import_row").status());
          errors.push_back({record.line, ErrorField(applied), ErrorReason(applied),
                            std::string(applied.message())});
        }
        if (options.validate_only() || (all_or_nothing && !errors.empty())) {
          rolled_back = true;
          return MakeError(absl::StatusCode::kAborted, kReasonRollBack,
                           "the import changes nothing; rolling back");
        }
        imported = stored;
        return key.Complete(tx, absl::StrCat(kImportedPrefix, stored));
      });
  if (!status.ok() && !(rolled_back && ErrorReason(status) == kReasonRollBack)) return status;

  response->set_rows(rows);
  if (replayed) {
    response->set_imported(*replayed);
    return absl::OkStatus();
  }
  response->set_imported(imported);
  // File order: the client's line numbers; a row's own problems in the order found.
  std::stable_sort(errors.begin(), errors.end(),
                   [](const RowError& a, const RowError& b) { return a.line < b.line; });
  for (const RowError& e : errors) {
    auto* out = response->add_errors();
    out->set_line(e.line);
    out->set_field(e.field);
    out->set_reason(e.reason);
    out->set_message(e.message);
  }
  return absl::OkStatus();
}

}  // namespace paizhu::imports
