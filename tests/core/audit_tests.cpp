// The touchpoint audit in core: averages of the rated criteria, the weakest
// touchpoints, and the audit as CSV.
#include <catch2/catch.hpp>

#include "cjm/audit.hpp"
#include "cjm/csv.hpp"
#include "cjm/document_io.hpp"
#include "cjm/edit.hpp"
#include "test_helpers.hpp"

using namespace cjm;

namespace {
Audit rated(std::initializer_list<int> ratings)
{
    Audit audit;
    auto it = ratings.begin();
    for (const auto &criterion : auditCriteria())
        audit.*criterion.field = it != ratings.end() ? *it++ : 0;
    return audit;
}

Document sampleWithRatings(const std::vector<double> &averages)
{
    auto result = readDocumentFile(std::string(CJM_SAMPLES_DIR) + "/ecommerce-en.cjm");
    REQUIRE(result.ok());
    Document doc = std::move(*result.document);
    const auto entries = auditEntries(doc);
    REQUIRE(entries.size() >= averages.size());
    std::vector<std::string> ids;
    for (const auto &entry : entries)
        ids.push_back(entry.card->id);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        Card card = *doc.card(ids[i]);
        if (i < averages.size()) {
            const int r = static_cast<int>(averages[i]);
            card.audit = rated({r, r, r, r, r, r});
        } else {
            card.audit.reset();
        }
        REQUIRE(updateCard(card)->apply(doc));
    }
    return doc;
}
} // namespace

TEST_CASE("an audit's average counts only the rated criteria", "[audit]")
{
    CHECK(auditAverage(Audit{}) == 0.0);
    CHECK(ratedCriteria(Audit{}) == 0);
    CHECK(auditAverage(rated({4, 2})) == Approx(3.0));
    CHECK(ratedCriteria(rated({4, 2})) == 2);
    CHECK(auditAverage(rated({5, 5, 5, 5, 5, 5})) == Approx(5.0));
    CHECK(auditAverage(rated({1, 2, 3, 4, 5, 0})) == Approx(3.0));
    CHECK(auditCriteria().size() == 6);
    CHECK(auditCriteria()[0].key == "simple");
    CHECK(auditCriteria()[5].key == "personal");
}

TEST_CASE("audit entries are every touchpoint in map order", "[audit]")
{
    auto result = readDocumentFile(std::string(CJM_SAMPLES_DIR) + "/retail-zh.cjm");
    REQUIRE(result.ok());
    const Document &doc = *result.document;
    const auto entries = auditEntries(doc);
    std::size_t touchpoints = 0;
    for (const Card &card : doc.cards())
        touchpoints += doc.cardKind(card) == LaneKind::Touchpoints;
    CHECK(entries.size() == touchpoints);
    for (std::size_t i = 1; i < entries.size(); ++i)
        CHECK(std::tie(entries[i - 1].personaIndex, entries[i - 1].stageIndex) <=
              std::tie(entries[i].personaIndex, entries[i].stageIndex));
}

TEST_CASE("the weakest touchpoints: the lowest fifth of those rated, below 3", "[audit]")
{
    SECTION("ten rated: the two lowest, if below 3")
    {
        const Document doc = sampleWithRatings({5, 1, 4, 2, 5, 4, 4, 5, 3, 4});
        const auto entries = auditEntries(doc);
        const auto weakest = weakestTouchpoints(doc);
        REQUIRE(weakest.size() == 2);
        CHECK(weakest[0] == entries[1].card->id); // 1, then 2
        CHECK(weakest[1] == entries[3].card->id);
    }
    SECTION("all good: none is weak") { CHECK(weakestTouchpoints(sampleWithRatings({4, 5, 3, 4, 5})).empty()); }
    SECTION("nothing rated: nothing to say") { CHECK(weakestTouchpoints(sampleWithRatings({})).empty()); }
    SECTION("few rated: at least the single lowest")
    {
        const Document doc = sampleWithRatings({2, 4});
        REQUIRE(weakestTouchpoints(doc).size() == 1);
        CHECK(weakestTouchpoints(doc)[0] == auditEntries(doc)[0].card->id);
    }
}

TEST_CASE("the filled audit as CSV: one row per touchpoint with ratings and average", "[audit][csv]")
{
    const Document doc = sampleWithRatings({1, 5});
    const std::string csv = writeAuditCsv(doc);
    CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    std::vector<std::vector<std::string>> rows;
    std::string error;
    REQUIRE(parseCsv(csv, rows, error));
    REQUIRE(rows.size() == auditEntries(doc).size() + 1);
    CHECK(rows[0] == std::vector<std::string>{"persona", "stage", "phase", "channel", "direct", "touchpoint", "simple",
                                              "appropriate", "relevant", "meaningful", "engaging", "personal",
                                              "average", "note", "reviewed"});
    CHECK(rows[1][6] == "1");
    CHECK(rows[1][12] == "1.00");
    CHECK(rows[2][12] == "5.00");
    CHECK(rows[3][6].empty()); // not rated: an empty box, not a zero
    CHECK(rows[3][12].empty());
    CHECK(rows[1][5] == auditEntries(doc)[0].card->text);
}

TEST_CASE("partly rated touchpoints rank below fully rated ones", "[audit]")
{
    Document doc = sampleWithRatings({4, 2, 4, 4, 4, 4, 4, 4, 4, 4});
    const auto entries = auditEntries(doc);
    REQUIRE(entries.size() >= 10);
    CHECK(entries[1].rated == 6);
    // One rating of 1: a lower average, but based on one criterion of six.
    Card partly = *entries[0].card;
    partly.audit = rated({1});
    REQUIRE(updateCard(partly)->apply(doc));
    const auto ranked = auditEntries(doc);
    CHECK(ranked[0].rated == 1);
    CHECK(ranked[0].average == Approx(1.0));
    CHECK(auditRanksBefore(ranked[1], ranked[0]));
    CHECK_FALSE(auditRanksBefore(ranked[0], ranked[1]));
    // Of ten rated, the lowest fifth is two: the fully rated 2, then a
    // fully rated 4 (not below 3); the one rated on one criterion ranks last.
    const auto weakest = weakestTouchpoints(doc);
    REQUIRE(weakest.size() == 1);
    CHECK(weakest[0] == ranked[1].card->id);
}
