// F6 into a pane puts the keyboard focus on something a user can work with:
// the first field of the Inspector (not its scroll area, which shows no
// focus and takes no typing), an entry of the Palette or the Structure.
#include <catch2/catch.hpp>

#include <QAbstractScrollArea>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>

#include "cjm/document_io.hpp"
#include "main_window.hpp"
#include "map_scene.hpp"
#include "map_view.hpp"
#include "select_tool.hpp"

using namespace cjm;

namespace {

void loadSample(MainWindow &window, const QTemporaryDir &dir)
{
    const QString copy = dir.filePath(QStringLiteral("map.cjm"));
    REQUIRE(QFile::copy(QStringLiteral(CJM_SAMPLES_DIR "/ecommerce-en.cjm"), copy));
    REQUIRE(window.loadFile(copy));
    // The Inspector's new form is shown by the event loop, as it is before
    // any key a user can press.
    QApplication::processEvents();
}

bool inside(const QWidget *pane, const QWidget *widget)
{
    return widget && (widget == pane || pane->isAncestorOf(widget));
}

// A field that takes typing: a line edit or a text edit that is not read-only.
bool editable(const QWidget *widget)
{
    if (auto *line = qobject_cast<const QLineEdit *>(widget))
        return !line->isReadOnly() && line->isEnabled();
    if (auto *plain = qobject_cast<const QPlainTextEdit *>(widget))
        return !plain->isReadOnly() && plain->isEnabled();
    if (auto *rich = qobject_cast<const QTextEdit *>(widget))
        return !rich->isReadOnly() && rich->isEnabled();
    return false;
}

QString textOf(const QWidget *widget)
{
    if (auto *line = qobject_cast<const QLineEdit *>(widget))
        return line->text();
    if (auto *plain = qobject_cast<const QPlainTextEdit *>(widget))
        return plain->toPlainText();
    if (auto *rich = qobject_cast<const QTextEdit *>(widget))
        return rich->toPlainText();
    return {};
}

// Shown on screen: visible, and inside the viewport of every scroll area
// around it (a field scrolled out of the Inspector's sight is not "shown").
bool shown(const QWidget *widget)
{
    if (!widget || !widget->isVisible() || widget->width() <= 0 || widget->height() <= 0)
        return false;
    for (const QWidget *p = widget->parentWidget(); p; p = p->parentWidget()) {
        auto *area = qobject_cast<const QAbstractScrollArea *>(p);
        if (!area || !area->viewport()->isAncestorOf(widget))
            continue;
        const QRect inViewport(widget->mapTo(area->viewport(), QPoint(0, 0)), widget->size());
        if (!area->viewport()->rect().intersects(inViewport))
            return false;
    }
    return true;
}

void pressF6(Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *focus = QApplication::focusWidget();
    REQUIRE(focus);
    QTest::keyClick(focus, Qt::Key_F6, modifiers);
}

struct Panes {
    MapView *view = nullptr;
    QDockWidget *palette = nullptr;
    QDockWidget *inspector = nullptr;
    QDockWidget *structure = nullptr;
};

Panes panesOf(MainWindow &window)
{
    Panes panes;
    panes.view = window.findChild<MapView *>();
    panes.palette = window.findChild<QDockWidget *>(QStringLiteral("paletteDock"));
    panes.inspector = window.findChild<QDockWidget *>(QStringLiteral("inspectorDock"));
    panes.structure = window.findChild<QDockWidget *>(QStringLiteral("structureDock"));
    REQUIRE(panes.view);
    REQUIRE(panes.palette);
    REQUIRE(panes.inspector);
    REQUIRE(panes.structure);
    return panes;
}

void showWindow(MainWindow &window)
{
    window.resize(1200, 800);
    window.show();
    QApplication::setActiveWindow(&window);
    REQUIRE(QTest::qWaitForWindowExposed(&window));
}

// From the canvas, F6 until the focus is in `pane` (at most one round).
void f6Into(const Panes &panes, QWidget *pane)
{
    panes.view->setFocus(Qt::OtherFocusReason);
    REQUIRE(panes.view->hasFocus());
    for (int i = 0; i < 4 && !inside(pane, QApplication::focusWidget()); ++i)
        pressF6();
    REQUIRE(inside(pane, QApplication::focusWidget()));
}

} // namespace

TEST_CASE("F6 into the Inspector focuses its first field, which takes typing; Tab moves through the fields",
          "[panefocus]")
{
    QTemporaryDir dir;
    MainWindow window;
    showWindow(window);
    loadSample(window, dir);
    const Panes panes = panesOf(window);
    const Document &doc = window.controller()->document();

    SECTION("no card selected: the map's Title")
    {
        f6Into(panes, panes.inspector);
        QWidget *focus = QApplication::focusWidget();
        INFO("focus: " << focus->metaObject()->className() << " " << focus->objectName().toStdString());
        CHECK(editable(focus));
        CHECK(shown(focus));
        CHECK(textOf(focus) == QString::fromStdString(doc.journey().title));

        const std::string before = doc.journey().title;
        QTest::keyClick(focus, Qt::Key_End);
        QTest::keyClicks(focus, QStringLiteral("xyz"));
        CHECK(doc.journey().title == before + "xyz");

        // Tab goes on to the next field of the Inspector, Shift+Tab back.
        QTest::keyClick(focus, Qt::Key_Tab);
        QWidget *next = QApplication::focusWidget();
        CHECK(next != focus);
        CHECK(inside(panes.inspector, next));
        QTest::keyClick(next, Qt::Key_Backtab, Qt::ShiftModifier);
        CHECK(QApplication::focusWidget() == focus);
    }

    SECTION("a card selected: the card's Text")
    {
        const std::string id = window.scene()->mapLayout().cardIds().front();
        panes.view->selectTool()->selectCard(id);
        QApplication::processEvents();
        f6Into(panes, panes.inspector);
        QWidget *focus = QApplication::focusWidget();
        INFO("focus: " << focus->metaObject()->className() << " " << focus->objectName().toStdString());
        CHECK(editable(focus));
        CHECK(shown(focus));
        CHECK(textOf(focus) == QString::fromStdString(doc.card(id)->text));

        const std::string before = doc.card(id)->text;
        QTest::keyClick(focus, Qt::Key_End, Qt::ControlModifier);
        QTest::keyClicks(focus, QStringLiteral("xyz"));
        CHECK(doc.card(id)->text == before + "xyz");

        QTest::keyClick(focus, Qt::Key_Tab);
        CHECK(QApplication::focusWidget() != focus);
        CHECK(inside(panes.inspector, QApplication::focusWidget()));
    }

    SECTION("the Inspector scrolled down: its first field is scrolled back into sight")
    {
        auto *scroll = panes.inspector->findChild<QScrollArea *>();
        REQUIRE(scroll);
        panes.inspector->widget()->resize(panes.inspector->widget()->width(), 160);
        window.resize(1200, 420);
        QApplication::processEvents();
        scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
        f6Into(panes, panes.inspector);
        QWidget *focus = QApplication::focusWidget();
        CHECK(editable(focus));
        CHECK(shown(focus));
    }
}

TEST_CASE("F6 leaves the focus on a shown widget inside each pane in turn, forwards and backwards", "[panefocus]")
{
    QTemporaryDir dir;
    MainWindow window;
    showWindow(window);
    loadSample(window, dir);
    const Panes panes = panesOf(window);
    panes.view->setFocus(Qt::OtherFocusReason);

    const QList<QWidget *> forwards{panes.palette, panes.inspector, panes.structure, panes.view};
    for (QWidget *pane : forwards) {
        pressF6();
        QWidget *focus = QApplication::focusWidget();
        INFO("pane " << pane->objectName().toStdString() << ", focus "
                     << (focus ? focus->metaObject()->className() : "none"));
        CHECK(inside(pane, focus));
        CHECK(shown(focus));
        // Not a bare container: the widget itself shows the focus.
        CHECK_FALSE(qobject_cast<QScrollArea *>(focus));
    }
    const QList<QWidget *> backwards{panes.structure, panes.inspector, panes.palette, panes.view};
    for (QWidget *pane : backwards) {
        pressF6(Qt::ShiftModifier);
        QWidget *focus = QApplication::focusWidget();
        INFO("pane " << pane->objectName().toStdString() << ", focus "
                     << (focus ? focus->metaObject()->className() : "none"));
        CHECK(inside(pane, focus));
        CHECK(shown(focus));
        CHECK_FALSE(qobject_cast<QScrollArea *>(focus));
    }
}
