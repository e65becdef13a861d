// The team library: operations on their own (no server), and against a real
// PostgreSQL that tests/team/team_test.sh starts ([server]: it passes the
// connection in CJM_TEAM_DB and has made the roles alice, bob and carol).

#include <catch2/catch.hpp>

#include <cstdlib>
#include <random>
#include <string>

#include "cjm/diff.hpp"
#include "cjm/document_io.hpp"
#include "cjm/edit.hpp"
#include "cjm/fields.hpp"
#include "operations.hpp"
#include "team_library.hpp"

using namespace cjm;
using namespace cjm::team;

namespace {

Document sample()
{
    ReadResult read = readDocumentFile(std::string(CJM_SAMPLES_DIR) + "/ecommerce-en.cjm");
    REQUIRE(read.ok());
    return std::move(*read.document);
}

Document changedByHand(const Document &base)
{
    Json json = toJson(base);
    json["journey"]["title"] = "Checkout, again";
    json["x-top-level"] = Json{{"kept", true}};
    json["cards"][0]["text"] = "A new text";
    json["cards"][0]["x-note"] = "an unknown key";
    json["cards"][1].erase("notes");
    // A card leaves a stage that is then removed, and a stage is added first.
    const std::string removedStage = json["stages"][0]["id"];
    json["stages"].push_back({{"id", "stage-new"}, {"name", "Loyalty"}});
    for (auto &card : json["cards"])
        if (card["stage"] == removedStage)
            card["stage"] = "stage-new";
    json["stages"].erase(json["stages"].begin());
    // Reordered lanes, one card removed, one added in the new stage.
    std::reverse(json["lanes"].begin(), json["lanes"].end());
    Json added = json["cards"][2];
    added["id"] = "card-added";
    added["stage"] = "stage-new";
    added["text"] = "Added";
    json["cards"].erase(json["cards"].begin() + 3);
    json["cards"].push_back(added);
    ReadResult read = readDocument(json.dump());
    REQUIRE(read.ok());
    return std::move(*read.document);
}

void applyAll(Document &document, const std::vector<Json> &operations)
{
    for (const Json &op : operations) {
        std::string why;
        INFO(op.dump());
        REQUIRE(applyOperation(document, op, why));
    }
}

std::string connectionFor(const std::string &role)
{
    const char *db = std::getenv("CJM_TEAM_DB");
    if (!db)
        FAIL("CJM_TEAM_DB is not set: the [server] tests run from tests/team/team_test.sh, which starts a server");
    return std::string(db) + " user=" + role;
}

Json setText(const std::string &card, const std::string &field, Json value)
{
    return {{"op", "set"}, {"entity", "card"}, {"id", card}, {"field", field}, {"value", std::move(value)}};
}

// A map of alice's that bob may edit and carol may only view.
std::string sharedMap(TeamLibrary &alice)
{
    const std::string id = alice.create(sample());
    alice.grant(id, "bob", Access::Editor);
    alice.grant(id, "carol", Access::Viewer);
    return id;
}

} // namespace

TEST_CASE("The operations between two maps turn one into the other", "[operations]")
{
    const Document base = sample();
    const Document target = changedByHand(base);
    const std::vector<Json> operations = operationsBetween(base, target);
    REQUIRE(!operations.empty());
    Document document = base;
    applyAll(document, operations);
    CHECK(diffDocuments(document, target).empty());
    // Read back from their JSON text, as the log stores them: the same.
    Document again = base;
    for (const Json &op : operations) {
        Problem problem;
        const std::optional<Json> parsed = parseJsonValue(op.dump(), problem);
        REQUIRE(parsed);
        std::string why;
        REQUIRE(applyOperation(again, *parsed, why));
    }
    CHECK(writeDocument(again) == writeDocument(document));
}

TEST_CASE("Top-level keys travel both ways, and the generator with them", "[operations]")
{
    const Document base = sample();
    Json json = toJson(base);
    json["generator"] = "another program 2.0";
    json["x-cjm-conflicts"] = Json::array({Json{{"type", "field"}, {"field", "x-a"}, {"theirs", 1}}});
    ReadResult read = readDocument(json.dump());
    REQUIRE(read.ok());
    const Document changed = std::move(*read.document);
    Document there = base;
    applyAll(there, operationsBetween(base, changed));
    CHECK(writeDocument(there) == writeDocument(changed));
    Document back = changed;
    applyAll(back, operationsBetween(changed, base));
    CHECK(writeDocument(back) == writeDocument(base));
}

TEST_CASE("An edit's change set gives the operations that repeat it on another copy", "[operations]")
{
    Document editor = sample();
    Document mirror = sample();
    const Card first = editor.cards().front();
    const Card last = editor.cards().back();
    const std::string stageWithCards = first.stage;
    Stage added;
    added.id = "stage-added";
    added.name = "Loyalty";
    Card newCard = last;
    newCard.id = "card-added";
    newCard.stage = "stage-added";
    newCard.text = "New";
    std::vector<EditPtr> edits;
    edits.push_back(setField(fields::card::text, first.id, "Typed in the Inspector"));
    edits.push_back(setField(fields::journey::title, "A new title"));
    edits.push_back(addStage(added, 1));
    edits.push_back(addCard(newCard));
    edits.push_back(moveCard(last.id, last.persona, "stage-added", last.lane, 7));
    edits.push_back(movePersona(editor.personas().back().id, 0));
    std::vector<EditPtr> two;
    two.push_back(setField(fields::card::notes, last.id, "both"));
    two.push_back(setField(fields::card::tags, last.id, std::vector<std::string>{"a", "b"}));
    edits.push_back(compound(std::move(two), "two fields"));
    edits.push_back(removeStage(stageWithCards));
    for (EditPtr &edit : edits) {
        INFO(edit->description());
        REQUIRE(edit->apply(editor));
        const std::optional<std::vector<Json>> operations = operationsFor(edit->changes(), editor);
        REQUIRE(operations);
        applyAll(mirror, *operations);
        CHECK(writeDocument(mirror) == writeDocument(editor));
    }
}

TEST_CASE("For one field the operation applied last wins; other fields are kept", "[operations]")
{
    Document document = sample();
    const std::string card = document.cards().front().id;
    applyAll(document, {setText(card, "text", "first"), setText(card, "notes", "kept"), setText(card, "text", "last")});
    CHECK(document.card(card)->text == "last");
    CHECK(document.card(card)->notes == "kept");
}

TEST_CASE("An operation on an entity removed meanwhile is dropped and says why", "[operations]")
{
    Document document = sample();
    const std::string card = document.cards().front().id;
    applyAll(document, {{{"op", "remove"}, {"entity", "card"}, {"id", card}}});
    const std::string before = writeDocument(document);
    std::string why;
    CHECK_FALSE(applyOperation(document, setText(card, "text", "too late"), why));
    CHECK(why == "it is no longer in the map");
    CHECK(writeDocument(document) == before);
}

TEST_CASE("An operation the reader would refuse changes nothing", "[operations]")
{
    Document document = sample();
    const std::string before = writeDocument(document);
    const std::string card = document.cards().front().id;
    std::string why;
    CHECK_FALSE(applyOperation(document, setText(card, "severity", 99), why));
    CHECK_FALSE(why.empty());
    CHECK_FALSE(applyOperation(document, setText(card, "text", 12), why));
    CHECK_FALSE(applyOperation(document, Json{{"op", "explode"}, {"entity", "card"}, {"id", card}}, why));
    CHECK(why == "unknown operation 'explode'");
    CHECK_FALSE(applyOperation(document, Json::array(), why));
    CHECK(writeDocument(document) == before);
}

TEST_CASE("Pushed then opened, a map is the same", "[server]")
{
    TeamLibrary alice(connectionFor("alice"));
    const std::string id = alice.create(sample());
    TeamMap map(alice, id);
    CHECK(map.seq() == 0);
    CHECK(diffDocuments(map.document(), sample()).empty());
    const Document target = changedByHand(sample());
    CHECK(map.sendDocument(target) > 0);
    TeamLibrary bob(connectionFor("alice"));
    TeamMap fresh(bob, id);
    CHECK(diffDocuments(fresh.document(), target).empty());
    CHECK(fresh.seq() == map.seq());
    // Any version of the history, read-only.
    TeamMap first(bob, id, 0);
    CHECK(writeDocument(first.document()) == writeDocument(sample()));
    CHECK_THROWS_AS(first.send({}), TeamError);
    TeamMap one(bob, id, 1);
    CHECK(one.seq() == 1);
    CHECK_THROWS_AS(TeamMap(bob, id, map.seq() + 1), TeamError);
}

TEST_CASE("Two clients editing at once converge; the server's order decides a field", "[server]")
{
    TeamLibrary aliceLibrary(connectionFor("alice"));
    TeamLibrary bobLibrary(connectionFor("bob"));
    const std::string id = sharedMap(aliceLibrary);
    TeamMap alice(aliceLibrary, id);
    TeamMap bob(bobLibrary, id);
    const std::string card = alice.document().cards().front().id;
    const std::string other = alice.document().cards().back().id;

    // Both edit before either has seen the other's edit.
    aliceLibrary.append(id, {setText(card, "text", "alice's"), setText(other, "notes", "alice was here")});
    bobLibrary.append(id, {setText(card, "text", "bob's"), setText(card, "channel", "email")});
    alice.sync();
    bob.sync();

    CHECK(alice.seq() == bob.seq());
    CHECK(writeDocument(alice.document()) == writeDocument(bob.document()));
    CHECK(alice.document().card(card)->text == "bob's"); // appended last
    CHECK(alice.document().card(card)->channel == "email");
    CHECK(alice.document().card(other)->notes == "alice was here");

    // Bob edits a card alice removed meanwhile: his operation is dropped, and
    // he is told which and why.
    aliceLibrary.append(id, {{{"op", "remove"}, {"entity", "card"}, {"id", other}}});
    const std::vector<AppliedChange> applied = bob.send({setText(other, "text", "too late")}, true);
    REQUIRE(applied.size() == 2);
    CHECK(applied[0].author == "alice");
    REQUIRE(applied[0].changes.size() == 1);
    CHECK(applied[0].changes[0].type == ChangeType::Removed);
    CHECK(applied[1].author == "bob");
    CHECK(applied[1].changes.empty());
    REQUIRE(applied[1].dropped.size() == 1);
    CHECK(applied[1].dropped[0].find("by bob was dropped: it is no longer in the map") != std::string::npos);
    alice.sync();
    CHECK(writeDocument(alice.document()) == writeDocument(bob.document()));
}

TEST_CASE("A viewer cannot change a map", "[server]")
{
    TeamLibrary alice(connectionFor("alice"));
    TeamLibrary carol(connectionFor("carol"));
    const std::string id = sharedMap(alice);
    TeamMap map(carol, id);
    const std::string card = map.document().cards().front().id;
    try {
        map.send({setText(card, "text", "carol's")});
        FAIL("a viewer's operation was accepted");
    } catch (const TeamError &error) {
        CHECK(error.kind() == TeamError::Kind::PermissionDenied);
    }
    CHECK_FALSE(carol.writeSnapshot(id, 0, map.document()));
    CHECK_THROWS_AS(carol.grant(id, "carol", Access::Owner), TeamError);
    TeamMap fresh(alice, id);
    CHECK(fresh.seq() == 0);
    CHECK(fresh.document().card(card)->text == sample().card(card)->text);
}

TEST_CASE("Unknown maps and strangers are told which", "[server]")
{
    TeamLibrary alice(connectionFor("alice"));
    TeamLibrary bob(connectionFor("bob"));
    const std::string id = alice.create(sample());
    try {
        TeamMap map(bob, id);
        FAIL("a stranger opened the map");
    } catch (const TeamError &error) {
        CHECK(error.kind() == TeamError::Kind::PermissionDenied);
    }
    try {
        TeamMap map(bob, "no-such-map");
        FAIL("an unknown map opened");
    } catch (const TeamError &error) {
        CHECK(error.kind() == TeamError::Kind::UnknownMap);
    }
}

TEST_CASE("Five clients with 200 random edits each and dropped connections end with one map, opened from a snapshot "
          "and a short tail",
          "[server]")
{
    TeamLibrary aliceLibrary(connectionFor("alice"));
    const std::string id = sharedMap(aliceLibrary);
    std::vector<std::unique_ptr<TeamLibrary>> libraries;
    std::vector<std::unique_ptr<TeamMap>> clients;
    for (const char *role : {"alice", "bob", "alice", "bob", "alice"}) {
        libraries.push_back(std::make_unique<TeamLibrary>(connectionFor(role)));
        clients.push_back(std::make_unique<TeamMap>(*libraries.back(), id));
    }
    std::mt19937 random(20);
    const char *fields[] = {"text", "notes", "channel"};
    int added = 0;
    for (int step = 0; step < 1000; ++step) {
        const std::size_t which = random() % clients.size();
        TeamMap &client = *clients[which];
        // A dropped connection: a new session goes on from the version the
        // client had reached, and misses nothing.
        if (random() % 30 == 0)
            libraries[which]->reconnect();
        const auto &cards = client.document().cards();
        if (cards.empty())
            continue;
        const Card &card = cards[random() % cards.size()];
        std::vector<Json> ops;
        switch (random() % 10) {
        case 0: ops.push_back({{"op", "remove"}, {"entity", "card"}, {"id", card.id}}); break;
        case 1: {
            Json copy = cardToJson(card);
            copy["id"] = "card-random-" + std::to_string(added++);
            ops.push_back({{"op", "add"}, {"entity", "card"}, {"value", copy}});
            break;
        }
        case 2: {
            const auto &stages = client.document().stages();
            ops.push_back({{"op", "move"},
                           {"entity", "card"},
                           {"id", card.id},
                           {"persona", card.persona},
                           {"stage", stages[random() % stages.size()].id},
                           {"lane", card.lane},
                           {"order", static_cast<int>(random() % 5)}});
            break;
        }
        default: ops.push_back(setText(card.id, fields[random() % 3], "step " + std::to_string(step)));
        }
        // Sometimes sent and seen at once, sometimes sent blind.
        if (random() % 2)
            client.send(ops);
        else
            libraries[which]->append(id, ops);
        if (random() % 3 == 0)
            clients[random() % clients.size()]->sync();
    }
    for (auto &client : clients)
        client->sync();
    TeamLibrary carol(connectionFor("carol"));
    TeamMap opened(carol, id);
    CHECK(opened.seq() >= 1000);
    CHECK(opened.openedTail() < TeamMap::kSnapshotEvery); // writers stored snapshots on the way
    for (auto &client : clients) {
        CHECK(client->seq() == opened.seq());
        CHECK(diffDocuments(client->document(), opened.document()).empty());
        CHECK(writeDocument(client->document()) == writeDocument(opened.document()));
    }
}
