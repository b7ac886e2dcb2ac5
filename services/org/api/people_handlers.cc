// People, their posts, vetting and roles; the principal the gateway forwards.

#include "absl/strings/str_cat.h"
#include "common/names/page_token.h"
#include "common/names/resource_name.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/org/api/convert.h"
#include "services/org/api/org_api.h"

namespace paizhu::org {

using server::CallContext;

grpc::Status OrgApi::CreatePerson(grpc::ServerContext* ctx, const v1::CreatePersonRequest* request,
                                  v1::Person* response) {
  return gate_->Serve(ctx, Method("CreatePerson"), [&](const CallContext& call) -> absl::Status {
    const v1::Person& in = request->person();
    Person person;
    person.code = request->person_id();
    person.display_name = in.display_name();
    person.gender = in.gender();
    ASSIGN_OR_RETURN(person.birth_date, OptionalDate(in.birth_date(), "person.birth_date"));
    person.education = in.education();
    person.specialties.assign(in.specialties().begin(), in.specialties().end());
    ASSIGN_OR_RETURN(person.work_start, OptionalDate(in.work_start(), "person.work_start"));
    RETURN_IF_ERROR(ValidatePerson(person, TodayInChina()));
    v1::CreatePersonRequest canonical = *request;
    canonical.clear_request_id();
    sql::RequestKey key(request->request_id(), "CreatePerson", canonical.SerializeAsString());
    ASSIGN_OR_RETURN(Person created, repository_->CreatePerson(person, key, call.deadline));
    ToProto(created, response);
    return absl::OkStatus();
  });
}

grpc::Status OrgApi::UpdatePerson(grpc::ServerContext* ctx, const v1::UpdatePersonRequest* request,
                                  v1::Person* response) {
  return gate_->Serve(ctx, Method("UpdatePerson"), [&](const CallContext& call) -> absl::Status {
    const v1::Person& in = request->person();
    ASSIGN_OR_RETURN(std::string code, names::ParseName(in.name(), "people", "person.name"));
    ASSIGN_OR_RETURN(int64_t version, ParseEtag(in.etag(), "person.etag"));
    const auto& mask = request->update_mask();
    RETURN_IF_ERROR(CheckMask(
        mask, {"display_name", "gender", "birth_date", "education", "specialties", "work_start"}));
    ASSIGN_OR_RETURN(std::optional<Person> current, repository_->GetPerson(code, call.deadline));
    if (!current) return NotFound("PERSON_NOT_FOUND", absl::StrCat(in.name(), " does not exist"));
    Person person = *current;
    if (InMask(mask, "display_name")) person.display_name = in.display_name();
    if (InMask(mask, "gender")) person.gender = in.gender();
    if (InMask(mask, "birth_date")) {
      ASSIGN_OR_RETURN(person.birth_date, OptionalDate(in.birth_date(), "person.birth_date"));
    }
    if (InMask(mask, "education")) person.education = in.education();
    if (InMask(mask, "specialties"))
      person.specialties.assign(in.specialties().begin(), in.specialties().end());
    if (InMask(mask, "work_start")) {
      ASSIGN_OR_RETURN(person.work_start, OptionalDate(in.work_start(), "person.work_start"));
    }
    RETURN_IF_ERROR(ValidatePerson(person, TodayInChina()));
    ASSIGN_OR_RETURN(Person updated, repository_->UpdatePerson(person, version, call.deadline));
    ToProto(updated, response);
    return absl::OkStatus();
  });
}

grpc::Status OrgApi::ListPeople(grpc::ServerContext* ctx, const v1::ListPeopleRequest* request,
                                v1::ListPeopleResponse* response) {
  return gate_->Serve(ctx, Method("ListPeople"), [&](const CallContext& call) -> absl::Status {
    PeopleFilter filter;
    ASSIGN_OR_RETURN(filter.as_of, DateOrToday(request->as_of(), "as_of"));
    if (!request->unit().empty()) {
      ASSIGN_OR_RETURN(filter.unit_code, names::ParseName(request->unit(), "units", "unit"));
    }
    filter.post = request->post();
    if (!filter.post.empty() && !IsGroupPost(filter.post) && filter.post != "member") {
      return InvalidArgument("post", "INVALID_POST",
                             "post: leader, deputy or staff (groups), or member");
    }
    filter.active = request->active();
    // A token is for one filter and one date: the page boundaries depend on both.
    std::string fingerprint =
        absl::StrCat("unit=", filter.unit_code, ";post=", filter.post, ";active=", filter.active,
                     ";as_of=", FormatDate(filter.as_of));
    ASSIGN_OR_RETURN(names::PageRequest page,
                     names::ParsePage(request->page_size(), request->page_token(), fingerprint));
    ASSIGN_OR_RETURN(
        std::vector<Person> people,
        repository_->ListPeople(filter, page.after_key, page.limit + 1, call.deadline));
    bool more = static_cast<int>(people.size()) > page.limit;
    if (more) people.resize(page.limit);
    for (const Person& person : people) ToProto(person, response->add_people());
    if (more) response->set_next_page_token(names::MakePageToken(people.back().code, fingerprint));
    return absl::OkStatus();
  });
}

grpc::Status OrgApi::GetPerson(grpc::ServerContext* ctx, const v1::GetPersonRequest* request,
                               v1::Person* response) {
  return gate_->Serve(ctx, Method("GetPerson"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(std::string code, names::ParseName(request->name(), "people", "name"));
    ASSIGN_OR_RETURN(std::optional<Person> person, repository_->GetPerson(code, call.deadline));
    if (!person)
      return NotFound("PERSON_NOT_FOUND", absl::StrCat(request->name(), " does not exist"));
    ToProto(*person, response);
    ASSIGN_OR_RETURN(auto resolved,
                     repository_->ResolvePerson(code, TodayInChina(), call.deadline));
    if (resolved) {
      for (const RoleGrant& grant : resolved->first.roles) {
        response->add_roles(grant.unit_code.empty()
                                ? grant.role
                                : absl::StrCat(grant.role, "@units/", grant.unit_code));
      }
    }
    return absl::OkStatus();
  });
}

grpc::Status OrgApi::AssignPost(grpc::ServerContext* ctx, const v1::AssignPostRequest* request,
                                v1::Person* response) {
  return gate_->Serve(ctx, Method("AssignPost"), [&](const CallContext& call) -> absl::Status {
    PostAssignment a;
    ASSIGN_OR_RETURN(a.person_code, names::ParseName(request->person(), "people", "person"));
    ASSIGN_OR_RETURN(a.unit_code, names::ParseName(request->unit(), "units", "unit"));
    a.post = request->post();
    ASSIGN_OR_RETURN(a.when.from, ParseDate(request->from_date(), "from_date"));
    a.reason = request->reason();
    a.over_quota_reason = request->over_quota_reason();
    a.talk_override_reason = request->talk_override_reason();
    ASSIGN_OR_RETURN(Person person, repository_->AssignPost(a, call.deadline));
    ToProto(person, response);
    return absl::OkStatus();
  });
}

grpc::Status OrgApi::EndPost(grpc::ServerContext* ctx, const v1::EndPostRequest* request,
                             v1::Person* response) {
  return gate_->Serve(ctx, Method("EndPost"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(std::string person_code,
                     names::ParseName(request->person(), "people", "person"));
    ASSIGN_OR_RETURN(std::string unit_code, names::ParseName(request->unit(), "units", "unit"));
    ASSIGN_OR_RETURN(absl::CivilDay to, ParseDate(request->to_date(), "to_date"));
    ASSIGN_OR_RETURN(Person person, repository_->EndPost(person_code, unit_code, request->post(),
                                                         to, request->reason(), call.deadline));
    ToProto(person, response);
    return absl::OkStatus();
  });
}

grpc::Status OrgApi::RecordVetting(grpc::ServerContext* ctx,
                                   const v1::RecordVettingRequest* request, v1::Person* response) {
  return gate_->Serve(ctx, Method("RecordVetting"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(std::string code, names::ParseName(request->person(), "people", "person"));
    Vetting vetting;
    ASSIGN_OR_RETURN(vetting.vetted_on, ParseDate(request->vetted_on(), "vetted_on"));
    vetting.passed = request->passed();
    if (vetting.vetted_on > TodayInChina()) {
      return InvalidArgument("vetted_on", "DATE_IN_FUTURE",
                             "vetted_on: a vetting is recorded after it happened");
    }
    ASSIGN_OR_RETURN(Person person,
                     repository_->RecordVetting(code, vetting, request->note(), call.deadline));
    ToProto(person, response);
    return absl::OkStatus();
  });
}

grpc::Status OrgApi::RecordTransferTalk(grpc::ServerContext* ctx,
                                        const v1::RecordTransferTalkRequest* request,
                                        v1::Person* response) {
  return gate_->Serve(
      ctx, Method("RecordTransferTalk"), [&](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(std::string code, names::ParseName(request->person(), "people", "person"));
        ASSIGN_OR_RETURN(absl::CivilDay on, ParseDate(request->talked_on(), "talked_on"));
        if (on > TodayInChina()) {
          return InvalidArgument("talked_on", "DATE_IN_FUTURE",
                                 "talked_on: a talk is recorded after it was held");
        }
        std::string by;
        if (!request->talked_by().empty()) {
          ASSIGN_OR_RETURN(by, names::ParseName(request->talked_by(), "people", "talked_by"));
        }
        ASSIGN_OR_RETURN(Person person, repository_->RecordTransferTalk(
                                            code, on, by, request->note(), call.deadline));
        ToProto(person, response);
        return absl::OkStatus();
      });
}

grpc::Status OrgApi::RecordTraining(grpc::ServerContext* ctx,
                                    const v1::RecordTrainingRequest* request,
                                    v1::Person* response) {
  return gate_->Serve(ctx, Method("RecordTraining"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(std::string code, names::ParseName(request->person(), "people", "person"));
    if (request->course().empty() || request->course().size() > 600) {
      return InvalidArgument("course", "INVALID_COURSE",
                             "course: required, at most 200 characters");
    }
    ASSIGN_OR_RETURN(absl::CivilDay day, ParseDate(request->date(), "date"));
    if (day > TodayInChina()) return InvalidArgument("date", "DATE_IN_FUTURE", "date: after today");
    if (request->hours() < 0 || request->hours() > 1000) {
      return InvalidArgument("hours", "INVALID_HOURS", "hours: between 0 and 1000");
    }
    ASSIGN_OR_RETURN(Person person,
                     repository_->RecordTraining(code, request->course(), request->organizer(), day,
                                                 request->hours(), call.deadline));
    ToProto(person, response);
    return absl::OkStatus();
  });
}

grpc::Status OrgApi::GrantRole(grpc::ServerContext* ctx, const v1::GrantRoleRequest* request,
                               v1::Person* response) {
  return gate_->Serve(ctx, Method("GrantRole"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(std::string code, names::ParseName(request->person(), "people", "person"));
    RoleGrant grant;
    grant.role = request->role();
    if (!IsRole(grant.role)) {
      return InvalidArgument("role", "INVALID_ROLE",
                             absl::StrCat("role: '", grant.role, "' is not a role"));
    }
    if (!request->unit().empty()) {
      ASSIGN_OR_RETURN(grant.unit_code, names::ParseName(request->unit(), "units", "unit"));
    }
    // CONTRACTS.md: the unit is empty only for admin.
    if ((grant.role == "admin") != grant.unit_code.empty()) {
      return InvalidArgument("unit", "ROLE_UNIT_MISMATCH",
                             "unit: required for every role but admin, and empty for admin");
    }
    ASSIGN_OR_RETURN(absl::CivilDay from, DateOrToday(request->from_date(), "from_date"));
    ASSIGN_OR_RETURN(Person person, repository_->GrantRole(code, grant, from, call.deadline));
    ToProto(person, response);
    return absl::OkStatus();
  });
}

grpc::Status OrgApi::ResolvePrincipal(grpc::ServerContext* ctx,
                                      const v1::ResolvePrincipalRequest* request,
                                      paizhu::common::v1::Principal* response) {
  return gate_->Serve(
      ctx, Method("ResolvePrincipal"), [&](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(std::string code, names::ParseName(request->person(), "people", "person"));
        ASSIGN_OR_RETURN(absl::CivilDay as_of, DateOrToday(request->as_of(), "as_of"));
        ASSIGN_OR_RETURN(auto resolved, repository_->ResolvePerson(code, as_of, call.deadline));
        if (!resolved)
          return NotFound("PERSON_NOT_FOUND", absl::StrCat(request->person(), " does not exist"));
        const auto& [person, facts] = *resolved;
        auto unit_name = [](const std::string& code) {
          return code == kAllUnits ? std::string(kAllUnits) : names::MakeName("units", code);
        };
        response->set_kind(paizhu::common::v1::Principal::PERSON);
        response->set_subject(person.code);
        for (const RoleGrant& grant : person.roles) {
          auto* out = response->add_roles();
          out->set_role(grant.role);
          if (!grant.unit_code.empty()) out->set_unit(names::MakeName("units", grant.unit_code));
          for (const std::string& unit : VisibleUnits(grant, facts))
            out->add_visible_units(unit_name(unit));
        }
        for (const std::string& unit : VisibleUnits(person, facts))
          response->add_visible_units(unit_name(unit));
        for (const HeldPost& post : person.posts) {
          auto* out = response->add_posts();
          out->set_unit(names::MakeName("units", post.unit_code));
          out->set_post(post.post);
        }
        return absl::OkStatus();
      });
}

}  // namespace paizhu::org
