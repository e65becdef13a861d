// A window of a team library map (#20): the controller's shared mode (a
// teammate's change applied without an undo step, undo of own edits only, an
// undo refused when a teammate deleted its card), the Conflicts panel's held
// conflicts, the dialogs, and — against a real PostgreSQL that
// tests/gui/team_editor.sh starts ([.teamsync-server], CJM_TEAM_DB) — two
// sessions that converge, an edit made while the server is down, conflicts
// settled with Keep Mine / Keep Theirs, and undo of one's own edits only.

#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <future>
#include <memory>

#include "cjm/diff.hpp"
#include "cjm/document_io.hpp"
#include "conflict_panel.hpp"
#include "document_controller.hpp"
#include "map_operations.hpp"
#include "operations.hpp"
#include "qt_text.hpp"
#include "team_library.hpp"
#include "team_library_dialog.hpp"
#include "team_session.hpp"

using namespace cjm;

namespace {

Document sampleMap()
{
    ReadResult read = readDocumentFile(std::string(CJM_SAMPLES_DIR) + "/ecommerce-en.cjm");
    REQUIRE(read.ok());
    return std::move(*read.document);
}

Json setOp(const std::string &card, const std::string &field, Json value)
{
    return {{"op", "set"}, {"entity", "card"}, {"id", card}, {"field", field}, {"value", std::move(value)}};
}

// `document` with the operations of a teammate applied, and what they changed.
std::pair<Document, ChangeSet> teammate(Document document, const std::vector<Json> &operations)
{
    for (const Json &op : operations) {
        std::string why;
        REQUIRE(team::applyOperation(document, op, why));
    }
    return {std::move(document), changeSetOfOperations(operations)};
}

std::string textOf(const Document &document, const std::string &cardId)
{
    const Card *card = document.card(cardId);
    return card ? card->text : std::string("(gone)");
}

} // namespace

TEST_CASE("A shared map takes a teammate's change without an undo step, and undo undoes only one's own",
          "[teamsync][controller]")
{
    DocumentController controller;
    controller.resetDocument(sampleMap(), QString());
    controller.setShared(true);
    const std::string mine = controller.document().cards()[0].id;
    const std::string theirs = controller.document().cards()[1].id;
    const std::string before = textOf(controller.document(), mine);
    QSignalSpy sent(&controller, &DocumentController::localOperations);
    std::vector<bool> remoteFlags;
    QObject::connect(&controller, &DocumentController::changed, &controller,
                     [&](const ChangeSet &) { remoteFlags.push_back(controller.isApplyingRemote()); });

    REQUIRE(controller.operations().setCardText(mine, QStringLiteral("Mine")));
    REQUIRE(sent.count() == 1);
    const auto ops = sent.takeFirst().at(0).value<std::vector<Json>>();
    REQUIRE(ops.size() == 1);
    CHECK(ops[0] == setOp(mine, "text", "Mine"));
    CHECK_FALSE(controller.isModified()); // each edit is sent as made: nothing to save

    auto [remote, changes] = teammate(controller.document(), {setOp(theirs, "text", "Theirs")});
    controller.applyRemote(std::move(remote), changes);
    CHECK(remoteFlags == std::vector<bool>{false, true});
    CHECK(sent.isEmpty()); // a teammate's change is not sent back
    CHECK(controller.undoStack()->count() == 1);
    CHECK(textOf(controller.document(), theirs) == "Theirs");

    controller.undoStack()->undo();
    CHECK(textOf(controller.document(), mine) == before);
    CHECK(textOf(controller.document(), theirs) == "Theirs"); // the teammate's edit stays
    REQUIRE(sent.count() == 1);
    CHECK(sent.takeFirst().at(0).value<std::vector<Json>>() == std::vector<Json>{setOp(mine, "text", before)});
    controller.undoStack()->redo();
    CHECK(textOf(controller.document(), mine) == "Mine");
    CHECK(textOf(controller.document(), theirs) == "Theirs");
    REQUIRE(sent.count() == 1);
    sent.clear();

    SECTION("an undo whose card a teammate deleted is refused with a message, and the step goes")
    {
        QSignalSpy refused(&controller, &DocumentController::undoRefused);
        auto [without, removal] =
            teammate(controller.document(), {{{"op", "remove"}, {"entity", "card"}, {"id", mine}}});
        controller.applyRemote(std::move(without), removal);
        controller.undoStack()->undo();
        REQUIRE(refused.count() == 1);
        CHECK(refused.front().at(0).toString().contains(QStringLiteral("a teammate deleted")));
        CHECK(controller.document().card(mine) == nullptr); // not brought back
        CHECK(controller.undoStack()->count() == 0);
        CHECK(sent.isEmpty());
    }
    SECTION("an undo that would overwrite a teammate's later change of the same field is refused")
    {
        QSignalSpy refused(&controller, &DocumentController::undoRefused);
        auto [later, change] = teammate(controller.document(), {setOp(mine, "text", "Theirs, later")});
        controller.applyRemote(std::move(later), change);
        controller.undoStack()->undo();
        REQUIRE(refused.count() == 1);
        CHECK(refused.front().at(0).toString().contains(QStringLiteral("a teammate has changed it since")));
        CHECK(textOf(controller.document(), mine) == "Theirs, later");
        CHECK(sent.isEmpty());
    }
    SECTION("a deleted card comes back by undo with its words, in its cell")
    {
        const Card card = *controller.document().card(theirs);
        REQUIRE(controller.operations().deleteCards({theirs}));
        CHECK(controller.document().card(theirs) == nullptr);
        // A teammate edits another card meanwhile.
        auto [edited, change] = teammate(controller.document(), {setOp(mine, "notes", "Their note")});
        controller.applyRemote(std::move(edited), change);
        controller.undoStack()->undo();
        REQUIRE(controller.document().card(theirs) != nullptr);
        CHECK(controller.document().card(theirs)->text == card.text);
        CHECK(controller.document().card(theirs)->stage == card.stage);
        CHECK(controller.document().card(theirs)->lane == card.lane);
        CHECK(controller.document().card(mine)->notes == "Their note");
    }
    SECTION("typing in one card is one step, sent as it goes, undone in one")
    {
        const quint64 gesture = controller.beginGesture();
        REQUIRE(controller.operations().setCardText(theirs, QStringLiteral("T"), gesture));
        REQUIRE(controller.operations().setCardText(theirs, QStringLiteral("Ty"), gesture));
        REQUIRE(controller.operations().setCardText(theirs, QStringLiteral("Typed"), gesture));
        CHECK(sent.count() == 3);
        CHECK(controller.undoStack()->count() == 2);
        sent.clear();
        controller.undoStack()->undo();
        CHECK(textOf(controller.document(), theirs) == "Theirs");
        REQUIRE(sent.count() == 1);
        CHECK(sent.front().at(0).value<std::vector<Json>>() == std::vector<Json>{setOp(theirs, "text", "Theirs")});
    }
}

TEST_CASE("A file map's undo is unchanged by the shared mode", "[teamsync][controller]")
{
    DocumentController controller;
    controller.resetDocument(sampleMap(), QString());
    QSignalSpy sent(&controller, &DocumentController::localOperations);
    const std::string card = controller.document().cards()[0].id;
    REQUIRE(controller.operations().setCardText(card, QStringLiteral("Changed")));
    CHECK(controller.isModified());
    CHECK(sent.isEmpty());
    controller.undoStack()->undo();
    CHECK(!controller.isModified());
}

TEST_CASE("Held offline conflicts are rows of the Conflicts panel with Keep Mine and Keep Theirs", "[teamsync]")
{
    DocumentController controller;
    controller.resetDocument(sampleMap(), QString());
    controller.setShared(true);
    const std::string card = controller.document().cards()[0].id;
    ConflictPanel panel(&controller);
    CHECK(panel.table()->rowCount() == 0);
    team::Conflict held;
    held.entity = "card";
    held.id = card;
    held.field = "text";
    held.mine = Json("Mine <b>offline</b>");
    held.theirs = Json("Theirs");
    held.theirAuthor = "bob";
    held.theirSeq = 7;
    controller.setHeldConflicts({held});
    REQUIRE(panel.table()->rowCount() == 1);
    CHECK(panel.table()->item(0, 2)->text() == QStringLiteral("Mine <b>offline</b>")); // text, never markup
    CHECK(panel.table()->item(0, 3)->text().contains(QStringLiteral("bob")));
    QSignalSpy asked(&controller, &DocumentController::resolveHeldConflict);
    panel.table()->selectRow(0);
    QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("keepMineButton")), Qt::LeftButton);
    REQUIRE(asked.count() == 1);
    CHECK(asked.front().at(1).toBool());
    QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("keepTheirsButton")), Qt::LeftButton);
    REQUIRE(asked.count() == 2);
    CHECK_FALSE(asked.back().at(1).toBool());
    CHECK_FALSE(panel.findChild<QPushButton *>(QStringLiteral("editConflictButton"))->isEnabled());
    controller.setHeldConflicts({});
    CHECK(panel.table()->rowCount() == 0);
}

TEST_CASE("A held move is shown as the card's place in words, not its ids", "[teamsync]")
{
    DocumentController controller;
    controller.resetDocument(sampleMap(), QString());
    controller.setShared(true);
    const Document &doc = controller.document();
    const Card &card = doc.cards()[0];
    const Stage &other = doc.stages().back();
    ConflictPanel panel(&controller);
    team::Conflict held;
    held.entity = "card";
    held.id = card.id;
    held.field = "place";
    held.mine = Json{{"persona", card.persona}, {"stage", other.id}, {"lane", card.lane}, {"order", 0}};
    held.theirs = Json{{"persona", card.persona}, {"stage", card.stage}, {"lane", card.lane}, {"order", 2}};
    held.theirAuthor = "alice";
    controller.setHeldConflicts({held});
    REQUIRE(panel.table()->rowCount() == 1);
    CHECK(panel.table()->item(0, 1)->text() == QStringLiteral("place"));
    const QString mine = panel.table()->item(0, 2)->text();
    CHECK(mine.contains(toQString(entityLabel(doc, DiffEntity::Stage, other.id))));
    CHECK(mine.contains(toQString(entityLabel(doc, DiffEntity::Persona, card.persona))));
    CHECK_FALSE(mine.contains(toQString(other.id)));
    const QString theirs = panel.table()->item(0, 3)->text();
    CHECK(theirs.contains(toQString(entityLabel(doc, DiffEntity::Stage, card.stage))));
    CHECK(theirs.contains(QStringLiteral("alice")));
}

TEST_CASE("What team operations change, for the canvas", "[teamsync]")
{
    const ChangeSet changes =
        changeSetOfOperations({setOp("c1", "text", "x"),
                               {{"op", "move"},
                                {"entity", "card"},
                                {"id", "c2"},
                                {"persona", "p"},
                                {"stage", "s"},
                                {"lane", "l"},
                                {"order", 1}},
                               {{"op", "remove"}, {"entity", "stage"}, {"id", "s9"}},
                               {{"op", "set"}, {"entity", "journey"}, {"field", "title"}, {"value", "T"}}});
    CHECK(changes.hasField(EntityKind::Card, "c1", "text"));
    REQUIRE(changes.find(EntityKind::Card, "c2"));
    CHECK(changes.find(EntityKind::Card, "c2")->moved);
    CHECK(changes.find(EntityKind::Stage, "s9")->removed);
    CHECK(changes.touchesStructure());
    CHECK(changes.hasField(EntityKind::Journey, "", "title"));
}

TEST_CASE("An unreachable team server is a message, never a frozen window", "[teamsync]")
{
    QTemporaryDir folder;
    const QString nowhere =
        QStringLiteral("host=%1 dbname=cjm user=alice").arg(folder.filePath(QStringLiteral("none")));
    SECTION("the Open dialog says so and stays responsive")
    {
        TeamLibraryDialog dialog(TeamLibraryDialog::Mode::Open);
        dialog.connectionEdit()->setText(nowhere);
        QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
        REQUIRE(QTest::qWaitFor([&] { return !dialog.isBusy(); }, 15000));
        CHECK(dialog.statusLabel()->text().contains(QStringLiteral("Could not reach the team library")));
        CHECK(dialog.mapList()->topLevelItemCount() == 0);
        CHECK_FALSE(dialog.acceptButton()->isEnabled());
    }
    SECTION("a session with no copy of the map on this computer cannot open it")
    {
        DocumentController controller;
        controller.resetDocument(sampleMap(), QString());
        auto *session = new TeamSession(
            &controller, {nowhere, QStringLiteral("some-map"), folder.filePath(QStringLiteral("some-map.journal"))});
        QSignalSpy failed(session, &TeamSession::openFailed);
        REQUIRE(QTest::qWaitFor([&] { return failed.count() == 1; }, 15000));
        CHECK(failed.front().at(0).toString().contains(QStringLiteral("cannot be reached")));
        CHECK_FALSE(controller.isShared());
        CHECK(session->statusText() == QStringLiteral("Connecting…"));
    }
}

// ---- Against a real server (tests/gui/team_editor.sh) ----------------------

namespace {

QString connectionFor(const char *role)
{
    const QByteArray db = qgetenv("CJM_TEAM_DB");
    if (db.isEmpty())
        FAIL("CJM_TEAM_DB is not set: the [.teamsync-server] tests run from tests/gui/team_editor.sh");
    return QString::fromUtf8(db) + QStringLiteral(" user=") + QString::fromLatin1(role);
}

// Stops or starts the test's server (scripts/team-server on its folder).
void server(bool start)
{
    const QString script = qEnvironmentVariable("CJM_TEAM_SERVER"), dir = qEnvironmentVariable("CJM_TEAM_SERVER_DIR");
    REQUIRE(!script.isEmpty());
    QStringList arguments{script, QStringLiteral("--dir"), dir};
    if (!start)
        arguments << QStringLiteral("--stop");
    REQUIRE(QProcess::execute(QStringLiteral("bash"), arguments) == 0);
}

// One person's window on a map: a controller and its session.
struct Peer {
    std::unique_ptr<DocumentController> controller = std::make_unique<DocumentController>();
    TeamSession *session = nullptr;

    Peer(const char *role, const QString &mapId, const QString &journal) { open(role, mapId, journal); }
    void open(const char *role, const QString &mapId, const QString &journal)
    {
        controller = std::make_unique<DocumentController>();
        session = new TeamSession(controller.get(), {connectionFor(role), mapId, journal});
        REQUIRE(QTest::qWaitFor([&] { return session->isOpen(); }, 15000));
        REQUIRE(controller->isShared());
    }
    void close()
    {
        session = nullptr;
        controller.reset();
    }
    const Document &document() const { return controller->document(); }
    MapOperations &operations() { return controller->operations(); }
    bool settled() const { return session->isOpen() && session->pendingCount() == 0; }
};

bool converged(const Peer &a, const Peer &b)
{
    return a.settled() && b.settled() && diffDocuments(a.document(), b.document()).empty();
}

struct SharedMap {
    QTemporaryDir folder;
    QString id;
    SharedMap()
    {
        team::TeamLibrary alice(toStdString(connectionFor("alice")));
        id = toQString(alice.create(sampleMap()));
        alice.grant(toStdString(id), "bob", team::Access::Editor);
    }
    QString journal(const char *who) const
    {
        return folder.filePath(QString::fromLatin1(who) + QStringLiteral(".journal"));
    }
};

} // namespace

TEST_CASE("Two windows on one map converge after each edits, and undo undoes only one's own", "[.teamsync-server]")
{
    SharedMap map;
    Peer alice("alice", map.id, map.journal("alice"));
    Peer bob("bob", map.id, map.journal("bob"));
    {
        // A window closed right after an edit: the edit is sent, not lost.
        Peer carol("alice", map.id, map.folder.filePath(QStringLiteral("alice-2.journal")));
        REQUIRE(carol.operations().setCardText(carol.document().cards()[5].id, QStringLiteral("Typed, then closed")));
        carol.close();
    }
    REQUIRE(QTest::qWaitFor(
        [&] { return bob.settled() && textOf(bob.document(), bob.document().cards()[5].id) == "Typed, then closed"; },
        15000));
    const std::string first = alice.document().cards()[0].id;
    const std::string second = alice.document().cards()[1].id;
    const std::string before = textOf(alice.document(), first);

    REQUIRE(alice.operations().setCardText(first, QStringLiteral("Alice wrote this")));
    REQUIRE(bob.operations().setCardText(second, QStringLiteral("Bob wrote this")));
    REQUIRE(QTest::qWaitFor([&] { return converged(alice, bob); }, 15000));
    CHECK(textOf(bob.document(), first) == "Alice wrote this");
    CHECK(textOf(alice.document(), second) == "Bob wrote this");
    CHECK(alice.session->statusText() == QStringLiteral("Online"));

    // Alice's undo takes back her words only; Bob's stay, on both sides.
    alice.controller->undoStack()->undo();
    REQUIRE(QTest::qWaitFor([&] { return converged(alice, bob) && textOf(bob.document(), first) == before; }, 15000));
    CHECK(textOf(alice.document(), second) == "Bob wrote this");
    CHECK(textOf(bob.document(), second) == "Bob wrote this");

    // Bob deletes the card Alice edited: her undo of it is refused.
    REQUIRE(alice.operations().setCardText(first, QStringLiteral("Alice again")));
    REQUIRE(QTest::qWaitFor([&] { return converged(alice, bob); }, 15000));
    REQUIRE(bob.operations().deleteCards({first}));
    REQUIRE(QTest::qWaitFor([&] { return converged(alice, bob) && !alice.document().card(first); }, 15000));
    QSignalSpy refused(alice.controller.get(), &DocumentController::undoRefused);
    alice.controller->undoStack()->undo();
    CHECK(refused.count() == 1);
    CHECK(!alice.document().card(first));
}

TEST_CASE("An edit made while the server is down is sent when it is back", "[.teamsync-server]")
{
    SharedMap map;
    Peer alice("alice", map.id, map.journal("alice"));
    Peer bob("bob", map.id, map.journal("bob"));
    const std::string card = alice.document().cards()[2].id;
    server(false);
    REQUIRE(alice.operations().setCardText(card, QStringLiteral("Written offline")));
    REQUIRE(QTest::qWaitFor([&] { return alice.session->state() == team::LinkState::Offline; }, 15000));
    // "change(s)" until the English plural forms are in cjm_en.ts.
    INFO(alice.session->statusText().toStdString());
    CHECK(alice.session->statusText().startsWith(QStringLiteral("Offline — 1 change")));
    CHECK(alice.session->statusText().endsWith(QStringLiteral(" waiting")));
    CHECK(textOf(alice.document(), card) == "Written offline"); // editing goes on
    server(true);
    REQUIRE(QTest::qWaitFor([&] { return converged(alice, bob) && textOf(bob.document(), card) == "Written offline"; },
                            60000));
    CHECK(alice.session->statusText() == QStringLiteral("Online"));
}

TEST_CASE("Offline edits of fields a teammate changed are conflicts, settled with Keep Mine and Keep Theirs",
          "[.teamsync-server]")
{
    SharedMap map;
    Peer bob("bob", map.id, map.journal("bob"));
    const std::string kept = bob.document().cards()[3].id;
    const std::string given = bob.document().cards()[4].id;
    {
        // Alice edits two cards with the server down, and closes the window.
        Peer alice("alice", map.id, map.journal("alice"));
        server(false);
        REQUIRE(alice.operations().setCardText(kept, QStringLiteral("Alice's offline words")));
        REQUIRE(alice.operations().setCardText(given, QStringLiteral("Alice's other offline words")));
        REQUIRE(QTest::qWaitFor([&] { return alice.session->pendingCount() == 2; }, 15000));
        alice.close();
    }
    server(true);
    // Meanwhile Bob changes the same two fields.
    REQUIRE(QTest::qWaitFor([&] { return bob.session->state() != team::LinkState::Offline; }, 60000));
    REQUIRE(bob.operations().setCardText(kept, QStringLiteral("Bob's words")));
    REQUIRE(bob.operations().setCardText(given, QStringLiteral("Bob's other words")));
    REQUIRE(QTest::qWaitFor([&] { return bob.settled(); }, 15000));

    // Alice opens the map again: her journal's edits are conflicts, not overwrites.
    Peer alice("alice", map.id, map.journal("alice"));
    ConflictPanel panel(alice.controller.get());
    REQUIRE(QTest::qWaitFor([&] { return panel.table()->rowCount() == 2; }, 15000));
    CHECK(textOf(alice.document(), kept) == "Bob's words");
    CHECK(textOf(bob.document(), kept) == "Bob's words");
    const auto rowOf = [&](const std::string &card) {
        for (std::size_t i = 0; i < panel.teamConflicts().size(); ++i)
            if (panel.teamConflicts()[i].id == card)
                return static_cast<int>(i + panel.conflicts().size());
        return -1;
    };
    panel.table()->selectRow(rowOf(kept));
    QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("keepMineButton")), Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&] { return panel.table()->rowCount() == 1; }, 15000));
    panel.table()->selectRow(rowOf(given));
    QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("keepTheirsButton")), Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&] { return panel.table()->rowCount() == 0; }, 15000));
    REQUIRE(QTest::qWaitFor(
        [&] { return converged(alice, bob) && textOf(bob.document(), kept) == "Alice's offline words"; }, 15000));
    CHECK(textOf(alice.document(), given) == "Bob's other words");
    CHECK(textOf(bob.document(), given) == "Bob's other words");
}

TEST_CASE("The team library dialogs list the maps with access, and save a map", "[.teamsync-server]")
{
    SharedMap map;
    TeamLibraryDialog open(TeamLibraryDialog::Mode::Open);
    open.connectionEdit()->setText(connectionFor("bob"));
    QTest::mouseClick(open.connectButton(), Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&] { return !open.isBusy() && open.mapList()->topLevelItemCount() > 0; }, 15000));
    const auto found = open.mapList()->findItems(map.id, Qt::MatchExactly, 0);
    REQUIRE(found.size() == 1);
    CHECK(found.front()->text(2) == QStringLiteral("editor"));
    open.mapList()->setCurrentItem(found.front());
    open.accept();
    CHECK(open.mapId() == map.id);
    CHECK(open.access() == QStringLiteral("editor"));

    const Document document = sampleMap();
    TeamLibraryDialog save(TeamLibraryDialog::Mode::Save, nullptr, &document);
    save.connectionEdit()->setText(connectionFor("alice"));
    save.idEdit()->setText(QStringLiteral("saved-from-the-editor"));
    save.accept();
    REQUIRE(QTest::qWaitFor([&] { return save.result() == QDialog::Accepted; }, 15000));
    CHECK(save.mapId() == QStringLiteral("saved-from-the-editor"));
    team::TeamLibrary alice(toStdString(connectionFor("alice")));
    team::TeamMap stored(alice, "saved-from-the-editor");
    CHECK(diffDocuments(stored.document(), document).empty());
}

namespace {

// Holds a session's worker, as a sync stuck on a dead link would, until
// release() (or the end of the test): deterministic, no timing.
struct HeldWorker {
    std::promise<void> gate;
    std::shared_ptr<std::atomic<bool>> held = std::make_shared<std::atomic<bool>>(false);
    std::shared_ptr<std::atomic<bool>> released = std::make_shared<std::atomic<bool>>(false);

    explicit HeldWorker(TeamSession *session)
    {
        session->call([until = gate.get_future().share(), held = held,
                       released = released](team::TeamClient &) -> std::function<void()> {
            *held = true;
            until.wait();
            *released = true;
            return [] {};
        });
        REQUIRE(QTest::qWaitFor([&] { return held->load(); }, 15000));
    }
    void release() { gate.set_value(); }
    ~HeldWorker()
    {
        if (!*released)
            gate = std::promise<void>(); // a broken promise lets the worker go
    }
};

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

TEST_CASE("An edit is in the journal the moment it is made, even while the network thread is stuck",
          "[.teamsync-server]")
{
    SharedMap map;
    Peer alice("alice", map.id, map.journal("alice"));
    Peer bob("bob", map.id, map.journal("bob"));
    const std::string card = alice.document().cards()[6].id;
    HeldWorker stuck(alice.session);

    REQUIRE(alice.operations().setCardText(card, QStringLiteral("Journalled at once")));
    // On disk (fsync'd) before the worker has seen it: a kill -9 now keeps it.
    CHECK(fileBytes(map.journal("alice")).contains("Journalled at once"));
    CHECK_FALSE(*stuck.released);

    SECTION("the worker sends it once it is free")
    {
        stuck.release();
        REQUIRE(QTest::qWaitFor(
            [&] { return converged(alice, bob) && textOf(bob.document(), card) == "Journalled at once"; }, 15000));
    }
    SECTION("closing the window does not wait for the worker, and the journal is free for the next window at once")
    {
        alice.close();
        // Returned while the worker is still held: closing waited for nothing.
        CHECK_FALSE(*stuck.released);
        const QByteArray lockPath = (map.journal("alice") + QStringLiteral(".lock")).toLocal8Bit();
        const int fd = ::open(lockPath.constData(), O_RDWR | O_CLOEXEC);
        REQUIRE(fd >= 0);
        CHECK(::flock(fd, LOCK_EX | LOCK_NB) == 0);
        ::close(fd);
        // The map opens again from that journal, with the edit in it, while
        // the old worker is still stuck; the edit reaches the teammate.
        Peer again("alice", map.id, map.journal("alice"));
        CHECK_FALSE(*stuck.released);
        REQUIRE(QTest::qWaitFor(
            [&] { return converged(again, bob) && textOf(bob.document(), card) == "Journalled at once"; }, 15000));
        stuck.release();
        CHECK(TeamSession::waitForClosedSessions(std::chrono::seconds(15)));
        CHECK(textOf(again.document(), card) == "Journalled at once");
    }
}
