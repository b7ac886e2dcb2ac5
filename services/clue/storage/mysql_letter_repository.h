#pragma once

#include "common/sql/pool.h"
#include "services/clue/storage/letter_repository.h"

namespace paizhu::clue {

class MysqlLetterRepository : public LetterRepository {
 public:
  explicit MysqlLetterRepository(sql::Pool* pool) : pool_(pool) {}

  absl::StatusOr<Letter> Create(const Letter& letter, absl::Time deadline) override;
  absl::StatusOr<std::optional<Letter>> Get(const std::string& code, const Viewer& viewer,
                                            absl::Time deadline) override;
  absl::StatusOr<std::vector<std::pair<Letter, bool>>> List(const Viewer& viewer,
                                                            const LetterFilter& filter,
                                                            const LetterCursor& after, int limit,
                                                            absl::Time deadline) override;
  absl::StatusOr<std::optional<Letter>> Update(const std::string& code, const Viewer& viewer,
                                               const std::function<absl::Status(Letter&)>& change,
                                               absl::Time deadline) override;

 private:
  sql::Pool* pool_;
};

}  // namespace paizhu::clue
