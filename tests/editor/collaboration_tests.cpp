// Working with teammates' versions in the window: a map that `cjm merge`
// left with conflicts opens with the Conflicts panel, each conflict settled
// by Keep Mine / Keep Theirs / a written value as one undoable step; Compare
// With lists another version's differences and outlines their cards.
#include <catch2/catch.hpp>

#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QListWidget>
#include <QPushButton>
#include <QScrollBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <unordered_set>

#include "cjm/document_io.hpp"
#include "cjm/edit.hpp"
#include "cjm/file_io.hpp"
#include "cjm/insights.hpp"
#include "cjm/merge.hpp"
#include "cjm/review.hpp"
#include "compare_panel.hpp"
#include "compare_window.hpp"
#include "conflict_panel.hpp"
#include "document_controller.hpp"
#include "insights_panel.hpp"
#include "main_window.hpp"
#include "map_scene.hpp"
#include "map_view.hpp"
#include "message_bar.hpp"
#include "qt_text.hpp"

using namespace cjm;

namespace {
Document sample()
{
    auto result = readDocumentFile(CJM_SAMPLES_DIR "/ecommerce-en.cjm");
    REQUIRE(result.ok());
    return std::move(*result.document);
}

// The first touchpoint card with text.
std::string someCardId(const Document &doc, std::size_t skip = 0)
{
    for (const Card &card : doc.cards())
        if (doc.cardKind(card) == LaneKind::Touchpoints && !card.text.empty() && skip-- == 0)
            return card.id;
    FAIL("the sample has no touchpoint cards");
    return {};
}

Document withText(Document doc, const std::string &id, const std::string &text)
{
    Card card = *doc.card(id);
    card.text = text;
    REQUIRE(updateCard(card)->apply(doc));
    return doc;
}

// A merged map in which both sides rewrote one card's text.
QString writeConflictedMap(const QTemporaryDir &dir, std::string &cardId)
{
    const Document base = sample();
    cardId = someCardId(base);
    const Document ours = withText(base, cardId, "Our wording");
    const Document theirs = withText(base, cardId, "Their wording");
    MergeResult merged = mergeDocuments(base, ours, theirs);
    REQUIRE(merged.document);
    REQUIRE(merged.conflicts.size() == 1);
    const QString path = dir.filePath(QStringLiteral("merged.cjm"));
    REQUIRE(defaultFileSystem().writeAtomically(toStdString(path), writeDocument(*merged.document)).ok);
    return path;
}

template <typename T>
T *findIn(MainWindow &window, const char *objectName = nullptr)
{
    T *found = objectName ? window.findChild<T *>(QLatin1String(objectName)) : window.findChild<T *>();
    REQUIRE(found);
    return found;
}
} // namespace

TEST_CASE("a merged map with a conflict opens with both versions shown, and Keep Theirs settles it", "[collab]")
{
    QTemporaryDir dir;
    std::string cardId;
    const QString path = writeConflictedMap(dir, cardId);
    MainWindow window;
    REQUIRE(window.loadFile(path));
    auto *panel = findIn<ConflictPanel>(window);
    REQUIRE(panel->conflicts().size() == 1);
    CHECK(window.messageBar()->isVisibleTo(&window));
    CHECK(window.messageBar()->text().contains(QStringLiteral("conflict")));
    auto *dock = qobject_cast<QDockWidget *>(panel->parentWidget());
    REQUIRE(dock);
    CHECK(dock->isVisibleTo(&window));
    QTableWidget *table = panel->table();
    REQUIRE(table->rowCount() == 1);
    CHECK(table->item(0, 2)->text() == QStringLiteral("Our wording"));
    CHECK(table->item(0, 3)->text() == QStringLiteral("Their wording"));
    CHECK(window.controller()->document().card(cardId)->text == "Our wording"); // the map keeps ours until settled

    table->selectRow(0);
    CHECK(window.scene()->selectedCardIds() == std::vector<std::string>{cardId}); // the row shows its card
    findIn<QPushButton>(window, "keepTheirsButton")->click();
    CHECK(window.controller()->document().card(cardId)->text == "Their wording");
    CHECK(listConflicts(window.controller()->document()).empty());
    CHECK(table->rowCount() == 0);
    CHECK(window.controller()->isModified());
    CHECK_FALSE(window.messageBar()->isVisibleTo(&window)); // nothing left to announce

    // One undo step brings the conflict back, whole.
    window.controller()->undoStack()->undo();
    CHECK(window.controller()->document().card(cardId)->text == "Our wording");
    // The panel looks again once the edits have settled (not per edit).
    CHECK(QTest::qWaitFor([&] { return panel->conflicts().size() == 1; }, 5000));

    // Saved after settling: the file has no marker left and reads back clean.
    table->selectRow(0);
    findIn<QPushButton>(window, "keepMineButton")->click();
    REQUIRE(window.saveFile(path));
    auto saved = readDocumentFile(toStdString(path));
    REQUIRE(saved.ok());
    CHECK(listConflicts(*saved.document).empty());
    CHECK(saved.document->card(cardId)->text == "Our wording");
}

TEST_CASE("a conflict can be settled with a value written by hand", "[collab]")
{
    QTemporaryDir dir;
    std::string cardId;
    const QString path = writeConflictedMap(dir, cardId);
    MainWindow window;
    REQUIRE(window.loadFile(path));
    auto *panel = findIn<ConflictPanel>(window);
    panel->table()->selectRow(0);
    REQUIRE(panel->resolveSelected(Resolution::SetValue, Json("Our wording, with their point")));
    CHECK(window.controller()->document().card(cardId)->text == "Our wording, with their point");
    CHECK(panel->conflicts().empty());
}

TEST_CASE("a map without conflicts shows no conflict bar", "[collab]")
{
    MainWindow window;
    REQUIRE(window.loadFile(QStringLiteral(CJM_SAMPLES_DIR "/ecommerce-en.cjm")));
    auto *panel = findIn<ConflictPanel>(window);
    CHECK(panel->conflicts().empty());
    CHECK_FALSE(window.messageBar()->text().contains(QStringLiteral("conflict")));
    CHECK_FALSE(qobject_cast<QDockWidget *>(panel->parentWidget())->isVisibleTo(&window));
}

TEST_CASE("a map whose review is due says so on opening, and Mark Reviewed schedules the next", "[review]")
{
    QTemporaryDir dir;
    auto writeWithReview = [&](const char *name, const std::string &next) {
        Document doc = sample();
        Journey journey = doc.journey();
        journey.reviewIntervalDays = 30;
        journey.owner = "CX team";
        journey.nextReview = next;
        REQUIRE(setJourney(journey)->apply(doc));
        const QString path = dir.filePath(QLatin1String(name));
        REQUIRE(defaultFileSystem().writeAtomically(toStdString(path), writeDocument(doc)).ok);
        return path;
    };
    const Date today = localToday();
    const auto plusDays = [&](int n) { return formatDate(Date(std::chrono::sys_days(today) + std::chrono::days(n))); };

    MainWindow window;
    REQUIRE(window.loadFile(writeWithReview("overdue.cjm", plusDays(-3))));
    MessageBar *bar = window.messageBar();
    REQUIRE(bar->isVisibleTo(&window));
    CHECK(bar->text().contains(QStringLiteral("overdue by 3 days")));
    CHECK(bar->text().contains(QStringLiteral("CX team")));
    findIn<QPushButton>(window, "markReviewedButton")->click();
    CHECK(window.controller()->document().journey().nextReview == std::optional<std::string>(plusDays(30)));
    CHECK(window.controller()->isModified());
    window.controller()->undoStack()->undo(); // one undoable step
    CHECK(window.controller()->document().journey().nextReview == std::optional<std::string>(plusDays(-3)));

    MainWindow today_;
    REQUIRE(today_.loadFile(writeWithReview("today.cjm", plusDays(0))));
    CHECK(today_.messageBar()->text().contains(QStringLiteral("due today")));

    MainWindow later;
    REQUIRE(later.loadFile(writeWithReview("later.cjm", plusDays(5))));
    CHECK_FALSE(later.messageBar()->isVisibleTo(&later));
}

TEST_CASE("Compare With lists another version's differences and outlines the cards involved", "[collab]")
{
    MainWindow window;
    REQUIRE(window.loadFile(QStringLiteral(CJM_SAMPLES_DIR "/ecommerce-en.cjm")));
    const Document &mine = window.controller()->document();
    const std::string renamed = someCardId(mine, 0);
    const std::string moved = someCardId(mine, 1);
    const std::string removed = someCardId(mine, 2);
    Document other = withText(mine, renamed, "Renamed in the other version");
    const Card &movedCard = *other.card(moved);
    const std::string otherStage =
        other.stages()[(other.stageIndex(movedCard.stage).value() + 1) % other.stages().size()].id;
    REQUIRE(moveCard(moved, movedCard.persona, otherStage, movedCard.lane, 0)->apply(other));
    REQUIRE(removeCard(removed)->apply(other));

    auto *panel = findIn<ComparePanel>(window);
    panel->compareWith(other, QStringLiteral("teammate.cjm"));
    CHECK(panel->isComparing());
    CHECK(panel->changes().size() == diffDocuments(other, mine).size());
    CHECK(panel->list()->count() == static_cast<int>(panel->changes().size()));
    const auto &outlined = window.scene()->highlightedCards();
    CHECK(outlined.count(renamed));
    CHECK(outlined.count(moved));
    CHECK(outlined.count(removed)); // still on this map: removed in the other
    CHECK(outlined.size() == 3);
    // The emotion curves of both versions, overlaid: one line each per persona with emotions.
    int personasWithEmotions = 0;
    for (const std::string &lowest : computeInsights(mine).lowestMoments)
        personasWithEmotions += !lowest.empty();
    REQUIRE(personasWithEmotions > 0);
    CHECK(panel->chart()->seriesCount() == 2 * personasWithEmotions);

    // Clicking a line shows its card.
    for (int row = 0; row < panel->list()->count(); ++row)
        if (panel->list()->item(row)->text().contains(QStringLiteral("Renamed in the other version")))
            panel->list()->setCurrentRow(row);
    CHECK(window.scene()->selectedCardIds() == std::vector<std::string>{renamed});

    // Making this map match the other removes that difference (after edits settle).
    Card card = *mine.card(renamed);
    card.text = "Renamed in the other version";
    REQUIRE(window.controller()->apply(updateCard(card), QStringLiteral("Edit")));
    CHECK(QTest::qWaitFor([&] { return window.scene()->highlightedCards().count(renamed) == 0; }, 5000));
    CHECK(panel->changes().size() == diffDocuments(other, mine).size());

    findIn<QPushButton>(window, "stopComparingButton")->click();
    CHECK_FALSE(panel->isComparing());
    CHECK(window.scene()->highlightedCards().empty());
}

TEST_CASE("Compare With describes the changes from the open map's side, in cjm diff OTHER THIS's words", "[collab]")
{
    MainWindow window;
    REQUIRE(window.loadFile(QStringLiteral(CJM_SAMPLES_DIR "/ecommerce-en.cjm")));
    DocumentController *controller = window.controller();
    const std::string rewritten = someCardId(controller->document(), 0);
    Card card = *controller->document().card(rewritten);
    card.text = "Website";
    REQUIRE(controller->apply(updateCard(card), QStringLiteral("Edit")));
    // The other version is the map as it was before the edits below.
    const Document other = controller->document();

    card.text = "Landing page";
    REQUIRE(controller->apply(updateCard(card), QStringLiteral("Edit")));
    Card added;
    added.id = "card-added-in-open-map";
    added.persona = card.persona;
    added.stage = card.stage;
    added.lane = card.lane;
    added.order = 0;
    added.text = "Chat widget";
    REQUIRE(controller->apply(addCard(added), QStringLiteral("Add")));
    const Document &mine = controller->document();

    auto *panel = findIn<ComparePanel>(window);
    panel->compareWith(other, QStringLiteral("last-week.cjm"));
    QStringList lines;
    for (int row = 0; row < panel->list()->count(); ++row)
        lines << panel->list()->item(row)->text();
    INFO(lines.join(QLatin1Char('\n')).toStdString());

    // The card added here is "added", not "removed".
    CHECK(lines.filter(QStringLiteral("card \u2018Chat widget\u2019 added")).size() == 1);
    CHECK(lines.filter(QStringLiteral("removed")).isEmpty());
    // The text reads from the other version's words to this map's.
    CHECK(lines.contains(QStringLiteral("card \u2018Website\u2019 text changed to \u2018Landing page\u2019")));
    CHECK(lines.filter(QStringLiteral("changed to \u2018Website\u2019")).isEmpty());

    // Line for line what `cjm diff OTHER THIS` prints: the descriptions of
    // diffDocuments(other, this), the one place the words are made.
    QStringList cliLines;
    for (const Change &change : diffDocuments(other, mine))
        cliLines << toQString(change.description);
    CHECK(lines == cliLines);
    REQUIRE(panel->changes().size() == 2);
    CHECK(panel->changes()[0].type == ChangeType::Changed);
    CHECK(panel->changes()[1].type == ChangeType::Added);

    // Both cards are on this map, so both are outlined.
    CHECK(window.scene()->highlightedCards() == std::unordered_set<std::string>{rewritten, added.id});
    // A card only the other version has is "removed" and has nothing here to outline.
    const std::string gone = someCardId(mine, 3);
    REQUIRE(gone != rewritten);
    REQUIRE(gone != added.id);
    REQUIRE(controller->apply(removeCard(gone), QStringLiteral("Delete")));
    panel->compareWith(other, QStringLiteral("last-week.cjm"));
    bool saidRemoved = false;
    for (const Change &change : panel->changes())
        if (change.type == ChangeType::Removed && change.id == gone)
            saidRemoved = change.description.find(" removed from ") != std::string::npos;
    CHECK(saidRemoved);
    CHECK(window.scene()->highlightedCards() == std::unordered_set<std::string>{rewritten, added.id});
}

TEST_CASE("Side by Side draws both versions with the differing cards outlined on each side; Stop Comparing closes "
          "the dock and the window",
          "[collab]")
{
    MainWindow window;
    REQUIRE(window.loadFile(QStringLiteral(CJM_SAMPLES_DIR "/ecommerce-en.cjm")));
    window.show();
    DocumentController *controller = window.controller();
    const Document other = controller->document();
    const std::string rewritten = someCardId(other, 0);
    const std::string gone = someCardId(other, 3);
    REQUIRE(gone != rewritten);
    Card card = *controller->document().card(rewritten);
    card.text = "Landing page";
    REQUIRE(controller->apply(updateCard(card), QStringLiteral("Edit")));
    REQUIRE(controller->apply(removeCard(gone), QStringLiteral("Delete")));

    auto *panel = findIn<ComparePanel>(window);
    auto *sideBySideButton = findIn<QPushButton>(window, "sideBySideButton");
    CHECK_FALSE(sideBySideButton->isEnabled()); // nothing to compare yet
    panel->compareWith(other, QStringLiteral("last-week.cjm"));
    REQUIRE(sideBySideButton->isEnabled());
    QTest::mouseClick(sideBySideButton, Qt::LeftButton);
    CompareWindow *sideBySide = panel->sideBySide();
    REQUIRE(sideBySide);
    CHECK(sideBySide->isVisible());

    // Each side draws its own version: the other still has the removed card
    // and the old words; this side has the new words and no removed card.
    const Document &left = sideBySide->otherScene()->controller()->document();
    const Document &right = sideBySide->mineScene()->controller()->document();
    REQUIRE(left.card(gone));
    CHECK_FALSE(right.card(gone));
    CHECK(left.card(rewritten)->text != "Landing page");
    CHECK(right.card(rewritten)->text == "Landing page");
    // Outlined where each difference exists: the removed card only on the
    // other side, the changed one on both.
    CHECK(sideBySide->otherScene()->highlightedCards() == std::unordered_set<std::string>{rewritten, gone});
    CHECK(sideBySide->mineScene()->highlightedCards() == std::unordered_set<std::string>{rewritten});
    // Pictures, not places to edit.
    CHECK(sideBySide->otherScene()->controller()->isReadOnly());
    CHECK(sideBySide->mineScene()->controller()->isReadOnly());

    // The views scroll together.
    sideBySide->otherView()->setZoom(1.0);
    QScrollBar *leftBar = sideBySide->otherView()->horizontalScrollBar();
    QScrollBar *rightBar = sideBySide->mineView()->horizontalScrollBar();
    REQUIRE(leftBar->maximum() > 0);
    REQUIRE(rightBar->maximum() > 0);
    leftBar->setValue(leftBar->maximum());
    CHECK(rightBar->value() == rightBar->maximum());
    CHECK(sideBySide->mineView()->zoom() == Approx(1.0));

    // Stop Comparing: the window closes and the dock hides.
    auto *compareDock = findIn<QDockWidget>(window, "compareDock");
    compareDock->show(); // as File ▸ Compare With... does
    QCoreApplication::processEvents();
    CHECK(compareDock->isVisible());
    QTest::mouseClick(findIn<QPushButton>(window, "stopComparingButton"), Qt::LeftButton);
    CHECK_FALSE(sideBySide->isVisible());
    CHECK_FALSE(compareDock->isVisible());
    // Brought back with nothing to compare (a saved window layout, the View
    // menu): it closes again instead of showing an empty panel.
    compareDock->show();
    QTRY_VERIFY(!compareDock->isVisible());
}

TEST_CASE("the panels under the map open as tabs of one bottom dock, tall enough to read", "[collab]")
{
    MainWindow window;
    window.resize(1400, 900);
    REQUIRE(window.loadFile(QStringLiteral(CJM_SAMPLES_DIR "/ecommerce-en.cjm")));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    auto *audit = findIn<QDockWidget>(window, "auditDock");
    auto *insights = findIn<QDockWidget>(window, "insightsDock");
    audit->toggleViewAction()->trigger();
    insights->toggleViewAction()->trigger();
    QCoreApplication::processEvents();
    REQUIRE(audit->isVisible());
    REQUIRE(insights->isVisible());
    CHECK(window.tabifiedDockWidgets(audit).contains(insights));
    // One above the other would halve the map; as tabs they share one place.
    CHECK(insights->height() >= 220);
    CHECK(window.centralWidget()->height() >= window.height() / 2);
}
