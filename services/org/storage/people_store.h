#pragma once
// People, their post assignments, vetting and roles inside a caller's transaction.

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "common/sql/transaction.h"
#include "services/org/domain/person.h"
#include "services/org/domain/posts.h"
#include "services/org/domain/principal_resolution.h"

namespace paizhu::org {

// With the whole assignment history.
absl::StatusOr<std::optional<Person>> ReadPerson(sql::Transaction& tx, const std::string& code);
absl::Status InsertPerson(sql::Transaction& tx, const Person& person);
// Checks the unit and post, the overlap with the person's own history, vetting and the
// group's quota on every day the new assignment could break it; then inserts.
// Writes the person's record fields if the version is still `version` (else ABORTED).
absl::Status UpdatePersonRow(sql::Transaction& tx, const Person& person, int64_t version);
absl::Status InsertAssignment(sql::Transaction& tx, const PostAssignment& assignment);
absl::Status EndAssignment(sql::Transaction& tx, const std::string& person_code,
                           const std::string& unit_code, const std::string& post, absl::CivilDay to,
                           const std::string& reason);
absl::Status InsertVetting(sql::Transaction& tx, const std::string& person_code,
                           const Vetting& vetting, const std::string& note);
absl::Status InsertTransferTalk(sql::Transaction& tx, const std::string& person_code,
                                absl::CivilDay talked_on, const std::string& talked_by,
                                const std::string& note);
absl::Status InsertTraining(sql::Transaction& tx, const std::string& person_code,
                            const std::string& course, const std::string& organizer,
                            absl::CivilDay day, double hours);
// Both people exist and differ; the same pair does not overlap in time.
absl::Status InsertMentoring(sql::Transaction& tx, const std::string& mentor,
                             const std::string& mentee, const DateRange& when);
absl::StatusOr<int64_t> InsertAccountability(sql::Transaction& tx, const Accountability& record);
// Newest first, after `after` when set, at most `limit`.
absl::StatusOr<std::vector<Accountability>> ReadAccountability(
    sql::Transaction& tx, const std::string& kind, const std::string& code,
    const std::optional<AccountabilityCursor>& after, int limit);
// Up to `limit` codes of people after `after_code` matching `filter`, in order.
absl::StatusOr<std::vector<std::string>> ListPersonCodes(sql::Transaction& tx,
                                                         const PeopleFilter& filter,
                                                         const std::string& after_code, int limit);
absl::Status InsertRoleGrant(sql::Transaction& tx, const std::string& person_code,
                             const RoleGrant& grant, absl::CivilDay from);
// Role grants and posts in force on `as_of`.
absl::StatusOr<std::optional<ResolvedPerson>> ReadResolvedPerson(sql::Transaction& tx,
                                                                 const std::string& code,
                                                                 absl::CivilDay as_of);
// The version of a rule in force on `day`, or nullopt (rule_versions).
absl::StatusOr<std::optional<std::pair<absl::CivilDay, std::string>>> ReadRule(
    sql::Transaction& tx, const std::string& rule, absl::CivilDay day);

}  // namespace paizhu::org
