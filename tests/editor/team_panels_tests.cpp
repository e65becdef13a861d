// The team map's panels (#20 items 3, 4, 6, 7): presence avatars and
// teammates' selection outlines, the Comments dock, the History dialog and
// the credentials kept out of the settings. Data is fed in directly, as the
// team session hands it over, so no server is needed here.
#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTranslator>
#include <QTreeWidget>
#include <memory>

#include "cjm/document_io.hpp"
#include "compare_window.hpp"
#include "document_controller.hpp"
#include "main_window.hpp"
#include "map_operations.hpp"
#include "map_scene.hpp"
#include "map_style.hpp"
#include "map_view.hpp"
#include "message_bar.hpp"
#include "plain_message.hpp"
#include "qt_text.hpp"
#include "team_actions.hpp"
#include "team_comments.hpp"
#include "team_credentials.hpp"
#include "team_history.hpp"
#include "team_library.hpp"
#include "team_panels.hpp"
#include "team_presence.hpp"
#include "team_session.hpp"

using namespace cjm;

namespace {

struct TeamWindowFixture {
    // A copy of the sample: another run's lock on the shared file would
    // turn opening it into a question.
    QTemporaryDir dir;
    MainWindow window;
    TeamWindowFixture()
    {
        const QString path = dir.filePath(QStringLiteral("team.cjm"));
        REQUIRE(QFile::copy(QStringLiteral(CJM_SAMPLES_DIR "/ecommerce-en.cjm"), path));
        REQUIRE(window.loadFile(path));
    }
    MapScene *scene() { return window.scene(); }
    const Document &doc() { return window.controller()->document(); }
    // The first `count` cards the canvas shows, in display order.
    std::vector<std::string> shownCards(std::size_t count)
    {
        std::vector<std::string> ids;
        for (const Card *card : cardsInDisplayOrder(doc()))
            if (ids.size() < count && scene()->isCardShown(card->id) && !card->text.empty())
                ids.push_back(card->id);
        REQUIRE(ids.size() == count);
        return ids;
    }
};

bool near(QColor a, QColor b, int tolerance = 12)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

// The scene's `area` rendered 1:1, map and items (the overlay) together.
QImage renderArea(QGraphicsScene *scene, const QRectF &area)
{
    QImage image(area.size().toSize(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    scene->render(&painter, QRectF(QPointF(0, 0), area.size()), area);
    painter.end();
    return image;
}

// How many pixels of the ring `inset` units outside `card` (clockwise round
// it, one per unit of length) are `colour`.
int ringPixelsOf(const QImage &image, const QRectF &area, const QRectF &card, qreal inset, const QColor &colour,
                 int *total)
{
    const QRectF ring = card.adjusted(-inset, -inset, inset, inset).translated(-area.topLeft());
    int hits = 0;
    *total = 0;
    auto probe = [&](qreal x, qreal y) {
        const QPoint p(static_cast<int>(std::floor(x)), static_cast<int>(std::floor(y)));
        if (!image.rect().contains(p))
            return;
        ++*total;
        if (near(image.pixelColor(p), colour))
            ++hits;
    };
    // The straight parts of the sides (the corners are rounded).
    for (qreal x = ring.left() + 8; x < ring.right() - 8; x += 1) {
        probe(x, ring.top());
        probe(x, ring.bottom());
    }
    for (qreal y = ring.top() + 8; y < ring.bottom() - 8; y += 1) {
        probe(ring.left(), y);
        probe(ring.right(), y);
    }
    return hits;
}

} // namespace

TEST_CASE("presence avatars: one per person, initials as the persona badges make them, plain tooltips",
          "[team][presence]")
{
    TeamAvatars avatars;
    std::vector<TeamPerson> people = {
        {QStringLiteral("王小明"), QStringLiteral("c1"), {}, false},
        {QStringLiteral("the design team"), QStringLiteral("c2"), {}, false},
        {QStringLiteral("alice"), QStringLiteral("c3"), {}, true},
        {QStringLiteral("<b>bob</b> & co"), QStringLiteral("c4"), {}, false},
        {QStringLiteral("王小明"), QStringLiteral("c5"), {"x"}, false}, // a second window of the same person
    };
    avatars.setPeople(people);
    REQUIRE(avatars.avatars().size() == 4);
    // This window's person first, then in the order of the list.
    CHECK(avatars.roles() == QStringList{QStringLiteral("alice"), QStringLiteral("王小明"),
                                         QStringLiteral("the design team"), QStringLiteral("<b>bob</b> & co")});
    // The same function as the persona badges: the family name's Han
    // character; articles skipped.
    CHECK(avatars.initials().at(1) == QStringLiteral("王"));
    CHECK(avatars.initials().at(2) == QStringLiteral("DT"));
    CHECK(avatars.initials() == QStringList{initialsOf(QStringLiteral("alice")), initialsOf(QStringLiteral("王小明")),
                                            initialsOf(QStringLiteral("the design team")),
                                            initialsOf(QStringLiteral("<b>bob</b> & co"))});
    // The tooltip shows the name exactly, never as markup.
    QLabel *bob = avatars.avatars().at(3);
    CHECK(bob->toolTip() == plainToolTip(QStringLiteral("<b>bob</b> & co")));
    CHECK(bob->toolTip().contains(QStringLiteral("&lt;b&gt;bob&lt;/b&gt;")));
    CHECK(bob->accessibleName() == QStringLiteral("<b>bob</b> & co"));
    // The circle is drawn in the person's colour; the colour is the same
    // for the same name and differs between these names.
    const QImage circle = bob->pixmap().toImage();
    CHECK(near(circle.pixelColor(circle.width() / 2, circle.height() * 7 / 8),
               teamColour(QStringLiteral("<b>bob</b> & co")), 2));
    CHECK(teamColour(QStringLiteral("alice")) == teamColour(QString::fromUtf8("alice")));
    CHECK(teamColour(QStringLiteral("alice")) != teamColour(QStringLiteral("the design team")));

    // Someone gone is gone from the list the session hands over: gone here.
    people.erase(people.begin() + 1);
    avatars.setPeople(people);
    CHECK(avatars.roles() ==
          QStringList{QStringLiteral("alice"), QStringLiteral("王小明"), QStringLiteral("<b>bob</b> & co")});
    avatars.setPeople({});
    CHECK(avatars.avatars().isEmpty());
}

TEST_CASE("the canvas shows a teammate's outline where it is now, and none where it was", "[team][presence]")
{
    // The canvas paints itself (MapView::paintEvent): an item's own update()
    // never reached it, so an outline stayed on the card a teammate left.
    TeamWindowFixture f;
    f.window.resize(1200, 800);
    f.window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&f.window));
    MapView *view = f.window.view();
    QToolBar toolbar;
    TeamPresence presence(&toolbar, f.scene());
    const std::vector<std::string> cards = f.shownCards(2);
    view->centerOn(f.scene()->mapLayout().cardRect(cards[0])->center());
    QApplication::processEvents();
    REQUIRE(view->viewport()->rect().contains(view->mapFromScene(f.scene()->mapLayout().cardRect(cards[1])->center())));
    // The pixels the window shows now, and what painting it all again gives.
    auto shown = [&] {
        QApplication::processEvents();
        const QPoint at = view->viewport()->mapTo(view->window(), QPoint(0, 0));
        return view->screen()
            ->grabWindow(view->window()->winId(), at.x(), at.y(), view->viewport()->width(), view->viewport()->height())
            .toImage()
            .convertToFormat(QImage::Format_RGB32);
    };
    auto repaintedWhole = [&] { return view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32); };
    // Around both cards, with room for the name tag above: where the outline
    // was and went. (Elsewhere a dashed card border may differ by a few
    // antialiased pixels between a partial and a whole repaint.)
    auto around = [&](const std::string &id, const QImage &image) {
        const QRect area =
            view->mapFromScene(f.scene()->mapLayout().cardRect(id)->adjusted(-20, -40, 20, 20)).boundingRect() &
            image.rect();
        return image.copy(area);
    };
    // A stale outline is a ring of a couple of thousand pixels; a partial
    // repaint may differ from a whole one by a few antialiased pixels where
    // its edge cuts a neighbour's dashed border.
    auto sameAroundBoth = [&](const QImage &a, const QImage &b) {
        int differing = 0;
        for (const std::string &id : {cards[0], cards[1]}) {
            const QImage x = around(id, a), y = around(id, b);
            for (int row = 0; row < x.height(); ++row)
                for (int column = 0; column < x.width(); ++column)
                    differing += x.pixel(column, row) != y.pixel(column, row);
        }
        INFO(differing << " pixels differ");
        return differing <= 16;
    };
    const QImage plain = shown();

    presence.setPeople({{QStringLiteral("carol"), QStringLiteral("c1"), {cards[0]}, false}});
    const QImage onFirst = shown();
    CHECK(around(cards[0], onFirst) != around(cards[0], plain));
    CHECK(sameAroundBoth(onFirst, repaintedWhole()));
    // Carol selects the other card: her outline and name tag leave the first.
    presence.setPeople({{QStringLiteral("carol"), QStringLiteral("c1"), {cards[1]}, false}});
    const QImage onSecond = shown();
    CHECK(around(cards[1], onSecond) != around(cards[1], onFirst));
    CHECK(sameAroundBoth(onSecond, repaintedWhole()));
    // She leaves: nothing of her stays.
    presence.clear();
    CHECK(sameAroundBoth(shown(), plain));
}

TEST_CASE("a teammate's selection is outlined in their colour round the card, and follows the layout",
          "[team][presence]")
{
    TeamWindowFixture f;
    QToolBar toolbar;
    TeamPresence presence(&toolbar, f.scene());
    const std::vector<std::string> cards = f.shownCards(2);
    const QRectF card = *f.scene()->mapLayout().cardRect(cards[0]);
    const QRectF area = card.adjusted(-30, -30, 30, 30);
    const QColor carol = teamColour(QStringLiteral("carol"));
    const qreal inset = TeamSelectionOverlay::kGap + TeamSelectionOverlay::kPenWidth / 2;
    int total = 0;

    const QImage before = renderArea(f.scene(), area);
    CHECK(ringPixelsOf(before, area, card, inset, carol, &total) == 0);

    // This window's own selection is not outlined by the overlay (the canvas
    // draws it), only the others'.
    presence.setPeople({{QStringLiteral("me"), QStringLiteral("c0"), {cards[0]}, true},
                        {QStringLiteral("carol"), QStringLiteral("c1"), {cards[0]}, false}});
    REQUIRE(presence.overlay()->outlines().size() == 1);
    CHECK(presence.avatars()->roles().size() == 2);
    const QImage after = renderArea(f.scene(), area);
    const int hits = ringPixelsOf(after, area, card, inset, carol, &total);
    CHECK(total > 100);
    CHECK(hits > total * 9 / 10);
    // Inside the card, away from its border, nothing of carol's colour.
    CHECK_FALSE(near(after.pixelColor((card.center() - area.topLeft()).toPoint()), carol));

    // The card grows: the outline follows the new rectangle.
    REQUIRE(f.window.controller()->operations().setCardText(
        cards[0], QStringLiteral("A much longer text that wraps over several lines of the card, so that the card "
                                 "grows taller than it was before this edit, and then a little more text")));
    const QRectF grown = *f.scene()->mapLayout().cardRect(cards[0]);
    REQUIRE(grown.height() > card.height());
    REQUIRE(presence.overlay()->outlines().size() == 1);
    CHECK(presence.overlay()->outlines()[0].rect == grown.adjusted(-inset, -inset, inset, inset));
    const QRectF grownArea = grown.adjusted(-30, -30, 30, 30);
    const QImage followed = renderArea(f.scene(), grownArea);
    CHECK(ringPixelsOf(followed, grownArea, grown, inset, carol, &total) > total * 9 / 10);

    // Carol selects another card, then leaves: the rings go with her.
    presence.setPeople({{QStringLiteral("carol"), QStringLiteral("c1"), {cards[1]}, false}});
    REQUIRE(presence.overlay()->outlines().size() == 1);
    CHECK(presence.overlay()->outlines()[0].rect.contains(*f.scene()->mapLayout().cardRect(cards[1])));
    presence.clear();
    CHECK(presence.overlay()->outlines().empty());
    const QImage gone = renderArea(f.scene(), grownArea);
    CHECK(ringPixelsOf(gone, grownArea, grown, inset, carol, &total) == 0);
}

TEST_CASE("comments dock: threads of the selected card or all, reply, resolve and reopen, live arrivals",
          "[team][comments]")
{
    TeamWindowFixture f;
    const std::vector<std::string> cards = f.shownCards(2);
    CommentsPanel panel(f.scene());
    panel.resize(500, 600);
    const QDateTime t0 = QDateTime(QDate(2026, 12, 2), QTime(9, 30), Qt::UTC);
    panel.setComments({
        {1, 0, cards[0], QStringLiteral("alice"), t0, QStringLiteral("Is this <b>really</b> the first touchpoint?"),
         false},
        {2, 1, cards[0], QStringLiteral("bob"), t0.addSecs(60), QStringLiteral("Yes, per the interviews."), false},
        {3, 0, cards[1], QStringLiteral("carol"), t0.addSecs(120), QStringLiteral("Wording is old."), true},
    });
    QSignalSpy posted(&panel, &CommentsPanel::postRequested);
    QSignalSpy resolved(&panel, &CommentsPanel::resolveRequested);

    // Nothing selected: nothing shown, and the panel says what to do.
    CHECK(panel.shownThreads().empty());
    CHECK_FALSE(panel.commentButton()->isEnabled());
    CHECK_FALSE(panel.hint()->text().isEmpty());

    f.scene()->setSelectedCards({cards[0]});
    REQUIRE(panel.shownThreads() == std::vector<qint64>{1});
    QTreeWidgetItem *thread = panel.tree()->topLevelItem(0);
    // Plain text as typed, author, the time in the local short format.
    CHECK(thread->text(0) == QStringLiteral("Is this <b>really</b> the first touchpoint?"));
    CHECK(thread->toolTip(0) == plainToolTip(QStringLiteral("Is this <b>really</b> the first touchpoint?")));
    CHECK(thread->text(1) == QStringLiteral("alice"));
    CHECK(thread->text(2) == QLocale().toString(t0.toLocalTime(), QLocale::ShortFormat));
    REQUIRE(thread->childCount() == 1);
    CHECK(thread->child(0)->text(1) == QStringLiteral("bob"));

    panel.setFilter(CommentsPanel::Filter::AllCards);
    CHECK(panel.filterBox()->currentIndex() == 1);
    REQUIRE(panel.shownThreads() == std::vector<qint64>{1, 3});
    CHECK(panel.tree()->topLevelItem(1)->text(4) == QStringLiteral("Resolved"));
    CHECK(panel.tree()->topLevelItem(1)->text(3) == toQString(f.doc().card(cards[1])->text).simplified());

    // A new thread on the selected card.
    QTest::keyClicks(panel.editor(), QStringLiteral("Add the app store step"));
    REQUIRE(panel.commentButton()->isEnabled());
    QTest::mouseClick(panel.commentButton(), Qt::LeftButton);
    REQUIRE(posted.size() == 1);
    CHECK(posted[0][0].value<std::string>() == cards[0]);
    CHECK(posted[0][1].toLongLong() == 0);
    CHECK(posted[0][2].toString() == QStringLiteral("Add the app store step"));
    CHECK(panel.editor()->toPlainText().isEmpty());

    // A reply to the selected thread (a reply's row selects its thread).
    REQUIRE(panel.selectComment(2));
    CHECK(panel.selectedThread() == 1);
    QTest::keyClicks(panel.editor(), QStringLiteral("Agreed"));
    QTest::mouseClick(panel.replyButton(), Qt::LeftButton);
    REQUIRE(posted.size() == 2);
    CHECK(posted[1][0].value<std::string>() == cards[0]);
    CHECK(posted[1][1].toLongLong() == 1);
    CHECK(posted[1][2].toString() == QStringLiteral("Agreed"));

    // Resolve an open thread, reopen a resolved one.
    CHECK(panel.resolveButton()->text().remove(QLatin1Char('&')) == QStringLiteral("Resolve"));
    QTest::mouseClick(panel.resolveButton(), Qt::LeftButton);
    REQUIRE(panel.selectComment(3));
    CHECK(panel.resolveButton()->text().remove(QLatin1Char('&')) == QStringLiteral("Reopen"));
    QTest::mouseClick(panel.resolveButton(), Qt::LeftButton);
    REQUIRE(resolved.size() == 2);
    CHECK(resolved[0][0].toLongLong() == 1);
    CHECK(resolved[0][1].toBool());
    CHECK(resolved[1][0].toLongLong() == 3);
    CHECK_FALSE(resolved[1][1].toBool());

    // Live: the server's copy of the new thread and the resolution arrive.
    panel.addComment(
        {4, 0, cards[0], QStringLiteral("me"), t0.addSecs(300), QStringLiteral("Add the app store step"), false});
    panel.addComment(
        {3, 0, cards[1], QStringLiteral("carol"), t0.addSecs(120), QStringLiteral("Wording is old."), false});
    REQUIRE(panel.shownThreads() == std::vector<qint64>{1, 3, 4});
    CHECK(panel.tree()->topLevelItem(1)->text(4) == QStringLiteral("Open"));
    // The thread being looked at stays selected through arrivals.
    CHECK(panel.selectedThread() == 3);

    // A failed post gives the text back.
    QTest::keyClicks(panel.editor(), QStringLiteral("Lost?"));
    f.scene()->setSelectedCards({cards[1]});
    QTest::mouseClick(panel.commentButton(), Qt::LeftButton);
    REQUIRE(posted.size() == 3);
    panel.postFailed(QStringLiteral("The server cannot be reached."));
    CHECK(panel.editor()->toPlainText() == QStringLiteral("Lost?"));
    CHECK(panel.hint()->text() == QStringLiteral("The server cannot be reached."));

    // A viewer sees everything but cannot post, and is told why.
    panel.setCanPost(false, QStringLiteral("You are a viewer of this map."));
    CHECK(panel.shownThreads().size() == 3);
    CHECK_FALSE(panel.commentButton()->isEnabled());
    CHECK_FALSE(panel.replyButton()->isEnabled());
    CHECK_FALSE(panel.resolveButton()->isEnabled());
    CHECK(panel.editor()->isReadOnly());
    CHECK(panel.hint()->text() == QStringLiteral("You are a viewer of this map."));
    panel.postComment();
    panel.toggleResolved();
    CHECK(posted.size() == 3);
    CHECK(resolved.size() == 2);

    // Clicking a thread asks for its card.
    QSignalSpy shown(&panel, &CommentsPanel::showCard);
    panel.show();
    REQUIRE(QTest::qWaitForWindowExposed(&panel));
    QTreeWidgetItem *first = panel.tree()->topLevelItem(0);
    panel.tree()->scrollToItem(first);
    QTest::mouseClick(panel.tree()->viewport(), Qt::LeftButton, {}, panel.tree()->visualItemRect(first).center());
    REQUIRE(shown.size() == 1);
    CHECK(shown[0][0].value<std::string>() == cards[0]);
}

TEST_CASE("history dialog: versions newest first, compare two with the diff, restore one after a confirmation",
          "[team][history]")
{
    TeamWindowFixture f;
    const QDateTime t0 = QDateTime(QDate(2026, 12, 2), QTime(9, 0), Qt::UTC);
    const std::vector<TeamVersion> versions = {
        {0, QStringLiteral("alice"), t0, 0, QString()},
        {5, QStringLiteral("bob"), t0.addSecs(600), 3, QStringLiteral("2 set, 1 add")},
        {9, QStringLiteral("carol"), t0.addSecs(1200), 1, QStringLiteral("1 remove")},
    };
    TeamHistoryDialog dialog(versions, QStringLiteral("Shop"));
    QTreeWidget *list = dialog.versionList();
    REQUIRE(list->topLevelItemCount() == 3);
    CHECK(list->topLevelItem(0)->text(0) == QStringLiteral("9"));
    CHECK(list->topLevelItem(0)->text(1) == QLocale().toString(t0.addSecs(1200).toLocalTime(), QLocale::ShortFormat));
    CHECK(list->topLevelItem(0)->text(2) == QStringLiteral("carol"));
    CHECK(list->topLevelItem(1)->text(3) == QStringLiteral("2 set, 1 add"));
    CHECK(list->topLevelItem(2)->text(3) == QStringLiteral("first version"));
    CHECK_FALSE(dialog.compareButton()->isEnabled());
    CHECK_FALSE(dialog.restoreButton()->isEnabled());

    // Restore: the question names the version; no answer, no restore.
    QSignalSpy restore(&dialog, &TeamHistoryDialog::restoreRequested);
    QString asked;
    bool answer = false;
    dialog.setConfirmation([&](const QString &question) {
        asked = question;
        return answer;
    });
    dialog.selectVersions({5});
    REQUIRE(dialog.restoreButton()->isEnabled());
    CHECK_FALSE(dialog.compareButton()->isEnabled());
    QTest::mouseClick(dialog.restoreButton(), Qt::LeftButton);
    CHECK(asked == TeamHistoryDialog::restoreQuestion(versions[1]));
    CHECK(asked.contains(QStringLiteral("version 5")));
    CHECK(asked.contains(QStringLiteral("bob")));
    CHECK(restore.isEmpty());
    answer = true;
    QTest::mouseClick(dialog.restoreButton(), Qt::LeftButton);
    REQUIRE(restore.size() == 1);
    CHECK(restore[0][0].toLongLong() == 5);

    // Compare: asks for both documents, then lists the diff's changes.
    QSignalSpy compare(&dialog, &TeamHistoryDialog::compareRequested);
    dialog.selectVersions({9, 0});
    REQUIRE(dialog.compareButton()->isEnabled());
    CHECK_FALSE(dialog.restoreButton()->isEnabled());
    QTest::mouseClick(dialog.compareButton(), Qt::LeftButton);
    REQUIRE(compare.size() == 1);
    CHECK(compare[0][0].toLongLong() == 0);
    CHECK(compare[0][1].toLongLong() == 9);
    const Document older = f.doc();
    const std::string cardId = f.shownCards(1)[0];
    REQUIRE(f.window.controller()->operations().setCardText(cardId, QStringLiteral("Renamed in version 9")));
    const Document newer = f.doc();
    // Handed over the other way round: the dialog still reads older -> newer.
    dialog.showComparison(9, newer, 0, older);
    const std::vector<Change> expected = diffDocuments(older, newer);
    REQUIRE(!expected.empty());
    CHECK(dialog.changes() == expected);
    REQUIRE(dialog.changeList()->count() == static_cast<int>(expected.size()));
    CHECK(dialog.changeList()->item(0)->text() == toQString(expected[0].description));
    CHECK(dialog.heading()->text().contains(QStringLiteral("version 0")));
    CHECK(dialog.heading()->text().contains(QStringLiteral("version 9")));
    REQUIRE(dialog.sideBySideButton()->isEnabled());
    QTest::mouseClick(dialog.sideBySideButton(), Qt::LeftButton);
    REQUIRE(dialog.sideBySideWindow());
    CHECK(dialog.sideBySideWindow()->isVisible());
    dialog.sideBySideWindow()->close();

    dialog.restored(5, 12);
    CHECK(dialog.heading()->text().contains(QStringLiteral("version 5")));
    CHECK(dialog.heading()->text().contains(QStringLiteral("12")));
    dialog.showError(QStringLiteral("The server cannot be reached."));
    CHECK(dialog.heading()->text() == QStringLiteral("The server cannot be reached."));
}

TEST_CASE("team credentials: a typed password is taken out of the connection string and never reaches the settings",
          "[team][credentials]")
{
    bool had = false;
    CHECK(stripPassword(QStringLiteral("host=db.example.com user=alice password=hunter2 dbname=maps"), &had) ==
          QStringLiteral("host=db.example.com user=alice dbname=maps"));
    CHECK(had);
    CHECK(stripPassword(QStringLiteral("host=db password = 'it\\'s a secret' sslmode=verify-full"), &had) ==
          QStringLiteral("host=db sslmode=verify-full"));
    CHECK(had);
    CHECK(stripPassword(QStringLiteral("password=x"), &had).isEmpty());
    CHECK(had);
    CHECK(stripPassword(QStringLiteral("  service=maps  sslmode=require "), &had) ==
          QStringLiteral("service=maps  sslmode=require"));
    CHECK_FALSE(had);
    // A user named like the keyword keeps its name.
    CHECK(stripPassword(QStringLiteral("user=password host=db"), &had) == QStringLiteral("user=password host=db"));
    CHECK_FALSE(had);
    // URIs: the user part's password and a password parameter.
    CHECK(stripPassword(QStringLiteral("postgresql://alice:hunter2@db:5432/maps?sslmode=require&password=x"), &had) ==
          QStringLiteral("postgresql://alice@db:5432/maps?sslmode=require"));
    CHECK(had);
    CHECK(stripPassword(QStringLiteral("postgres://alice@db/maps?password=hunter2"), &had) ==
          QStringLiteral("postgres://alice@db/maps"));
    CHECK(had);
    CHECK(stripPassword(QStringLiteral("postgresql://db/maps?sslmode=require"), &had) ==
          QStringLiteral("postgresql://db/maps?sslmode=require"));
    CHECK_FALSE(had);
    // The passphrase of the TLS client key is a secret too.
    CHECK(stripPassword(QStringLiteral("host=db sslmode=verify-full sslkey=/k.pem sslpassword='pass phrase'"), &had) ==
          QStringLiteral("host=db sslmode=verify-full sslkey=/k.pem"));
    CHECK(had);
    CHECK(stripPassword(QStringLiteral("postgresql://db/maps?sslpassword=x&sslmode=require"), &had) ==
          QStringLiteral("postgresql://db/maps?sslmode=require"));
    CHECK(had);
    CHECK(hasPassword(QStringLiteral("host=h password=''")));
    CHECK_FALSE(hasPassword(QStringLiteral("host=h")));

    // The password goes to libpq quoted, and comes out again whole.
    const QString full = withPassword(QStringLiteral("host=db user=alice"), QStringLiteral("it's \\ odd"));
    CHECK(full == QStringLiteral("host=db user=alice password='it\\'s \\\\ odd'"));
    CHECK(stripPassword(full) == QStringLiteral("host=db user=alice"));
    CHECK(withPassword(QStringLiteral("postgresql://alice@db/maps"), QStringLiteral("a&b c")) ==
          QStringLiteral("postgresql://alice@db/maps?password=a%26b%20c"));

    // Saving: the settings hold the connection without the password, and say so.
    QSettings().remove(TeamCredentials::settingsKey());
    QString message;
    const QString saved = TeamCredentials::saveConnection(
        QStringLiteral("host=db user=alice password=hunter2 sslmode=require"), &message);
    CHECK(saved == QStringLiteral("host=db user=alice sslmode=require"));
    CHECK(message == TeamCredentials::strippedMessage());
    CHECK(TeamCredentials::savedConnection() == saved);
    QSettings settings;
    settings.sync();
    for (const QString &key : settings.allKeys())
        CHECK_FALSE(settings.value(key).toString().contains(QStringLiteral("hunter2")));
    QFile file(settings.fileName());
    if (file.open(QIODevice::ReadOnly))
        CHECK_FALSE(file.readAll().contains("hunter2"));
    // Without a password there is nothing to say.
    TeamCredentials::saveConnection(QStringLiteral("service=maps"), &message);
    CHECK(message.isEmpty());
    // A settings file edited by hand still never hands a password on.
    settings.setValue(TeamCredentials::settingsKey(), QStringLiteral("host=db password=hunter2"));
    CHECK(TeamCredentials::savedConnection() == QStringLiteral("host=db"));
    settings.remove(TeamCredentials::settingsKey());
    // The keychain's key for a connection holds no password either.
    CHECK_FALSE(
        TeamCredentials::keychainKey(QStringLiteral("host=db password=hunter2")).contains(QStringLiteral("hunter2")));
}

TEST_CASE("password dialog: without a keychain it remembers nothing and says how to avoid the question",
          "[team][credentials]")
{
    PasswordDialog noKeychain(QStringLiteral("host=db user=alice password=typed"), false,
                              QStringLiteral("No keychain service available"));
    CHECK_FALSE(noKeychain.rememberBox()->isEnabled());
    noKeychain.rememberBox()->setChecked(true);
    CHECK_FALSE(noKeychain.remember());
    CHECK(noKeychain.explanation()->text().contains(QStringLiteral(".pgpass")));
    CHECK(noKeychain.explanation()->text().contains(QStringLiteral("No keychain service available")));
    CHECK(noKeychain.explanation()->textFormat() == Qt::PlainText);
    // The connection it shows has no password in it.
    for (const QLabel *label : noKeychain.findChildren<QLabel *>())
        CHECK_FALSE(label->text().contains(QStringLiteral("typed")));
    CHECK(noKeychain.passwordEdit()->echoMode() == QLineEdit::Password);

    PasswordDialog withKeychain(QStringLiteral("host=db user=alice"), true, QString());
    CHECK(withKeychain.rememberBox()->isEnabled());
    CHECK(withKeychain.remember());
    QTest::keyClicks(withKeychain.passwordEdit(), QStringLiteral("s3cret"));
    CHECK(withKeychain.password() == QStringLiteral("s3cret"));
}

TEST_CASE("team panels: the engine's presence, comment threads and versions reach the window's panels",
          "[team][presence][comments][history]")
{
    TeamWindowFixture f;
    const std::vector<std::string> cards = f.shownCards(1);
    // A reply to a reply belongs to the thread of the first comment.
    std::vector<team::Comment> comments(3);
    comments[0] = {1, cards[0], std::nullopt, "alice", "2026-12-02T09:30:00Z", "First", false, ""};
    comments[1] = {2, cards[0], 1, "bob", "2026-12-02T09:31:00Z", "Reply", false, ""};
    comments[2] = {3, cards[0], 2, "carol", "2026-12-02T09:32:00Z", "Reply to the reply", false, ""};
    const std::vector<TeamComment> threads = toTeamComments(comments);
    REQUIRE(threads.size() == 3);
    CHECK(threads[0].parentId == 0);
    CHECK(threads[1].parentId == 1);
    CHECK(threads[2].parentId == 1);
    CHECK(threads[2].time == QDateTime(QDate(2026, 12, 2), QTime(9, 32), Qt::UTC));
    CHECK(threads[2].author == QStringLiteral("carol"));
    CHECK_FALSE(serverTime("not a time").isValid());

    TeamPanels panels(&f.window, f.scene(), nullptr);
    REQUIRE(panels.commentsDock());
    CHECK(panels.commentsDock()->widget() == panels.comments());
    // View > Language: the panel says its words again through tr(), the dock's title too.
    panels.commentsDock()->setWindowTitle(QStringLiteral("old words"));
    panels.comments()->replyButton()->setText(QStringLiteral("old words"));
    QEvent languageChange(QEvent::LanguageChange);
    QApplication::sendEvent(panels.comments(), &languageChange);
    CHECK(panels.commentsDock()->windowTitle() == QStringLiteral("Comments"));
    CHECK(panels.comments()->replyButton()->text() == QStringLiteral("&Reply"));
    panels.showComments(comments);
    panels.comments()->setFilter(CommentsPanel::Filter::AllCards);
    REQUIRE(panels.comments()->shownThreads() == std::vector<qint64>{1});
    CHECK(panels.comments()->tree()->topLevelItem(0)->childCount() == 2);

    std::vector<team::Presence> presence(2);
    presence[0] = {"me", "c0", {}, "2026-12-02T09:32:00Z", true};
    presence[1] = {"dave", "c1", {cards[0]}, "2026-12-02T09:32:00Z", false};
    panels.showPresence(presence);
    CHECK(panels.presence()->avatars()->roles() == QStringList{QStringLiteral("me"), QStringLiteral("dave")});
    REQUIRE(panels.presence()->overlay()->outlines().size() == 1);
    CHECK(panels.presence()->overlay()->outlines()[0].colour == teamColour(QStringLiteral("dave")));

    // A viewer reads but cannot post.
    panels.setViewer(true);
    CHECK_FALSE(panels.comments()->canPost());
    CHECK_FALSE(panels.comments()->hint()->text().isEmpty());

    // File > History...: asks for the versions, then shows them.
    QSignalSpy wanted(&panels, &TeamPanels::historyWanted);
    QSignalSpy opened(&panels, &TeamPanels::historyOpened);
    panels.historyAction()->trigger();
    CHECK(wanted.size() == 1);
    team::Version version;
    version.version = 4;
    version.author = "bob";
    version.time = "2026-12-02T09:40:00Z";
    version.operations = 3;
    version.summary = "2 set, 1 add";
    TeamHistoryDialog *dialog = panels.showHistory(toTeamVersions({version}), QStringLiteral("Shop"));
    REQUIRE(dialog);
    CHECK(opened.size() == 1);
    REQUIRE(dialog->versions().size() == 1);
    CHECK(dialog->versions()[0].summary == QStringLiteral("2 set, 1 add"));
    CHECK(dialog->versions()[0].time == QDateTime(QDate(2026, 12, 2), QTime(9, 40), Qt::UTC));
    // Asked again: the same dialog, refreshed.
    CHECK(panels.showHistory({}, QStringLiteral("Shop")) == dialog);
    CHECK(opened.size() == 1);
    dialog->close();
}

TEST_CASE("team credentials: with no keychain service the password is asked for, with the reason, and nothing is kept",
          "[team][credentials]")
{
    // No session bus: no Secret Service or KWallet to reach, as on CI and
    // under a bare X server.
    const QByteArray bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/cjm-no-bus");
    TeamCredentials credentials;
    bool answered = false;
    std::optional<QString> password;
    QString error;
    credentials.readPassword(QStringLiteral("host=db user=alice"), [&](std::optional<QString> found, QString why) {
        answered = true;
        password = found;
        error = why;
    });
    REQUIRE(QTest::qWaitFor([&] { return answered; }, 20000));
    CHECK_FALSE(password);
    CHECK(credentials.keychainUnavailable());
    CHECK_FALSE(error.isEmpty());

    // Asking for a password then shows the dialog that says so; an empty
    // password leaves it to libpq's ~/.pgpass or service file.
    std::optional<TeamCredentials::Answer> answer;
    credentials.passwordFor(nullptr, QStringLiteral("host=db user=alice"),
                            [&](TeamCredentials::Answer a) { answer = a; });
    PasswordDialog *dialog = nullptr;
    REQUIRE(QTest::qWaitFor(
        [&] {
            for (QWidget *widget : QApplication::topLevelWidgets())
                if (auto *found = qobject_cast<PasswordDialog *>(widget); found && found->isVisible())
                    dialog = found;
            return dialog != nullptr;
        },
        20000));
    CHECK_FALSE(dialog->rememberBox()->isEnabled());
    CHECK(dialog->explanation()->text().contains(QStringLiteral(".pgpass")));
    dialog->accept();
    REQUIRE(answer);
    CHECK(answer->outcome == TeamCredentials::Outcome::LibpqFiles);

    credentials.passwordFor(nullptr, QStringLiteral("host=db user=alice"),
                            [&](TeamCredentials::Answer a) { answer = a; });
    dialog = nullptr;
    REQUIRE(QTest::qWaitFor(
        [&] {
            for (QWidget *widget : QApplication::topLevelWidgets())
                if (auto *found = qobject_cast<PasswordDialog *>(widget); found && found->isVisible())
                    dialog = found;
            return dialog != nullptr;
        },
        20000));
    QTest::keyClicks(dialog->passwordEdit(), QStringLiteral("typed-secret"));
    dialog->accept();
    REQUIRE(answer);
    CHECK(answer->outcome == TeamCredentials::Outcome::Password);
    CHECK(answer->password == QStringLiteral("typed-secret"));
    // Nothing of it in the settings.
    QSettings settings;
    for (const QString &key : settings.allKeys())
        CHECK_FALSE(settings.value(key).toString().contains(QStringLiteral("typed-secret")));
    if (bus.isNull())
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    else
        qputenv("DBUS_SESSION_BUS_ADDRESS", bus);
}

// ---- Against a real server (tests/gui/team_editor.sh runs [.teamsync-server]) ----

namespace {

QString teamConnection(const char *role)
{
    const QByteArray db = qgetenv("CJM_TEAM_DB");
    if (db.isEmpty())
        FAIL("CJM_TEAM_DB is not set: the [.teamsync-server] tests run from tests/gui/team_editor.sh");
    return QString::fromUtf8(db) + QStringLiteral(" user=") + QString::fromLatin1(role);
}

// One person's window on the map, opened as File > Open from Team Library does.
struct TeamWindow {
    MainWindow window;
    TeamWindow(const char *role, const QString &mapId, const QString &access, const QString &journal)
    {
        window.resize(1400, 900);
        TeamActions *actions = TeamActions::of(&window);
        REQUIRE(actions);
        actions->attach(teamConnection(role), mapId, access, journal);
        REQUIRE(QTest::qWaitFor([&] { return actions->session() && actions->session()->isOpen() && actions->panels(); },
                                15000));
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
    }
    TeamPanels *panels() { return TeamActions::of(&window)->panels(); }
    MapScene *scene() { return window.scene(); }
};

} // namespace

TEST_CASE(
    "Team windows: a teammate's selection is outlined in their colour, their comment arrives live, a viewer reads "
    "but cannot post",
    "[.teamsync-server][teampanels-server]")
{
    QTemporaryDir folder;
    ReadResult read = readDocumentFile(std::string(CJM_SAMPLES_DIR) + "/ecommerce-en.cjm");
    REQUIRE(read.ok());
    QString id;
    {
        team::TeamLibrary alice(toStdString(teamConnection("alice")));
        id = toQString(alice.create(*read.document));
        alice.grant(toStdString(id), "bob", team::Access::Editor);
        alice.grant(toStdString(id), "carol", team::Access::Viewer);
    }
    TeamWindow alice("alice", id, QStringLiteral("owner"), folder.filePath(QStringLiteral("alice.journal")));
    auto bobWindow = std::make_unique<TeamWindow>("bob", id, QStringLiteral("editor"),
                                                  folder.filePath(QStringLiteral("bob.journal")));
    TeamWindow &bob = *bobWindow;
    TeamWindow carol("carol", id, QStringLiteral("viewer"), folder.filePath(QStringLiteral("carol.journal")));

    // Everyone sees everyone, each window its own person first.
    auto sees = [](TeamWindow &w, const QStringList &roles) {
        QStringList shown = w.panels()->presence()->avatars()->roles();
        shown.sort();
        QStringList wanted = roles;
        wanted.sort();
        return shown == wanted;
    };
    const QStringList everyone{QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")};
    (void)QTest::qWaitFor([&] { return sees(alice, everyone) && sees(*bobWindow, everyone) && sees(carol, everyone); },
                          20000);
    INFO("alice sees " << toStdString(alice.panels()->presence()->avatars()->roles().join(QLatin1Char(',')))
                       << "; bob sees "
                       << toStdString(bob.panels()->presence()->avatars()->roles().join(QLatin1Char(',')))
                       << "; carol sees "
                       << toStdString(carol.panels()->presence()->avatars()->roles().join(QLatin1Char(','))));
    REQUIRE(QTest::qWaitFor(
        [&] { return sees(alice, everyone) && sees(*bobWindow, everyone) && sees(carol, everyone); }, 20000));
    CHECK(alice.panels()->presence()->avatars()->roles().first() == QStringLiteral("alice"));

    // Bob selects a card: Alice's canvas outlines it in Bob's colour.
    std::string card;
    for (const Card *c : cardsInDisplayOrder(bob.window.controller()->document()))
        if (card.empty() && bob.scene()->isCardShown(c->id) && !c->text.empty())
            card = c->id;
    REQUIRE(!card.empty());
    bob.scene()->setSelectedCards({card});
    TeamSelectionOverlay *overlay = alice.panels()->presence()->overlay();
    REQUIRE(QTest::qWaitFor(
        [&] {
            for (const auto &outline : overlay->outlines())
                if (outline.role == QStringLiteral("bob"))
                    return true;
            return false;
        },
        20000));
    const QRectF rect = *alice.scene()->mapLayout().cardRect(card);
    const QRectF area = rect.adjusted(-30, -30, 30, 30);
    const qreal inset = TeamSelectionOverlay::kGap + TeamSelectionOverlay::kPenWidth / 2;
    int total = 0;
    const QImage picture = renderArea(alice.scene(), area);
    CHECK(ringPixelsOf(picture, area, rect, inset, teamColour(QStringLiteral("bob")), &total) > total * 9 / 10);

    // Bob comments on it: the thread arrives in Alice's and Carol's docks.
    CommentsPanel *bobComments = bob.panels()->comments();
    QTest::keyClicks(bobComments->editor(), QStringLiteral("Is this step still needed?"));
    REQUIRE(bobComments->commentButton()->isEnabled());
    QSignalSpy bobPosted(bobComments, &CommentsPanel::postRequested);
    QTest::mouseClick(bobComments->commentButton(), Qt::LeftButton);
    REQUIRE(bobPosted.size() == 1);
    auto hasThread = [](CommentsPanel *panel) {
        for (const TeamComment &comment : panel->comments())
            if (comment.text == QStringLiteral("Is this step still needed?") && comment.author == QStringLiteral("bob"))
                return true;
        return false;
    };
    (void)QTest::qWaitFor(
        [&] { return hasThread(alice.panels()->comments()) && hasThread(carol.panels()->comments()); }, 20000);
    INFO("bob's dock says: " << toStdString(bobComments->hint()->text()) << "; comments: bob "
                             << bob.panels()->comments()->comments().size() << ", alice "
                             << alice.panels()->comments()->comments().size() << ", carol "
                             << carol.panels()->comments()->comments().size());
    REQUIRE(QTest::qWaitFor(
        [&] { return hasThread(alice.panels()->comments()) && hasThread(carol.panels()->comments()); }, 20000));
    // The writer's own dock shows the comment too (the server's answer, not a local copy).
    CHECK(QTest::qWaitFor([&] { return hasThread(bobComments); }, 20000));
    alice.panels()->comments()->setFilter(CommentsPanel::Filter::AllCards);
    CHECK(alice.panels()->comments()->shownThreads().size() == 1);
    // View ▸ Comments brings the dock back after it was closed.
    QAction *commentsToggle = alice.panels()->commentsDock()->toggleViewAction();
    bool inViewMenu = false;
    for (QAction *menu : alice.window.menuBar()->actions())
        if (menu->text() == QStringLiteral("&View") && menu->menu())
            inViewMenu = menu->menu()->actions().contains(commentsToggle);
    CHECK(inViewMenu);
    // Carol, a viewer, reads it but cannot post.
    CHECK_FALSE(carol.panels()->comments()->canPost());
    carol.scene()->setSelectedCards({card});
    QTest::keyClicks(carol.panels()->comments()->editor(), QStringLiteral("carol was here"));
    CHECK_FALSE(carol.panels()->comments()->commentButton()->isEnabled());

    // Bob closes the map: he is gone from Alice's avatars and canvas.
    bobWindow.reset();
    // Carol selected the card too, so her outline may stay: none of Bob's may.
    auto bobsOutlines = [&] {
        int count = 0;
        for (const auto &outline : overlay->outlines())
            count += outline.role == QStringLiteral("bob") ? 1 : 0;
        return count;
    };
    (void)QTest::qWaitFor(
        [&] {
            return sees(alice, {QStringLiteral("alice"), QStringLiteral("carol")}) && bobsOutlines() == 0;
        },
        20000);
    INFO("after bob closed, alice sees " << toStdString(
                                                alice.panels()->presence()->avatars()->roles().join(QLatin1Char(',')))
                                         << " and " << bobsOutlines() << " outline(s) of bob's");
    REQUIRE(sees(alice, {QStringLiteral("alice"), QStringLiteral("carol")}));
    REQUIRE(bobsOutlines() == 0);
}

TEST_CASE("cjm-studio --team-db / --team-map: bad values are refused with a message that names the option",
          "[team][commandline]")
{
    const QString db = QStringLiteral("host=/tmp/none dbname=cjm user=alice");
    CHECK(TeamActions::commandLineProblem(true, db, true, QStringLiteral("checkout-2024")).isEmpty());
    CHECK(TeamActions::commandLineProblem(true, QStringLiteral("postgresql://alice@db.example.com/maps"), true,
                                          QStringLiteral("m1"))
              .isEmpty());
    const auto refused = [](const QString &problem, const char *option) {
        INFO(problem.toStdString());
        return problem.startsWith(QLatin1String(option));
    };
    CHECK(
        refused(TeamActions::commandLineProblem(false, {}, true, QStringLiteral("m1")), "--team-map needs --team-db"));
    CHECK(refused(TeamActions::commandLineProblem(true, db, false, {}), "--team-db needs --team-map"));
    CHECK(refused(TeamActions::commandLineProblem(true, db, true, QStringLiteral("no spaces")), "--team-map: "));
    CHECK(refused(TeamActions::commandLineProblem(true, db, true, QString()), "--team-map: "));
    CHECK(refused(TeamActions::commandLineProblem(true, db, true, QStringLiteral("../etc")), "--team-map: "));
    CHECK(refused(TeamActions::commandLineProblem(true, QString(), true, QStringLiteral("m1")), "--team-db: "));
    CHECK(refused(TeamActions::commandLineProblem(true, QStringLiteral("nonsense"), true, QStringLiteral("m1")),
                  "--team-db: "));
    CHECK(
        refused(TeamActions::commandLineProblem(true, QStringLiteral("host='unterminated"), true, QStringLiteral("m1")),
                "--team-db: "));
    CHECK(refused(TeamActions::commandLineProblem(true, QStringLiteral("host=/tmp dbname=cjm password=secret"), true,
                                                  QStringLiteral("m1")),
                  "--team-db: leave the password out"));
}

namespace {

// A "language" that marks the team library's words, to see a notice said again.
class MarkingTranslator : public QTranslator {
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *source, const char *, int n) const override
    {
        const QByteArray where(context);
        if (where != "cjm::TeamSession" && where != "cjm::TeamActions")
            return {};
        QString text = QString::fromUtf8(source);
        text.replace(QStringLiteral("%n"), QString::number(n));
        return QStringLiteral("[xx] ") + text;
    }
};

} // namespace

TEST_CASE("A team notice on the message bar is said again in the new language, from its data", "[team][translations]")
{
    TeamWindowFixture f;
    QTemporaryDir folder;
    TeamActions *actions = TeamActions::of(&f.window);
    REQUIRE(actions);
    // No server is needed: the notice is what the session would say.
    actions->attach(QStringLiteral("host=%1 dbname=cjm user=alice").arg(folder.filePath(QStringLiteral("none"))),
                    QStringLiteral("some-map"), QStringLiteral("editor"), folder.filePath(QStringLiteral("j")));
    REQUIRE(actions->session());
    emit actions->session()->notice({TeamNotice::Kind::Conflicts, 2, {}});
    MessageBar *bar = f.window.messageBar();
    CHECK(bar->text().startsWith(QStringLiteral("2 of your offline changes conflict with a teammate's")));
    const auto button = [&] { return bar->findChild<QAbstractButton *>(QStringLiteral("teamShowConflictsButton")); };
    REQUIRE(button());
    CHECK(button()->text() == QStringLiteral("Show Conflicts"));

    MarkingTranslator marking;
    QCoreApplication::installTranslator(&marking); // as View > Language does: a LanguageChange
    REQUIRE(QTest::qWaitFor(
        [&] { return bar->text().startsWith(QStringLiteral("[xx] 2 of your offline changes conflict")); }, 5000));
    REQUIRE(button());
    CHECK(button()->text() == QStringLiteral("[xx] Show Conflicts"));
    QCoreApplication::removeTranslator(&marking);
    REQUIRE(QTest::qWaitFor([&] { return bar->text().startsWith(QStringLiteral("2 of your offline")); }, 5000));

    // A reason from the system is kept as it came, in any language. (Again
    // attached: the first session has given up on the missing server.)
    actions->attach(QStringLiteral("host=%1 dbname=cjm user=alice").arg(folder.filePath(QStringLiteral("none"))),
                    QStringLiteral("some-map"), QStringLiteral("editor"), folder.filePath(QStringLiteral("j")));
    REQUIRE(actions->session());
    emit actions->session()->notice({TeamNotice::Kind::NotKept, 0, QStringLiteral("No space left on device")});
    CHECK(bar->text() == QStringLiteral("A change could not be kept on this computer: No space left on device"));
    QCoreApplication::installTranslator(&marking);
    REQUIRE(QTest::qWaitFor([&] { return bar->text().startsWith(QStringLiteral("[xx] ")); }, 5000));
    CHECK(bar->text() == QStringLiteral("[xx] A change could not be kept on this computer: No space left on device"));
    QCoreApplication::removeTranslator(&marking);
}
