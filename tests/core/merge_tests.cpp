#include <catch2/catch.hpp>

#include "cjm/change_set.hpp"
#include "cjm/document_io.hpp"
#include "cjm/merge.hpp"
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
    ours["cards"].push_back(
        {{"id", "c-ours"}, {"persona", "p1"}, {"stage", "s-ours"}, {"lane", "l1"}, {"text", "Blog"}});
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
    CHECK(marker ==
          Json::parse(R"([{"type":"field","field":"text","base":"Instagram ad","theirs":"Instagram reel"}])"));
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
                                        "Adoption \u00b7 Touchpoints \u00b7 Busy parent (order 1)") !=
          std::string::npos);
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

// ---- Issue 15.4: the merge keeps every side's value, in the map or in a conflict, or fails ----

namespace {

// A value nested `levels` deep: {"a": {"a": ... "leaf" ...}}.
Json nested(int levels, const std::string &leaf)
{
    Json value = leaf;
    for (int i = 0; i < levels; ++i)
        value = Json{{"a", std::move(value)}};
    return value;
}

// Settles `conflict` in `m` with `how`, through the same edit the app applies.
void settle(Document &m, const Conflict &conflict, Resolution how, const Json &value = nullptr)
{
    auto r = resolveConflict(m, conflict, how, value);
    INFO(r.error);
    apply(m, std::move(r.edit));
}

} // namespace

TEST_CASE("merge: an x-cjm-conflicts that is not a list is kept when both sides edit other fields", "[merge]")
{
    for (const Json &odd : {Json{{"note", "KEEP-ME"}}, Json("KEEP-ME")}) {
        INFO(odd.dump());
        Json base = minimalMap();
        base["cards"][0][kConflictKey] = odd;
        Json ours = base, theirs = base;
        ours["cards"][0]["text"] = "Instagram story";
        theirs["cards"][0]["notes"] = "seen on the train";
        const Document m = merged(base, ours, theirs);
        CHECK(m.card("c1")->text == "Instagram story");
        CHECK(m.card("c1")->notes == "seen on the train");
        CHECK(m.card("c1")->unknown[kConflictKey] == odd); // as it was, shape and all

        // A conflict on that card goes into a list beside it, never over it.
        theirs["cards"][0]["text"] = "Instagram reel";
        std::vector<Conflict> conflicts;
        Document c = merged(base, ours, theirs, &conflicts);
        REQUIRE(conflicts.size() == 1);
        CHECK(conflicts[0].theirs == Json("Instagram reel"));
        const Json list = c.card("c1")->unknown[kConflictKey];
        REQUIRE(list.is_array());
        REQUIRE(list.size() == 2);
        CHECK(list[0] == odd);
        // Settled, the marker goes and the odd value stays.
        settle(c, conflicts[0], Resolution::KeepTheirs);
        CHECK(c.card("c1")->text == "Instagram reel");
        CHECK(c.card("c1")->unknown[kConflictKey] == Json::array({odd}));
        CHECK(listConflicts(c).empty());
    }
}

TEST_CASE("merge: x-cjm-conflicts changed on both sides keeps what each added and drops what one resolved", "[merge]")
{
    const Json resolved = {{"type", "field"}, {"field", "notes"}, {"theirs", "old"}};
    const Json kept = {{"type", "field"}, {"field", "channel"}, {"theirs", "email"}};
    Json base = minimalMap();
    base["cards"][0][kConflictKey] = Json::array({resolved, kept});
    Json ours = base, theirs = base;
    ours["cards"][0][kConflictKey] = Json::array({kept}); // ours settled one
    theirs["cards"][0][kConflictKey] = Json::array({resolved, kept, "THEIRS-NOTE"});
    std::vector<Conflict> conflicts;
    const Document m = merged(base, ours, theirs, &conflicts);
    CHECK(m.card("c1")->unknown[kConflictKey] == Json::array({kept, "THEIRS-NOTE"}));
    REQUIRE(conflicts.size() == 1); // an entry that is no marker is kept, not listed
    CHECK(conflicts[0].field == "channel");

    // Both sides replaced it with different non-lists: both stay.
    ours["cards"][0][kConflictKey] = "OURS";
    theirs["cards"][0][kConflictKey] = Json{{"mine", "THEIRS"}};
    const Document n = merged(base, ours, theirs, &conflicts);
    CHECK(n.card("c1")->unknown[kConflictKey] == Json::array({"OURS", Json{{"mine", "THEIRS"}}}));
}

TEST_CASE("merge: a top-level key both sides changed is a conflict on the map, not a note", "[merge]")
{
    Json base = minimalMap();
    base["x-team"] = "growth";
    Json ours = base, theirs = base;
    ours["x-team"] = "retention";
    theirs["x-team"] = Json{{"name", "loyalty"}};
    theirs["x-only-theirs"] = 1; // one side: taken
    std::vector<Conflict> conflicts;
    Document m = merged(base, ours, theirs, &conflicts);
    REQUIRE(conflicts.size() == 1);
    const Conflict &c = conflicts[0];
    CHECK(c.type == ConflictType::Field);
    CHECK(c.entity == DiffEntity::Map);
    CHECK(c.id.empty());
    CHECK(c.field == "x-team");
    CHECK(c.base == Json("growth"));
    CHECK(c.ours == Json("retention"));
    CHECK(c.theirs == Json{{"name", "loyalty"}});
    CHECK(c.description == "the map: x-team changed on both sides: ours \u2018retention\u2019, theirs "
                           "{\"name\":\"loyalty\"} (was \u2018growth\u2019)");
    CHECK(m.unknown()["x-team"] == "retention");
    CHECK(m.unknown()["x-only-theirs"] == 1);
    CHECK(m.unknown()[kConflictKey] ==
          Json::parse(R"([{"type":"field","field":"x-team","base":"growth","theirs":{"name":"loyalty"}}])"));

    SECTION("keep theirs, undoably")
    {
        const std::string before = writeDocument(m);
        auto r = resolveConflict(m, c, Resolution::KeepTheirs);
        REQUIRE(r.edit);
        REQUIRE(r.edit->apply(m));
        CHECK(m.unknown()["x-team"] == Json{{"name", "loyalty"}});
        // The edit says it changed the top level, not "everything": the canvas need not rebuild.
        CHECK(r.edit->changes().touchesTopLevel());
        CHECK_FALSE(r.edit->changes().touchesEverything());
        CHECK_FALSE(m.unknown().contains(kConflictKey));
        CHECK(listConflicts(m).empty());
        CHECK(mustRead(writeDocument(m)).unknown() == m.unknown());
        r.edit->revert(m);
        CHECK(writeDocument(m) == before);
    }
    SECTION("keep ours")
    {
        settle(m, c, Resolution::KeepOurs);
        CHECK(m.unknown()["x-team"] == "retention");
        CHECK(writeDocument(m).find(kConflictKey) == std::string::npos);
    }
    SECTION("the format's own keys cannot be set through a marker")
    {
        Json hand = base;
        hand[kConflictKey] = Json::parse(R"([{"type":"field","field":"version","theirs":2}])");
        const Document h = read(hand);
        const auto listed = listConflicts(h);
        REQUIRE(listed.size() == 1);
        CHECK(listed[0].ours == Json(1));
        CHECK_FALSE(resolveConflict(h, listed[0], Resolution::KeepTheirs).edit);
    }
    SECTION("generator says who wrote the file: ours, unmarked")
    {
        Json b = minimalMap(), o = b, t = b;
        o["generator"] = "CJM Studio 1.0";
        t["generator"] = "CJM Studio 1.1";
        CHECK(merged(b, o, t).generator() == "CJM Studio 1.0");
    }
}

TEST_CASE("merge: their new stage with the id of our new lane is renamed, and their card follows it", "[merge]")
{
    Json base = minimalMap();
    Json ours = base, theirs = base;
    ours["lanes"].push_back({{"id", "y"}, {"kind", "notes"}});
    ours["cards"].push_back({{"id", "c-ours"}, {"persona", "p1"}, {"stage", "s1"}, {"lane", "y"}, {"text", "Memo"}});
    theirs["stages"].push_back({{"id", "y"}, {"name", "Loyalty"}});
    theirs["cards"][0]["stage"] = "y"; // a card both sides have, moved by theirs into the new stage
    theirs["cards"].push_back(
        {{"id", "c-theirs"}, {"persona", "p1"}, {"stage", "y"}, {"lane", "l1"}, {"text", "Points"}});
    auto result = mergeDocuments(read(base), read(ours), read(theirs));
    INFO((result.problems.empty() ? std::string() : result.problems.front().toString()));
    REQUIRE(result.document);
    CHECK(result.conflicts.empty());
    CHECK(result.renamed == std::vector<RenamedId>{{DiffEntity::Stage, "y", "y-2"}});
    const Document &m = *result.document;
    REQUIRE(m.lane("y"));
    REQUIRE(m.stage("y-2"));
    CHECK(m.stage("y-2")->name == "Loyalty");
    CHECK(m.card("c1")->stage == "y-2");
    CHECK(m.card("c-theirs")->stage == "y-2");
    CHECK(m.card("c-ours")->lane == "y");
    CHECK(m.card("c-ours")->stage == "s1");
    CHECK(readDocument(writeDocument(m)).ok());
}

TEST_CASE("merge: a place conflict remembers a renamed stage by its new id", "[merge]")
{
    Json base = minimalMap();
    Json ours = base, theirs = base;
    ours["lanes"].push_back({{"id", "y"}, {"kind", "notes"}});
    ours["cards"][0]["stage"] = "s2";
    theirs["stages"].push_back({{"id", "y"}, {"name", "Loyalty"}});
    theirs["cards"][0]["stage"] = "y";
    std::vector<Conflict> conflicts;
    Document m = merged(base, ours, theirs, &conflicts);
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].field == "cell");
    CHECK((*conflicts[0].theirs)["stage"] == "y-2");
    settle(m, conflicts[0], Resolution::KeepTheirs);
    CHECK(m.card("c1")->stage == "y-2");
}

TEST_CASE("merge: their new journey id equal to our new card id renames the journey", "[merge]")
{
    Json base = minimalMap();
    Json ours = base, theirs = base;
    ours["cards"].push_back({{"id", "k7"}, {"persona", "p1"}, {"stage", "s1"}, {"lane", "l1"}, {"text", "Flyer"}});
    theirs["journey"]["id"] = "k7";
    auto result = mergeDocuments(read(base), read(ours), read(theirs));
    INFO((result.problems.empty() ? std::string() : result.problems.front().toString()));
    REQUIRE(result.document);
    CHECK(result.conflicts.empty());
    CHECK(result.renamed == std::vector<RenamedId>{{DiffEntity::Journey, "k7", "k7-2"}});
    CHECK(result.document->journey().id == "k7-2");
    CHECK(result.document->card("k7")->text == "Flyer");

    // The other way round, our journey keeps the id and their card is renamed.
    auto swapped = mergeDocuments(read(base), read(theirs), read(ours));
    REQUIRE(swapped.document);
    CHECK(swapped.document->journey().id == "k7");
    CHECK(swapped.document->card("k7-2")->text == "Flyer");
}

TEST_CASE("merge: a conflict on a value nested near the limit is stored as JSON text and reads back", "[merge]")
{
    Json base = minimalMap();
    base["cards"][0]["x-deep"] = nested(60, "base");
    Json ours = base, theirs = base;
    ours["cards"][0]["x-deep"] = nested(60, "ours");
    theirs["cards"][0]["x-deep"] = nested(60, "theirs");
    REQUIRE(readDocument(theirs.dump()).ok()); // each side is within the reader's limits
    std::vector<Conflict> conflicts;
    Document m = merged(base, ours, theirs, &conflicts); // reads back: the marker stays within the limit
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].field == "x-deep");
    CHECK(conflicts[0].base == nested(60, "base"));
    CHECK(conflicts[0].ours == nested(60, "ours"));
    CHECK(conflicts[0].theirs == nested(60, "theirs"));
    const Json marker = m.card("c1")->unknown[kConflictKey][0];
    CHECK(marker["theirsJson"] == nested(60, "theirs").dump());
    CHECK_FALSE(marker.contains("theirs"));
    CHECK(listConflicts(mustRead(writeDocument(m))) == conflicts);

    settle(m, conflicts[0], Resolution::KeepTheirs);
    CHECK(m.card("c1")->unknown["x-deep"] == nested(60, "theirs"));
    CHECK(readDocument(writeDocument(m)).ok());

    // The same on the top level, two levels nearer the surface.
    Json tb = minimalMap();
    tb["x-deep"] = nested(62, "base");
    Json to = tb, tt = tb;
    to["x-deep"] = nested(62, "ours");
    tt["x-deep"] = nested(62, "theirs");
    Document top = merged(tb, to, tt, &conflicts);
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].entity == DiffEntity::Map);
    CHECK(conflicts[0].theirs == nested(62, "theirs"));
    settle(top, conflicts[0], Resolution::KeepTheirs);
    CHECK(top.unknown()["x-deep"] == nested(62, "theirs"));
}

TEST_CASE("conflicts: markers with values of the wrong type are skipped or shown, never a crash", "[merge]")
{
    Json map = minimalMap();
    map["cards"][0][kConflictKey] = Json::parse(R"([
        {"type": "field", "field": 5, "theirs": "x"},
        {"type": 7},
        {"type": "deleted", "deletedBy": ["ours"]},
        {"type": "field", "field": "cell", "theirs": {"stage": 5, "lane": null}},
        {"type": "field", "field": "notes", "theirsJson": "{not json"},
        "text"
    ])");
    const Document d = read(map);
    const auto conflicts = listConflicts(d);
    REQUIRE(conflicts.size() == 2); // the ones that say what they are about
    CHECK(conflicts[0].field == "cell");
    CHECK(conflicts[1].theirs == Json("{not json")); // shown as the text it is
    for (const auto &c : conflicts)
        (void)resolveConflict(d, c, Resolution::KeepTheirs); // a refusal or an edit, never a throw

    // A key's name is file text too: the description shows it shortened and printable.
    Json named = minimalMap();
    named["cards"][0][kConflictKey] =
        Json::array({Json{{"type", "field"}, {"field", "x-\x1b[31m" + std::string(100, 'k')}}});
    const auto described = listConflicts(read(named));
    REQUIRE(described.size() == 1);
    CHECK(described[0].description.find('\x1b') == std::string::npos);
    CHECK(described[0].description.find(std::string(61, 'k')) == std::string::npos);
}

TEST_CASE("merge: an emotion's desired score merges like any field", "[merge][desired]")
{
    Json base = minimalMap();
    Json ours = base, theirs = base;
    theirs["cards"][1]["desired"] = 2; // only theirs set it
    ours["cards"][1]["text"] = "worried";
    Document m = merged(base, ours, theirs);
    CHECK(m.card("c2")->desired == 2);
    CHECK(m.card("c2")->text == "worried");

    ours["cards"][1]["desired"] = 1; // both set it, differently: ours kept, theirs in the marker
    std::vector<Conflict> conflicts;
    m = merged(base, ours, theirs, &conflicts);
    CHECK(m.card("c2")->desired == 1);
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].field == "desired");
    CHECK(conflicts[0].ours == Json(1));
    CHECK(conflicts[0].theirs == Json(2));
    CHECK_FALSE(conflicts[0].base.has_value());
    auto resolved = resolveConflict(m, conflicts[0], Resolution::KeepTheirs);
    REQUIRE(resolved.edit);
    REQUIRE(resolved.edit->apply(m));
    CHECK(m.card("c2")->desired == 2);
    CHECK(listConflicts(m).empty());
}

TEST_CASE("merge: the map's language merges like any journey field", "[merge][language]")
{
    Json base = minimalMap();
    Json ours = base, theirs = base;
    theirs["journey"]["language"] = "en";
    ours["journey"]["title"] = "Renewal";
    Document m = merged(base, ours, theirs);
    CHECK(m.journey().language == "en");
    CHECK(m.journey().title == "Renewal");

    ours["journey"]["language"] = "en-GB";
    std::vector<Conflict> conflicts;
    m = merged(base, ours, theirs, &conflicts);
    CHECK(m.journey().language == "en-GB");
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].entity == DiffEntity::Journey);
    CHECK(conflicts[0].field == "language");
    CHECK(conflicts[0].theirs == Json("en"));
}

TEST_CASE("merge: resolving a conflict changes the fields it settles, so undo keeps those and not the card", "[merge]")
{
    Json base = minimalMap();
    // Long notes make the card large: a whole-card undo step would hold them twice.
    base["cards"][0]["notes"] = std::string(200000, 'n');
    Json ours = base, theirs = base;
    ours["cards"][0]["text"] = "Instagram story";
    theirs["cards"][0]["text"] = "Instagram reel";
    std::vector<Conflict> conflicts;
    Document m = merged(base, ours, theirs, &conflicts);
    REQUIRE(conflicts.size() == 1);
    for (Resolution how : {Resolution::KeepOurs, Resolution::KeepTheirs}) {
        const std::string before = writeDocument(m);
        auto r = resolveConflict(m, conflicts[0], how);
        REQUIRE(r.edit);
        REQUIRE(r.edit->apply(m));
        CHECK(m.card("c1")->text == (how == Resolution::KeepOurs ? "Instagram story" : "Instagram reel"));
        CHECK(listConflicts(m).empty());
        const ChangeSet changes = r.edit->changes();
        CHECK_FALSE(changes.touchesEverything());
        CHECK(changes.hasField(EntityKind::Card, "c1", "unknown"));
        CHECK(changes.hasField(EntityKind::Card, "c1", "text") == (how == Resolution::KeepTheirs));
        CHECK_FALSE(changes.hasField(EntityKind::Card, "c1", "notes"));
        CHECK(r.edit->sizeInBytes() < 100000); // the 200 kB notes are not kept
        r.edit->revert(m);
        CHECK(writeDocument(m) == before);
    }
}
