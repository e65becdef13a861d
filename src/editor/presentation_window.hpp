#pragma once
// Presentation mode (View ▸ Present, F5): the slides of the current view,
// full screen, the same pages the PDF and PowerPoint exports get
// (SlideDeck), painted by SlidePage::paint scaled to the screen and
// letterboxed on black.
//
// Keys: Right, Down, Space, Page Down and Enter go on; Left, Up, Backspace
// and Page Up go back; Home and End go to the first and last slide (there is
// no slide before the first or after the last: the keys stay put). Clicking
// a card opens it large, with its whole text, notes, picture and comments;
// Esc (or a click beside it) goes back to the slide, and Esc on a slide
// leaves. Ctrl+Shift+C copies the slide as a picture.
//
// With a second screen the slides go to the screen the main window is not
// on, and a presenter view on the main window's screen shows the current
// slide, the next one and the current slide's notes (the descriptions of
// its stages and the notes of its cards). Both windows take the same keys.
//
// The deck is built once, when presenting starts: editing the map meanwhile
// does not move the slides under the audience.

#include <QPointer>
#include <QString>
#include <QWidget>
#include <memory>
#include <optional>
#include <string>

#include "cjm/document.hpp"
#include "slides.hpp"

class QLabel;
class QPlainTextEdit;
class QScrollArea;
class QScreen;

namespace cjm {

class CardDetailView;
class PresenterView;

class PresentationWindow : public QWidget {
    Q_OBJECT
public:
    // The slides of `document` for `selection`. The window deletes itself
    // when closed.
    PresentationWindow(const Document &document, const SlideSelection &selection, QWidget *parent = nullptr);
    ~PresentationWindow() override;

    // Shows the slides full screen on `screen`, and the presenter view full
    // screen on `presenterScreen` when it is another screen.
    void present(QScreen *screen, QScreen *presenterScreen = nullptr);

    const SlideDeck &deck() const { return m_deck; }
    int currentIndex() const { return m_index; } // 0-based; 0 for an empty deck
    void setCurrentIndex(int index);
    const SlidePage *currentPage() const;

    // The card shown large, if any.
    const std::optional<std::string> &openCard() const { return m_openCard; }
    void openCardDetail(const std::string &cardId);
    void closeCardDetail();

    // Where the current slide is drawn, in this widget's coordinates, and a
    // point of the slide (page points) there.
    QRectF slideRect() const;
    QPointF pageToWidget(const QPointF &pagePoint) const;
    // The card of the current slide under `widgetPoint`, if any.
    std::optional<std::string> cardAt(const QPointF &widgetPoint) const;

    PresenterView *presenterView() const { return m_presenter; }

    // The next, previous, first or last slide, the card detail's Esc and
    // Copy as Picture: what a key does here and in the presenter view.
    // Returns false for a key it does nothing with.
    bool handleKey(QKeyEvent *event);
    // The current slide on the clipboard (PNG and SVG).
    void copySlidePicture() const;

signals:
    void currentIndexChanged(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void placeDetail();
    void updateWindowTitle();

    SlideDeck m_deck;
    QString m_title;       // the map's ("" when it has none)
    QString m_mapLanguage; // mapLanguageCode of the map ("" follows the UI)
    int m_index = 0;
    std::optional<std::string> m_openCard;
    CardDetailView *m_detail = nullptr;
    PresenterView *m_presenter = nullptr;
    int m_wheel = 0; // eighths of a degree not yet turned into a slide
};

// A slide painted into the widget, letterboxed: the presenter view's
// current and next slide.
class SlideView : public QWidget {
    Q_OBJECT
public:
    explicit SlideView(QWidget *parent = nullptr);
    void setPage(const SlidePage *page); // null: an empty frame
    const SlidePage *page() const { return m_page; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    const SlidePage *m_page = nullptr;
};

// What the presenter sees on their own screen: the slide the audience sees,
// the next one, the slide's notes and where they are in the deck.
class PresenterView : public QWidget {
    Q_OBJECT
public:
    explicit PresenterView(PresentationWindow *presentation);

    // The descriptions of the page's stages and the notes of its cards, as
    // plain text ("" when it has none).
    static QString notesFor(const SlidePage &page);
    QString notesShown() const;
    const SlidePage *nextShown() const;

    void follow(); // shows the presentation's current slide

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    PresentationWindow *m_presentation;
    SlideView *m_current;
    SlideView *m_next;
    QLabel *m_position;
    QLabel *m_nextLabel;
    QLabel *m_notesLabel;
    QPlainTextEdit *m_notes;
};

} // namespace cjm
