// cjm-bench: how long the things a user waits for take on generated maps of
// 1,000 / 10,000 / 50,000 cards, and how much memory they need. Prints one
// Markdown table row per measurement: the median of several runs, the floor
// it is compared with where there is one (the bare JSON library), and the
// peak resident memory of the process while it ran.
//
//   cjm-bench [--sizes 1000,10000,50000] [--runs N] [--only NAME]
//
// `--only undo` ends with the memory of typing in the Inspector on a card with
// an 8 MiB picture, as a row and as the line
// "undo memory, 50 keystrokes on a card with an 8 MiB picture: N KiB".
//
// `--only team` measures the team library instead (tests/team/team_bench_run.hpp:
// a remote edit's latency with 2 and 20 clients, opening a 10,000-card map from
// the server against a file, operations per second) against the PostgreSQL
// server that the environment variable CJM_TEAM_DB names (a libpq connection
// string of a role that may create maps, after `cjm team init`).
//
// Not a test: nothing here passes or fails. docs/performance.md shows the
// table and the targets it is read against.

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QUndoStack>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <malloc.h>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "cjm/document_io.hpp"
#include "cjm/edit.hpp"
#include "cjm/file_io.hpp"
#include "document_controller.hpp"
#include "edit_command.hpp"
#include "inspector_panel.hpp"
#include "map_exporter.hpp"
#include "map_generator.hpp"
#include "map_layout.hpp"
#include "map_scene.hpp"
#include "map_view.hpp"
#include "team_bench_run.hpp"

using namespace cjm;

namespace {

// Peak resident memory (VmHWM), reset before each measurement by writing 5
// to /proc/self/clear_refs (Linux ≥ 4.0), so each row shows its own peak.
void resetPeakMemory() { std::ofstream("/proc/self/clear_refs") << "5"; }
double memoryMiB(const char *field)
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind(field, 0) == 0)
            return std::stod(line.substr(std::string(field).size())) / 1024.0;
    return 0;
}
double peakMemoryMiB() { return memoryMiB("VmHWM:"); }
// Bytes the program holds on the heap: unlike the resident size, it goes up
// by what is kept even when freed memory is reused.
double heapInUseMiB() { return static_cast<double>(mallinfo2().uordblks) / (1024.0 * 1024.0); }

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// Runs `setup` (untimed) then `work` (timed) `runs` times; the median in ms.
double timeIt(int runs, const std::function<void()> &setup, const std::function<void()> &work)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        if (setup)
            setup();
        QElapsedTimer timer;
        timer.start();
        work();
        times.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    return median(times);
}

struct Row {
    std::string measure;
    std::size_t cards = 0;
    double ms = 0;
    std::optional<double> floorMs; // the bare library's time for the same job
    std::string floorName;
    double peakMiB = 0;
    std::string note;
};

void printHeader()
{
    std::printf("| measurement | cards | median ms | floor | floor ms | ratio | peak MiB | note |\n");
    std::printf("|---|---:|---:|---|---:|---:|---:|---|\n");
    std::fflush(stdout);
}

void printRow(const Row &row)
{
    std::string floorMs = "", ratio = "";
    if (row.floorMs) {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.1f", *row.floorMs);
        floorMs = buffer;
        std::snprintf(buffer, sizeof buffer, "%.2f×", row.ms / std::max(*row.floorMs, 1e-6));
        ratio = buffer;
    }
    std::printf("| %s | %zu | %.2f | %s | %s | %s | %.0f | %s |\n", row.measure.c_str(), row.cards, row.ms,
                row.floorName.c_str(), floorMs.c_str(), ratio.c_str(), row.peakMiB, row.note.c_str());
    std::fflush(stdout);
}

std::string readBytes(const QString &path)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Sends a mouse event to the view's viewport as a real one would arrive.
void sendMouse(MapView &view, QEvent::Type type, const QPoint &pos, Qt::MouseButtons buttons)
{
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent event(type, QPointF(pos), view.viewport()->mapToGlobal(QPointF(pos)), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(view.viewport(), &event);
}

// The editor's canvas on a map, shown at the bench's window size.
struct Canvas {
    DocumentController controller;
    MapScene scene{&controller};
    MapView view{&scene};
    explicit Canvas(const Document &map)
    {
        controller.resetDocument(map, QString());
        view.resize(1600, 1000);
        view.show();
        QApplication::processEvents();
    }
};

class Bench {
public:
    Bench(int runs, std::string only, QString keepMapsIn)
        : m_runs(runs), m_only(std::move(only)), m_keepMapsIn(std::move(keepMapsIn))
    {
    }

    void runSize(std::size_t cards)
    {
        const Document map = bench::generateMap(bench::shapeFor(cards));
        const int runs = cards >= 50000 ? std::max(3, m_runs / 2) : m_runs;
        const QString path = m_dir.filePath(QStringLiteral("map-%1.cjm").arg(cards));
        const std::string canonical = writeDocument(map);
        defaultFileSystem().writeAtomically(path.toStdString(), canonical);
        if (!m_keepMapsIn.isEmpty()) // for measuring `cjm export` and the editor on the same maps
            defaultFileSystem().writeAtomically(
                QDir(m_keepMapsIn).filePath(QStringLiteral("map-%1.cjm").arg(cards)).toStdString(), canonical);

        if (wanted("open")) {
            resetPeakMemory();
            const double ms = timeIt(runs, {}, [&] {
                auto result = readDocumentFile(path.toStdString());
                if (!result.ok())
                    std::fprintf(stderr, "generated map does not read back\n");
            });
            const double peak = peakMemoryMiB();
            const double floor = timeIt(runs, {}, [&] {
                volatile auto size = nlohmann::json::parse(readBytes(path)).size();
                (void)size;
            });
            print({"open (read, parse, validate, build)", cards, ms, floor, "nlohmann::json::parse", peak,
                   std::to_string(canonical.size() / 1024) + " KiB file"});
        }
        if (wanted("save")) {
            const nlohmann::json parsed = nlohmann::json::parse(canonical);
            resetPeakMemory();
            const QString out = m_dir.filePath(QStringLiteral("saved.cjm"));
            const double ms =
                timeIt(runs, {}, [&] { defaultFileSystem().writeAtomically(out.toStdString(), writeDocument(map)); });
            const double peak = peakMemoryMiB();
            const double floor = timeIt(runs, {}, [&] {
                volatile auto size = parsed.dump(2).size();
                (void)size;
            });
            print({"save (canonical bytes, atomic file with fsync)", cards, ms, floor, "json::dump(2), no file", peak,
                   ""});
        }
        if (wanted("layout")) {
            resetPeakMemory();
            const double ms = timeIt(runs, {}, [&] {
                MapLayout first; // every card's text measured
                first.rebuild(map);
            });
            print({"layout of the whole map", cards, ms, {}, "", peakMemoryMiB(), "as when a map opens"});
            MapLayout layout;
            layout.rebuild(map);
            const double again = timeIt(runs, {}, [&] { layout.rebuild(map); });
            print({"layout again after a structure change",
                   cards,
                   again,
                   {},
                   "",
                   peakMemoryMiB(),
                   "cards' measures kept (a stage moved, a lane hidden)"});
            Document edited = map;
            const std::string id = edited.cards()[edited.cards().size() / 2].id;
            int round = 0;
            const double relayout = timeIt(runs * 4, {}, [&] {
                std::string text = edited.card(id)->text;
                text += round++ % 2 ? " (longer text, so the card may grow a line)" : "";
                setField(fields::card::text, id, std::move(text))->apply(edited);
                layout.updateCards(edited, {id});
            });
            print({"relayout after editing one card's text", cards, relayout, {}, "", peakMemoryMiB(), ""});
        }
        if (wanted("window"))
            windowMeasures(map, cards, runs);
        if (wanted("drag"))
            dragMeasure(map, cards, runs);
        if (wanted("export"))
            exportMeasures(map, cards, runs);
        if (wanted("undo"))
            undoMeasures(map, cards);
    }

    // Typing in the Inspector's text field on a card whose picture is 8 MiB:
    // 50 keys into the real widget, as the user's keys arrive. The undo step
    // they make holds what the edits report (exact), and the process's
    // resident memory grows by about that (a cross-check, with the noise of
    // the first layout and paint).
    void typingMeasure()
    {
        if (!wanted("undo"))
            return;
        constexpr int kKeys = 50;
        Journey journey;
        journey.id = "j1";
        journey.title = "One card with a picture";
        Persona persona;
        persona.id = "p1";
        persona.name = "Customer";
        Stage stage;
        stage.id = "s1";
        stage.name = "Purchase";
        Card card;
        card.id = "c1";
        card.persona = "p1";
        card.stage = "s1";
        card.lane = "l1";
        card.text = "Checkout page";
        card.image = eightMiBPicture();
        const Document map = Document::fromParts(journey, {persona}, {stage}, {Lane::make("l1", LaneKind::Touchpoints)},
                                                 {std::move(card)});

        DocumentController controller;
        controller.resetDocument(map, QString());
        MapScene scene(&controller);
        InspectorPanel inspector(&controller, &scene);
        inspector.resize(400, 800);
        inspector.show();
        scene.setCardSelected("c1", true);
        QApplication::processEvents();
        auto *text = inspector.findChild<QPlainTextEdit *>(QStringLiteral("Text"));
        if (!text || inspector.target() != InspectorPanel::Target::Card) {
            std::fprintf(stderr, "the inspector does not show the card's text\n");
            return;
        }
        text->setFocus();
        text->moveCursor(QTextCursor::End);
        QApplication::processEvents();

        const std::size_t stackBefore = undoStackBytes(*controller.undoStack());
        const double residentBefore = memoryMiB("VmRSS:");
        resetPeakMemory();
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < kKeys; ++i) {
            const QString key(QChar(u'a' + i % 26));
            QKeyEvent press(QEvent::KeyPress, Qt::Key_A + i % 26, Qt::NoModifier, key);
            QApplication::sendEvent(text, &press);
            QKeyEvent release(QEvent::KeyRelease, Qt::Key_A + i % 26, Qt::NoModifier, key);
            QApplication::sendEvent(text, &release);
        }
        QApplication::processEvents();
        const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        const double residentGrowth = memoryMiB("VmRSS:") - residentBefore;
        const std::size_t stackBytes = undoStackBytes(*controller.undoStack()) - stackBefore;
        const std::size_t typed = controller.document().card("c1")->text.size() - map.card("c1")->text.size();

        char note[160];
        std::snprintf(note, sizeof note,
                      "%zu keys typed, %d undo step holding %zu bytes; resident memory grew %.1f MiB", typed,
                      controller.undoStack()->count(), stackBytes, residentGrowth);
        print({"undo memory, 50 keystrokes in the Inspector, 8 MiB picture", 1, ms, {}, "", peakMemoryMiB(), note});
        m_typingLine = "undo memory, 50 keystrokes on a card with an 8 MiB picture: " +
                       std::to_string((stackBytes + 1023) / 1024) + " KiB";
    }
    // Printed after the table, so the table stays one table.
    void printTypingLine() const
    {
        if (!m_typingLine.empty())
            std::printf("\n%s\n", m_typingLine.c_str());
    }

private:
    bool wanted(const char *name) const { return m_only.empty() || m_only == name; }
    void print(const Row &row) { printRow(row); }

    void windowMeasures(const Document &map, std::size_t cards, int runs)
    {
        // Scene build and first paint: what opening a map costs after reading.
        for (bool fit : {true, false}) {
            resetPeakMemory();
            const double ms = timeIt(runs, {}, [&] {
                DocumentController controller;
                controller.resetDocument(map, QString());
                MapScene scene(&controller);
                MapView view(&scene);
                view.resize(1600, 1000);
                view.show(); // the viewport gets its size
                if (fit)
                    view.fitToWindow();
                else
                    view.resetZoom();
                QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
                view.viewport()->render(&image);
            });
            print({fit ? "scene build + first paint, fit to window" : "scene build + first paint, 100%",
                   cards,
                   ms,
                   {},
                   "",
                   peakMemoryMiB(),
                   "1600×1000 viewport"});
        }

        Canvas canvas(map);
        DocumentController &controller = canvas.controller;
        MapScene &scene = canvas.scene;
        MapView &view = canvas.view;
        QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);

        view.fitToWindow();
        resetPeakMemory();
        const double repaint = timeIt(runs * 4, {}, [&] { view.viewport()->render(&image); });
        print({"full repaint at fit to window",
               cards,
               repaint,
               {},
               "",
               peakMemoryMiB(),
               "zoom " + std::to_string(static_cast<int>(view.zoom() * 100)) + "%"});
        // The most an edit can cost to repaint: one that moves every row in view.
        view.resetZoom();
        view.centerOn(scene.mapLayout().bounds().center());
        resetPeakMemory();
        const double fullRepaint = timeIt(runs * 4, {}, [&] { view.viewport()->render(&image); });
        print({"full repaint at 100%", cards, fullRepaint, {}, "", peakMemoryMiB(), "the middle of the map"});

        resetPeakMemory();
        const double snapshot = timeIt(runs, {}, [&] {
            Document copy = controller.document();
            volatile std::size_t n = copy.cards().size();
            (void)n;
        });
        print({"autosave's UI-thread part (document snapshot)",
               cards,
               snapshot,
               {},
               "",
               peakMemoryMiB(),
               "the write runs on a worker"});
    }

    // Drags the first card of a cell to the next stage's cell and back,
    // through the real select tool, each move followed by the repaint it
    // causes. Returns the median step and, as its floor, the same window
    // repainted whole the way the drag's repaint arrives (an update, then
    // the event loop), both in ms.
    // `rowResized`: whether a step changed the height of the card's row.
    static std::pair<double, double> dragSteps(MapView &view, const MapLayout &layout, int band, int row, int stage,
                                               int runs, bool *rowResized = nullptr)
    {
        const QRectF cardRect = *layout.cardRect(layout.cardsInCell(band, row, stage).front().cardId);
        view.centerOn(cardRect.center());
        QApplication::processEvents();
        const double fullRepaint = timeIt(runs * 10, {}, [&] {
            view.viewport()->update();
            QApplication::processEvents();
        });
        const QPointF left = layout.cellRect(band, row, stage).center();
        const QPointF right = layout.cellRect(band, row, stage + 1).center();
        sendMouse(view, QEvent::MouseButtonPress, view.mapFromScene(cardRect.center()), Qt::LeftButton);
        sendMouse(view, QEvent::MouseMove, view.mapFromScene(cardRect.center()) + QPoint(12, 0), Qt::LeftButton);
        QApplication::processEvents();
        int step = 0;
        const qreal rowHeight = layout.bands()[band].rows[row].height;
        bool resized = false;
        const double drag = timeIt(runs * 10, {}, [&] {
            const QPointF target = step++ % 2 ? left : right;
            sendMouse(view, QEvent::MouseMove, view.mapFromScene(target), Qt::LeftButton);
            QApplication::processEvents(); // the repaint of what changed
            resized = resized || layout.bands()[band].rows[row].height != rowHeight;
        });
        if (rowResized)
            *rowResized = resized;
        sendMouse(view, QEvent::MouseButtonRelease, view.mapFromScene(left), Qt::NoButton);
        QApplication::processEvents();
        return {drag, fullRepaint};
    }

    void dragMeasure(const Document &map, std::size_t cards, int runs)
    {
        Canvas canvas(map);
        MapView &view = canvas.view;
        view.resetZoom();
        const MapLayout &layout = canvas.scene.mapLayout();
        const int band = 0, row = 0; // the touchpoint row of the first persona
        const int middle = static_cast<int>(layout.stages().size()) / 2;
        if (layout.cardsInCell(band, row, middle).empty())
            return;
        // Target (issue 16): a drag step at most half a full repaint, as it
        // repaints the cells it touched, not the window.
        resetPeakMemory();
        // Into a cell that holds a card: the row grows and shrinks at each
        // step, so every row below moves (the view moves their pixels).
        bool rowResized = false;
        const auto [drag, floor] = dragSteps(view, layout, band, row, middle, runs, &rowResized);
        print({"one drag step (hit test, edit, relayout, repaint)", cards, drag, floor, "full repaint at 100%",
               peakMemoryMiB(),
               std::string("card moved into the next, full cell; ") +
                   (rowResized ? "its row grows, the rows below move; target ratio ≤ 0.50"
                               : "its row keeps its height; target ratio ≤ 0.50")});
        // Into a cell with room: the row keeps its height, only the two
        // cells (and the stage row frozen at the top) repaint. The first
        // such move in the map: a card whose leaving does not shrink its
        // row, into the next cell whose height with it stays within the row.
        const MapMetrics &m = layout.style().metrics;
        const int stages = static_cast<int>(layout.stages().size());
        auto contentHeight = [&](int b, int r, int s) {
            const auto &cell = layout.cardsInCell(b, r, s);
            return cell.empty() ? 0.0 : cell.back().rect.bottom() + m.cellPadding;
        };
        for (int b = 0; b < static_cast<int>(layout.bands().size()); ++b)
            for (int r = 0; r < static_cast<int>(layout.bands()[b].rows.size()); ++r) {
                const auto &laneRow = layout.bands()[b].rows[r];
                if (laneRow.kind == LaneKind::Emotions)
                    continue;
                for (int stage = 0; stage + 1 < stages; ++stage) {
                    const auto &cell = layout.cardsInCell(b, r, stage);
                    if (cell.empty())
                        continue;
                    const qreal card = cell.front().rect.height() + m.cardGap;
                    const qreal target = layout.cardsInCell(b, r, stage + 1).empty()
                                             ? 2 * m.cellPadding + cell.front().rect.height()
                                             : contentHeight(b, r, stage + 1) + card;
                    qreal rowHeight = std::max<qreal>(m.rowMinHeight, target);
                    for (int s = 0; s < stages; ++s)
                        if (s != stage + 1)
                            rowHeight = std::max(rowHeight,
                                                 s == stage ? contentHeight(b, r, s) - card : contentHeight(b, r, s));
                    if (rowHeight != laneRow.height)
                        continue;
                    resetPeakMemory();
                    const auto [step, full] = dragSteps(view, layout, b, r, stage, runs);
                    print({"one drag step, the row keeping its height", cards, step, full, "full repaint at 100%",
                           peakMemoryMiB(), "card moved into the next cell, which has room; target ratio ≤ 0.50"});
                    return;
                }
            }
    }

    void exportMeasures(const Document &map, std::size_t cards, int runs)
    {
        struct Format {
            const char *name;
            ExportFormat format;
            const char *suffix;
        };
        for (const Format &format : {Format{"export PNG at 1×", ExportFormat::Png, "png"},
                                     Format{"export PDF, fit to page", ExportFormat::Pdf, "pdf"},
                                     Format{"export SVG", ExportFormat::Svg, "svg"}}) {
            ExportOptions options;
            options.format = format.format;
            const QString out = m_dir.filePath(QStringLiteral("export.") + QLatin1String(format.suffix));
            resetPeakMemory();
            std::string note;
            const double ms = timeIt(std::max(1, runs / 2), {}, [&] {
                const ExportResult result = exportMap(map, options, out);
                note = result.ok ? (result.pixelSize.isValid() ? std::to_string(result.pixelSize.width()) + "×" +
                                                                     std::to_string(result.pixelSize.height()) + " px"
                                                               : std::to_string(QFileInfo(out).size() / 1024) + " KiB")
                                 : "failed: " + result.error.toStdString();
            });
            print({format.name, cards, ms, {}, "", peakMemoryMiB(), note});
        }
    }

    void undoMeasures(const Document &map, std::size_t cards)
    {
        constexpr int kEdits = 10000;
        DocumentController controller;
        controller.resetDocument(map, QString());
        MapScene scene(&controller); // undo redraws what it touches, as in the editor
        const auto &all = controller.document().cards();
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < kEdits; ++i)
            ids.push_back(all[(i * 7919) % all.size()].id);
        const double before = heapInUseMiB();
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < kEdits; ++i) {
            const std::string &id = ids[static_cast<std::size_t>(i)];
            controller.apply(setField(fields::card::text, id, "Edit " + std::to_string(i) + " 编辑"),
                             QStringLiteral("Edit"));
        }
        const double applyMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        const double stackMiB = heapInUseMiB() - before;
        const double heldMiB = static_cast<double>(undoStackBytes(*controller.undoStack())) / (1024.0 * 1024.0);
        resetPeakMemory();
        timer.restart();
        controller.undoStack()->setIndex(0);
        const double undoMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        print({"apply 10,000 edits one by one", cards, applyMs, {}, "", peakMemoryMiB(), "each its own undo step"});
        char note[128];
        std::snprintf(note, sizeof note, "undo stack after 10,000 edits: %.1f MiB (its edits hold %.1f MiB)", stackMiB,
                      heldMiB);
        print({"undo 10,000 edits", cards, undoMs, {}, "", peakMemoryMiB(), note});
    }

    // A PNG of 8 MiB (a header the reader accepts, then random bytes that
    // do not compress), as base64 the way a card holds it: 11 MiB.
    static Image eightMiBPicture()
    {
        QByteArray raw("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x02\x80\0\0\x01\xe0\x08\x06\0\0\0", 29);
        std::mt19937 random(8);
        raw.reserve(8 * 1024 * 1024);
        while (raw.size() < 8 * 1024 * 1024)
            raw.append(static_cast<char>(random() & 0xFF));
        return Image{"image/png", raw.toBase64().toStdString(), {}};
    }

    std::string m_typingLine;
    int m_runs;
    std::string m_only;
    QString m_keepMapsIn;
    QTemporaryDir m_dir;
};

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::vector<std::size_t> sizes = {1000, 10000, 50000};
    int runs = 5;
    std::string only;
    QString keepMapsIn;
    const QStringList args = QApplication::arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QStringLiteral("--sizes") && i + 1 < args.size()) {
            sizes.clear();
            for (const QString &size : args[++i].split(QLatin1Char(',')))
                sizes.push_back(size.toULongLong());
        } else if (args[i] == QStringLiteral("--runs") && i + 1 < args.size()) {
            runs = std::max(1, args[++i].toInt());
        } else if (args[i] == QStringLiteral("--only") && i + 1 < args.size()) {
            only = args[++i].toStdString();
        } else if (args[i] == QStringLiteral("--keep-maps") && i + 1 < args.size()) {
            keepMapsIn = args[++i];
        } else {
            std::fprintf(stderr, "usage: cjm-bench [--sizes 1000,10000,50000] [--runs N] "
                                 "[--only open|save|layout|window|drag|export|undo|team] [--keep-maps DIR]\n");
            return 2;
        }
    }
    if (only == "team") {
        // It needs a server; the map benchmarks above need none, so it runs only when asked for.
        const char *conninfo = std::getenv("CJM_TEAM_DB");
        if (!conninfo || !*conninfo) {
            std::fprintf(stderr, "cjm-bench --only team: set CJM_TEAM_DB to a libpq connection string of a role that "
                                 "may create maps, after cjm team init (scripts/team-server --role alice prints "
                                 "one)\n");
            return 2;
        }
        return runTeamBench(conninfo);
    }
    Bench bench(runs, only, keepMapsIn);
    printHeader();
    for (std::size_t size : sizes)
        bench.runSize(size);
    bench.typingMeasure();
    bench.printTypingLine();
    return 0;
}
