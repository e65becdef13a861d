#include "compare_window.hpp"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollBar>
#include <QSplitter>
#include <QVBoxLayout>

#include "document_controller.hpp"
#include "map_scene.hpp"
#include "map_view.hpp"
#include "plain_message.hpp"
#include "qt_text.hpp"

namespace cjm {

namespace {

// One side: its heading over its canvas.
QWidget *side(QLabel *heading, MapView *view, QWidget *parent)
{
    auto *widget = new QWidget(parent);
    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    heading->setWordWrap(true);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    layout->addWidget(heading);
    layout->addWidget(view, 1);
    return widget;
}

// Scroll bars follow by proportion: the two maps differ in size.
void followBar(const QScrollBar *from, QScrollBar *to)
{
    const int fromRange = from->maximum() - from->minimum();
    const int toRange = to->maximum() - to->minimum();
    if (fromRange <= 0 || toRange <= 0)
        return;
    const double fraction = double(from->value() - from->minimum()) / fromRange;
    to->setValue(to->minimum() + int(fraction * toRange + 0.5));
}

} // namespace

CompareWindow::CompareWindow(QWidget *parent) : QWidget(parent, Qt::Window)
{
    setObjectName(QStringLiteral("compareWindow"));
    setWindowTitle(tr("Side by Side"));
    m_otherController = new DocumentController(this);
    m_mineController = new DocumentController(this);
    // Pictures, not canvases to edit: a drag or a typed key here would
    // change a copy nobody saves.
    m_otherController->setReadOnly(true);
    m_mineController->setReadOnly(true);
    m_otherScene = new MapScene(m_otherController, this);
    m_mineScene = new MapScene(m_mineController, this);
    m_otherView = new MapView(m_otherScene, this);
    m_otherView->setObjectName(QStringLiteral("compareOtherView"));
    m_mineView = new MapView(m_mineScene, this);
    m_mineView->setObjectName(QStringLiteral("compareMineView"));
    m_otherHeading = plainLabel(QString(), this);
    m_mineHeading = plainLabel(QString(), this);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(side(m_otherHeading, m_otherView, splitter));
    splitter->addWidget(side(m_mineHeading, m_mineView, splitter));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(splitter);

    for (auto [from, to] : {std::pair{m_otherView, m_mineView}, std::pair{m_mineView, m_otherView}}) {
        connect(from->horizontalScrollBar(), &QScrollBar::valueChanged, this, [this, from, to] { follow(from, to); });
        connect(from->verticalScrollBar(), &QScrollBar::valueChanged, this, [this, from, to] { follow(from, to); });
        connect(from, &MapView::zoomChanged, this, [this, from, to] { follow(from, to); });
    }
    resize(1400, 800);
}

CompareWindow::~CompareWindow()
{
    // The views die after this object's own part: their scroll bars must not
    // call back into it on the way.
    for (MapView *view : {m_otherView, m_mineView}) {
        disconnect(view->horizontalScrollBar(), nullptr, this, nullptr);
        disconnect(view->verticalScrollBar(), nullptr, this, nullptr);
        disconnect(view, nullptr, this, nullptr);
    }
}

void CompareWindow::showVersions(const Document &other, const QString &otherName, const Document &mine,
                                 const std::vector<Change> &changes)
{
    // A card that differs is outlined where it exists: a removed card only
    // in the other version, an added one only here, a changed or moved one
    // on both sides.
    std::unordered_set<std::string> otherCards;
    std::unordered_set<std::string> mineCards;
    for (const Change &change : changes) {
        if (change.entity != DiffEntity::Card)
            continue;
        if (other.card(change.id))
            otherCards.insert(change.id);
        if (mine.card(change.id))
            mineCards.insert(change.id);
    }
    m_otherController->resetDocument(other, QString());
    m_mineController->resetDocument(mine, QString());
    m_otherScene->setHighlightedCards(std::move(otherCards));
    m_mineScene->setHighlightedCards(std::move(mineCards));
    m_otherName = otherName;
    retranslate();
    if (!m_zoomChosen) {
        m_otherView->setZoom(0.6); // most of a map's width on each half of the screen
        m_zoomChosen = true;
    }
    follow(m_otherView, m_mineView);
}

void CompareWindow::retranslate()
{
    if (m_otherName.isNull()) {
        setWindowTitle(tr("Side by Side"));
        return;
    }
    m_otherHeading->setText(tr("“%1” (the other version)").arg(m_otherName));
    m_mineHeading->setText(tr("This map"));
    setWindowTitle(tr("Side by Side: “%1” and this map").arg(m_otherName));
}

void CompareWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CompareWindow::follow(MapView *from, MapView *to)
{
    if (m_following)
        return; // the other view answering back
    m_following = true;
    if (!qFuzzyCompare(from->zoom(), to->zoom()))
        to->setZoom(from->zoom());
    followBar(from->horizontalScrollBar(), to->horizontalScrollBar());
    followBar(from->verticalScrollBar(), to->verticalScrollBar());
    m_following = false;
}

} // namespace cjm
