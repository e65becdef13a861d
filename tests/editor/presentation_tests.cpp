#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <QXmlStreamReader>

#include "cjm/views.hpp"
#include "document_controller.hpp"
#include "main_window.hpp"
#include "map_language.hpp"
#include "map_operations.hpp"
#include "map_scene.hpp"
#include "picture_copy.hpp"
#include "presentation_window.hpp"
#include "qt_text.hpp"
#include "slides.hpp"
#include "view_actions.hpp"
#include "views_dialog.hpp"

using namespace cjm;

namespace {

// A copy of a sample in a folder of the test's own: another test process
// holding the sample's lock would make opening it ask a question.
struct SampleCopy {
    QTemporaryDir dir;
    QString path;
    explicit SampleCopy(const char *name)
    {
        path = dir.filePath(QLatin1String(name));
        REQUIRE(QFile::copy(QStringLiteral(CJM_SAMPLES_DIR "/") + QLatin1String(name), path));
    }
};

// The window's view actions, which its Edit and View menus hold.
ViewActions *viewActionsOf(MainWindow &window)
{
    ViewActions *actions = ViewActions::of(&window);
    REQUIRE(actions);
    for (QAction *action : {actions->presentAction(), actions->copyPictureAction(), actions->viewsMenu()->menuAction()})
        CHECK_FALSE(action->associatedObjects().isEmpty());
    return actions;
}

PresentationWindow *openPresentation()
{
    for (QWidget *widget : QApplication::topLevelWidgets())
        if (auto *presentation = qobject_cast<PresentationWindow *>(widget); presentation && presentation->isVisible())
            return presentation;
    return nullptr;
}

// Every word an SVG writes as text, in document order, without spaces.
QString svgTextWithoutSpaces(const QByteArray &svg)
{
    QXmlStreamReader xml(svg);
    QString text;
    int depth = 0; // inside <text>
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("text"))
            ++depth;
        else if (xml.isEndElement() && xml.name() == QLatin1String("text"))
            --depth;
        else if (xml.isCharacters() && depth > 0)
            text += xml.text();
    }
    REQUIRE_FALSE(xml.hasError());
    text.remove(QRegularExpression(QStringLiteral("\\s")));
    return text;
}

QString withoutSpaces(const std::string &text)
{
    QString q = toQString(text);
    q.remove(QRegularExpression(QStringLiteral("\\s")));
    return q;
}

void press(QWidget *widget, Qt::Key key) { QTest::keyClick(widget, key); }

} // namespace

TEST_CASE("F5 presents the whole map's slides and the keys move through them", "[presentation]")
{
    SampleCopy sample("ecommerce-en.cjm");
    MainWindow window;
    REQUIRE(window.loadFile(sample.path));
    ViewActions *actions = viewActionsOf(window);
    window.show();
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    CHECK(actions->presentAction()->shortcut() == QKeySequence(Qt::Key_F5));

    QTest::keyClick(&window, Qt::Key_F5);
    QPointer<PresentationWindow> presentation = openPresentation();
    REQUIRE(presentation);
    CHECK(presentation == actions->presentation());
    CHECK(presentation->isFullScreen());

    const SlideDeck expected = SlideDeck::build(window.controller()->document(), SlideSelection{});
    const SlideDeck &deck = presentation->deck();
    REQUIRE(deck.size() == expected.size());
    REQUIRE(deck.size() >= 3);
    for (std::size_t i = 0; i < deck.size(); ++i) {
        CHECK(deck.page(i).title() == expected.page(i).title());
        CHECK(deck.page(i).cardIds() == expected.page(i).cardIds());
    }
    const int last = static_cast<int>(deck.size()) - 1;

    CHECK(presentation->currentIndex() == 0);
    press(presentation, Qt::Key_Left); // nothing before the first slide
    CHECK(presentation->currentIndex() == 0);
    press(presentation, Qt::Key_PageUp);
    CHECK(presentation->currentIndex() == 0);
    press(presentation, Qt::Key_Right);
    CHECK(presentation->currentIndex() == 1);
    press(presentation, Qt::Key_Space);
    CHECK(presentation->currentIndex() == 2);
    press(presentation, Qt::Key_PageUp);
    CHECK(presentation->currentIndex() == 1);
    press(presentation, Qt::Key_PageDown);
    CHECK(presentation->currentIndex() == 2);
    press(presentation, Qt::Key_Left);
    CHECK(presentation->currentIndex() == 1);
    press(presentation, Qt::Key_End);
    CHECK(presentation->currentIndex() == last);
    press(presentation, Qt::Key_Right); // nothing after the last
    CHECK(presentation->currentIndex() == last);
    press(presentation, Qt::Key_Space);
    CHECK(presentation->currentIndex() == last);
    press(presentation, Qt::Key_Home);
    CHECK(presentation->currentIndex() == 0);

    // The slide is letterboxed: as large as the screen allows, its shape kept.
    const QRectF slide = presentation->slideRect();
    const QSizeF page = deck.pageSize();
    CHECK(slide.width() / slide.height() == Approx(page.width() / page.height()));
    CHECK((qFuzzyCompare(slide.width(), qreal(presentation->width())) ||
           qFuzzyCompare(slide.height(), qreal(presentation->height()))));

    // A click on a card opens it large; Esc goes back; Esc again leaves.
    const SlidePage &first = deck.page(0);
    REQUIRE_FALSE(first.cardIds().empty());
    const std::string cardId = first.cardIds().front();
    const auto cardRect = first.cardRect(cardId);
    REQUIRE(cardRect);
    CHECK_FALSE(presentation->openCard());
    QTest::mouseClick(presentation, Qt::LeftButton, {}, presentation->pageToWidget(cardRect->center()).toPoint());
    REQUIRE(presentation->openCard());
    CHECK(*presentation->openCard() == cardId);
    const QString cardText = toQString(window.controller()->document().card(cardId)->text);
    bool textShown = false;
    for (QLabel *label : presentation->findChildren<QLabel *>())
        textShown =
            textShown || (label->isVisible() && label->text() == cardText && label->textFormat() == Qt::PlainText);
    CHECK(textShown);
    press(presentation, Qt::Key_Right); // the open card keeps the keys
    CHECK(presentation->currentIndex() == 0);
    press(presentation, Qt::Key_Escape);
    CHECK_FALSE(presentation->openCard());
    REQUIRE(presentation);
    CHECK(presentation->isVisible());
    // A click beside the cards opens nothing.
    QTest::mouseClick(presentation, Qt::LeftButton, {},
                      presentation->pageToWidget(first.titleRect().center()).toPoint());
    CHECK_FALSE(presentation->openCard());
    press(presentation, Qt::Key_Escape);
    QTest::qWait(0);
    QApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    CHECK(presentation.isNull());
    CHECK_FALSE(openPresentation());
}

TEST_CASE("the presenter view shows the slide's notes and the next slide", "[presentation]")
{
    SampleCopy sample("ecommerce-en.cjm");
    MainWindow window;
    REQUIRE(window.loadFile(sample.path));
    const Document &doc = window.controller()->document();
    auto *presentation = new PresentationWindow(doc, SlideSelection{});
    QPointer<PresentationWindow> guard = presentation;
    // One screen here: the presenter view is made as present() makes it on a second one.
    auto *presenter = new PresenterView(presentation);
    const SlideDeck &deck = presentation->deck();
    REQUIRE(deck.size() >= 2);

    // The stage descriptions of every slide; the cards' notes of the first one that has any.
    std::size_t withNotes = deck.size();
    for (std::size_t i = 0; i < deck.size(); ++i) {
        const QString notes = PresenterView::notesFor(deck.page(i));
        for (const std::string &id : deck.page(i).stageIds())
            if (const Stage *stage = doc.stage(id); !stage->description.empty())
                CHECK(notes.contains(toQString(stage->description)));
        for (const std::string &id : deck.page(i).cardIds())
            if (const Card *card = doc.card(id); !card->notes.empty()) {
                CHECK(notes.contains(toQString(card->notes)));
                withNotes = std::min(withNotes, i);
            }
    }
    REQUIRE(withNotes < deck.size());
    CHECK(presenter->notesShown() == PresenterView::notesFor(deck.page(0)));
    CHECK(presenter->nextShown() == &deck.page(1));
    presentation->setCurrentIndex(static_cast<int>(withNotes));
    CHECK(presenter->notesShown() == PresenterView::notesFor(deck.page(withNotes)));
    presentation->setCurrentIndex(0);

    // Keys pressed in the presenter view move the slides, and it follows.
    QTest::keyClick(presenter, Qt::Key_Right);
    CHECK(presentation->currentIndex() == 1);
    if (const QString next = PresenterView::notesFor(deck.page(1)); !next.isEmpty())
        CHECK(presenter->notesShown() == next);
    CHECK(presenter->nextShown() == (deck.size() > 2 ? &deck.page(2) : nullptr));
    QTest::keyClick(presenter, Qt::Key_End);
    CHECK(presenter->nextShown() == nullptr);
    delete guard.data();
}

TEST_CASE("Copy as Picture puts the selected cards on the clipboard as PNG and SVG", "[presentation][clipboard]")
{
    SampleCopy sample("ecommerce-en.cjm");
    MainWindow window;
    REQUIRE(window.loadFile(sample.path));
    ViewActions *actions = viewActionsOf(window);
    const Document &doc = window.controller()->document();
    CHECK(actions->copyPictureAction()->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    CHECK_FALSE(actions->copyPictureAction()->isEnabled()); // nothing selected

    const std::string a = "c-parent-aware-tp1", b = "c-parent-consider-tp1", other = "c-parent-aware-act1";
    REQUIRE(doc.card(a));
    REQUIRE(doc.card(b));
    REQUIRE(doc.card(other));
    window.scene()->setSelectedCards({a, b});
    REQUIRE(actions->copyPictureAction()->isEnabled());
    QApplication::clipboard()->clear();
    actions->copyPictureAction()->trigger();

    const QMimeData *mime = QApplication::clipboard()->mimeData();
    REQUIRE(mime);
    REQUIRE(mime->hasImage());
    const QImage image = qvariant_cast<QImage>(mime->imageData());
    REQUIRE_FALSE(image.isNull());
    // Both cards (they are a stage apart) and not much more.
    const QRectF ra = *window.scene()->mapLayout().cardRect(a), rb = *window.scene()->mapLayout().cardRect(b);
    CHECK(image.width() >= 2 * ra.united(rb).width());
    CHECK(image.width() <= 2 * (ra.united(rb).width() + 80));

    REQUIRE(mime->hasFormat(QString::fromLatin1(kSvgMimeType)));
    const QByteArray svg = mime->data(QString::fromLatin1(kSvgMimeType));
    REQUIRE(svg.startsWith("<?xml"));
    const QString words = svgTextWithoutSpaces(svg);
    CHECK(words.contains(withoutSpaces(doc.card(a)->text)));
    CHECK(words.contains(withoutSpaces(doc.card(b)->text)));
    CHECK_FALSE(words.contains(withoutSpaces(doc.card(other)->text))); // only the selected cards
}

TEST_CASE("Copy as Picture in presentation mode copies the slide shown", "[presentation][clipboard]")
{
    SampleCopy sample("ecommerce-en.cjm");
    MainWindow window;
    REQUIRE(window.loadFile(sample.path));
    auto *presentation = new PresentationWindow(window.controller()->document(), SlideSelection{});
    QPointer<PresentationWindow> guard = presentation;
    presentation->show();
    QTest::keyClick(presentation, Qt::Key_Right);
    const SlidePage &page = presentation->deck().page(1);
    QApplication::clipboard()->clear();
    QTest::keyClick(presentation, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    REQUIRE(mime);
    REQUIRE(mime->hasImage());
    const QImage image = qvariant_cast<QImage>(mime->imageData());
    CHECK(image.size() == (page.size() * 2).toSize());
    const QString words = svgTextWithoutSpaces(mime->data(QString::fromLatin1(kSvgMimeType)));
    for (const std::string &id : page.cardIds())
        if (page.document().cardKind(*page.document().card(id)) != LaneKind::Emotions)
            CHECK(words.contains(withoutSpaces(page.document().card(id)->text)));
    delete guard.data();
}

TEST_CASE("a view saved in the Views dialog is one undo step, and Present shows only its persona",
          "[presentation][views]")
{
    SampleCopy sample("ecommerce-en.cjm");
    MainWindow window;
    REQUIRE(window.loadFile(sample.path));
    ViewActions *actions = viewActionsOf(window);
    DocumentController *controller = window.controller();
    const Document &doc = controller->document();
    REQUIRE(doc.views().empty());
    REQUIRE(doc.personas().size() >= 2);
    const std::string persona = doc.personas()[1].id;
    CHECK(actions->currentViewId() == kWholeMapViewId);
    const int undoSteps = controller->undoStack()->count();

    // Save View…, answered as a user would: a name, one persona, OK. An
    // empty name is refused first, with the reason shown.
    bool answered = false;
    QTimer::singleShot(0, [&] {
        auto *dialog = qobject_cast<ViewsDialog *>(QApplication::activeModalWidget());
        REQUIRE(dialog);
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        ok->click();
        CHECK(dialog->isVisible());
        CHECK_FALSE(dialog->findChild<QLabel *>(QStringLiteral("viewProblem"))->text().isEmpty());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("viewName")),
                         QStringLiteral("Parents <b>only</b>"));
        auto *all = dialog->findChild<QCheckBox *>(QStringLiteral("allPersonas"));
        REQUIRE(all->isChecked());
        all->click();
        auto *personas = dialog->findChild<QListWidget *>(QStringLiteral("viewPersonas"));
        REQUIRE(personas->count() == static_cast<int>(doc.personas().size()));
        for (int i = 0; i < personas->count(); ++i)
            personas->item(i)->setCheckState(
                toStdString(personas->item(i)->data(Qt::UserRole).toString()) == persona ? Qt::Checked : Qt::Unchecked);
        ok->click();
        answered = !dialog->isVisible();
    });
    actions->saveView();
    REQUIRE(answered);

    REQUIRE(doc.views().size() == 1);
    const View saved = doc.views()[0];
    CHECK(saved.name == "Parents <b>only</b>");
    CHECK(saved.personas == std::vector<std::string>{persona});
    CHECK(controller->undoStack()->count() == undoSteps + 1);
    CHECK(actions->currentViewId() == saved.id); // a saved view becomes the current one

    // The Views menu lists it by its name, as text.
    emit actions->viewsMenu()->aboutToShow();
    QAction *listed = nullptr;
    for (QAction *action : actions->viewsMenu()->actions())
        if (action->data().toString() == toQString(saved.id))
            listed = action;
    REQUIRE(listed);
    CHECK(listed->text() == QStringLiteral("Parents <b>only</b>"));
    CHECK(listed->isChecked());

    // Present shows that persona's slides, all of them, and nothing else.
    QPointer<PresentationWindow> presentation = actions->present();
    REQUIRE(presentation);
    SlideSelection onePersona;
    onePersona.personaIds = {persona};
    const SlideDeck expected = SlideDeck::build(doc, onePersona);
    REQUIRE_FALSE(presentation->deck().empty());
    CHECK(presentation->deck().size() == expected.size());
    for (const SlidePage &page : presentation->deck().pages())
        CHECK(page.personaId() == persona);
    presentation->close();
    QApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    CHECK(presentation.isNull());
    CHECK(controller->undoStack()->count() == undoSteps + 1); // presenting changed nothing

    // Undo removes the view; the current view falls back to the whole map.
    controller->undoStack()->undo();
    CHECK(doc.views().empty());
    CHECK(actions->currentViewId() == kWholeMapViewId);
    CHECK(actions->currentSelection().personaIds.size() == doc.personas().size());
    controller->undoStack()->redo();
    REQUIRE(doc.views().size() == 1);
    CHECK(doc.views()[0] == saved);

    // Edit Views…, Cancel: nothing changes.
    QTimer::singleShot(0, [&] {
        auto *dialog = qobject_cast<ViewsDialog *>(QApplication::activeModalWidget());
        REQUIRE(dialog);
        dialog->findChild<QPushButton *>(QStringLiteral("removeView"))->click();
        dialog->reject();
    });
    actions->editViews();
    CHECK(doc.views().size() == 1);
    CHECK(controller->undoStack()->count() == undoSteps + 1);

    // Edit Views…, Remove, OK: one more undo step, undone as one.
    QTimer::singleShot(0, [&] {
        auto *dialog = qobject_cast<ViewsDialog *>(QApplication::activeModalWidget());
        REQUIRE(dialog);
        dialog->findChild<QPushButton *>(QStringLiteral("removeView"))->click();
        dialog->accept();
    });
    actions->editViews();
    CHECK(doc.views().empty());
    CHECK(controller->undoStack()->count() == undoSteps + 2);
    controller->undoStack()->undo();
    CHECK(doc.views().size() == 1);
}

TEST_CASE("a map without a title is presented as the slides name it, not as a bare dash", "[presentation]")
{
    // The sample with its title taken out (Rename Map refuses an empty name).
    SampleCopy sample("ecommerce-en.cjm");
    {
        QFile file(sample.path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        QJsonObject journey = root.value(QStringLiteral("journey")).toObject();
        journey.remove(QStringLiteral("title"));
        root.insert(QStringLiteral("journey"), journey);
        REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(root).toJson());
    }
    MainWindow window;
    REQUIRE(window.loadFile(sample.path));
    DocumentController &controller = *window.controller();
    REQUIRE(controller.document().journey().title.empty());
    // The slides' words are the map's language; the title bar's "Untitled"
    // is the same name.
    const QString untitled = [&] {
        const MapLanguageScope language(controller.document());
        return QCoreApplication::translate("MapText", "Untitled journey map");
    }();
    REQUIRE_FALSE(untitled.isEmpty());

    PresentationWindow presentation(controller.document(), SlideSelection{});
    REQUIRE_FALSE(presentation.deck().empty());
    CHECK(presentation.deck().page(0).title().contains(untitled));
    CHECK(presentation.windowTitle().startsWith(untitled));
    CHECK(presentation.windowTitle() == PresentationWindow::tr("%1 – Presentation").arg(untitled));

    // After View > Language the name stays (it is the map's), the rest follows.
    QEvent change(QEvent::LanguageChange);
    QApplication::sendEvent(&presentation, &change);
    CHECK(presentation.windowTitle().startsWith(untitled));

    // A titled map keeps its own title.
    REQUIRE(controller.operations().renameMap(QStringLiteral("Checkout")));
    PresentationWindow titled(controller.document(), SlideSelection{});
    CHECK(titled.windowTitle() == PresentationWindow::tr("%1 – Presentation").arg(QStringLiteral("Checkout")));
    controller.undoStack()->setClean();
}
