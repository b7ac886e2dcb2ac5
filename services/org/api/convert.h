#pragma once
// Proto <-> domain conversions shared by the org handlers.

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "google/protobuf/field_mask.pb.h"
#include "paizhu/org/v1/org.pb.h"
#include "services/org/domain/person.h"
#include "services/org/domain/unit.h"
#include "services/org/storage/unit_store.h"

namespace paizhu::org {

std::string Method(const char* name);  // "/paizhu.org.v1.OrgService/<name>"

void ToProto(const Unit& unit, v1::Unit* out);
void ToProto(const UnitView& view, v1::Unit* out);
void ToProto(const Zone& zone, v1::Zone* out);
void ToProto(const Person& person, v1::Person* out);

// An optional date field: today (China) when empty.
absl::StatusOr<absl::CivilDay> DateOrToday(const std::string& text, const char* field);
// The etag a read returned (the row's version). Required on every write that has one.
absl::StatusOr<int64_t> ParseEtag(const std::string& etag, const char* field);
// Every path of the mask must be one of `allowed`; an empty mask is refused.
absl::Status CheckMask(const google::protobuf::FieldMask& mask,
                       std::initializer_list<const char*> allowed);
bool InMask(const google::protobuf::FieldMask& mask, const char* path);

absl::StatusOr<std::optional<absl::CivilDay>> OptionalDate(const std::string& text,
                                                           const char* field);

}  // namespace paizhu::org
