// A whole map built and saved with the keyboard alone, as a person without a
// mouse would: File ▸ New (Ctrl+N), the Palette (F6, arrows, Enter) for a
// persona and a stage, the canvas's arrows to a lane's cell, Insert for a
// touchpoint and an emotion, Up/Down for its score, Ctrl+S and the save
// dialog. Every step after the first window is up is a key press sent to
// the widget that has the keyboard focus; the saved file is then read back
// with the core reader.
#include <catch2/catch.hpp>

#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QListWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <filesystem>
#include <memory>

#include "cjm/document_io.hpp"
#include "inline_editor.hpp"
#include "main_window.hpp"
#include "map_scene.hpp"
#include "map_view.hpp"
#include "palette_drop.hpp"
#include "palette_panel.hpp"
#include "qt_text.hpp"

using namespace cjm;

namespace {

// A key as a person presses it: to whatever has the keyboard focus.
void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *target = QApplication::focusWidget();
    REQUIRE(target != nullptr);
    QTest::keyClick(target, key, modifiers);
}

void type(const QString &text)
{
    QWidget *target = QApplication::focusWidget();
    REQUIRE(target != nullptr);
    QTest::keyClicks(target, text);
}

bool focusIn(const QWidget *pane)
{
    const QWidget *focus = QApplication::focusWidget();
    return focus && (focus == pane || pane->isAncestorOf(focus));
}

// The row of the first palette entry of a type (and kind), to count the
// arrow presses that reach it from the top.
int paletteRow(const QListWidget *palette, PaletteEntry::Type type)
{
    for (int i = 0; i < palette->count(); ++i) {
        const QByteArray mime = palette->item(i)->data(Qt::UserRole + 1).toString().toUtf8();
        if (const auto entry = PaletteEntry::fromMime(mime); entry && entry->type == type)
            return i;
    }
    return -1;
}

// Presses Up or Down until the focused cell is in the row of the lane kind
// (the count read off the layout, the presses real).
void arrowToLaneKind(MapView *view, LaneKind kind)
{
    const std::optional<MapView::Cell> at = view->focusedCell();
    REQUIRE(at);
    const auto &rows = view->mapScene()->mapLayout().bands()[static_cast<std::size_t>(at->band)].rows;
    const auto target =
        std::find_if(rows.begin(), rows.end(), [&](const MapLayout::LaneRow &row) { return row.kind == kind; });
    REQUIRE(target != rows.end());
    const int steps = static_cast<int>(target - rows.begin()) - at->row;
    for (int i = 0; i < std::abs(steps); ++i)
        press(steps > 0 ? Qt::Key_Down : Qt::Key_Up);
    REQUIRE(view->focusedCell()->row == static_cast<int>(target - rows.begin()));
    REQUIRE(view->focusedCell()->band == at->band);
}

} // namespace

TEST_CASE("a map is built and saved with the keyboard alone", "[keyboard-map]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString copy = dir.filePath(QStringLiteral("open.cjm"));
    REQUIRE(QFile::copy(QStringLiteral(CJM_SAMPLES_DIR "/ecommerce-en.cjm"), copy));
    const QString saved = dir.filePath(QStringLiteral("by-keyboard.cjm"));

    // The window the person works in, with a map open.
    MainWindow first;
    first.resize(1200, 800);
    Problems problems;
    REQUIRE(first.controller()->load(copy, problems));
    first.show();
    QApplication::setActiveWindow(&first);
    first.view()->setFocus();

    // File ▸ New: a new window with a blank map.
    press(Qt::Key_N, Qt::ControlModifier);
    MainWindow *window = nullptr;
    for (QWidget *widget : QApplication::topLevelWidgets())
        if (auto *w = qobject_cast<MainWindow *>(widget); w && w != &first && w->isVisible())
            window = w;
    REQUIRE(window != nullptr);
    std::unique_ptr<MainWindow> owned(window);
    window->setAttribute(Qt::WA_DeleteOnClose, false);
    window->resize(1200, 800);
    QApplication::setActiveWindow(window);
    MapView *view = window->view();
    const Document &doc = window->controller()->document();
    const std::size_t personasBefore = doc.personas().size();
    const std::size_t stagesBefore = doc.stages().size();
    REQUIRE(doc.cards().empty());

    // F6 until the canvas has the keys (at most once round the panes).
    for (int i = 0; i < 5 && !view->hasFocus(); ++i)
        press(Qt::Key_F6);
    REQUIRE(view->hasFocus());

    // A persona: F6 to the Palette, the Persona entry, Enter, its name.
    auto *palette = window->findChild<PalettePanel *>();
    REQUIRE(palette != nullptr);
    press(Qt::Key_F6);
    REQUIRE(focusIn(palette));
    press(Qt::Key_Home);
    const int personaRow = paletteRow(palette, PaletteEntry::Type::Persona);
    const int stageRow = paletteRow(palette, PaletteEntry::Type::Stage);
    REQUIRE(personaRow >= 0);
    REQUIRE(stageRow >= 0);
    for (int i = 0; i < personaRow; ++i)
        press(Qt::Key_Down);
    press(Qt::Key_Return);
    REQUIRE(doc.personas().size() == personasBefore + 1);
    REQUIRE(qobject_cast<InlineEditor *>(QApplication::focusWidget()) != nullptr);
    type(QStringLiteral("Weekend shopper"));
    press(Qt::Key_Return);
    // The editor gives the keys back to the canvas.
    REQUIRE(view->hasFocus());

    // A stage, after the focused cell's: back to the Palette, the Stage entry.
    press(Qt::Key_F6);
    REQUIRE(focusIn(palette));
    for (int i = 0; i < std::abs(personaRow - stageRow); ++i)
        press(personaRow > stageRow ? Qt::Key_Up : Qt::Key_Down);
    press(Qt::Key_Return);
    REQUIRE(doc.stages().size() == stagesBefore + 1);
    REQUIRE(qobject_cast<InlineEditor *>(QApplication::focusWidget()) != nullptr);
    type(QStringLiteral("Compare prices"));
    press(Qt::Key_Return);
    REQUIRE(view->hasFocus());

    // A touchpoint in the touchpoint lane's cell: arrows there, Insert, its text.
    arrowToLaneKind(view, LaneKind::Touchpoints);
    press(Qt::Key_Insert);
    REQUIRE(qobject_cast<InlineEditor *>(QApplication::focusWidget()) != nullptr);
    type(QStringLiteral("Price comparison site"));
    press(Qt::Key_Return);
    REQUIRE(view->hasFocus());

    // An emotion in the emotion lane's cell of the same stage, then its score.
    arrowToLaneKind(view, LaneKind::Emotions);
    press(Qt::Key_Insert);
    REQUIRE(qobject_cast<InlineEditor *>(QApplication::focusWidget()) != nullptr);
    type(QStringLiteral("Relieved"));
    press(Qt::Key_Return);
    REQUIRE(view->hasFocus());
    press(Qt::Key_Up);
    press(Qt::Key_Up);
    press(Qt::Key_Up);
    press(Qt::Key_Down);

    // Ctrl+S: the save dialog asks for a name, typed and confirmed with Enter.
    bool dialogSeen = false;
    QTimer::singleShot(0, [&] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialogSeen = true;
        // The keys go where the dialog has its focus (its file name field),
        // also before the window system has made it the active window.
        QApplication::setActiveWindow(dialog);
        QWidget *field = dialog->focusWidget();
        if (!field) {
            dialog->reject();
            return;
        }
        QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(field, saved);
        QTest::keyClick(dialog->focusWidget(), Qt::Key_Return);
    });
    press(Qt::Key_S, Qt::ControlModifier);
    REQUIRE(dialogSeen);
    REQUIRE(QFile::exists(saved));
    CHECK_FALSE(window->controller()->isModified());

    // What the file says, read by the core reader.
    const ReadResult read = readDocumentFile(std::filesystem::path(toStdString(saved)));
    REQUIRE(read.ok());
    const Document &map = *read.document;
    const auto persona = std::find_if(map.personas().begin(), map.personas().end(),
                                      [](const Persona &p) { return p.name == "Weekend shopper"; });
    REQUIRE(persona != map.personas().end());
    CHECK(persona - map.personas().begin() == 1); // after the focused (first) persona
    const auto stage = std::find_if(map.stages().begin(), map.stages().end(),
                                    [](const Stage &s) { return s.name == "Compare prices"; });
    REQUIRE(stage != map.stages().end());
    CHECK(stage - map.stages().begin() == 1); // after the focused (first) stage
    REQUIRE(map.cards().size() == 2);
    const Card *touchpoint = nullptr;
    const Card *emotion = nullptr;
    for (const Card &card : map.cards()) {
        if (map.cardKind(card) == LaneKind::Touchpoints)
            touchpoint = &card;
        if (map.cardKind(card) == LaneKind::Emotions)
            emotion = &card;
    }
    REQUIRE(touchpoint != nullptr);
    CHECK(touchpoint->text == "Price comparison site");
    CHECK(touchpoint->persona == persona->id);
    CHECK(touchpoint->stage == stage->id);
    REQUIRE(emotion != nullptr);
    CHECK(emotion->text == "Relieved");
    CHECK(emotion->persona == persona->id);
    CHECK(emotion->stage == stage->id);
    REQUIRE(emotion->score.has_value());
    CHECK(*emotion->score == 2);
}
