#include "services/assess/storage/mysql_scheme_repository.h"

#include "absl/strings/str_cat.h"
#include "common/sql/transaction.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "services/assess/domain/scheme_json.h"

namespace paizhu::assess {
namespace {

constexpr char kColumns[] = "scheme_key, version, document, created_by";

absl::StatusOr<StoredScheme> FromRow(const sql::Rows& rows, size_t r) {
  StoredScheme s;
  s.document = rows.Str(r, 2);
  s.created_by = rows.Str(r, 3);
  absl::StatusOr<Scheme> parsed = ParseSchemeJson(s.document);
  if (!parsed.ok()) {
    return Internal("SCHEME_DOCUMENT_DAMAGED",
                    absl::StrCat("stored scheme ", rows.Str(r, 0), "-v", rows.Int(r, 1),
                                 " does not parse: ", parsed.status().message()));
  }
  s.scheme = *std::move(parsed);
  return s;
}

absl::Status Insert(sql::Transaction& tx, const Scheme& scheme, const std::string& document,
                    const std::string& created_by) {
  ASSIGN_OR_RETURN(sql::Rows last,
                   tx.Query("SELECT COALESCE(MAX(version), 0) FROM schemes WHERE scheme_key = ? "
                            "FOR UPDATE",
                            {scheme.key}));
  int64_t latest = last.Int(0, 0);
  if (scheme.version <= latest) {
    return AlreadyExists("SCHEME_VERSION_EXISTS",
                         absl::StrCat(scheme.ResourceName(),
                                      " exists and never changes: store version ", latest + 1));
  }
  if (scheme.version != latest + 1) {
    return FailedPrecondition(
        "SCHEME_VERSION_NOT_NEXT",
        absl::StrCat("version: the next version of ", scheme.key, " is ", latest + 1));
  }
  return tx
      .Exec(
          "INSERT INTO schemes (scheme_key, version, title, target_kind, document, "
          "created_by) VALUES (?, ?, ?, ?, ?, ?)",
          {scheme.key, int64_t{scheme.version}, scheme.title, scheme.target_kind, document,
           created_by})
      .status();
}

}  // namespace

absl::StatusOr<StoredScheme> MysqlSchemeRepository::Create(const Scheme& scheme,
                                                           const std::string& created_by,
                                                           absl::Time deadline) {
  StoredScheme stored{scheme, SchemeToJson(scheme), created_by};
  RETURN_IF_ERROR(sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) {
    return Insert(tx, scheme, stored.document, created_by);
  }));
  return stored;
}

absl::StatusOr<std::optional<StoredScheme>> MysqlSchemeRepository::Get(const std::string& key,
                                                                       int version,
                                                                       absl::Time deadline) {
  std::optional<StoredScheme> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        out.reset();
        ASSIGN_OR_RETURN(
            sql::Rows rows,
            tx.Query(absl::StrCat("SELECT ", kColumns,
                                  " FROM schemes WHERE scheme_key = ? AND version = ?"),
                     {key, int64_t{version}}));
        if (rows.empty()) return absl::OkStatus();
        ASSIGN_OR_RETURN(out, FromRow(rows, 0));
        return absl::OkStatus();
      }));
  return out;
}

absl::StatusOr<std::vector<StoredScheme>> MysqlSchemeRepository::List(absl::Time deadline) {
  std::vector<StoredScheme> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        out.clear();
        ASSIGN_OR_RETURN(sql::Rows rows,
                         tx.Query(absl::StrCat("SELECT ", kColumns,
                                               " FROM schemes ORDER BY scheme_key, version")));
        for (size_t r = 0; r < rows.size(); ++r) {
          ASSIGN_OR_RETURN(StoredScheme s, FromRow(rows, r));
          out.push_back(std::move(s));
        }
        return absl::OkStatus();
      }));
  return out;
}

absl::Status MysqlSchemeRepository::InstallDefaults(
    const std::vector<std::pair<std::string, std::string>>& files, absl::Time deadline) {
  for (const auto& [file, json] : files) {
    absl::StatusOr<Scheme> scheme = ParseSchemeJson(json);
    absl::Status valid = scheme.ok() ? ValidateScheme(*scheme) : scheme.status();
    if (!valid.ok()) {
      return Internal("DEFAULT_SCHEME_INVALID", absl::StrCat(file, ": ", valid.message()));
    }
    ASSIGN_OR_RETURN(std::optional<StoredScheme> stored,
                     Get(scheme->key, scheme->version, deadline));
    if (stored) {
      if (stored->document != SchemeToJson(*scheme)) {
        return FailedPrecondition(
            "DEFAULT_SCHEME_CHANGED",
            absl::StrCat(file, " differs from the stored ", scheme->ResourceName(),
                         ", which never changes: ship the change as a new version"));
      }
      continue;
    }
    absl::StatusOr<StoredScheme> created = Create(*scheme, "paizhu-assess", deadline);
    // Another replica installing the same version at the same time is fine.
    if (!created.ok() && created.status().code() != absl::StatusCode::kAlreadyExists) {
      return created.status();
    }
  }
  return absl::OkStatus();
}

}  // namespace paizhu::assess
