// `paizhu export` for the clue service's ledgers: the same columns the imports take,
// paged by key (default 1000 rows' worth, at most 5000).

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/names/page_token.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "services/clue/api/clue_api.h"
#include "services/clue/api/clue_convert.h"
#include "services/clue/storage/clue_exports.h"

namespace paizhu::clue {
namespace {

using server::CallContext;

// Reads the page, fills the rows with `fill`, and sets the next token.
template <typename Columns, typename Response>
absl::Status ServeExport(
    const v1::ExportRowsRequest& request, const char* kind,
    const std::function<absl::StatusOr<ExportPage<Columns>>(int64_t, int)>& read,
    const std::function<void(const Columns&, Response*)>& fill, Response* response) {
  ASSIGN_OR_RETURN(names::PageRequest page,
                   names::ParsePage(request.page_size(), request.page_token(), kind, 1000, 5000));
  int64_t after = 0;
  if (!page.after_key.empty() && !absl::SimpleAtoi(page.after_key, &after)) {
    return InvalidArgument("page_token", "INVALID_PAGE_TOKEN", "page_token: damaged");
  }
  ASSIGN_OR_RETURN(ExportPage<Columns> rows, read(after, page.limit));
  for (const Columns& c : rows.rows) fill(c, response);
  if (rows.more) {
    response->set_next_page_token(names::MakePageToken(absl::StrCat(rows.last_key), kind));
  }
  return absl::OkStatus();
}

}  // namespace

grpc::Status ClueApi::ExportClues(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                                  v1::ExportCluesResponse* response) {
  return gate_->Serve(ctx, ClueMethod("ExportClues"), [&](const CallContext& call) {
    return ServeExport<ClueColumns, v1::ExportCluesResponse>(
        *request, "clues",
        [&](int64_t after, int limit) {
          return ExportClueRows(*pool_, after, limit, call.deadline);
        },
        [](const ClueColumns& c, v1::ExportCluesResponse* out) {
          auto* r = out->add_rows();
          r->set_number(c.number);
          r->set_received_on(c.received_on);
          r->set_source(c.source);
          r->set_handling_unit(c.handling_unit);
          r->set_subject_name(c.subject_name);
          r->set_subject_unit(c.subject_unit);
          r->set_subject_level(c.subject_level);
          r->set_disposal(c.disposal);
          r->set_disposed_on(c.disposed_on);
          r->set_filed_on(c.filed_on);
        },
        response);
  });
}

grpc::Status ClueApi::ExportOutcomes(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                                     v1::ExportOutcomesResponse* response) {
  return gate_->Serve(ctx, ClueMethod("ExportOutcomes"), [&](const CallContext& call) {
    return ServeExport<OutcomeColumns, v1::ExportOutcomesResponse>(
        *request, "outcomes",
        [&](int64_t after, int limit) {
          return ExportOutcomeRows(*pool_, after, limit, call.deadline);
        },
        [](const OutcomeColumns& c, v1::ExportOutcomesResponse* out) {
          auto* r = out->add_rows();
          r->set_clue(c.clue);
          r->set_subject_name(c.subject_name);
          r->set_outcome(c.outcome);
          r->set_detail(c.detail);
          r->set_months(c.months);
          r->set_decided_on(c.decided_on);
        },
        response);
  });
}

grpc::Status ClueApi::ExportLetters(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                                    v1::ExportLettersResponse* response) {
  return gate_->Serve(ctx, ClueMethod("ExportLetters"), [&](const CallContext& call) {
    return ServeExport<LetterColumns, v1::ExportLettersResponse>(
        *request, "letters",
        [&](int64_t after, int limit) {
          return ExportLetterRows(*pool_, after, limit, call.deadline);
        },
        [](const LetterColumns& c, v1::ExportLettersResponse* out) {
          auto* r = out->add_rows();
          r->set_code(c.code);
          r->set_kind(c.kind);
          r->set_issuer(c.issuer);
          r->set_unit(c.unit);
          r->set_issued_on(c.issued_on);
          r->set_reply_due(c.reply_due);
          r->set_replied_on(c.replied_on);
        },
        response);
  });
}

grpc::Status ClueApi::ExportProblems(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                                     v1::ExportProblemsResponse* response) {
  return gate_->Serve(ctx, ClueMethod("ExportProblems"), [&](const CallContext& call) {
    return ServeExport<ProblemColumns, v1::ExportProblemsResponse>(
        *request, "problems",
        [&](int64_t after, int limit) {
          return ExportProblemRows(*pool_, after, limit, call.deadline);
        },
        [](const ProblemColumns& c, v1::ExportProblemsResponse* out) {
          auto* r = out->add_rows();
          r->set_letter(c.letter);
          r->set_seq(c.seq);
          r->set_description(c.description);
          r->set_state(c.state);
          r->set_rectified_on(c.rectified_on);
          r->set_verified_on(c.verified_on);
        },
        response);
  });
}

}  // namespace paizhu::clue
