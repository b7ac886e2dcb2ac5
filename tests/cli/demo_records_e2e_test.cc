// The demo city's personnel records and integrity files, imported by scripts/load-demo with
// the rest (ledger_suite.h): every row is in the suite (org's exports give them back), the
// commission leader's liaisons show on the groups, and the integrity opinions on the files'
// cadres follow the clues that name them. What is expected is read from data/demo/.

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "common/time/civil_date.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/ledger_city.h"
#include "tests/cli/ledger_suite.h"
#include "tools/cli/ledger_format.h"

namespace paizhu {
namespace {

using ::testing::HasSubstr;

std::string DemoFile(const std::string& kind) {
  std::ifstream in(absl::StrCat(kDemoDir, "/", kind, ".csv"), std::ios::binary);
  EXPECT_TRUE(in) << kind;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A demo file's lines, the rows sorted as ExportLines sorts an export's (no demo record
// has a line break inside a cell).
std::vector<std::string> FileLines(const std::string& kind) {
  std::vector<std::string> lines = absl::StrSplit(DemoFile(kind), '\n', absl::SkipEmpty());
  if (lines.size() > 1) std::sort(lines.begin() + 1, lines.end());
  return lines;
}

const cli::LedgerCity& Demo() {
  static const auto* city = [] {
    std::map<std::string, std::string> files;
    for (const auto* formats : {&cli::LedgerFormats(), &cli::RecordFormats()}) {
      for (const auto& format : *formats) files[format.kind] = DemoFile(format.kind);
    }
    return new cli::LedgerCity(files);
  }();
  return *city;
}

// The values of `units show`'s liaison rows.
std::vector<std::string> LiaisonLines(const std::string& table) {
  std::vector<std::string> values;
  for (absl::string_view line : absl::StrSplit(table, '\n')) {
    if (absl::ConsumePrefix(&line, "liaison ")) {
      values.emplace_back(absl::StripLeadingAsciiWhitespace(line));
    }
  }
  return values;
}

// Every line of `rows` (sorted, the header first) is a line of `exported` (sorted, the
// header first): the tests sharing the demo suite add rows of their own.
void ExpectExportHolds(const std::vector<std::string>& exported,
                       const std::vector<std::string>& rows, const std::string& kind) {
  ASSERT_FALSE(rows.empty()) << kind;
  ASSERT_FALSE(exported.empty()) << kind;
  EXPECT_EQ(exported[0], rows[0]) << kind;
  std::vector<std::string> missing;
  std::set_difference(rows.begin() + 1, rows.end(), exported.begin() + 1, exported.end(),
                      std::back_inserter(missing));
  EXPECT_THAT(missing, ::testing::IsEmpty()) << kind;
}

class DemoRecordsTest : public LedgerTest {};

TEST_F(DemoRecordsTest, EveryRecordRowIsImportedAndExportsBack) {
  ASSERT_EQ(load_->exit_code, 0) << load_->output;
  ASSERT_THAT(Demo().problems(), ::testing::IsEmpty());
  for (const char* kind : {"transfer_talks", "mentoring", "accountability", "integrity_files",
                           "integrity_entries", "liaisons"}) {
    ExpectExportHolds(ExportLines(*demo_, kind), FileLines(kind), kind);
  }
  // Vettings: each person's latest passed one is exported as people's vetted_on, the rest
  // as vettings.
  std::map<std::string, std::string> latest;  // person -> day
  for (const auto& [code, person] : Demo().people()) {
    if (!person.at("vetted_on").empty()) latest[code] = person.at("vetted_on");
  }
  for (const auto& v : Demo().rows("vettings")) {
    if (v.at("passed") != "false" && v.at("vetted_on") > latest[v.at("person")]) {
      latest[v.at("person")] = v.at("vetted_on");
    }
  }
  std::vector<std::string> file = absl::StrSplit(DemoFile("vettings"), '\n', absl::SkipEmpty());
  std::vector<std::string> expected = {file[0]};
  const auto& rows = Demo().rows("vettings");
  ASSERT_EQ(rows.size() + 1, file.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    bool carried =
        rows[i].at("passed") != "false" && rows[i].at("vetted_on") == latest[rows[i].at("person")];
    if (!carried) expected.push_back(file[i + 1]);
  }
  std::sort(expected.begin() + 1, expected.end());
  ExpectExportHolds(ExportLines(*demo_, "vettings"), expected, "vettings");
  std::vector<std::string> people = ExportLines(*demo_, "people");
  for (const auto& [code, day] : latest) {
    bool found = std::any_of(people.begin(), people.end(), [&](const std::string& line) {
      return absl::StartsWith(line, code + ",") && absl::EndsWith(line, "," + day);
    });
    EXPECT_TRUE(found) << code << " vetted on " << day;
  }
}

TEST_F(DemoRecordsTest, TheCommissionLeadersLiaisonsShowOnTheGroups) {
  ASSERT_EQ(load_->exit_code, 0) << load_->output;
  ASSERT_FALSE(Demo().rows("liaisons").empty());
  for (const auto& l : Demo().rows("liaisons")) {
    const std::string& group = l.at("group");
    std::string text = absl::StrCat(
        l.at("leader"), " ", Demo().people().at(l.at("leader")).at("name"), " from ", l.at("from"));
    if (!l.at("to").empty()) absl::StrAppend(&text, " to ", l.at("to"));
    Result on_the_day = As("L001", {"units", "show", group, "--as-of", l.at("from")});
    ASSERT_EQ(on_the_day.exit_code, 0) << on_the_day.output;
    EXPECT_EQ(LiaisonLines(on_the_day.output), std::vector<std::string>{text}) << on_the_day.output;
    Result json = Paizhu({"units", "show", group, "--as-of", l.at("from"), "--json"});
    ASSERT_EQ(json.exit_code, 0) << json.output;
    ASSERT_EQ(Json(json)["liaisons"].size(), 1u) << json.output;
    EXPECT_EQ(Json(json)["liaisons"][0].value("leader", ""), "people/" + l.at("leader"));
    if (l.at("to").empty()) continue;
    std::string after = FormatDate(cli::Day(l.at("to")) + 1);
    Result ended = Paizhu({"units", "show", group, "--as-of", after});
    ASSERT_EQ(ended.exit_code, 0) << ended.output;
    EXPECT_THAT(LiaisonLines(ended.output), ::testing::IsEmpty())
        << group << " after " << l.at("to");
  }
}

// The files' cadres: one no clue names, one a live clue names (scripts/load-demo), one an
// imported clue sanctioned in 2021.
TEST_F(DemoRecordsTest, IntegrityOpinionsFollowTheCluesNamingTheCadres) {
  ASSERT_EQ(load_->exit_code, 0) << load_->output;
  std::map<std::string, int> entries;
  for (const auto& e : Demo().rows("integrity_entries")) ++entries[e.at("file")];
  std::map<std::string, const cli::LedgerCity::Row*> files;
  for (const auto& f : Demo().rows("integrity_files")) files[f.at("code")] = &f;
  ASSERT_EQ(files.count("LZ001") + files.count("LZ002") + files.count("LZ003"), 3u);

  Result clean = As("L001", {"integrity", "opinion", "LZ001", "--json"});
  ASSERT_EQ(clean.exit_code, 0) << clean.output;
  EXPECT_EQ(Json(clean).value("finding", ""), "no_objection") << clean.output;
  EXPECT_EQ(Json(clean)["entries"].size(), static_cast<size_t>(entries["LZ001"]));
  Result table = Paizhu({"integrity", "opinion", "LZ001"});
  ASSERT_EQ(table.exit_code, 0) << table.output;
  EXPECT_THAT(table.output,
              HasSubstr(absl::StrCat(files["LZ001"]->at("name"), " (", files["LZ001"]->at("unit"),
                                     ", ", files["LZ001"]->at("position"), ") as of ")));

  Result open = Paizhu({"integrity", "opinion", "LZ002", "--json"});
  ASSERT_EQ(open.exit_code, 0) << open.output;
  EXPECT_EQ(Json(open).value("finding", ""), "open_clues") << open.output;
  EXPECT_EQ(Json(open)["open_clues"].size(), 1u) << open.output;

  // LZ003's sanction, from the files: the clue naming the cadre in the cadre's unit.
  const auto& cadre = *files["LZ003"];
  std::map<std::string, std::string> unit_of;  // clue number -> the cadre's unit in it
  for (const auto& c : Demo().rows("clues")) {
    if (c.at("subject_name") == cadre.at("name")) unit_of[c.at("number")] = c.at("subject_unit");
  }
  std::string clue, decided;
  for (const auto& o : Demo().rows("outcomes")) {
    bool sanction =
        absl::StartsWith(o.at("outcome"), "party_") || absl::StartsWith(o.at("outcome"), "gov_");
    if (sanction && o.at("subject_name") == cadre.at("name") &&
        unit_of[o.at("clue")] == cadre.at("unit")) {
      clue = o.at("clue");
      decided = o.at("decided_on");
    }
  }
  ASSERT_NE(clue, "") << "no sanction of " << cadre.at("name") << " in the demo's outcomes";
  std::string month_later = FormatDate(cli::Day(decided) + 30);
  Result sanctioned = Paizhu({"integrity", "opinion", "LZ003", "--as-of", month_later, "--json"});
  ASSERT_EQ(sanctioned.exit_code, 0) << sanctioned.output;
  EXPECT_EQ(Json(sanctioned).value("finding", ""), "sanction_in_effect") << sanctioned.output;
  ASSERT_EQ(Json(sanctioned)["sanctions"].size(), 1u) << sanctioned.output;
  EXPECT_EQ(Json(sanctioned)["sanctions"][0].value("clue", ""), "clues/" + clue);
  EXPECT_EQ(Json(sanctioned)["sanctions"][0].value("decided_on", ""), decided);
  // Its effect period (two years at most) is long over by today.
  Result today = Paizhu({"integrity", "opinion", "LZ003", "--json"});
  ASSERT_EQ(today.exit_code, 0) << today.output;
  EXPECT_EQ(Json(today).value("finding", ""), "no_objection") << today.output;
  EXPECT_EQ(Json(today).value("closed_clues", 0), 1) << today.output;
}

// An ongoing pairing shows on the mentee today.
TEST_F(DemoRecordsTest, AMenteeShowsItsMentor) {
  ASSERT_EQ(load_->exit_code, 0) << load_->output;
  int ongoing = 0;
  for (const auto& m : Demo().rows("mentoring")) {
    if (!m.at("to").empty()) continue;
    ++ongoing;
    Result shown = As("admin", {"people", "show", m.at("mentee"), "--json"});
    ASSERT_EQ(shown.exit_code, 0) << shown.output;
    nlohmann::json mentors = Json(shown)["mentors"];
    EXPECT_NE(std::find(mentors.begin(), mentors.end(), "people/" + m.at("mentor")), mentors.end())
        << shown.output;
  }
  EXPECT_GT(ongoing, 0);
}

}  // namespace
}  // namespace paizhu
