#include "presentation_window.hpp"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPlainTextEdit>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <algorithm>

#include "embedded_image.hpp"
#include "map_language.hpp"
#include "map_style.hpp"
#include "picture_copy.hpp"
#include "plain_message.hpp"
#include "qt_text.hpp"

namespace cjm {

namespace {

// Where a page of `pageSize` is drawn in `area`: as large as fits, centred
// (SlidePage::paint places it the same way).
QRectF letterbox(const QSizeF &pageSize, const QRectF &area)
{
    if (pageSize.isEmpty() || area.isEmpty())
        return {};
    const qreal fit = std::min(area.width() / pageSize.width(), area.height() / pageSize.height());
    const QSizeF size = pageSize * fit;
    return QRectF(area.center() - QPointF(size.width(), size.height()) / 2, size);
}

QString laneName(const Lane &lane)
{
    return lane.title.empty() ? laneKindDisplayName(lane.kind) : toQString(lane.title);
}

// The first line of a card's text, short enough to name it in the notes.
QString cardName(const Card &card)
{
    QString text = toQString(card.text).simplified();
    constexpr int kMaxChars = 80;
    if (text.size() > kMaxChars)
        text = text.left(kMaxChars - 1) + QChar(0x2026);
    return text;
}

QLabel *detailLabel(const QString &text, int pixelSize, bool bold, const QColor &color, QWidget *parent)
{
    QLabel *label = plainLabel(text, parent);
    label->setWordWrap(true);
    // The presentation keeps the keyboard: a click to select words must not
    // take the arrows and Esc away from it.
    label->setFocusPolicy(Qt::NoFocus);
    QFont font = label->font();
    font.setPixelSize(std::max(pixelSize, 9));
    font.setBold(bold);
    label->setFont(font);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
    return label;
}

} // namespace

// A card shown large over the dimmed slide: where it is (persona, stage,
// lane), its whole text, its picture, notes and comments, all plain text,
// scrolling when longer than the screen.
class CardDetailView : public QFrame {
public:
    CardDetailView(const Document &pageDocument, const Card &card, int screenHeight, QWidget *parent) : QFrame(parent)
    {
        setFrameShape(QFrame::NoFrame);
        setAutoFillBackground(true);
        QPalette palette = this->palette();
        palette.setColor(QPalette::Window, Qt::white);
        setPalette(palette);
        setFocusPolicy(Qt::NoFocus);

        const MapStyle &style = MapStyle::standard();
        const int body = std::max(16, screenHeight / 40);
        // The card's own colour down its left edge, as on the canvas.
        const LaneKind kind = pageDocument.cardKind(card);
        m_accent =
            kind == LaneKind::Emotions && card.score ? style.emotionColor(*card.score) : style.kindColors(kind).accent;
        const MapLanguageScope language(pageDocument); // lane kinds in the map's own words

        auto *scroll = new QScrollArea(this);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidgetResizable(true);
        scroll->setFocusPolicy(Qt::NoFocus);
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        auto *content = new QWidget(scroll);
        content->setAutoFillBackground(true);
        content->setPalette(palette);
        auto *column = new QVBoxLayout(content);
        column->setContentsMargins(body * 2, body * 2, body * 2, body * 2);
        column->setSpacing(body);

        QStringList place;
        if (const Persona *persona = pageDocument.persona(card.persona))
            place << toQString(persona->name);
        if (const Stage *stage = pageDocument.stage(card.stage))
            place << toQString(stage->name);
        if (const Lane *lane = pageDocument.lane(card.lane))
            place << laneName(*lane);
        place.removeAll(QString());
        column->addWidget(
            detailLabel(place.join(QStringLiteral(" · ")), body * 4 / 5, false, style.mutedTextColor(), content));
        if (card.score) {
            const QString score =
                *card.score > 0 ? QStringLiteral("+%1").arg(*card.score) : QString::number(*card.score);
            column->addWidget(detailLabel(PresentationWindow::tr("Feeling: %1").arg(score), body, true,
                                          style.emotionColor(*card.score), content));
        }
        m_text = detailLabel(toQString(card.text), body * 8 / 5, false, style.textColor(), content);
        column->addWidget(m_text);

        if (card.image) {
            const DecodedImage decoded = decodeEmbeddedImage(*card.image);
            if (decoded.image.isNull()) {
                column->addWidget(
                    detailLabel(PresentationWindow::tr("The picture cannot be shown: %1").arg(decoded.error), body,
                                false, style.mutedTextColor(), content));
            } else {
                m_picture = plainLabel(QString(), content);
                m_picture->setFocusPolicy(Qt::NoFocus);
                m_picture->setAlignment(Qt::AlignLeft);
                m_image = decoded.image;
                column->addWidget(m_picture);
            }
        }
        if (!card.notes.empty()) {
            column->addWidget(detailLabel(PresentationWindow::tr("Notes"), body, true, style.textColor(), content));
            column->addWidget(detailLabel(toQString(card.notes), body, false, style.textColor(), content));
        }
        if (!card.comments.empty()) {
            column->addWidget(
                detailLabel(PresentationWindow::tr("%n Comment(s)", "", static_cast<int>(card.comments.size())), body,
                            true, style.textColor(), content));
            for (const Comment &comment : card.comments) {
                QStringList who;
                if (comment.author)
                    who << toQString(*comment.author);
                if (comment.time)
                    who << toQString(*comment.time);
                if (!who.isEmpty())
                    column->addWidget(detailLabel(who.join(QStringLiteral(" · ")), body * 4 / 5, false,
                                                  style.mutedTextColor(), content));
                column->addWidget(detailLabel(toQString(comment.text), body, false, style.textColor(), content));
            }
        }
        column->addStretch(1);
        scroll->setWidget(content);
        m_scroll = scroll;
        m_content = content;
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(kAccentWidth, 0, 0, 0);
        layout->addWidget(scroll);
    }

    // The height that shows everything at `width` (the panel then scrolls
    // only when that is more than the screen holds).
    int heightFor(int width) const
    {
        return m_content->layout()->totalHeightForWidth(std::max(1, width - kAccentWidth));
    }

    // The picture at most as wide as the panel and a third of its height.
    void fitPicture(const QSize &panel)
    {
        if (!m_picture)
            return;
        const QSize box(std::max(1, panel.width() * 4 / 5), std::max(1, panel.height() / 3));
        m_picture->setPixmap(
            QPixmap::fromImage(m_image.size().boundedTo(box) == m_image.size()
                                   ? m_image
                                   : m_image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    }

    void scrollBy(int steps)
    {
        QScrollBar *bar = m_scroll->verticalScrollBar();
        bar->setValue(bar->value() + steps * bar->pageStep());
    }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QFrame::paintEvent(event);
        QPainter painter(this);
        painter.fillRect(QRect(0, 0, kAccentWidth, height()), m_accent);
    }

private:
    static constexpr int kAccentWidth = 8;
    QColor m_accent;
    QWidget *m_content = nullptr;
    QScrollArea *m_scroll = nullptr;
    QLabel *m_text = nullptr;
    QLabel *m_picture = nullptr;
    QImage m_image;
};

PresentationWindow::PresentationWindow(const Document &document, const SlideSelection &selection, QWidget *parent)
    : QWidget(parent, Qt::Window), m_deck(SlideDeck::build(document, selection))
{
    setAttribute(Qt::WA_DeleteOnClose);
    m_title = toQString(document.journey().title);
    m_mapLanguage = mapLanguageCode(mapLanguageTag(document));
    updateWindowTitle();
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, Qt::black);
    setPalette(palette);
    setAutoFillBackground(true);
}

PresentationWindow::~PresentationWindow() = default;

void PresentationWindow::updateWindowTitle()
{
    // A map without a title is named as its slides name it (in the map's
    // language), so the title bar never starts with a bare dash.
    QString name = m_title;
    if (name.isEmpty()) {
        const MapLanguageScope language(m_mapLanguage);
        name = QCoreApplication::translate("MapText", "Untitled journey map");
    }
    setWindowTitle(tr("%1 – Presentation").arg(name));
}

void PresentationWindow::present(QScreen *screen, QScreen *presenterScreen)
{
    if (screen) {
        setScreen(screen);
        setGeometry(screen->geometry());
    }
    if (presenterScreen && presenterScreen != screen) {
        m_presenter = new PresenterView(this);
        m_presenter->setScreen(presenterScreen);
        m_presenter->setGeometry(presenterScreen->availableGeometry());
        m_presenter->showFullScreen();
    }
    showFullScreen();
    raise();
    activateWindow();
    setFocus(Qt::OtherFocusReason);
}

const SlidePage *PresentationWindow::currentPage() const
{
    if (m_deck.empty())
        return nullptr;
    return &m_deck.page(static_cast<std::size_t>(m_index));
}

void PresentationWindow::setCurrentIndex(int index)
{
    if (m_deck.empty())
        return;
    index = std::clamp(index, 0, static_cast<int>(m_deck.size()) - 1);
    if (index == m_index)
        return;
    closeCardDetail();
    m_index = index;
    update();
    emit currentIndexChanged(m_index);
}

QRectF PresentationWindow::slideRect() const { return letterbox(m_deck.pageSize(), QRectF(rect())); }

QPointF PresentationWindow::pageToWidget(const QPointF &pagePoint) const
{
    const QRectF slide = slideRect();
    if (slide.isEmpty())
        return {};
    const qreal fit = slide.width() / m_deck.pageSize().width();
    return slide.topLeft() + pagePoint * fit;
}

std::optional<std::string> PresentationWindow::cardAt(const QPointF &widgetPoint) const
{
    const SlidePage *page = currentPage();
    const QRectF slide = slideRect();
    if (!page || slide.isEmpty() || !slide.contains(widgetPoint))
        return std::nullopt;
    const qreal fit = slide.width() / m_deck.pageSize().width();
    const QPointF point = (widgetPoint - slide.topLeft()) / fit;
    for (const std::string &id : page->cardIds())
        if (const auto rect = page->cardRect(id); rect && rect->contains(point))
            return id;
    return std::nullopt;
}

void PresentationWindow::openCardDetail(const std::string &cardId)
{
    const SlidePage *page = currentPage();
    const Card *card = page ? page->document().card(cardId) : nullptr;
    if (!card)
        return;
    delete m_detail;
    m_detail = new CardDetailView(page->document(), *card, height(), this);
    m_openCard = cardId;
    placeDetail();
    m_detail->show();
    setCursor(Qt::ArrowCursor);
    update();
}

void PresentationWindow::changeEvent(QEvent *event)
{
    // A new UI language (View ▸ Language in a window): the title, an open
    // card's details and the words painted on the frame follow; the slide
    // shown stays. The slides' own words follow the map's language.
    if (event->type() == QEvent::LanguageChange) {
        updateWindowTitle();
        if (m_openCard)
            openCardDetail(std::string(*m_openCard)); // made again with the new words
        update();
    }
    QWidget::changeEvent(event);
}

void PresentationWindow::closeCardDetail()
{
    if (!m_openCard)
        return;
    m_openCard.reset();
    delete m_detail;
    m_detail = nullptr;
    setFocus(Qt::OtherFocusReason);
    update();
}

void PresentationWindow::placeDetail()
{
    if (!m_detail)
        return;
    // A reading column: wide enough for a picture, narrow enough for lines
    // the eye can follow on a wall.
    const int width = std::min(this->width() * 4 / 5, std::max(480, height() * 6 / 5));
    const int maxHeight = height() * 17 / 20;
    m_detail->fitPicture(QSize(width, maxHeight));
    const int panelHeight = std::clamp(m_detail->heightFor(width) + 2, std::min(maxHeight, 160), maxHeight);
    m_detail->setGeometry((this->width() - width) / 2, (height() - panelHeight) / 2, width, panelHeight);
}

bool PresentationWindow::handleKey(QKeyEvent *event)
{
    if (event->keyCombination() == QKeyCombination(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_C)) {
        copySlidePicture();
        return true;
    }
    if ((event->modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier)
        return false;
    const int key = event->key();
    if (m_openCard) {
        // The card stays open until Esc: the other keys scroll it.
        switch (key) {
        case Qt::Key_Escape: closeCardDetail(); return true;
        case Qt::Key_Down:
        case Qt::Key_PageDown:
        case Qt::Key_Space: m_detail->scrollBy(1); return true;
        case Qt::Key_Up:
        case Qt::Key_PageUp: m_detail->scrollBy(-1); return true;
        default: return false;
        }
    }
    switch (key) {
    case Qt::Key_Right:
    case Qt::Key_Down:
    case Qt::Key_Space:
    case Qt::Key_PageDown:
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_N: setCurrentIndex(m_index + 1); return true;
    case Qt::Key_Left:
    case Qt::Key_Up:
    case Qt::Key_Backspace:
    case Qt::Key_PageUp:
    case Qt::Key_P: setCurrentIndex(m_index - 1); return true;
    case Qt::Key_Home: setCurrentIndex(0); return true;
    case Qt::Key_End: setCurrentIndex(static_cast<int>(m_deck.size()) - 1); return true;
    case Qt::Key_Escape: close(); return true;
    default: return false;
    }
}

void PresentationWindow::copySlidePicture() const
{
    if (const SlidePage *page = currentPage())
        if (auto mime = slidePicture(*page))
            QApplication::clipboard()->setMimeData(mime.release());
}

void PresentationWindow::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::black);
    if (const SlidePage *page = currentPage()) {
        page->paint(&painter, slideRect());
    } else {
        QFont font = painter.font();
        font.setPixelSize(std::max(16, height() / 30));
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(rect().adjusted(40, 40, -40, -40), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("This view has no slides: it shows no persona with stages.\nPress Esc to leave."));
    }
    if (m_openCard)
        painter.fillRect(rect(), QColor(0, 0, 0, 160));
}

void PresentationWindow::keyPressEvent(QKeyEvent *event)
{
    if (!handleKey(event))
        QWidget::keyPressEvent(event);
}

void PresentationWindow::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    if (m_openCard) {
        // A click beside the card goes back to the slide; one on it reads on.
        if (!m_detail->geometry().contains(event->position().toPoint()))
            closeCardDetail();
        return;
    }
    if (const auto id = cardAt(event->position()))
        openCardDetail(*id);
}

void PresentationWindow::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_openCard)
        setCursor(cardAt(event->position()) ? Qt::PointingHandCursor : Qt::ArrowCursor);
    QWidget::mouseMoveEvent(event);
}

void PresentationWindow::wheelEvent(QWheelEvent *event)
{
    if (m_openCard) {
        QWidget::wheelEvent(event);
        return;
    }
    // One notch of a wheel, or the same travel on a touchpad, is one slide.
    m_wheel += event->angleDelta().y();
    while (m_wheel >= 120) {
        m_wheel -= 120;
        setCurrentIndex(m_index - 1);
    }
    while (m_wheel <= -120) {
        m_wheel += 120;
        setCurrentIndex(m_index + 1);
    }
    event->accept();
}

void PresentationWindow::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    placeDetail();
}

void PresentationWindow::closeEvent(QCloseEvent *event)
{
    if (m_presenter)
        m_presenter->hide();
    if (QWidget *owner = parentWidget())
        owner->activateWindow();
    QWidget::closeEvent(event);
}

SlideView::SlideView(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(160, 90);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void SlideView::setPage(const SlidePage *page)
{
    m_page = page;
    update();
}

void SlideView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    if (m_page)
        m_page->paint(&painter, letterbox(m_page->size(), QRectF(rect())));
}

PresenterView::PresenterView(PresentationWindow *presentation)
    : QWidget(presentation, Qt::Window), m_presentation(presentation)
{
    setWindowTitle(tr("Presenter View"));
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, QColor(0x20, 0x24, 0x28));
    palette.setColor(QPalette::WindowText, Qt::white);
    setPalette(palette);
    setAutoFillBackground(true);
    setFocusPolicy(Qt::StrongFocus);

    m_current = new SlideView(this);
    m_next = new SlideView(this);
    m_position = plainLabel(QString(), this);
    m_position->setFocusPolicy(Qt::NoFocus);
    QFont big = m_position->font();
    big.setPixelSize(22);
    m_position->setFont(big);
    auto *nextLabel = m_nextLabel = plainLabel(tr("Next"), this);
    nextLabel->setFocusPolicy(Qt::NoFocus);
    auto *notesLabel = m_notesLabel = plainLabel(tr("Notes"), this);
    notesLabel->setFocusPolicy(Qt::NoFocus);
    m_notes = new QPlainTextEdit(this);
    m_notes->setReadOnly(true);
    m_notes->setFocusPolicy(Qt::NoFocus);
    QFont notesFont = m_notes->font();
    notesFont.setPixelSize(20);
    m_notes->setFont(notesFont);
    connect(presentation, &PresentationWindow::currentIndexChanged, this, &PresenterView::follow);

    auto *side = new QVBoxLayout;
    side->addWidget(m_position);
    side->addWidget(nextLabel);
    side->addWidget(m_next, 2);
    side->addWidget(notesLabel);
    side->addWidget(m_notes, 3);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(16);
    layout->addWidget(m_current, 3);
    layout->addLayout(side, 2);
    follow();
}

QString PresenterView::notesFor(const SlidePage &page)
{
    const Document &document = page.document();
    QStringList paragraphs;
    for (const std::string &id : page.stageIds())
        if (const Stage *stage = document.stage(id); stage && !stage->description.empty())
            paragraphs << tr("%1: %2").arg(toQString(stage->name), toQString(stage->description));
    for (const std::string &id : page.cardIds())
        if (const Card *card = document.card(id); card && !card->notes.empty())
            paragraphs << tr("%1: %2").arg(cardName(*card), toQString(card->notes));
    return paragraphs.join(QStringLiteral("\n\n"));
}

QString PresenterView::notesShown() const { return m_notes->toPlainText(); }

const SlidePage *PresenterView::nextShown() const { return m_next->page(); }

void PresenterView::follow()
{
    const SlidePage *page = m_presentation->currentPage();
    const SlideDeck &deck = m_presentation->deck();
    const auto next = static_cast<std::size_t>(m_presentation->currentIndex()) + 1;
    m_current->setPage(page);
    m_next->setPage(next < deck.size() ? &deck.page(next) : nullptr);
    m_position->setText(deck.empty() ? tr("No slides")
                                     : tr("Slide %1 of %2").arg(m_presentation->currentIndex() + 1).arg(deck.size()));
    const QString notes = page ? notesFor(*page) : QString();
    m_notes->setPlainText(notes.isEmpty() ? tr("No notes on this slide.") : notes);
}

void PresenterView::keyPressEvent(QKeyEvent *event)
{
    if (!m_presentation->handleKey(event))
        QWidget::keyPressEvent(event);
}

void PresenterView::closeEvent(QCloseEvent *event)
{
    // Closing either window ends the presentation.
    event->ignore();
    m_presentation->close();
}

void PresenterView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        setWindowTitle(tr("Presenter View"));
        m_nextLabel->setText(tr("Next"));
        m_notesLabel->setText(tr("Notes"));
        follow(); // "Slide 2 of 5", "No notes on this slide."
    }
    QWidget::changeEvent(event);
}

} // namespace cjm
