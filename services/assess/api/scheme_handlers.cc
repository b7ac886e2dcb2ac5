// Schemes as versioned data: the metric catalogue, validation, versions stored once.

#include "absl/strings/str_cat.h"
#include "common/names/resource_name.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "services/assess/api/assess_api.h"
#include "services/assess/domain/metric_catalogue.h"
#include "services/assess/domain/scheme_json.h"

namespace paizhu::assess {
namespace {

using server::CallContext;

std::string Method(const char* name) {
  return absl::StrCat("/paizhu.assess.v1.AssessService/", name);
}

void ToProto(const Scheme& s, const std::string& document, bool with_document, v1::Scheme* out) {
  out->set_name(s.ResourceName());
  out->set_key(s.key);
  out->set_version(s.version);
  out->set_title(s.title);
  out->set_target_kind(s.target_kind);
  out->set_total(FormatPoints(s.total));
  out->set_bonus_cap(FormatPoints(s.bonus_cap));
  out->set_aspects(static_cast<int32_t>(s.aspects.size()));
  int tasks = 0;
  for (const Aspect& a : s.aspects) tasks += static_cast<int>(a.tasks.size());
  out->set_tasks(tasks);
  out->set_bonus_items(static_cast<int32_t>(s.bonus.size()));
  if (with_document) out->set_document(document);
}

// The document parsed and checked; errors name the JSON path as the field.
absl::StatusOr<Scheme> CheckedScheme(const std::string& document) {
  if (document.size() > (1 << 20)) {
    return InvalidArgument("document", "TOO_LONG", "document: at most 1 MiB");
  }
  ASSIGN_OR_RETURN(Scheme scheme, ParseSchemeJson(document));
  RETURN_IF_ERROR(ValidateScheme(scheme));
  return scheme;
}

}  // namespace

grpc::Status AssessApi::ListMetrics(grpc::ServerContext* ctx, const v1::ListMetricsRequest*,
                                    v1::ListMetricsResponse* response) {
  return gate_->Serve(ctx, Method("ListMetrics"), [&](const CallContext&) -> absl::Status {
    for (const MetricDefinition& m : MetricCatalogue()) {
      v1::Metric* out = response->add_metrics();
      out->set_name(m.name);
      out->set_source(std::string(SourceName(m.source)));
      out->set_target_kind(m.target_kind);
      out->set_percent(m.percent);
      out->set_definition(m.definition);
    }
    return absl::OkStatus();
  });
}

grpc::Status AssessApi::ValidateScheme(grpc::ServerContext* ctx,
                                       const v1::ValidateSchemeRequest* request,
                                       v1::Scheme* response) {
  return gate_->Serve(ctx, Method("ValidateScheme"), [&](const CallContext&) -> absl::Status {
    ASSIGN_OR_RETURN(Scheme scheme, CheckedScheme(request->document()));
    ToProto(scheme, SchemeToJson(scheme), true, response);
    return absl::OkStatus();
  });
}

grpc::Status AssessApi::CreateScheme(grpc::ServerContext* ctx,
                                     const v1::CreateSchemeRequest* request, v1::Scheme* response) {
  return gate_->Serve(ctx, Method("CreateScheme"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(Scheme scheme, CheckedScheme(request->document()));
    ASSIGN_OR_RETURN(StoredScheme stored,
                     schemes_->Create(scheme, call.principal.subject(), call.deadline));
    ToProto(stored.scheme, stored.document, true, response);
    return absl::OkStatus();
  });
}

grpc::Status AssessApi::GetScheme(grpc::ServerContext* ctx, const v1::GetSchemeRequest* request,
                                  v1::Scheme* response) {
  return gate_->Serve(ctx, Method("GetScheme"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(std::string id, names::ParseName(request->name(), "schemes", "name"));
    std::string key;
    int version = 0;
    RETURN_IF_ERROR(ParseSchemeId(id, &key, &version));
    ASSIGN_OR_RETURN(std::optional<StoredScheme> stored,
                     schemes_->Get(key, version, call.deadline));
    if (!stored) {
      return NotFound("SCHEME_NOT_FOUND", absl::StrCat(request->name(), " does not exist"));
    }
    ToProto(stored->scheme, stored->document, true, response);
    return absl::OkStatus();
  });
}

grpc::Status AssessApi::ListSchemes(grpc::ServerContext* ctx, const v1::ListSchemesRequest* request,
                                    v1::ListSchemesResponse* response) {
  return gate_->Serve(ctx, Method("ListSchemes"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(std::vector<StoredScheme> all, schemes_->List(call.deadline));
    for (const StoredScheme& s : all) {
      ToProto(s.scheme, s.document, request->with_documents(), response->add_schemes());
    }
    return absl::OkStatus();
  });
}

}  // namespace paizhu::assess
