#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QPrinter>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QUrl>
#include <cmath>
#include <functional>

#include "cjm/document_io.hpp"
#include "cjm/edit.hpp"
#include "document_controller.hpp"
#include "export_dialog.hpp"
#include "insights_panel.hpp"
#include "main_window.hpp"
#include "map_exporter.hpp"
#include "map_operations.hpp"
#include "map_scene.hpp"
#include "map_view.hpp"
#include "qt_text.hpp"

using namespace cjm;

namespace {

QString samplePath(const char *name) { return QStringLiteral(CJM_SAMPLES_DIR "/") + QLatin1String(name); }

// Runs `action`, answering the modal dialog it opens with `inspect`, which
// gets the message box and then closes it.
void withModalDialog(const std::function<void()> &action, const std::function<void(QMessageBox *)> &inspect)
{
    bool seen = false;
    QTimer::singleShot(0, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (box) {
            seen = true;
            inspect(box);
            box->done(QMessageBox::Ok);
        }
    });
    action();
    CHECK(seen);
}

std::size_t visibleCardCount(const Document &doc)
{
    std::size_t n = 0;
    for (const Card &card : doc.cards())
        n += !doc.lane(card.lane)->hidden;
    return n;
}

bool nearColor(QColor a, QColor b, int tolerance = 20)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

} // namespace

TEST_CASE("each sample opens with every visible card laid out and none of the hidden ones", "[app]")
{
    for (const char *name : {"ecommerce-en.cjm", "retail-zh.cjm"}) {
        INFO(name);
        MainWindow window;
        REQUIRE(window.loadFile(samplePath(name)));
        const Document &doc = window.controller()->document();
        CHECK(window.scene()->shownCardCount() == visibleCardCount(doc));
        for (const Card &card : doc.cards()) {
            INFO(card.id);
            const Lane *lane = doc.lane(card.lane);
            CHECK(window.scene()->isCardShown(card.id) == (lane && !lane->hidden));
        }
        CHECK(window.windowTitle().startsWith(QLatin1String(name)));
        CHECK_FALSE(window.isWindowModified());
    }
}

TEST_CASE("a hidden lane's cards are not shown", "[app]")
{
    MainWindow window;
    REQUIRE(window.loadFile(samplePath("ecommerce-en.cjm")));
    Lane lane = window.controller()->document().lanes().front();
    lane.hidden = true;
    REQUIRE(window.controller()->apply(updateLane(lane), QStringLiteral("Hide lane")));
    CHECK(window.scene()->shownCardCount() == visibleCardCount(window.controller()->document()));
    CHECK(window.scene()->shownCardCount() < window.controller()->document().cards().size());
    for (const Card &card : window.controller()->document().cards())
        if (card.lane == lane.id)
            CHECK_FALSE(window.scene()->isCardShown(card.id));
}

TEST_CASE("an invalid file opens nothing and the dialog names the places", "[app]")
{
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.cjm"));
    QFile file(bad);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(R"({"format":"cjm","version":1,"journey":{"id":"j"},"personas":[{"id":"p","name":"P"}],
      "stages":[{"id":"s","name":"S"}],"lanes":[{"id":"l","kind":"notes"}],
      "cards":[{"id":"c","persona":"p","stage":"nowhere","lane":"l"}]})");
    file.close();
    MainWindow window;
    const std::string before = writeDocument(window.controller()->document());
    withModalDialog([&] { CHECK_FALSE(window.loadFile(bad)); },
                    [](QMessageBox *box) {
                        CHECK(box->text().contains(QStringLiteral("“bad.cjm” could not be opened")));
                        CHECK(box->informativeText().contains(
                            QStringLiteral("/cards/0/stage: there is no stage with the id \"nowhere\"")));
                        CHECK(box->textFormat() == Qt::PlainText);
                    });
    CHECK(writeDocument(window.controller()->document()) == before);

    const QString broken = dir.filePath(QStringLiteral("broken.cjm"));
    QFile syntax(broken);
    REQUIRE(syntax.open(QIODevice::WriteOnly));
    syntax.write("{\n  \"format\": \"cjm\",\n  \"version\": 1\n  \"journey\": {}\n}\n");
    syntax.close();
    withModalDialog(
        [&] { CHECK_FALSE(window.loadFile(broken)); },
        [](QMessageBox *box) { CHECK(box->informativeText().contains(QStringLiteral("line 4, column 3"))); });
}

TEST_CASE("the modified marker follows the undo stack's clean state", "[app]")
{
    MainWindow window;
    REQUIRE(window.loadFile(samplePath("ecommerce-en.cjm")));
    DocumentController *controller = window.controller();
    const std::string original = writeDocument(controller->document());
    Card card = controller->document().cards().front();
    card.text = "Edited on the canvas";
    REQUIRE(controller->apply(updateCard(card), QStringLiteral("Edit card")));
    CHECK(window.isWindowModified());
    CHECK(window.windowTitle().contains(QStringLiteral("[*]")));
    controller->undoStack()->undo();
    CHECK_FALSE(window.isWindowModified());
    CHECK(writeDocument(controller->document()) == original);
    controller->undoStack()->redo();
    CHECK(window.isWindowModified());
    CHECK(controller->document().card(card.id)->text == "Edited on the canvas");
}

TEST_CASE("an edit that does not fit is not pushed", "[app]")
{
    MainWindow window;
    DocumentController *controller = window.controller();
    CHECK_FALSE(controller->apply(removeCard("no-such-card"), QStringLiteral("Remove")));
    CHECK(controller->undoStack()->count() == 0);
    CHECK_FALSE(window.isWindowModified());
}

namespace {
// What the canvas shows now: the window's backing store after the repaints
// the last change caused. An edit repaints only the area it changed, so a
// missed area would show stale pixels here.
QImage shownOnScreen(MapView *view)
{
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
    QWidget *top = view->window();
    const QPoint at = view->viewport()->mapTo(top, QPoint(0, 0));
    return top->screen()
        ->grabWindow(top->winId(), at.x(), at.y(), view->viewport()->width(), view->viewport()->height())
        .toImage()
        .convertToFormat(QImage::Format_RGB32);
}

// The canvas painted afresh, all of it.
QImage paintedAfresh(MapView *view) { return view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32); }
} // namespace

TEST_CASE("after each edit the window shows what a full repaint shows, and the layout matches a fresh one", "[app]")
{
    MainWindow window;
    REQUIRE(window.loadFile(samplePath("ecommerce-en.cjm")));
    window.resize(1400, 900);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    MapView *view = window.view();
    view->resetZoom();
    DocumentController *controller = window.controller();
    const MapLayout &layout = window.scene()->mapLayout();
    const Document &doc = controller->document();
    auto check = [&](const char *step) {
        INFO(step);
        const QImage shown = shownOnScreen(view);
        REQUIRE_FALSE(shown.isNull());
        const QImage afresh = paintedAfresh(view);
        if (view->zoom() == 1.0) {
            CHECK(shown == afresh);
        } else {
            // Zoomed out, a block cut by a repainted area's edge may round a
            // channel by a level there (Qt's rasterizer); stale pixels differ by far more.
            int largest = 0;
            for (int y = 0; y < shown.height(); ++y)
                for (int x = 0; x < shown.width(); ++x) {
                    const QRgb a = shown.pixel(x, y), b = afresh.pixel(x, y);
                    largest = std::max({largest, std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                                        std::abs(qBlue(a) - qBlue(b))});
                }
            CHECK(largest <= 2);
        }
        if (shown != afresh && qEnvironmentVariableIsSet("CJM_DUMP_REPAINTS")) {
            shown.save(QStringLiteral("/tmp/shown-%1.png").arg(QLatin1String(step).left(12)));
            afresh.save(QStringLiteral("/tmp/afresh-%1.png").arg(QLatin1String(step).left(12)));
        }
        MapLayout fresh;
        fresh.rebuild(doc);
        CHECK(fresh.bounds() == layout.bounds());
        for (const Card &c : doc.cards()) {
            INFO(c.id);
            CHECK(fresh.cardRect(c.id) == layout.cardRect(c.id));
        }
    };
    // Look at the first band's touchpoints, with rows below them in view.
    view->ensureVisible(layout.cellRect(0, 0, 1), 10, 10);
    check("opened");

    Card grown = doc.cards().at(2);
    grown.text = "A long text that needs several lines, so that the card grows taller and the row grows with it and "
                 "everything below moves down";
    REQUIRE(controller->apply(updateCard(grown), QStringLiteral("Edit")));
    check("a card's text grew its row");

    const Card &moving = doc.cards().at(5);
    const std::string movingId = moving.id;
    std::vector<std::string> touched{movingId};
    for (const Card *c : doc.cardsInCell(moving.persona, doc.stages().at(1).id, moving.lane))
        touched.push_back(c->id);
    REQUIRE(controller->apply(moveCard(movingId, moving.persona, doc.stages().at(1).id, moving.lane, 0),
                              QStringLiteral("Move")));
    check("a card moved to another cell");

    window.scene()->setSelectedCards({movingId, grown.id});
    check("two cards selected");
    window.scene()->setHighlightedCards({doc.cards().at(0).id});
    check("a card highlighted by Find");

    for (const Card &c : doc.cards())
        if (doc.cardKind(c) == LaneKind::Emotions) {
            Card happier = c;
            happier.score = c.score.value_or(0) >= 0 ? -3 : 3;
            REQUIRE(controller->apply(updateCard(happier), QStringLiteral("Emotion")));
            break;
        }
    check("an emotion changed (the curve and the lowest moment move)");

    const std::string removed = doc.cards().at(7).id;
    REQUIRE(controller->apply(removeCard(removed), QStringLiteral("Remove")));
    CHECK_FALSE(window.scene()->isCardShown(removed));
    check("a card removed");

    controller->undoStack()->undo();
    CHECK(window.scene()->isCardShown(removed));
    check("the removal undone");

    window.scene()->setShowHeatStrip(true);
    view->verticalScrollBar()->setValue(view->verticalScrollBar()->value() + 150); // the stage row frozen at the top
    view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->value() +
                                          300); // and the lane labels at the left
    check("scrolled, headers frozen");
    Card pain;
    for (const Card &c : doc.cards())
        if (doc.cardKind(c) == LaneKind::PainPoints) {
            pain = c;
            break;
        }
    REQUIRE_FALSE(pain.id.empty());
    pain.severity = pain.severity >= 3 ? 1 : 3; // 1 to 3: an edit refuses what a file may not hold
    pain.text += " — and much longer now, so that its row grows and the band under the frozen persona name grows";
    REQUIRE(controller->apply(updateCard(pain), QStringLiteral("Edit")));
    check("a pain point changed under frozen headers (the heat strip and the band change)");

    // Names and colours repaint, frozen headers included, and lay nothing out.
    QSignalSpy relayouts(window.scene(), &MapScene::layoutChanged);
    Stage stage = doc.stages().at(1);
    stage.name = "调研 Research";
    stage.color = "#aa3377";
    REQUIRE(controller->apply(updateStage(stage), QStringLiteral("Rename")));
    Persona persona = doc.personas().at(0);
    persona.name = "Renamed persona";
    persona.color = "#117733";
    REQUIRE(controller->apply(updatePersona(persona), QStringLiteral("Rename")));
    check("a stage and a persona renamed and recoloured");
    CHECK(relayouts.count() == 0);

    // Zoomed out with the lane labels in view: a row that grows changes its
    // label's font, which must be repainted whole.
    view->setZoom(0.3);
    view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->minimum());
    view->verticalScrollBar()->setValue(view->verticalScrollBar()->minimum());
    check("zoomed out");
    // The shortest row of the first band that has a card: its label's font grows with it.
    Card thought;
    qreal shortest = 1e9;
    const auto &band0 = layout.bands().at(0);
    for (std::size_t r = 0; r < band0.rows.size(); ++r) {
        if (band0.rows[r].kind == LaneKind::Emotions || band0.rows[r].height >= shortest)
            continue;
        for (std::size_t st = 0; st < layout.stages().size(); ++st) {
            const auto &cell = layout.cardsInCell(0, static_cast<int>(r), static_cast<int>(st));
            if (!cell.empty()) {
                thought = *doc.card(cell.front().cardId);
                shortest = band0.rows[r].height;
                break;
            }
        }
    }
    REQUIRE_FALSE(thought.id.empty());
    thought.text = "A thought that goes on and on, so that the card needs all of its lines and the row grows: " +
                   std::string(200, 'x');
    REQUIRE(controller->apply(updateCard(thought), QStringLiteral("Edit")));
    check("a row grew while zoomed out");
    CHECK(window.scene()->shownCardCount() == visibleCardCount(doc));
}

TEST_CASE("saving writes the canonical bytes; a failed save keeps the map modified", "[app]")
{
    QTemporaryDir dir;
    MainWindow window;
    REQUIRE(window.loadFile(samplePath("retail-zh.cjm")));
    DocumentController *controller = window.controller();
    Journey journey = controller->document().journey();
    journey.title = "门店零售客户旅程（修订）";
    REQUIRE(controller->apply(setJourney(journey), QStringLiteral("Rename")));
    const QString target = dir.filePath(QStringLiteral("saved.cjm"));
    REQUIRE(window.saveFile(target));
    CHECK_FALSE(window.isWindowModified());
    QFile saved(target);
    REQUIRE(saved.open(QIODevice::ReadOnly));
    CHECK(saved.readAll().toStdString() == writeDocument(controller->document()));
    CHECK(controller->filePath() == target);
    CHECK(MainWindow::recentFiles().value(0) == target);

    journey.title = "again";
    REQUIRE(controller->apply(setJourney(journey), QStringLiteral("Rename")));
    withModalDialog([&] { CHECK_FALSE(window.saveFile(dir.filePath(QStringLiteral("gone/saved.cjm")))); },
                    [](QMessageBox *box) {
                        CHECK(box->informativeText().contains(QStringLiteral("does not exist any more")));
                        CHECK(box->informativeText().contains(QStringLiteral("still open")));
                    });
    CHECK(window.isWindowModified());
    CHECK(controller->filePath() == target);
}

TEST_CASE("zoom: steps, 100%, fit to window, Ctrl+wheel", "[app][view]")
{
    MainWindow window;
    window.resize(1200, 800);
    REQUIRE(window.loadFile(samplePath("ecommerce-en.cjm")));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    MapView *view = window.view();
    view->resetZoom();
    CHECK(view->zoom() == Approx(1.0));
    view->zoomIn();
    CHECK(view->zoom() == Approx(1.25));
    view->zoomOut();
    CHECK(view->zoom() == Approx(1.0));
    view->fitToWindow();
    const QRectF bounds = window.scene()->mapLayout().bounds();
    CHECK(bounds.width() * view->zoom() <= view->viewport()->width());
    CHECK(bounds.height() * view->zoom() <= view->viewport()->height());
    const qreal fitted = view->zoom();
    QWheelEvent wheel(QPointF(100, 100), view->viewport()->mapToGlobal(QPointF(100, 100)), QPoint(), QPoint(0, 120),
                      Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
    CHECK(view->zoom() > fitted);
    for (int i = 0; i < 100; ++i)
        view->zoomOut();
    CHECK(view->zoom() == Approx(MapView::kMinZoom));
}

TEST_CASE("the stage header row stays at the top of the window when the map scrolls", "[app][view]")
{
    MainWindow window;
    window.resize(1000, 700);
    REQUIRE(window.loadFile(samplePath("ecommerce-en.cjm")));
    for (QDockWidget *dock : window.findChildren<QDockWidget *>())
        dock->hide(); // the canvas alone, so the probes fall inside it
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    MapView *view = window.view();
    view->resetZoom();
    view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
    view->horizontalScrollBar()->setValue(0);
    QApplication::processEvents();
    const QImage image = view->viewport()->grab().toImage();
    const MapLayout &layout = window.scene()->mapLayout();
    // The coloured bar on top of each stage header, now pinned at y 0..5.
    const QRectF header = layout.stageHeaderRect(0);
    const QPoint probe = view->mapFromScene(header.center());
    CHECK(nearColor(image.pixelColor(probe.x(), 2), window.scene()->mapPainter().stageColor(0)));
    // And the persona column is pinned on the left after scrolling right.
    view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->maximum());
    QApplication::processEvents();
    if (view->horizontalScrollBar()->maximum() > 0) {
        const QImage scrolled = view->viewport()->grab().toImage();
        const int band = layout.bandRange(view->mapToScene(0, 300).y(), view->mapToScene(0, 300).y()).first;
        if (band >= 0)
            CHECK(nearColor(scrolled.pixelColor(2, 300), window.scene()->mapPainter().personaColor(band)));
    }
}

TEST_CASE("dropping a .cjm file on a new window opens it there", "[app]")
{
    MainWindow window;
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(samplePath("retail-zh.cjm"))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    CHECK(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    CHECK(window.controller()->document().journey().title == "门店零售客户旅程");

    QMimeData other;
    other.setUrls({QUrl::fromLocalFile(QStringLiteral("/tmp/picture.png"))});
    QDragEnterEvent refuse(QPoint(10, 10), Qt::CopyAction, &other, Qt::LeftButton, Qt::NoModifier);
    refuse.setAccepted(false);
    QApplication::sendEvent(&window, &refuse);
    CHECK_FALSE(refuse.isAccepted());
}

TEST_CASE("a card whose text is cut short shows the full text, escaped, in its tooltip", "[app]")
{
    MainWindow window;
    REQUIRE(window.loadFile(samplePath("ecommerce-en.cjm")));
    Card card = window.controller()->document().cards().front();
    card.text = "<img src=x onerror=alert(1)> " + std::string(600, 'w');
    REQUIRE(window.controller()->apply(updateCard(card), QStringLiteral("Edit")));
    const QString tip = window.scene()->cardToolTip(card.id);
    CHECK(tip.contains(QStringLiteral("&lt;img src=x")));
    CHECK_FALSE(tip.contains(QStringLiteral("<img")));
}

TEST_CASE("a new window holds a blank map with default stages and lanes", "[app]")
{
    MainWindow window;
    const Document &doc = window.controller()->document();
    CHECK(doc.stages().size() == 5);
    CHECK(doc.personas().size() == 1);
    CHECK(doc.lanes().size() >= 5);
    CHECK(doc.cards().empty());
    CHECK(window.controller()->isPristine());
    CHECK(readDocument(writeDocument(doc)).ok());
    CHECK(window.windowTitle().startsWith(QStringLiteral("Untitled")));
}

TEST_CASE("the status bar counts personas, stages and cards in plain English", "[app]")
{
    MainWindow window;
    QStringList texts;
    for (QLabel *label : window.statusBar()->findChildren<QLabel *>())
        texts << label->text();
    CHECK(texts.join(QLatin1Char('|')).contains(QStringLiteral("1 persona  ·  5 stages  ·  0 cards")));
    CHECK(texts.contains(QStringLiteral("Zoom 100%"))); // (the team library's link may follow it, hidden)
}

TEST_CASE("an exported PNG looks exactly like the canvas at the same scale", "[app][export]")
{
    MainWindow window;
    REQUIRE(window.loadFile(samplePath("ecommerce-en.cjm")));
    const MapLayout &layout = window.scene()->mapLayout();
    for (qreal scale : {1.0, 2.0}) {
        INFO("scale " << scale);
        QTemporaryDir dir;
        ExportOptions options;
        options.scale = scale;
        const QString path = dir.filePath(QStringLiteral("map.png"));
        REQUIRE(exportMap(window.controller()->document(), options, path).ok);
        const QImage exported = QImage(path).convertToFormat(QImage::Format_ARGB32);

        QImage canvas(exported.size(), QImage::Format_ARGB32);
        canvas.fill(Qt::transparent);
        {
            QPainter painter(&canvas);
            painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                                   QPainter::SmoothPixmapTransform);
            window.scene()->render(&painter, QRectF(QPointF(0, 0), layout.bounds().size() * scale), layout.bounds());
        }
        // Below the title block (exports add the date there): every pixel
        // within a small tolerance, allowing for anti-aliasing at item edges.
        const int top = static_cast<int>(std::ceil(layout.style().metrics.titleHeight * scale));
        qint64 total = 0, different = 0;
        for (int y = top; y < exported.height(); y += 2)
            for (int x = 0; x < exported.width(); x += 2) {
                ++total;
                const QColor a = exported.pixelColor(x, y), b = canvas.pixelColor(x, y);
                if (std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue()) > 24)
                    ++different;
            }
        CHECK(total > 10000);
        CHECK(static_cast<double>(different) / static_cast<double>(total) < 0.002);
    }
}

TEST_CASE("the export dialog shows the options of its format, previews, and remembers the last choices",
          "[app][export]")
{
    MainWindow window;
    REQUIRE(window.loadFile(samplePath("retail-zh.cjm")));
    const Document &doc = window.controller()->document();
    ExportOptions chosen;
    {
        ExportDialog dialog(doc, {doc.cards().front().id});
        ExportOptions pdf;
        pdf.format = ExportFormat::Pdf;
        pdf.paper = PaperSize::A3;
        pdf.orientation = PageOrientation::Portrait;
        pdf.marginMillimetres = 15;
        pdf.pdfLayout = PdfLayout::PerPersona;
        pdf.personaId = doc.personas().at(1).id;
        dialog.setOptions(pdf);
        chosen = dialog.options();
        CHECK(chosen.format == ExportFormat::Pdf);
        CHECK(chosen.paper == PaperSize::A3);
        CHECK(chosen.personaId == doc.personas().at(1).id);
        CHECK(chosen.marginMillimetres == 15);
        QTest::qWait(300); // the preview follows the options after a short pause
        const QImage preview = dialog.previewImage();
        REQUIRE_FALSE(preview.isNull());
        CHECK(preview.height() > preview.width()); // A3 portrait page
        dialog.accept();
    }
    ExportDialog again(doc, {});
    const ExportOptions remembered = again.options();
    CHECK(remembered.format == ExportFormat::Pdf);
    CHECK(remembered.paper == PaperSize::A3);
    CHECK(remembered.orientation == PageOrientation::Portrait);
    CHECK(remembered.marginMillimetres == 15);
    CHECK(remembered.pdfLayout == PdfLayout::PerPersona);
    CHECK(remembered.personaId.empty()); // the scope is per map, not remembered
    CHECK(again.previewImage().height() > again.previewImage().width());
}

TEST_CASE("exporting from the window writes the file or explains why not", "[app][export]")
{
    QTemporaryDir dir;
    MainWindow window;
    REQUIRE(window.loadFile(samplePath("ecommerce-en.cjm")));
    ExportOptions options;
    options.format = ExportFormat::Png;
    CHECK(window.exportTo(options, dir.filePath(QStringLiteral("map.png"))));
    CHECK(QImage(dir.filePath(QStringLiteral("map.png"))).width() > 0);
    withModalDialog([&] { CHECK_FALSE(window.exportTo(options, dir.filePath(QStringLiteral("no/such/map.png")))); },
                    [](QMessageBox *box) { CHECK(box->text().contains(QStringLiteral("does not exist any more"))); });
}

TEST_CASE("printing paints the map on the printer's pages", "[app][print]")
{
    QTemporaryDir dir;
    MainWindow window;
    REQUIRE(window.loadFile(samplePath("retail-zh.cjm")));
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(dir.filePath(QStringLiteral("printed.pdf")));
    CHECK(window.printTo(&printer) == 1);
    QFile printed(dir.filePath(QStringLiteral("printed.pdf")));
    REQUIRE(printed.open(QIODevice::ReadOnly));
    const QByteArray bytes = printed.readAll();
    CHECK(bytes.startsWith("%PDF-"));
    CHECK(bytes.size() > 20000);
}

TEST_CASE("closing a window with unsaved changes asks first, and cancelling keeps it open", "[app]")
{
    auto *window = new MainWindow;
    window->show();
    REQUIRE(QTest::qWaitForWindowExposed(window));
    Journey journey = window->controller()->document().journey();
    journey.title = "Unsaved work";
    REQUIRE(window->controller()->apply(setJourney(journey), QStringLiteral("Rename")));
    bool closed = true;
    QTimer::singleShot(0, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        REQUIRE(box);
        CHECK(box->text().contains(QStringLiteral("Save the changes to “Untitled”")));
        box->button(QMessageBox::Cancel)->click();
    });
    closed = window->close();
    CHECK_FALSE(closed);
    CHECK(window->isVisible());
    CHECK(window->controller()->document().journey().title == "Unsaved work");

    QTimer::singleShot(0, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        REQUIRE(box);
        box->button(QMessageBox::Discard)->click();
    });
    CHECK(window->close()); // deletes itself (WA_DeleteOnClose)
}

TEST_CASE("the Insights panel shows the figures the canvas draws: hidden lanes left out, a focus followed",
          "[insights]")
{
    // The sample, with a hidden emotion lane holding the parent's lowest
    // score and a hidden pain lane holding a high-severity pain point.
    const Document sample = cjm::readDocumentFile(samplePath("ecommerce-en.cjm").toStdString()).document.value();
    std::vector<Lane> lanes = sample.lanes();
    lanes.push_back(Lane::make("lane-hidden-emotions", LaneKind::Emotions));
    lanes.push_back(Lane::make("lane-hidden-pain", LaneKind::PainPoints));
    lanes[lanes.size() - 2].hidden = lanes.back().hidden = true;
    std::vector<Card> cards = sample.cards();
    Card low;
    low.id = "hidden-low";
    low.persona = "p-parent";
    low.stage = "s-awareness";
    low.lane = "lane-hidden-emotions";
    low.score = -3;
    cards.push_back(low);
    Card pain = low;
    pain.id = "hidden-pain";
    pain.lane = "lane-hidden-pain";
    pain.score.reset();
    pain.severity = 3;
    cards.push_back(pain);
    DocumentController controller;
    controller.resetDocument(Document::fromParts(sample.journey(), sample.personas(), sample.stages(), lanes, cards),
                             {});
    MapScene scene(&controller);
    InsightsPanel panel(&scene);
    const MapLayout &layout = scene.mapLayout();
    const Document &doc = controller.document();

    // Each table row counts what the heat strip draws, and the chart rings the stage of the ringed card.
    auto panelMatchesCanvas = [&] {
        panel.refresh();
        QTableWidget *table = panel.table();
        REQUIRE(table->rowCount() == static_cast<int>(layout.stages().size()));
        for (int s = 0; s < table->rowCount(); ++s) {
            const StageTally &strip = layout.shownStageTally(s);
            INFO("stage " << s);
            CHECK(table->item(s, 1)->text().toInt() == strip.painPoints);
            CHECK(table->item(s, 2)->text().toInt() == strip.barriers);
            CHECK(table->item(s, 3)->text().toInt() == strip.severity);
            for (int status = 0; status < 4; ++status)
                CHECK(table->item(s, 4 + status)->text().toInt() ==
                      strip.opportunities[static_cast<std::size_t>(status)]);
        }
        int ringed = 0;
        for (int b = 0; b < static_cast<int>(layout.bands().size()); ++b) {
            const std::size_t persona = doc.personaIndex(layout.bands()[static_cast<std::size_t>(b)].personaId).value();
            std::string onCanvas;
            for (int r = 0; r < static_cast<int>(layout.bands()[static_cast<std::size_t>(b)].rows.size()); ++r)
                if (auto mark = scene.mapPainter().lowestMomentMark(b, r, PaintOptions()))
                    onCanvas = mark->cardId;
            CHECK(panel.insights().lowestMoments.at(persona) == onCanvas);
            ringed += !onCanvas.empty();
        }
        return ringed;
    };
    CHECK(panelMatchesCanvas() == 3);
    const std::size_t parent = doc.personaIndex("p-parent").value();
    CHECK(panel.insights().lowestMoments[parent] == "c-parent-convert-emo1"); // not the hidden -3
    CHECK(panel.table()->item(0, 1)->text().toInt() == computeInsights(sample).stages[0].painPoints);
    CHECK(panel.chart()->seriesCount() == 3);
    CHECK(panel.scopeLabel()->isVisibleTo(&panel));
    CHECK(panel.scopeLabel()->text().contains(QStringLiteral("2 hidden lane")));

    // A focus on one persona: the heat strip and the panel count its cards alone.
    scene.setFocusPersona("p-bargain");
    CHECK(panelMatchesCanvas() == 1);
    CHECK(panel.chart()->seriesCount() == 1);
    CHECK(panel.scopeLabel()->text().contains(toQString(doc.persona("p-bargain")->name)));
    bool narrowed = false;
    for (std::size_t s = 0; s < doc.stages().size(); ++s)
        narrowed = narrowed || panel.insights().stages[s].painPoints < computeInsights(doc).stages[s].painPoints;
    CHECK(narrowed);

    // The emotion lane shown again: its -3 is the parent's lowest moment, in the panel and on the canvas.
    scene.setFocusPersona({});
    Lane shown = *doc.lane("lane-hidden-emotions");
    shown.hidden = false;
    REQUIRE(controller.apply(updateLane(shown), QStringLiteral("Show")));
    CHECK(panelMatchesCanvas() == 3);
    CHECK(panel.insights().lowestMoments[parent] == "hidden-low");
    CHECK(panel.scopeLabel()->text().contains(QStringLiteral("1 hidden lane")));
    // And a card edit moves it back: a -3 in the same stage, in the upper lane.
    Card lower = *doc.card("c-parent-aware-emo1");
    lower.score = -3;
    REQUIRE(controller.apply(updateCard(lower), QStringLiteral("Emotion")));
    CHECK(panelMatchesCanvas() == 3);
    CHECK(panel.insights().lowestMoments[parent] == "c-parent-aware-emo1");
}

TEST_CASE("View > Fit centres the map in the window on both axes, whichever way it is smaller", "[app][view]")
{
    // The same map in a window wider than it (the map is the tall one) and
    // in one taller than it (the map is the wide one): after fitting, the
    // map has the same margin left and right, and top and bottom.
    const QSize windows[] = {QSize(1800, 520), QSize(560, 1500)};
    for (const QSize &size : windows) {
        DYNAMIC_SECTION("window " << size.width() << "x" << size.height())
        {
            MainWindow window;
            window.resize(size);
            REQUIRE(window.loadFile(samplePath("ecommerce-en.cjm")));
            for (QDockWidget *dock : window.findChildren<QDockWidget *>())
                dock->hide(); // the canvas alone
            window.show();
            REQUIRE(QTest::qWaitForWindowExposed(&window));
            MapView *view = window.view();
            view->zoomIn(); // zoomed in first: the scroll bars are showing
            view->fitToWindow();
            QApplication::processEvents();
            CHECK_FALSE(view->horizontalScrollBar()->isVisible());
            CHECK_FALSE(view->verticalScrollBar()->isVisible());
            const QRectF shown = view->viewportTransform().mapRect(window.scene()->mapLayout().bounds());
            const QRectF viewport = view->viewport()->rect();
            INFO("map at " << shown.x() << "," << shown.y() << " " << shown.width() << "x" << shown.height() << " in "
                           << viewport.width() << "x" << viewport.height());
            const qreal left = shown.left() - viewport.left(), right = viewport.right() - shown.right();
            const qreal top = shown.top() - viewport.top(), bottom = viewport.bottom() - shown.bottom();
            CHECK(left >= 0);
            CHECK(top >= 0);
            CHECK(std::abs(left - right) <= 1);
            CHECK(std::abs(top - bottom) <= 1);
            // One axis is filled but for the margin; the other has room to spare.
            CHECK(std::max(left + right, top + bottom) > 4 * std::min(left + right, top + bottom));

            // Zooming by hand puts a small map back at the top-left, like a document.
            view->zoomOut();
            QApplication::processEvents();
            const QRectF zoomedOut = view->viewportTransform().mapRect(window.scene()->sceneRect());
            CHECK(zoomedOut.left() == Approx(0).margin(1));
            CHECK(zoomedOut.top() == Approx(0).margin(1));
        }
    }
}

TEST_CASE("the toolbar's Undo keeps its width as the undo text changes; the full text is its tooltip", "[app]")
{
    MainWindow window;
    REQUIRE(window.loadFile(QStringLiteral(CJM_SAMPLES_DIR "/ecommerce-en.cjm")));
    window.show();
    auto *toolbar = window.findChild<QToolBar *>(QStringLiteral("mainToolbar"));
    REQUIRE(toolbar);
    auto *undo = window.findChild<QAction *>(QStringLiteral("undoToolbarAction"));
    REQUIRE(undo);
    QWidget *button = toolbar->widgetForAction(undo);
    REQUIRE(button);
    CHECK_FALSE(undo->isEnabled());
    const int widthBefore = button->sizeHint().width();
    const QRect zoomBefore = toolbar->actionGeometry(toolbar->actions().constLast());

    DocumentController *controller = window.controller();
    const std::string cardId = controller->document().cards().front().id;
    REQUIRE(controller->operations().deleteCards({cardId}));
    QCoreApplication::processEvents();
    CHECK(undo->isEnabled());
    CHECK(undo->text() == QStringLiteral("Undo"));
    CHECK(undo->toolTip().contains(QStringLiteral("Delete")));
    CHECK(button->sizeHint().width() == widthBefore);
    CHECK(toolbar->actionGeometry(toolbar->actions().constLast()) == zoomBefore);
    undo->trigger();
    CHECK(controller->document().card(cardId));
    CHECK_FALSE(undo->isEnabled());
}
