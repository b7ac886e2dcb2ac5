// Ledger migration (CONTRACTS.md formats 9 to 12): letters, problems, historical clues
// and their outcomes, run as every owner's imports run (common/import/run_import.h):
// rows parsed on their own (domain/import_rows.h), codes checked with org, then one
// transaction applies the good rows, each in a savepoint (storage/clue_imports.h).

#include <map>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/import/run_import.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/clue/api/clue_api.h"
#include "services/clue/api/clue_convert.h"
#include "services/clue/domain/import_rows.h"
#include "services/clue/storage/clue_imports.h"

namespace paizhu::clue {
namespace {

using imports::ParsedRows;
using server::CallContext;

// Org's answer for each unit code, asked once per import.
class UnitKinds {
 public:
  UnitKinds(const client::UnitDirectory* units, const CallContext* call)
      : units_(units), call_(call) {}
  // The kind, "" for no such unit.
  absl::StatusOr<std::string> Kind(const std::string& code) {
    auto it = kinds_.find(code);
    if (it != kinds_.end()) return it->second;
    ASSIGN_OR_RETURN(std::optional<client::UnitFacts> facts, units_->Lookup(code, *call_));
    return kinds_[code] = facts ? facts->kind : "";
  }

 private:
  const client::UnitDirectory* units_;
  const CallContext* call_;
  std::map<std::string, std::string> kinds_;
};

// Moves the records that fail `check` (an error naming the column) to the errors.
template <typename Record>
absl::Status CheckWithOrg(
    ParsedRows<Record>& parsed,
    const std::function<absl::StatusOr<std::optional<imports::RowError>>(const Record&)>& check) {
  std::vector<Record> good;
  for (Record& r : parsed.records) {
    ASSIGN_OR_RETURN(std::optional<imports::RowError> error, check(r));
    if (error) {
      parsed.errors.push_back(*error);
    } else {
      good.push_back(std::move(r));
    }
  }
  parsed.records = std::move(good);
  return absl::OkStatus();
}

std::optional<imports::RowError> UnitError(int line, const char* column, const std::string& code,
                                           const std::string& kind, bool kind_ok,
                                           const char* wanted) {
  if (kind.empty()) {
    return imports::RowError{line, column, "UNIT_NOT_FOUND",
                             absl::StrCat(column, ": no unit ", code)};
  }
  if (!kind_ok) {
    return imports::RowError{line, column, "WRONG_UNIT_KIND",
                             absl::StrCat(column, ": ", code, " is a ", kind, ", not ", wanted)};
  }
  return std::nullopt;
}

bool Handles(const std::string& kind) {
  return kind == "group" || kind == "township" || kind == "supervision_office" || kind == "office";
}

template <typename Record>
std::vector<size_t> FileOrder(const std::vector<Record>& records) {
  std::vector<size_t> order(records.size());
  for (size_t i = 0; i < records.size(); ++i) order[i] = i;
  return order;
}

}  // namespace

grpc::Status ClueApi::ImportClues(grpc::ServerContext* ctx, const v1::ImportCluesRequest* request,
                                  common::v1::ImportResult* response) {
  return gate_->Serve(ctx, ClueMethod("ImportClues"), [&](const CallContext& call) -> absl::Status {
    RETURN_IF_ERROR(imports::CheckOptions(request->rows_size(), request->options()));
    std::vector<ClueColumns> rows;
    for (const auto& r : request->rows()) {
      rows.push_back({r.line(), r.number(), r.received_on(), r.source(), r.handling_unit(),
                      r.subject_name(), r.subject_unit(), r.subject_level(), r.disposal(),
                      r.disposed_on(), r.filed_on()});
    }
    ParsedRows<ClueImport> parsed = ParseClueRows(rows, TodayInChina());
    UnitKinds kinds(units_, &call);
    RETURN_IF_ERROR(CheckWithOrg<ClueImport>(
        parsed, [&](const ClueImport& c) -> absl::StatusOr<std::optional<imports::RowError>> {
          ASSIGN_OR_RETURN(std::string kind, kinds.Kind(c.handling_unit));
          if (auto e = UnitError(c.line, "handling_unit", c.handling_unit, kind, Handles(kind),
                                 "a group, office or township")) {
            return e;
          }
          for (const Subject& s : c.subjects) {
            if (s.unit_code.empty()) continue;
            ASSIGN_OR_RETURN(std::string subject_kind, kinds.Kind(s.unit_code));
            if (auto e = UnitError(c.line, "subject_unit", s.unit_code, subject_kind, true, "")) {
              return e;
            }
          }
          return std::nullopt;
        }));
    std::string actor = ViewerOf(call.principal).actor;
    return imports::RunImport<ClueImport>(
        *pool_, call.deadline, request->rows_size(), request->options(),
        imports::KeyOf(*request, "ImportClues"), parsed, FileOrder(parsed.records),
        [&](sql::Transaction& tx, const ClueImport& c) {
          return StoreImportedClue(tx, c, actor, audit_key_);
        },
        response);
  });
}

grpc::Status ClueApi::ImportOutcomes(grpc::ServerContext* ctx,
                                     const v1::ImportOutcomesRequest* request,
                                     common::v1::ImportResult* response) {
  return gate_->Serve(
      ctx, ClueMethod("ImportOutcomes"), [&](const CallContext& call) -> absl::Status {
        RETURN_IF_ERROR(imports::CheckOptions(request->rows_size(), request->options()));
        std::vector<OutcomeColumns> rows;
        for (const auto& r : request->rows()) {
          rows.push_back({r.line(), r.clue(), r.subject_name(), r.outcome(), r.detail(), r.months(),
                          r.decided_on()});
        }
        ParsedRows<OutcomeImport> parsed = ParseOutcomeRows(rows, TodayInChina());
        std::string actor = ViewerOf(call.principal).actor;
        return imports::RunImport<OutcomeImport>(
            *pool_, call.deadline, request->rows_size(), request->options(),
            imports::KeyOf(*request, "ImportOutcomes"), parsed, FileOrder(parsed.records),
            [&](sql::Transaction& tx, const OutcomeImport& o) {
              return StoreImportedOutcome(tx, o, actor, audit_key_);
            },
            response);
      });
}

grpc::Status ClueApi::ImportLetters(grpc::ServerContext* ctx,
                                    const v1::ImportLettersRequest* request,
                                    common::v1::ImportResult* response) {
  return gate_->Serve(
      ctx, ClueMethod("ImportLetters"), [&](const CallContext& call) -> absl::Status {
        RETURN_IF_ERROR(imports::CheckOptions(request->rows_size(), request->options()));
        std::vector<LetterColumns> rows;
        for (const auto& r : request->rows()) {
          rows.push_back({r.line(), r.code(), r.kind(), r.issuer(), r.unit(), r.issued_on(),
                          r.reply_due(), r.replied_on()});
        }
        ParsedRows<LetterImport> parsed = ParseLetterRows(rows, TodayInChina());
        UnitKinds kinds(units_, &call);
        RETURN_IF_ERROR(CheckWithOrg<LetterImport>(
            parsed, [&](const LetterImport& l) -> absl::StatusOr<std::optional<imports::RowError>> {
              ASSIGN_OR_RETURN(std::string issuer, kinds.Kind(l.issuer));
              if (auto e = UnitError(l.line, "issuer", l.issuer, issuer,
                                     issuer == "group" || absl::StrContains(issuer, "office"),
                                     "a group or an office")) {
                return e;
              }
              ASSIGN_OR_RETURN(std::string unit, kinds.Kind(l.unit));
              return UnitError(l.line, "unit", l.unit, unit, unit == "supervised_unit",
                               "a supervised unit");
            }));
        return imports::RunImport<LetterImport>(
            *pool_, call.deadline, request->rows_size(), request->options(),
            imports::KeyOf(*request, "ImportLetters"), parsed, FileOrder(parsed.records),
            [&](sql::Transaction& tx, const LetterImport& l) { return StoreImportedLetter(tx, l); },
            response);
      });
}

grpc::Status ClueApi::ImportProblems(grpc::ServerContext* ctx,
                                     const v1::ImportProblemsRequest* request,
                                     common::v1::ImportResult* response) {
  return gate_->Serve(
      ctx, ClueMethod("ImportProblems"), [&](const CallContext& call) -> absl::Status {
        RETURN_IF_ERROR(imports::CheckOptions(request->rows_size(), request->options()));
        std::vector<ProblemColumns> rows;
        for (const auto& r : request->rows()) {
          rows.push_back({r.line(), r.letter(), r.seq(), r.description(), r.state(),
                          r.rectified_on(), r.verified_on()});
        }
        ParsedRows<ProblemImport> parsed = ParseProblemRows(rows, TodayInChina());
        return imports::RunImport<ProblemImport>(
            *pool_, call.deadline, request->rows_size(), request->options(),
            imports::KeyOf(*request, "ImportProblems"), parsed, FileOrder(parsed.records),
            [&](sql::Transaction& tx, const ProblemImport& p) {
              return StoreImportedProblem(tx, p);
            },
            response);
      });
}

}  // namespace paizhu::clue
