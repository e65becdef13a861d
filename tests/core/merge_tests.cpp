#include <catch2/catch.hpp>

#include "cjm/merge.hpp"
#include "cjm/document_io.hpp"
#include "test_helpers.hpp"

using namespace cjm;
using namespace cjm::test;

namespace {

Document read(const Json &json) { return mustRead(json.dump()); }

Document merged(const Json &base, const Json &ours, const Json &theirs, std::vector<Conflict> *conflicts = nullptr)
{
    auto result = mergeDocuments(read(base), read(ours), read(theirs));
    INFO((result.problems.empty() ? std::string() : result.problems.front().toString()));
    REQUIRE(result.document);
    if (conflicts)
        *conflicts = result.conflicts;
    else
        CHECK(result.conflicts.empty());
    // What the merge writes reads back the same: the markers survive as unknown keys.
    CHECK(writeDocument(mustRead(writeDocument(*result.document))) == writeDocument(*result.document));
    return std::move(*result.document);
}

void apply(Document &doc, EditPtr edit)
{
    REQUIRE(edit);
    REQUIRE(edit->apply(doc));
}

} // namespace

TEST_CASE("merge: edits of different cards and fields from both sides are all kept", "[merge]")
{
    Json base = minimalMap();
    Json ours = base, theirs = base;
    ours["cards"][0]["text"] = "Instagram story";
    ours["stages"][1]["name"] = "Checkout";
    theirs["cards"][1]["text"] = "worried";
    theirs["cards"][0]["notes"] = "seen on the train";
    theirs["journey"]["goal"] = "fewer abandoned carts";
    const Document m = merged(base, ours, theirs);
    CHECK(m.card("c1")->text == "Instagram story");
    CHECK(m.card("c1")->notes == "seen on the train");
    CHECK(m.card("c2")->text == "worried");
    CHECK(m.stage("s2")->name == "Checkout");
    CHECK(m.journey().goal == "fewer abandoned carts");
}

TEST_CASE("merge: adds and deletes by id; new entities keep their side's place, ours first", "[merge]")
{
    Json base = minimalMap();
    Json ours = base, theirs = base;
    ours["stages"].insert(ours["stages"].begin() + 1, Json{{"id", "s-ours"}, {"name", "Consideration"}});
    ours["cards"].push_back({{"id", "c-ours"}, {"persona", "p1"}, {"stage", "s-ours"}, {"lane", "l1"}, {"text", "Blog"}});
    theirs["stages"].insert(theirs["stages"].begin() + 1, Json{{"id", "s-theirs"}, {"name", "Research"}});
    theirs["cards"].erase(1); // c2
    theirs["x-theirs"] = true;
    const Document m = merged(base, ours, theirs);
    REQUIRE(m.stages().size() == 4);
    CHECK(m.stages()[0].id == "s1");
    CHECK(m.stages()[1].id == "s-ours");
    CHECK(m.stages()[2].id == "s-theirs");
    CHECK(m.stages()[3].id == "s2");
    CHECK(m.card("c-ours"));
    CHECK_FALSE(m.card("c2"));
    CHECK(m.unknown().contains("x-theirs"));
}

TEST_CASE("merge: the same change on both sides is no conflict", "[merge]")
{
    Json base = minimalMap();
    Json ours = base;
    ours["cards"][0]["text"] = "Poster";
    ours["cards"].erase(1);
    CHECK(writeDocument(merged(base, ours, ours)) == writeDocument(read(ours)));
}

TEST_CASE("merge: one field changed differently on both sides keeps ours, marks theirs, and resolves", "[merge]")
{
    Json base = minimalMap();
    Json ours = base, theirs = base;
    ours["cards"][0]["text"] = "Instagram story";
    theirs["cards"][0]["text"] = "Instagram reel";
    theirs["cards"][0]["channel"] = "advertising"; // only theirs: merged cleanly
    std::vector<Conflict> conflicts;
    Document m = merged(base, ours, theirs, &conflicts);
    CHECK(m.card("c1")->text == "Instagram story");
    CHECK(m.card("c1")->channel == "advertising");
    REQUIRE(conflicts.size() == 1);
    const Conflict &c = conflicts.front();
    CHECK(c.type == ConflictType::Field);
    CHECK(c.entity == DiffEntity::Card);
    CHECK(c.id == "c1");
    CHECK(c.field == "text");
    CHECK(c.base == Json("Instagram ad"));
    CHECK(c.ours == Json("Instagram story"));
    CHECK(c.theirs == Json("Instagram reel"));
    CHECK(c.description == "card \u2018Instagram story\u2019: text changed on both sides: ours \u2018Instagram "
                           "story\u2019, theirs \u2018Instagram reel\u2019 (was \u2018Instagram ad\u2019)");
    // In the file: an unknown key on the card, never text markers.
    const Json marker = m.card("c1")->unknown[kConflictKey];
    CHECK(marker == Json::parse(R"([{"type":"field","field":"text","base":"Instagram ad","theirs":"Instagram reel"}])"));
    CHECK(writeDocument(m).find("<<<<<<<") == std::string::npos);
    CHECK(listConflicts(m) == conflicts);

    SECTION("keep theirs")
    {
        auto r = resolveConflict(m, c, Resolution::KeepTheirs);
        REQUIRE(r.edit);
        apply(m, std::move(r.edit));
        CHECK(m.card("c1")->text == "Instagram reel");
        CHECK((m.card("c1")->unknown.is_null() || !m.card("c1")->unknown.contains(kConflictKey)));
        CHECK(listConflicts(m).empty());
        CHECK(writeDocument(m).find(kConflictKey) == std::string::npos);
    }
    SECTION("keep ours, undoably")
    {
        const std::string before = writeDocument(m);
        auto r = resolveConflict(m, c, Resolution::KeepOurs);
        REQUIRE(r.edit);
        REQUIRE(r.edit->apply(m));
        CHECK(m.card("c1")->text == "Instagram story");
        CHECK(listConflicts(m).empty());
        r.edit->revert(m);
        CHECK(writeDocument(m) == before);
    }
    SECTION("a value of one's own")
    {
        apply(m, resolveConflict(m, c, Resolution::SetValue, "Instagram story and reel").edit);
        CHECK(m.card("c1")->text == "Instagram story and reel");
        CHECK(listConflicts(m).empty());
    }
    SECTION("a value that does not fit is refused with the reader's reason")
    {
        auto r = resolveConflict(m, c, Resolution::SetValue, 42);
        CHECK_FALSE(r.edit);
        CHECK(r.error.find("text") != std::string::npos);
    }
}

TEST_CASE("merge: a card moved to different cells on both sides is a conflict on its place", "[merge]")
{
    Json base = minimalMap();
    base["stages"].push_back({{"id", "s3"}, {"name", "Adoption"}});
    Json ours = base, theirs = base;
    ours["cards"][0]["stage"] = "s2";
    theirs["cards"][0]["stage"] = "s3";
    theirs["cards"][0]["order"] = 1;
    std::vector<Conflict> conflicts;
    Document m = merged(base, ours, theirs, &conflicts);
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].field == "cell");
    CHECK(conflicts[0].ours == Json({{"persona", "p1"}, {"stage", "s2"}, {"lane", "l1"}, {"order", 0}}));
    CHECK(conflicts[0].theirs == Json({{"persona", "p1"}, {"stage", "s3"}, {"lane", "l1"}, {"order", 1}}));
    CHECK(conflicts[0].description.find("ours Purchase \u00b7 Touchpoints \u00b7 Busy parent (order 0), theirs "
                                        "Adoption \u00b7 Touchpoints \u00b7 Busy parent (order 1)") != std::string::npos);
    CHECK(m.card("c1")->stage == "s2");
    apply(m, resolveConflict(m, conflicts[0], Resolution::KeepTheirs).edit);
    CHECK(m.card("c1")->stage == "s3");
    CHECK(m.card("c1")->order == 1);
    CHECK(listConflicts(m).empty());
}

TEST_CASE("merge: delete against edit of the same card keeps the card, marked", "[merge]")
{
    Json base = minimalMap();
    Json ours = base, theirs = base;
    ours["cards"].erase(0);
    theirs["cards"][0]["text"] = "Instagram reel";
    std::vector<Conflict> conflicts;
    Document m = merged(base, ours, theirs, &conflicts);
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].type == ConflictType::Deleted);
    CHECK(conflicts[0].deletedBy == "ours");
    CHECK(conflicts[0].description ==
          "card \u2018Instagram reel\u2019 was deleted in ours but theirs changed it; it is kept");
    REQUIRE(m.card("c1"));
    CHECK(m.card("c1")->text == "Instagram reel");

    SECTION("keep ours: the card goes")
    {
        apply(m, resolveConflict(m, conflicts[0], Resolution::KeepOurs).edit);
        CHECK_FALSE(m.card("c1"));
    }
    SECTION("keep theirs: the card stays, unmarked")
    {
        apply(m, resolveConflict(m, conflicts[0], Resolution::KeepTheirs).edit);
        CHECK(m.card("c1")->text == "Instagram reel");
        CHECK(listConflicts(m).empty());
    }
    SECTION("the other way round")
    {
        Document n = merged(base, theirs, ours, &conflicts);
        REQUIRE(conflicts.size() == 1);
        CHECK(conflicts[0].deletedBy == "theirs");
        CHECK_FALSE(resolveConflict(n, conflicts[0], Resolution::SetValue, "x").edit);
        apply(n, resolveConflict(n, conflicts[0], Resolution::KeepTheirs).edit);
        CHECK_FALSE(n.card("c1"));
    }
}

TEST_CASE("merge: a card edited on one side whose stage the other deleted", "[merge]")
{
    Document base = read(minimalMap());
    Document ours = base, theirs = base;
    apply(ours, removeStage("s1")); // takes card c1 with it
    Card c1 = *base.card("c1");
    c1.text = "Instagram reel";
    apply(theirs, updateCard(c1));
    auto result = mergeDocuments(base, ours, theirs);
    REQUIRE(result.document);
    Document m = *result.document;
    REQUIRE(result.conflicts.size() == 2);
    CHECK(result.conflicts[0].entity == DiffEntity::Stage);
    CHECK(result.conflicts[0].type == ConflictType::Deleted);
    CHECK(result.conflicts[0].description ==
          "stage \u2018Awareness\u2019 was deleted in ours but theirs changed it or put cards in it; it is kept");
    CHECK(result.conflicts[1].entity == DiffEntity::Card);
    CHECK(m.stage("s1"));
    CHECK(m.card("c1")->text == "Instagram reel");

    // Keeping ours for the stage deletes it with its cards, as deleting a stage does.
    apply(m, resolveConflict(m, result.conflicts[0], Resolution::KeepOurs).edit);
    CHECK_FALSE(m.stage("s1"));
    CHECK_FALSE(m.card("c1"));
    CHECK(listConflicts(m).empty());
}

TEST_CASE("merge: a card added into a lane the other side deleted keeps the lane, marked", "[merge]")
{
    Document base = read(minimalMap());
    Document ours = base, theirs = base;
    Card card;
    card.id = "c-new";
    card.persona = "p1";
    card.stage = "s2";
    card.lane = "l1";
    card.text = "Coupon email";
    apply(ours, addCard(card));
    apply(theirs, removeLane("l1"));
    auto result = mergeDocuments(base, ours, theirs);
    REQUIRE(result.document);
    REQUIRE(result.conflicts.size() == 1);
    CHECK(result.conflicts[0].entity == DiffEntity::Lane);
    CHECK(result.conflicts[0].deletedBy == "theirs");
    CHECK(result.document->card("c-new"));
    CHECK_FALSE(result.document->card("c1")); // untouched by ours: deleted with the lane
    CHECK(result.document->lanes().front().id == "l1");
}

TEST_CASE("merge: personas, stages and lanes reordered differently is an order conflict on the journey", "[merge]")
{
    Json base = minimalMap();
    base["stages"].push_back({{"id", "s3"}, {"name", "Adoption"}});
    Json ours = base, theirs = base;
    ours["stages"] = Json::array({base["stages"][1], base["stages"][0], base["stages"][2]});
    theirs["stages"] = Json::array({base["stages"][2], base["stages"][1], base["stages"][0]});
    std::vector<Conflict> conflicts;
    Document m = merged(base, ours, theirs, &conflicts);
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].type == ConflictType::Order);
    CHECK(conflicts[0].entity == DiffEntity::Journey);
    CHECK(conflicts[0].field == "stages");
    CHECK(conflicts[0].ours == Json::array({"s2", "s1", "s3"}));
    CHECK(conflicts[0].theirs == Json::array({"s3", "s2", "s1"}));
    CHECK(conflicts[0].description ==
          "stages reordered differently: ours Purchase, Awareness, Adoption; theirs Adoption, Purchase, Awareness");
    apply(m, resolveConflict(m, conflicts[0], Resolution::KeepTheirs).edit);
    CHECK(m.stages()[0].id == "s3");
    CHECK(m.stages()[1].id == "s2");
    CHECK(m.stages()[2].id == "s1");
    CHECK(listConflicts(m).empty());

    // One side reordering merges cleanly.
    const Document one = merged(base, ours, base);
    CHECK(one.stages()[0].id == "s2");
}

TEST_CASE("merge: each side added a different kind of entity under one id", "[merge]")
{
    Json base = minimalMap();
    Json ours = base, theirs = base;
    ours["personas"].push_back({{"id", "x1"}, {"name", "Student"}});
    theirs["stages"].push_back({{"id", "x1"}, {"name", "Loyalty"}});
    theirs["cards"].push_back({{"id", "c9"}, {"persona", "p1"}, {"stage", "x1"}, {"lane", "l1"}, {"text", "Points"}});
    const Document m = merged(base, ours, theirs);
    CHECK(m.persona("x1"));
    REQUIRE(m.stage("x1-2"));
    CHECK(m.stage("x1-2")->name == "Loyalty");
    CHECK(m.card("c9")->stage == "x1-2");
}

TEST_CASE("merge: both sides added the same id with different content", "[merge]")
{
    Json base = minimalMap();
    Json ours = base, theirs = base;
    ours["personas"].push_back({{"id", "p2"}, {"name", "Student"}});
    theirs["personas"].push_back({{"id", "p2"}, {"name", "Pupil"}, {"segment", "youth"}});
    std::vector<Conflict> conflicts;
    const Document m = merged(base, ours, theirs, &conflicts);
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].field == "name");
    CHECK_FALSE(conflicts[0].base.has_value());
    CHECK(m.persona("p2")->segment == "youth");
}
