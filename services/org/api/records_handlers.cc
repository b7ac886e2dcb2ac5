// Versioned rules (SetRuleVersion, ListRuleVersions), integrity files (廉政档案) and the
// integrity opinion (党风廉政意见回复), which asks the clue service.

#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/client/downstream.h"
#include "common/names/page_token.h"
#include "common/names/resource_name.h"
#include "common/status/grpc_status.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "paizhu/clue/v1/clue.grpc.pb.h"
#include "services/org/api/convert.h"
#include "services/org/api/org_api.h"
#include "services/org/domain/principal_resolution.h"

namespace paizhu::org {
namespace {

using server::CallContext;

void ToProto(const RuleVersion& v, v1::RuleVersion* out) {
  out->set_rule(v.rule);
  out->set_from_date(FormatDate(v.from));
  out->set_value(v.value);
  out->set_note(v.note);
  if (!v.set_by.empty()) out->set_set_by(names::MakeName("people", v.set_by));
  out->set_set_at(v.set_at);
}

void ToProto(const IntegrityFile& f, v1::IntegrityFile* out) {
  out->set_name(names::MakeName("integrity-files", f.code));
  out->set_cadre_name(f.cadre_name);
  out->set_unit(names::MakeName("units", f.unit_code));
  out->set_position(f.position);
  out->set_level(f.level);
  out->set_key_minority(f.key_minority);
  for (const std::string& tag : f.focus_tags) out->add_focus_tags(tag);
  for (const IntegrityEntry& e : f.entries) {
    v1::IntegrityEntry* entry = out->add_entries();
    entry->set_kind(e.kind);
    entry->set_date(FormatDate(e.day));
    entry->set_summary(e.summary);
    if (!e.recorded_by.empty()) entry->set_recorded_by(names::MakeName("people", e.recorded_by));
  }
  out->set_etag(absl::StrCat(f.version));
}

// The caller's view of integrity files (MaySeeIntegrityFile), from the signed principal.
IntegrityFileCheck ViewOf(const auth::Principal& principal) {
  bool admin = false;
  for (const auto& role : principal.roles()) admin |= role.role() == "admin";
  bool sees_all = false;
  std::set<std::string> units;
  for (const std::string& unit : principal.visible_units()) {
    if (unit == kAllUnits) sees_all = true;
    if (absl::StartsWith(unit, "units/")) units.insert(unit.substr(6));
  }
  return [admin, sees_all, units](const std::string& group) {
    return MaySeeIntegrityFile(admin, sees_all, units, group);
  };
}

absl::Status FileNotFound(const std::string& name) {
  return NotFound("INTEGRITY_FILE_NOT_FOUND", absl::StrCat(name, " does not exist"));
}

}  // namespace

grpc::Status OrgApi::SetRuleVersion(grpc::ServerContext* ctx,
                                    const v1::SetRuleVersionRequest* request,
                                    v1::RuleVersion* response) {
  return gate_->Serve(ctx, Method("SetRuleVersion"), [&](const CallContext& call) -> absl::Status {
    const v1::RuleVersion& in = request->version();
    RuleVersion version;
    version.rule = in.rule();
    ASSIGN_OR_RETURN(version.from, ParseDate(in.from_date(), "version.from_date"));
    version.value = in.value();
    version.note = in.note();
    version.set_by = call.principal.subject();  // the audit: who set it (and, stored, when)
    // Values and dates are checked against the rule's latest version in the transaction.
    ASSIGN_OR_RETURN(RuleVersion stored, repository_->SetRuleVersion(version, call.deadline));
    ToProto(stored, response);
    return absl::OkStatus();
  });
}

grpc::Status OrgApi::ListRuleVersions(grpc::ServerContext* ctx,
                                      const v1::ListRuleVersionsRequest* request,
                                      v1::ListRuleVersionsResponse* response) {
  return gate_->Serve(
      ctx, Method("ListRuleVersions"), [&](const CallContext& call) -> absl::Status {
        if (!request->rule().empty() && !IsKnownRule(request->rule())) {
          return InvalidArgument("rule", "UNKNOWN_RULE",
                                 "rule: one of vetting_required, transfer_talk_required, "
                                 "specialist_target_share");
        }
        ASSIGN_OR_RETURN(std::vector<RuleVersion> versions,
                         repository_->ListRuleVersions(request->rule(), call.deadline));
        for (const RuleVersion& v : versions) ToProto(v, response->add_versions());
        return absl::OkStatus();
      });
}

grpc::Status OrgApi::CreateIntegrityFile(grpc::ServerContext* ctx,
                                         const v1::CreateIntegrityFileRequest* request,
                                         v1::IntegrityFile* response) {
  return gate_->Serve(
      ctx, Method("CreateIntegrityFile"), [&](const CallContext& call) -> absl::Status {
        const v1::IntegrityFile& in = request->file();
        IntegrityFile file;
        file.code = request->file_id();
        file.cadre_name = in.cadre_name();
        ASSIGN_OR_RETURN(file.unit_code, names::ParseName(in.unit(), "units", "file.unit"));
        file.position = in.position();
        file.level = in.level();
        file.key_minority = in.key_minority();
        file.focus_tags.assign(in.focus_tags().begin(), in.focus_tags().end());
        RETURN_IF_ERROR(ValidateIntegrityFile(file));
        v1::CreateIntegrityFileRequest canonical = *request;
        canonical.clear_request_id();
        sql::RequestKey key(request->request_id(), "CreateIntegrityFile",
                            canonical.SerializeAsString());
        ASSIGN_OR_RETURN(
            IntegrityFile created,
            repository_->CreateIntegrityFile(file, key, ViewOf(call.principal), call.deadline));
        ToProto(created, response);
        return absl::OkStatus();
      });
}

grpc::Status OrgApi::ListIntegrityFiles(grpc::ServerContext* ctx,
                                        const v1::ListIntegrityFilesRequest* request,
                                        v1::ListIntegrityFilesResponse* response) {
  return gate_->Serve(
      ctx, Method("ListIntegrityFiles"), [&](const CallContext& call) -> absl::Status {
        std::string unit;
        if (!request->unit().empty()) {
          ASSIGN_OR_RETURN(unit, names::ParseName(request->unit(), "units", "unit"));
        }
        // The caller is part of the filter: a token is not passed on to someone else.
        std::string fingerprint = absl::StrCat("unit=", unit, ";caller=", call.principal.subject());
        ASSIGN_OR_RETURN(
            names::PageRequest page,
            names::ParsePage(request->page_size(), request->page_token(), fingerprint));
        ASSIGN_OR_RETURN(std::vector<IntegrityFile> files,
                         repository_->ListIntegrityFiles(unit, page.after_key, page.limit + 1,
                                                         ViewOf(call.principal), call.deadline));
        bool more = static_cast<int>(files.size()) > page.limit;
        if (more) files.resize(page.limit);
        for (const IntegrityFile& f : files) ToProto(f, response->add_files());
        if (more) {
          response->set_next_page_token(names::MakePageToken(files.back().code, fingerprint));
        }
        return absl::OkStatus();
      });
}

grpc::Status OrgApi::GetIntegrityFile(grpc::ServerContext* ctx,
                                      const v1::GetIntegrityFileRequest* request,
                                      v1::IntegrityFile* response) {
  return gate_->Serve(
      ctx, Method("GetIntegrityFile"), [&](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(std::string code,
                         names::ParseName(request->name(), "integrity-files", "name"));
        ASSIGN_OR_RETURN(
            std::optional<IntegrityFile> file,
            repository_->GetIntegrityFile(code, ViewOf(call.principal), call.deadline));
        if (!file) return FileNotFound(request->name());
        ToProto(*file, response);
        return absl::OkStatus();
      });
}

grpc::Status OrgApi::AddIntegrityEntry(grpc::ServerContext* ctx,
                                       const v1::AddIntegrityEntryRequest* request,
                                       v1::IntegrityFile* response) {
  return gate_->Serve(
      ctx, Method("AddIntegrityEntry"), [&](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(std::string code,
                         names::ParseName(request->file(), "integrity-files", "file"));
        const v1::IntegrityEntry& in = request->entry();
        IntegrityEntry entry;
        entry.kind = in.kind();
        ASSIGN_OR_RETURN(entry.day, ParseDate(in.date(), "entry.date"));
        entry.summary = in.summary();
        entry.recorded_by = call.principal.subject();
        RETURN_IF_ERROR(ValidateIntegrityEntry(entry, TodayInChina()));
        ASSIGN_OR_RETURN(
            IntegrityFile file,
            repository_->AddIntegrityEntry(code, entry, ViewOf(call.principal), call.deadline));
        ToProto(file, response);
        return absl::OkStatus();
      });
}

grpc::Status OrgApi::GetIntegrityOpinion(grpc::ServerContext* ctx,
                                         const v1::GetIntegrityOpinionRequest* request,
                                         v1::IntegrityOpinion* response) {
  return gate_->Serve(
      ctx, Method("GetIntegrityOpinion"), [&](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(std::string code,
                         names::ParseName(request->file(), "integrity-files", "file"));
        ASSIGN_OR_RETURN(absl::CivilDay as_of, DateOrToday(request->as_of(), "as_of"));
        ASSIGN_OR_RETURN(
            std::optional<IntegrityFile> file,
            repository_->GetIntegrityFile(code, ViewOf(call.principal), call.deadline));
        if (!file) return FileNotFound(request->file());
        if (clue_ == nullptr) {
          return Unavailable("CLUE_NOT_CONFIGURED",
                             "integrity opinions need the clue service (--clue-addr)");
        }
        // As the org service, on behalf of the caller: the clue service sees only what the
        // caller's own view lets it return.
        clue::v1::ListSubjectRecordsRequest ask;
        ask.set_subject_name(file->cadre_name);
        ask.set_subject_unit(names::MakeName("units", file->unit_code));
        ask.set_as_of(FormatDate(as_of));
        ask.set_on_behalf_of(names::MakeName("people", call.principal.subject()));
        for (const std::string& unit : call.principal.visible_units()) ask.add_visible_units(unit);
        clue::v1::ListSubjectRecordsResponse records;
        auto stub = clue::v1::ClueService::NewStub(clue_->channel());
        auto clue_call = clue_->NewCall("/paizhu.clue.v1.ClueService/ListSubjectRecords", &call);
        absl::Status asked =
            FromGrpcStatus(stub->ListSubjectRecords(clue_call.get(), ask, &records));
        if (!asked.ok()) {
          // No opinion on part of the facts.
          return Unavailable("CLUE_SERVICE_UNAVAILABLE",
                             absl::StrCat("the clue service did not answer: ", asked.message()));
        }

        response->set_file(names::MakeName("integrity-files", file->code));
        response->set_as_of(FormatDate(as_of));
        response->set_cadre_name(file->cadre_name);
        response->set_unit(names::MakeName("units", file->unit_code));
        response->set_position(file->position);
        for (const clue::v1::SubjectRecord& r : records.records()) {
          if (r.open()) {
            response->add_open_clues(r.clue());
          } else {
            response->set_closed_clues(response->closed_clues() + 1);
          }
          for (const clue::v1::Outcome& o : r.sanctions_in_effect()) {
            v1::SanctionInEffect* s = response->add_sanctions();
            s->set_clue(r.clue());
            s->set_outcome(o.outcome());
            s->set_decided_on(o.decided_on());
            s->set_effect_until(o.effect_until());
          }
        }
        response->set_finding(response->sanctions_size() > 0    ? "sanction_in_effect"
                              : response->open_clues_size() > 0 ? "open_clues"
                                                                : "no_objection");
        IntegrityFile upto = *file;
        upto.entries.clear();
        for (const IntegrityEntry& e : file->entries) {
          if (e.day <= as_of) upto.entries.push_back(e);
        }
        v1::IntegrityFile entries;
        ToProto(upto, &entries);
        *response->mutable_entries() = entries.entries();
        return absl::OkStatus();
      });
}

}  // namespace paizhu::org
