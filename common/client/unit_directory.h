#pragma once
// The organisation facts a service needs, fetched from the org service as its own
// service identity (never from org's tables).

#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "common/client/downstream.h"
#include "common/server/call.h"
#include "paizhu/org/v1/org.grpc.pb.h"

namespace paizhu::client {

// What a service needs to know of one unit (as of today).
struct UnitFacts {
  std::string kind;
  std::string guiding_office;     // groups: the office's code
  std::string supervising_group;  // supervised units: the group's code, or ""
  std::string zone;               // offices, groups, townships: the collaboration zone's code
  bool leader_vacant = false;     // groups: nobody holds the leader post today
};

class UnitDirectory {
 public:
  explicit UnitDirectory(std::unique_ptr<client::Downstream> org);

  // The unit's kind, or nullopt when org has no such unit.
  absl::StatusOr<std::optional<std::string>> UnitKind(const std::string& code,
                                                      const server::CallContext& call) const;
  // The unit's facts, or nullopt when org has no such unit.
  absl::StatusOr<std::optional<UnitFacts>> Lookup(const std::string& code,
                                                  const server::CallContext& call) const;
  // The code of the office that leads a collaboration zone, or nullopt when no such zone.
  absl::StatusOr<std::optional<std::string>> ZoneOffice(const std::string& zone_code,
                                                        const server::CallContext& call) const;

 private:
  std::unique_ptr<client::Downstream> org_;
  std::unique_ptr<org::v1::OrgService::Stub> stub_;
};

}  // namespace paizhu::client
