// The team library: operations on their own (no server), and against a real
// PostgreSQL that tests/team/team_test.sh starts ([server]: it passes the
// connection in CJM_TEAM_DB and has made the roles alice, bob and carol).

#include <catch2/catch.hpp>

#include <stdlib.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <thread>

#include "cjm/diff.hpp"
#include "cjm/document_io.hpp"
#include "cjm/edit.hpp"
#include "cjm/fields.hpp"
#include "operations.hpp"
#include "schema.hpp"
#include "team_client.hpp"
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

// ---- TeamClient: the engine of an editor window --------------------------

namespace {

// A fresh folder for journals, removed at the end of the test.
struct TempDir {
    TempDir()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "cjm-team-client.XXXXXX").string();
        REQUIRE(mkdtemp(pattern.data()));
        path = pattern;
    }
    ~TempDir()
    {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
    std::string journal(const std::string &name) const { return (path / (name + ".journal")).string(); }
    std::filesystem::path path;
};

ClientOptions optionsFor(const std::string &role, const std::string &id, const std::string &journal)
{
    return ClientOptions{connectionFor(role), id, journal};
}

// Syncs every client until none has anything to send and all are at the
// server's newest version (two rounds: what one sends, the others receive).
void syncAll(const std::vector<TeamClient *> &clients)
{
    for (int round = 0; round < 3; ++round)
        for (TeamClient *client : clients) {
            const SyncResult result = client->sync();
            REQUIRE(result.reachedServer);
        }
}

// Syncs (waiting for the server's news in between, at most 10 s) until
// `done(result)`: a notification is on its way while the writer's call
// returns, so one sync may be a moment early.
template <typename Done>
bool syncUntil(TeamClient &client, Done done)
{
    for (int i = 0; i < 100; ++i) {
        if (done(client.sync()))
            return true;
        client.waitForNews(100);
    }
    return false;
}

std::string cardText(const TeamClient &client, const std::string &card)
{
    const Card *found = client.document().card(card);
    return found ? found->text : std::string("(gone)");
}

} // namespace

TEST_CASE("Two team clients editing at once converge on the server's map", "[server]")
{
    TempDir dir;
    TeamLibrary aliceLibrary(connectionFor("alice"));
    const std::string id = sharedMap(aliceLibrary);
    TeamClient alice(optionsFor("alice", id, dir.journal("alice")));
    TeamClient bob(optionsFor("bob", id, dir.journal("bob")));
    CHECK(alice.role() == "alice");
    CHECK(bob.clientId() != alice.clientId());
    REQUIRE(alice.hasDocument());
    const std::string card = alice.document().cards().front().id;
    const std::string other = alice.document().cards().back().id;

    // Both edit before either has seen the other's edit: each sees their own at once.
    const ChangeSet mine = alice.submit({setText(card, "text", "alice's"), setText(other, "notes", "alice was here")});
    CHECK(mine.hasField(EntityKind::Card, card, "text"));
    bob.submit({setText(card, "text", "bob's"), setText(card, "channel", "email")});
    CHECK(cardText(alice, card) == "alice's");
    CHECK(cardText(bob, card) == "bob's");
    CHECK(alice.state() == LinkState::Syncing);
    CHECK(alice.pendingCount() == 2);

    const SyncResult first = alice.sync();
    CHECK(first.reachedServer);
    CHECK(first.sent == 2);
    CHECK(alice.pendingCount() == 0);
    CHECK(alice.state() == LinkState::Online);
    CHECK_FALSE(alice.waitForNews(0)); // her own writes do not wake her
    const SyncResult second = bob.sync();
    CHECK(second.sent == 2);
    CHECK(second.newConflicts == 0); // made online: the server's order decides
    CHECK(std::find(second.authors.begin(), second.authors.end(), "alice") != second.authors.end());
    CHECK(second.changes.hasField(EntityKind::Card, other, "notes"));
    const SyncResult third = alice.sync(true);
    CHECK(third.changes.hasField(EntityKind::Card, card, "text"));
    CHECK_FALSE(third.described.empty());

    CHECK(alice.confirmedSeq() == bob.confirmedSeq());
    CHECK(writeDocument(alice.document()) == writeDocument(bob.document()));
    CHECK(cardText(alice, card) == "bob's"); // reached the server last
    CHECK(alice.document().card(card)->channel == "email");
    CHECK(bob.document().card(other)->notes == "alice was here");
    TeamMap server(aliceLibrary, id);
    CHECK(writeDocument(server.document()) == writeDocument(alice.document()));

    // Bob edits a card alice removed meanwhile: his edit is dropped, and he is told why.
    alice.submit({{{"op", "remove"}, {"entity", "card"}, {"id", other}}});
    alice.sync();
    bob.submit({setText(other, "text", "too late")});
    const SyncResult dropped = bob.sync();
    REQUIRE(dropped.dropped.size() == 1);
    CHECK(dropped.dropped[0].why == "it is no longer in the map");
    CHECK(dropped.changes.find(EntityKind::Card, other) != nullptr); // the canvas removes it
    CHECK(bob.pendingCount() == 0);
    CHECK(bob.document().card(other) == nullptr);
    syncAll({&alice, &bob});
    CHECK(writeDocument(alice.document()) == writeDocument(bob.document()));
}

TEST_CASE("An offline edit of a field a teammate changed meanwhile is a conflict, never an overwrite", "[server]")
{
    TempDir dir;
    TeamLibrary aliceLibrary(connectionFor("alice"));
    const std::string id = sharedMap(aliceLibrary);
    TeamClient alice(optionsFor("alice", id, dir.journal("alice")));
    TeamClient bob(optionsFor("bob", id, dir.journal("bob")));
    const auto &cards = alice.document().cards();
    const std::string one = cards[0].id, two = cards[1].id, three = cards[2].id;
    syncAll({&alice, &bob});

    bob.disconnect();
    CHECK(bob.state() == LinkState::Offline);
    bob.submit({setText(one, "text", "bob offline 1")});
    bob.submit({setText(two, "text", "bob offline 2"), setText(three, "notes", "only bob")});
    CHECK(bob.pendingCount() == 3);
    alice.submit({setText(one, "text", "alice online 1"), setText(two, "text", "alice online 2")});
    REQUIRE(alice.sync().reachedServer);

    const SyncResult back = bob.sync();
    REQUIRE(back.reachedServer);
    CHECK(back.newConflicts == 2);
    REQUIRE(bob.conflicts().size() == 2);
    const Conflict &first = bob.conflicts()[0];
    CHECK(first.entity == "card");
    CHECK(first.id == one);
    CHECK(first.field == "text");
    CHECK(first.mine == Json("bob offline 1"));
    CHECK(first.theirs == Json("alice online 1"));
    CHECK(first.theirAuthor == "alice");
    // Held, not sent: the server and bob's view keep alice's text; the
    // field nobody else touched went through.
    CHECK(cardText(bob, one) == "alice online 1");
    CHECK(cardText(bob, two) == "alice online 2");
    CHECK(bob.document().card(three)->notes == "only bob");
    CHECK(bob.pendingCount() == 2);
    CHECK(bob.state() == LinkState::Online); // held ones are not waiting to be sent
    alice.sync();
    CHECK(cardText(alice, one) == "alice online 1");
    CHECK(alice.document().card(three)->notes == "only bob");

    // Keep mine for the first, keep theirs for the second.
    const ChangeSet kept = bob.resolve(0, true);
    CHECK(kept.hasField(EntityKind::Card, one, "text"));
    CHECK(cardText(bob, one) == "bob offline 1");
    REQUIRE(bob.conflicts().size() == 1);
    CHECK(bob.conflicts()[0].id == two);
    bob.resolve(0, false);
    CHECK(bob.conflicts().empty());
    CHECK(cardText(bob, two) == "alice online 2");
    syncAll({&alice, &bob});
    CHECK(bob.pendingCount() == 0);
    CHECK(cardText(alice, one) == "bob offline 1");
    CHECK(cardText(alice, two) == "alice online 2");
    CHECK(writeDocument(alice.document()) == writeDocument(bob.document()));
    TeamMap server(aliceLibrary, id);
    CHECK(writeDocument(server.document()) == writeDocument(alice.document()));

    // Typing again into a field in conflict is the answer: the held edit goes.
    bob.disconnect();
    bob.submit({setText(one, "text", "bob offline again")});
    alice.submit({setText(one, "text", "alice again")});
    alice.sync();
    REQUIRE(bob.sync().newConflicts == 1);
    bob.submit({setText(one, "text", "bob's last word")});
    CHECK(bob.conflicts().empty());
    CHECK(bob.pendingCount() == 1);
    syncAll({&alice, &bob});
    CHECK(cardText(alice, one) == "bob's last word");
    CHECK(writeDocument(alice.document()) == writeDocument(bob.document()));
}

TEST_CASE("An offline move of a card a teammate moved meanwhile is a conflict about its place", "[server]")
{
    TempDir dir;
    TeamLibrary aliceLibrary(connectionFor("alice"));
    const std::string id = sharedMap(aliceLibrary);
    TeamClient alice(optionsFor("alice", id, dir.journal("alice")));
    TeamClient bob(optionsFor("bob", id, dir.journal("bob")));
    syncAll({&alice, &bob});
    const Card card = alice.document().cards()[0];
    const auto &stages = alice.document().stages();
    REQUIRE(stages.size() >= 3);
    std::string bobsStage, alicesStage;
    for (const Stage &stage : stages) {
        if (stage.id == card.stage)
            continue;
        (bobsStage.empty() ? bobsStage : alicesStage.empty() ? alicesStage : bobsStage) = stage.id;
    }
    REQUIRE(!alicesStage.empty());
    const auto moveTo = [&](const std::string &stage) {
        return Json{{"op", "move"},   {"entity", "card"},  {"id", card.id}, {"persona", card.persona},
                    {"stage", stage}, {"lane", card.lane}, {"order", 0}};
    };
    const auto stageOf = [&](TeamClient &client) { return client.document().card(card.id)->stage; };

    bob.disconnect();
    bob.submit({moveTo(bobsStage)});
    CHECK(stageOf(bob) == bobsStage);
    alice.submit({moveTo(alicesStage)});
    REQUIRE(alice.sync().reachedServer);

    // Bob comes back: his move is held, not a silent overwrite of Alice's.
    const SyncResult back = bob.sync();
    REQUIRE(back.reachedServer);
    CHECK(back.newConflicts == 1);
    REQUIRE(bob.conflicts().size() == 1);
    const Conflict &conflict = bob.conflicts()[0];
    CHECK(conflict.entity == "card");
    CHECK(conflict.id == card.id);
    CHECK(conflict.field == "place");
    REQUIRE(conflict.mine);
    REQUIRE(conflict.theirs);
    CHECK((*conflict.mine)["stage"] == bobsStage);
    CHECK((*conflict.theirs)["stage"] == alicesStage);
    CHECK(conflict.theirAuthor == "alice");
    CHECK(stageOf(bob) == alicesStage);
    alice.sync();
    CHECK(stageOf(alice) == alicesStage);

    SECTION("Keep Mine moves it where Bob put it, for both")
    {
        bob.resolve(0, true);
        CHECK(stageOf(bob) == bobsStage);
        syncAll({&alice, &bob});
        CHECK(stageOf(alice) == bobsStage);
    }
    SECTION("Keep Theirs leaves it where Alice put it, for both")
    {
        bob.resolve(0, false);
        CHECK(stageOf(bob) == alicesStage);
        syncAll({&alice, &bob});
        CHECK(stageOf(alice) == alicesStage);
    }
    CHECK(bob.conflicts().empty());
    CHECK(bob.pendingCount() == 0);
    CHECK(writeDocument(alice.document()) == writeDocument(bob.document()));
    TeamMap server(aliceLibrary, id);
    CHECK(writeDocument(server.document()) == writeDocument(alice.document()));
}

TEST_CASE("A team client's journal keeps edits across a restart and the server keeps each once", "[server]")
{
    TempDir dir;
    TeamLibrary aliceLibrary(connectionFor("alice"));
    const std::string id = sharedMap(aliceLibrary);
    const std::string journal = dir.journal("bob");
    std::string card, clientId;
    {
        TeamClient bob(optionsFor("bob", id, journal));
        card = bob.document().cards().front().id;
        clientId = bob.clientId();
        // A second client on the same journal is refused (two windows on one map).
        CHECK_THROWS_AS(TeamClient(optionsFor("bob", id, journal)), TeamError);
        bob.disconnect();
        bob.submit({setText(card, "text", "never synced")});
    } // closed without a sync (the kill -9 is team_test.sh's)
    CHECK(TeamMap(aliceLibrary, id).document().card(card)->text != "never synced");
    {
        TeamClient bob(optionsFor("bob", id, journal));
        CHECK(bob.clientId() == clientId);
        CHECK(bob.pendingCount() == 1);
        CHECK(cardText(bob, card) == "never synced");
        // Sent, then killed before the journal said so: simulated by putting
        // the journal back as it was before the sync.
        const std::string before = *[&] {
            std::ifstream in(journal, std::ios::binary);
            return std::optional<std::string>(std::string(std::istreambuf_iterator<char>(in), {}));
        }();
        const SyncResult sent = bob.sync();
        CHECK(sent.sent == 1);
        CHECK(bob.pendingCount() == 0);
        std::ofstream(journal, std::ios::binary | std::ios::trunc) << before;
    }
    const std::int64_t seq = TeamMap(aliceLibrary, id).seq();
    {
        TeamClient bob(optionsFor("bob", id, journal));
        const SyncResult again = bob.sync();
        CHECK(again.reachedServer);
        CHECK(bob.pendingCount() == 0); // acknowledged: the server had it
    }
    TeamMap server(aliceLibrary, id);
    CHECK(server.seq() == seq); // not appended twice
    CHECK(server.document().card(card)->text == "never synced");

    // A journal of another map is refused, not mixed in.
    const std::string other = aliceLibrary.create(sample());
    CHECK_THROWS_AS(TeamClient(optionsFor("alice", other, journal)), TeamError);
}

TEST_CASE("Without a server a team client starts offline, edits the cached map and backs off", "[server]")
{
    TempDir dir;
    TeamLibrary aliceLibrary(connectionFor("alice"));
    const std::string id = sharedMap(aliceLibrary);
    const std::string journal = dir.journal("bob");
    const std::string nowhere = "host=" + (dir.path / "no-server").string() + " dbname=cjm user=bob";
    {
        TeamClient never(ClientOptions{nowhere, id, dir.journal("never")});
        CHECK(never.state() == LinkState::Offline);
        CHECK_FALSE(never.hasDocument());
        CHECK_THROWS_AS(never.submit({}), TeamError);
    }
    std::string card;
    {
        TeamClient bob(optionsFor("bob", id, journal)); // caches the map
        card = bob.document().cards().front().id;
    }
    {
        TeamClient bob(ClientOptions{nowhere, id, journal});
        CHECK(bob.state() == LinkState::Offline);
        REQUIRE(bob.hasDocument());
        CHECK(bob.listenSocket() == -1);
        CHECK(bob.retryDelay() == std::chrono::milliseconds(500));
        bob.submit({setText(card, "text", "edited with no server")});
        CHECK(cardText(bob, card) == "edited with no server");
        std::vector<long> delays;
        for (int i = 0; i < 9; ++i) {
            const SyncResult result = bob.sync();
            CHECK_FALSE(result.reachedServer);
            CHECK(result.error.find("cannot reach the team server") != std::string::npos);
            delays.push_back(static_cast<long>(bob.retryDelay().count()));
        }
        CHECK(delays == std::vector<long>{1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000});
        CHECK(bob.pendingCount() == 1);
    }
    TeamClient bob(optionsFor("bob", id, journal));
    const SyncResult back = bob.sync();
    CHECK(back.reachedServer);
    CHECK(bob.retryDelay() == std::chrono::milliseconds(0));
    CHECK(bob.pendingCount() == 0);
    CHECK(TeamMap(aliceLibrary, id).document().card(card)->text == "edited with no server");
}

TEST_CASE("Presence: who has the map open and what they selected; gone on close, stale rows do not count", "[server]")
{
    TempDir dir;
    TeamLibrary aliceLibrary(connectionFor("alice"));
    const std::string id = sharedMap(aliceLibrary);
    // A long timeout here, so that a slow machine does not make a row stale
    // between two steps; staleness itself is checked below with the clock looked ahead.
    ClientOptions aliceOptions = optionsFor("alice", id, dir.journal("alice"));
    aliceOptions.presenceTimeout = std::chrono::minutes(1);
    TeamClient alice(aliceOptions);
    const std::string card = alice.document().cards().front().id;
    alice.setPresence({card});
    REQUIRE(alice.sync().reachedServer);
    std::string carolId;
    {
        ClientOptions carolOptions = optionsFor("carol", id, dir.journal("carol"));
        carolOptions.presenceTimeout = std::chrono::minutes(1);
        TeamClient carol(carolOptions); // a viewer is present too
        carolId = carol.clientId();
        carol.setPresence({});
        REQUIRE(carol.sync().reachedServer);
        REQUIRE(carol.presence().size() == 2);
        const auto aliceRow = std::find_if(carol.presence().begin(), carol.presence().end(),
                                           [](const Presence &p) { return p.role == "alice"; });
        REQUIRE(aliceRow != carol.presence().end());
        CHECK(aliceRow->selection == std::vector<std::string>{card});
        CHECK_FALSE(aliceRow->self);
        // Carol's arrival is notified: alice's list changes before her next heartbeat.
        CHECK(syncUntil(alice, [](const SyncResult &r) { return r.presenceChanged; }));
        CHECK(alice.presence().size() == 2);
        // Taking alice's client id makes a row of carol's, not alice's: alice's heartbeat goes on.
        TeamLibrary carolLibrary(connectionFor("carol"));
        carolLibrary.beat(id, alice.clientId(), Json::array());
        REQUIRE(alice.sync().reachedServer);
        CHECK(std::count_if(alice.presence().begin(), alice.presence().end(),
                            [](const Presence &p) { return p.self; }) == 1);
        carolLibrary.leave(id, alice.clientId());
    }
    // Closed: the row is deleted, and the others hear it.
    CHECK(syncUntil(alice, [](const SyncResult &r) { return r.presenceChanged; }));
    REQUIRE(alice.presence().size() == 1);
    CHECK(alice.presence()[0].self);

    // A client that dies cannot delete its row: its last heartbeat counts for
    // presenceTimeout, and not after (the server's clock looked ahead).
    TeamLibrary bobLibrary(connectionFor("bob"));
    bobLibrary.beat(id, "killed-client", Json::array({card}));
    const ClientOptions defaults;
    const auto has = [](const std::vector<PresenceRow> &rows, const std::string &client) {
        return std::any_of(rows.begin(), rows.end(), [&](const PresenceRow &r) { return r.clientId == client; });
    };
    CHECK(has(bobLibrary.presence(id, std::chrono::hours(1)), "killed-client"));
    CHECK_FALSE(has(bobLibrary.presence(id, defaults.presenceTimeout, defaults.presenceTimeout), "killed-client"));
    CHECK_FALSE(has(bobLibrary.presence(id, defaults.presenceTimeout, std::chrono::seconds(11)), alice.clientId()));
    CHECK(defaults.presenceTimeout + defaults.presenceTimeout / 3 <= std::chrono::seconds(10));
    CHECK_FALSE(has(bobLibrary.presence(id, std::chrono::hours(1)), carolId));
}

TEST_CASE("Comments on cards: threads, replies, resolving, live; viewers only read", "[server]")
{
    TempDir dir;
    TeamLibrary aliceLibrary(connectionFor("alice"));
    const std::string id = sharedMap(aliceLibrary);
    TeamClient alice(optionsFor("alice", id, dir.journal("alice")));
    TeamClient bob(optionsFor("bob", id, dir.journal("bob")));
    TeamClient carol(optionsFor("carol", id, dir.journal("carol")));
    syncAll({&alice, &bob, &carol});
    const std::string card = alice.document().cards().front().id;

    const std::int64_t question = alice.addComment(card, "Is this <b>step</b> still needed?");
    REQUIRE(alice.comments().size() == 1);
    CHECK(alice.sync().commentsChanged); // her own comment: her dock shows it too
    CHECK(alice.comments()[0].author == "alice");
    CHECK(alice.comments()[0].text == "Is this <b>step</b> still needed?"); // plain text, kept as typed
    CHECK(syncUntil(bob, [](const SyncResult &r) { return r.commentsChanged; }));
    REQUIRE(bob.comments().size() == 1);
    const std::int64_t reply = bob.addComment("ignored: a reply is on its thread's card", "Yes, for returns", question);
    REQUIRE(bob.comments().size() == 2);
    CHECK(bob.comments()[1].id == reply);
    CHECK(bob.comments()[1].parent == question);
    CHECK(bob.comments()[1].cardId == card);
    CHECK(bob.comments()[1].author == "bob");
    CHECK_FALSE(bob.comments()[1].time.empty());

    try {
        carol.addComment(card, "a viewer's comment");
        FAIL("a viewer wrote a comment");
    } catch (const TeamError &error) {
        CHECK(error.kind() == TeamError::Kind::PermissionDenied);
    }
    CHECK_THROWS_AS(carol.resolveComment(question), TeamError);

    alice.resolveComment(question);
    CHECK(syncUntil(carol, [&](const SyncResult &) { return carol.comments().size() == 2; }));
    REQUIRE(carol.comments().size() == 2);
    CHECK(syncUntil(carol, [&](const SyncResult &) { return carol.comments()[0].resolved; }));
    CHECK(carol.comments()[0].resolved);
    CHECK(carol.comments()[0].resolvedBy == "alice");
    CHECK_FALSE(carol.comments()[1].resolved);
    bob.resolveComment(question, false);
    CHECK(syncUntil(alice, [&](const SyncResult &) { return !alice.comments()[0].resolved; }));
    CHECK_THROWS_AS(alice.addComment(card, "on a comment of no map", 999999), TeamError);
}

TEST_CASE("History: any version read back, and restored as the newest version", "[server]")
{
    TempDir dir;
    TeamLibrary aliceLibrary(connectionFor("alice"));
    const std::string id = sharedMap(aliceLibrary);
    TeamClient alice(optionsFor("alice", id, dir.journal("alice")));
    TeamClient bob(optionsFor("bob", id, dir.journal("bob")));
    const std::string card = alice.document().cards().front().id;
    alice.submit({setText(card, "text", "first edit")});
    alice.sync();
    const std::int64_t firstEdit = alice.confirmedSeq();
    const std::string atFirstEdit = writeDocument(alice.document());
    bob.submit({setText(card, "text", "second edit"),
                {{"op", "remove"}, {"entity", "card"}, {"id", alice.document().cards().back().id}}});
    bob.sync();
    alice.sync();

    CHECK(writeDocument(alice.documentAt(0)) == writeDocument(sample()));
    CHECK(writeDocument(alice.documentAt(firstEdit)) == atFirstEdit);
    const std::vector<Version> before = alice.history();
    REQUIRE(before.size() == 3);
    CHECK(before[2].author == "bob");

    const std::int64_t restored = alice.restore(firstEdit);
    CHECK(restored > before.back().version);
    CHECK(writeDocument(alice.document()) == atFirstEdit);
    const std::vector<Version> after = alice.history();
    REQUIRE(after.size() == 4);
    CHECK(after.back().version == restored);
    CHECK(after.back().author == "alice");
    bob.sync();
    CHECK(writeDocument(bob.document()) == atFirstEdit);
    CHECK(writeDocument(TeamMap(aliceLibrary, id).document()) == atFirstEdit);
    CHECK(alice.restore(restored) == restored); // already that: nothing sent
}

TEST_CASE("Five team clients with 200 random edits each, journals and dropped connections end with one map", "[server]")
{
    TempDir dir;
    TeamLibrary aliceLibrary(connectionFor("alice"));
    const std::string id = sharedMap(aliceLibrary);
    std::vector<std::unique_ptr<TeamClient>> clients;
    const char *roles[] = {"alice", "bob", "alice", "bob", "alice"};
    for (int i = 0; i < 5; ++i)
        clients.push_back(
            std::make_unique<TeamClient>(optionsFor(roles[i], id, dir.journal("client" + std::to_string(i)))));
    std::mt19937 random(20);
    const char *fields[] = {"text", "notes", "channel"};
    int added = 0, conflicts = 0, restarts = 0;
    for (int step = 0; step < 1000; ++step) {
        const std::size_t which = random() % clients.size();
        TeamClient &client = *clients[which];
        const int dice = static_cast<int>(random() % 40);
        if (dice == 0) {
            client.disconnect(); // offline for a while: its edits wait in the journal
        } else if (dice == 1) {
            // The program ends (its pending edits stay in the journal) and starts again.
            clients[which].reset();
            clients[which] = std::make_unique<TeamClient>(
                optionsFor(roles[which], id, dir.journal("client" + std::to_string(which))));
            ++restarts;
            continue;
        }
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
        default: {
            // Half the texts go to a few cards, so offline edits meet teammates' ones.
            const Card &target = random() % 2 ? card : cards[random() % std::min<std::size_t>(cards.size(), 3)];
            ops.push_back(setText(target.id, fields[random() % 3], "step " + std::to_string(step)));
        }
        }
        client.submit(ops);
        // An offline client stays offline until its turn comes up a few times.
        if (client.state() != LinkState::Offline || random() % 4 == 0) {
            const SyncResult result = client.sync();
            CHECK(result.reachedServer);
        }
        while (!client.conflicts().empty()) {
            client.resolve(0, random() % 2 == 0);
            ++conflicts;
        }
        if (random() % 3 == 0)
            clients[random() % clients.size()]->sync();
    }
    for (int round = 0; round < 3; ++round)
        for (auto &client : clients) {
            REQUIRE(client->sync().reachedServer);
            while (!client->conflicts().empty())
                client->resolve(0, true);
        }
    for (auto &client : clients)
        REQUIRE(client->sync().reachedServer);
    TeamLibrary carol(connectionFor("carol"));
    TeamMap opened(carol, id);
    CHECK(opened.seq() >= 900);
    CHECK(opened.openedTail() < TeamMap::kSnapshotEvery); // writers stored snapshots on the way
    CHECK(restarts > 0);
    CHECK(conflicts > 0);
    for (auto &client : clients) {
        CHECK(client->pendingCount() == 0);
        CHECK(client->confirmedSeq() == opened.seq());
        CHECK(diffDocuments(client->document(), opened.document()).empty());
        CHECK(writeDocument(client->document()) == writeDocument(opened.document()));
    }
}

TEST_CASE("The schema migrates from version 1 to 2 and keeps every map", "[server]")
{
    const char *admin = std::getenv("CJM_TEAM_MIGRATE_DB");
    if (!admin)
        FAIL("CJM_TEAM_MIGRATE_DB is not set: team_test.sh gives a fresh database for the migration");
    TempDir dir;
    TeamLibrary library(admin);
    CHECK(library.migrateTo(1) == 0);
    const std::string id = library.create(sample());
    library.append(id, {setText(sample().cards().front().id, "text", "written under version 1")});
    CHECK(library.init() == 1);
    CHECK(library.init() == latestSchemaVersion());
    TeamClient client(ClientOptions{admin, id, dir.journal("admin")});
    CHECK(client.confirmedSeq() == 1);
    CHECK(cardText(client, sample().cards().front().id) == "written under version 1");
    client.submit({setText(sample().cards().front().id, "notes", "and under version 2")});
    CHECK(client.sync().sent == 1);
    CHECK(client.addComment(sample().cards().front().id, "comments work after the migration") > 0);
}

namespace {

// team_test.sh and this test take turns through files in CJM_TEAM_CONTROL.
bool waitForFile(const std::filesystem::path &file)
{
    for (int i = 0; i < 600; ++i) {
        if (std::filesystem::exists(file))
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
}

void touch(const std::filesystem::path &file) { std::ofstream(file) << "now\n"; }

} // namespace

// Run by team_test.sh only ("[crash]"), which kills the server with -9 when
// asked and starts it again when asked.
TEST_CASE("Team clients keep editing through a server killed with -9 and lose nothing", "[.crash]")
{
    const char *control = std::getenv("CJM_TEAM_CONTROL");
    if (!control)
        FAIL("CJM_TEAM_CONTROL is not set: team_test.sh runs this test and kills the server");
    const std::filesystem::path ctl(control);
    TempDir dir;
    TeamLibrary aliceLibrary(connectionFor("alice"));
    const std::string id = sharedMap(aliceLibrary);
    TeamClient alice(optionsFor("alice", id, dir.journal("alice")));
    TeamClient bob(optionsFor("bob", id, dir.journal("bob")));
    const auto &cards = alice.document().cards();
    const std::string one = cards[0].id, two = cards[1].id, three = cards[2].id;
    alice.submit({setText(one, "text", "before the crash")});
    syncAll({&alice, &bob});

    touch(ctl / "kill-now");
    REQUIRE(waitForFile(ctl / "killed"));
    // The server is gone: editing goes on, into the journals.
    alice.submit({setText(one, "text", "alice during the outage"), setText(two, "notes", "alice's note")});
    bob.submit({setText(one, "text", "bob during the outage")});
    for (int i = 0; i < 10; ++i)
        bob.submit({setText(three, "notes", "bob's note " + std::to_string(i))});
    const SyncResult down = alice.sync();
    CHECK_FALSE(down.reachedServer);
    CHECK(alice.state() == LinkState::Offline);
    CHECK_FALSE(bob.sync().reachedServer);
    CHECK(alice.retryDelay() == std::chrono::milliseconds(500));
    CHECK_FALSE(alice.sync().reachedServer);
    CHECK(alice.retryDelay() == std::chrono::milliseconds(1000));
    CHECK(cardText(alice, one) == "alice during the outage");
    CHECK(cardText(bob, one) == "bob during the outage");
    CHECK(alice.pendingCount() == 2);
    CHECK(bob.pendingCount() == 11);

    touch(ctl / "restart-now");
    REQUIRE(waitForFile(ctl / "restarted"));
    const SyncResult aliceBack = alice.sync();
    REQUIRE(aliceBack.reachedServer);
    CHECK(aliceBack.sent == 2);
    const SyncResult bobBack = bob.sync();
    REQUIRE(bobBack.reachedServer);
    CHECK(bobBack.sent == 10);
    // Both changed card one's text while the server was down: alice's
    // reached it first, so bob's is a conflict, shown, not sent.
    REQUIRE(bob.conflicts().size() == 1);
    CHECK(bob.conflicts()[0].theirs == Json("alice during the outage"));
    CHECK(cardText(bob, one) == "alice during the outage");
    bob.resolve(0, true);
    syncAll({&alice, &bob});
    CHECK(alice.pendingCount() == 0);
    CHECK(bob.pendingCount() == 0);
    aliceLibrary.reconnect(); // a plain connection of before the crash
    TeamMap server(aliceLibrary, id);
    CHECK(server.document().card(one)->text == "bob during the outage");
    CHECK(server.document().card(two)->notes == "alice's note");
    CHECK(server.document().card(three)->notes == "bob's note 9");
    CHECK(writeDocument(alice.document()) == writeDocument(server.document()));
    CHECK(writeDocument(bob.document()) == writeDocument(server.document()));
}

TEST_CASE("A viewer's team client changes nothing: its edits come back dropped, saying why", "[server]")
{
    TempDir dir;
    TeamLibrary aliceLibrary(connectionFor("alice"));
    const std::string id = sharedMap(aliceLibrary);
    TeamClient carol(optionsFor("carol", id, dir.journal("carol")));
    const std::string card = carol.document().cards().front().id;
    const std::string before = carol.document().card(card)->text;
    carol.submit({setText(card, "text", "carol's")});
    CHECK(cardText(carol, card) == "carol's");
    const SyncResult result = carol.sync();
    CHECK(result.reachedServer);
    REQUIRE(result.dropped.size() == 1);
    CHECK(result.dropped[0].why.find("may view map " + id + " but not change it") != std::string::npos);
    CHECK(result.changes.hasField(EntityKind::Card, card, "text"));
    CHECK(carol.pendingCount() == 0);
    CHECK(cardText(carol, card) == before);
    CHECK(TeamMap(aliceLibrary, id).seq() == 0);
}

// ---- The journal on its own (no server: the client stays offline) --------

namespace {

// What the client writes beside its journal to open offline: a line with the
// map and the version, then the map's bytes.
void writeCache(const std::string &journal, const std::string &id, std::int64_t seq, const Document &document)
{
    std::ofstream(journal + ".confirmed", std::ios::binary) << Json{{"map", id}, {"seq", seq}}.dump() << '\n'
                                                            << writeDocument(document);
}

std::vector<std::string> linesOf(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

} // namespace

TEST_CASE("The journal keeps every submitted edit, passes over a line cut short, and belongs to one map", "[journal]")
{
    TempDir dir;
    const std::string journal = dir.journal("m1");
    const std::string nowhere = "host=" + (dir.path / "no-server").string() + " dbname=cjm user=bob";
    writeCache(journal, "m1", 5, sample());
    const std::string card = sample().cards().front().id;
    std::string clientId;
    {
        TeamClient client(ClientOptions{nowhere, "m1", journal});
        CHECK(client.state() == LinkState::Offline);
        REQUIRE(client.hasDocument());
        CHECK(client.confirmedSeq() == 5);
        CHECK(writeDocument(client.document()) == writeDocument(sample()));
        clientId = client.clientId();
        CHECK_THROWS_AS(TeamClient(ClientOptions{nowhere, "m1", journal}), TeamError); // in use
        std::vector<DroppedOperation> dropped;
        const ChangeSet changes =
            client.submit({setText(card, "text", "one"), setText("no-such-card", "text", "nowhere")}, &dropped);
        CHECK(changes.hasField(EntityKind::Card, card, "text"));
        REQUIRE(dropped.size() == 1);
        CHECK(dropped[0].why == "it is no longer in the map");
        client.submit({setText(card, "notes", "two")});
        CHECK(client.pendingCount() == 2);
    }
    // One line per submit after the header, each whole JSON.
    const std::vector<std::string> lines = linesOf(journal);
    REQUIRE(lines.size() == 3);
    for (const std::string &line : lines) {
        Problem problem;
        CHECK(parseJsonValue(line, problem));
    }
    CHECK(lines[0].find("\"map\":\"m1\"") != std::string::npos);
    CHECK(lines[1].find("\"base\":5") != std::string::npos);
    // A submit killed half-way through its write: that line is passed over.
    std::ofstream(journal, std::ios::binary | std::ios::app) << lines[2].substr(0, lines[2].size() / 2);
    {
        TeamClient client(ClientOptions{nowhere, "m1", journal});
        CHECK(client.clientId() == clientId);
        CHECK(client.pendingCount() == 2);
        CHECK(client.document().card(card)->text == "one");
        CHECK(client.document().card(card)->notes == "two");
    }
    CHECK(linesOf(journal).size() == 3); // rewritten whole
    CHECK_THROWS_AS(TeamClient(ClientOptions{nowhere, "m2", journal}), TeamError);
    CHECK_THROWS_AS(TeamClient(ClientOptions{nowhere, "not a map id", dir.journal("x")}), TeamError);

    CHECK(journalFileName("host=a dbname=cjm user=bob", "m1") == journalFileName("host=a dbname=cjm user=bob", "m1"));
    CHECK(journalFileName("host=a dbname=cjm user=bob", "m1") != journalFileName("host=a dbname=cjm user=alice", "m1"));
    CHECK(journalFileName("host=a", "m1").rfind("m1-", 0) == 0);
    CHECK(journalFileName("host=a", "../../etc").find('/') == std::string::npos);
}

TEST_CASE("An edit journalled from another thread is on disk at once, kept by the client's rewrites, and sent once",
          "[journal]")
{
    TempDir dir;
    const std::string journal = dir.journal("m1");
    const std::string nowhere = "host=" + (dir.path / "no-server").string() + " dbname=cjm user=bob";
    writeCache(journal, "m1", 5, sample());
    const std::string card = sample().cards().front().id;
    const std::string other = sample().cards().back().id;
    {
        TeamClient client(ClientOptions{nowhere, "m1", journal});
        REQUIRE(client.hasDocument());
        const std::shared_ptr<TeamJournal> writer = client.journal();
        // Journalled on another thread while the client is busy elsewhere (in
        // the editor: a sync stuck on a dead link): on disk before the
        // client has seen it.
        TeamJournal::Entry entry;
        std::thread([&] { entry = writer->append({setText(card, "text", "from the window")}); }).join();
        REQUIRE(entry.operations.size() == 1);
        CHECK(entry.base == 5);
        std::vector<std::string> lines = linesOf(journal);
        REQUIRE(lines.size() == 2);
        CHECK(lines[1].find("from the window") != std::string::npos);
        CHECK(lines[1].find(entry.operations[0].first) != std::string::npos); // its cid
        CHECK(client.pendingCount() == 0);

        // A rewrite of the journal before the client takes it in keeps it
        // (here: an edit whose operation does not fit is taken out again).
        std::vector<DroppedOperation> dropped;
        client.submit({setText(other, "text", "the client's own"), setText("no-such-card", "text", "x")}, &dropped);
        const TeamJournal::Entry late = writer->append({setText("no-such-card", "notes", "y")});
        client.submitJournalled(late, &dropped); // does not fit: out of the journal again
        CHECK(dropped.size() == 2);
        lines = linesOf(journal);
        REQUIRE(lines.size() == 3);
        CHECK(lines[1].find("from the window") != std::string::npos);
        CHECK(lines[2].find("the client's own") != std::string::npos);

        // Taken in: applied, not written a second time.
        client.submitJournalled(entry);
        CHECK(client.pendingCount() == 2);
        CHECK(client.document().card(card)->text == "from the window");
        CHECK(linesOf(journal).size() == 3);
    }
    {
        // After a restart: each edit once, with the cid it was journalled with.
        TeamClient client(ClientOptions{nowhere, "m1", journal});
        CHECK(client.pendingCount() == 2);
        CHECK(client.document().card(card)->text == "from the window");
        CHECK(client.document().card(other)->text == "the client's own");

        // Closing the journal (a window closed while its worker is stuck)
        // releases it at once for the next client; the old one writes no more.
        const std::shared_ptr<TeamJournal> writer = client.journal();
        writer->close();
        CHECK(writer->isClosed());
        CHECK_THROWS_AS(writer->append({setText(card, "text", "too late")}), TeamError);
        TeamClient next(ClientOptions{nowhere, "m1", journal});
        CHECK(next.pendingCount() == 2);
        CHECK_THROWS_AS(client.submit({setText(card, "notes", "never kept")}), TeamError);
    }
    CHECK(linesOf(journal).size() == 3);
    const std::string bytes = [&] {
        std::ifstream in(journal, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }();
    CHECK(bytes.find("never kept") == std::string::npos);
    CHECK(bytes.find("too late") == std::string::npos);
}

TEST_CASE("A title with U+0000 is kept exactly in the map, listed with U+FFFD, and a text that cannot be stored is "
          "refused, never cut short",
          "[server]")
{
    TeamLibrary alice(connectionFor("alice"));
    Document document = sample();
    const std::string nul("Check\0out", 9);
    applyAll(document, {Json{{"op", "set"}, {"entity", "journey"}, {"field", "title"}, {"value", nul}}});
    REQUIRE(document.journey().title.size() == 9);
    const std::string id = alice.create(document);
    const auto listed = [&] {
        for (const MapSummary &map : alice.list())
            if (map.id == id)
                return map.title;
        return std::string("(not listed)");
    };
    CHECK(listed() == "Check\xEF\xBF\xBDout"); // not "Check"
    CHECK(TeamMap(alice, id).document().journey().title == nul);

    CHECK_NOTHROW(alice.writeSnapshot(id, 0, document)); // its title goes in as U+FFFD, not cut short
    CHECK(listed() == "Check\xEF\xBF\xBDout");

    // As an operation it is refused before it is sent: on the server it would
    // break every query that reads the operation (the list, the history).
    TeamMap map(alice, id);
    const std::string other("Pay\0ment", 8);
    const Json setTitle{{"op", "set"}, {"entity", "journey"}, {"field", "title"}, {"value", other}};
    try {
        map.send({setTitle});
        FAIL("an operation with U+0000 was sent");
    } catch (const TeamError &error) {
        CHECK(error.kind() == TeamError::Kind::Invalid);
        CHECK(std::string(error.what()).find("U+0000") != std::string::npos);
    }
    CHECK(TeamMap(alice, id).seq() == 0);
    CHECK(listed() == "Check\xEF\xBF\xBDout");
    CHECK_FALSE(alice.history(id).empty());
    {
        // A team client drops it with that reason (the editor's message
        // bar says so) and goes on: it does not block the edits after it.
        TempDir dir;
        TeamClient client(optionsFor("alice", id, dir.journal("alice")));
        client.submit({setTitle});
        const std::string card = document.cards().front().id;
        client.submit({setText(card, "text", "after it")});
        const SyncResult result = client.sync();
        CHECK(result.reachedServer);
        REQUIRE(result.dropped.size() == 1);
        CHECK(result.dropped[0].why.find("U+0000") != std::string::npos);
        CHECK(client.pendingCount() == 0);
        CHECK(client.document().journey().title == nul);
        CHECK(TeamMap(alice, id).document().card(card)->text == "after it");
        CHECK(TeamMap(alice, id).document().journey().title == nul);
    }

    // A comment is plain text in PostgreSQL: said plainly, not stored as "Half".
    const std::string card = document.cards().front().id;
    try {
        alice.addComment(id, card, std::string("Half\0of it", 10));
        FAIL("a comment with U+0000 was stored");
    } catch (const TeamError &error) {
        CHECK(error.kind() == TeamError::Kind::Invalid);
        CHECK(std::string(error.what()).find("U+0000") != std::string::npos);
    }
    CHECK(alice.comments(id).empty());
}
