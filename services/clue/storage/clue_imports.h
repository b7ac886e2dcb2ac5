#pragma once
// Storing one imported row (inside the import's savepoint): the checks that need the
// database (duplicates, the clue or letter a row refers to) and the inserts.

#include <string>

#include "absl/status/status.h"
#include "common/sql/transaction.h"
#include "services/clue/domain/import_rows.h"

namespace paizhu::clue {

// A historical clue: state `concluded` (its later course is not in the ledger), its
// first disposal, a case archived if one was filed; live numbering of its year continues
// after it. Audited as "import" by `actor`.
absl::Status StoreImportedClue(sql::Transaction& tx, const ClueImport& clue,
                               const std::string& actor, const std::string& audit_key);
absl::Status StoreImportedOutcome(sql::Transaction& tx, const OutcomeImport& outcome,
                                  const std::string& actor, const std::string& audit_key);
absl::Status StoreImportedLetter(sql::Transaction& tx, const LetterImport& letter);
absl::Status StoreImportedProblem(sql::Transaction& tx, const ProblemImport& problem);

}  // namespace paizhu::clue
