#include "compare_panel.hpp"

#include <utility>

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <unordered_set>

#include "compare_window.hpp"
#include "document_controller.hpp"
#include "insights_panel.hpp"
#include "map_scene.hpp"
#include "plain_message.hpp"
#include "qt_text.hpp"

namespace cjm {

namespace {
constexpr int kCardIdRole = Qt::UserRole + 1;
}

ComparePanel::ComparePanel(DocumentController *controller, MapScene *scene, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_scene(scene)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_heading = plainLabel(QString(), this);
    m_heading->setWordWrap(true);
    layout->addWidget(m_heading);
    auto *row = new QHBoxLayout;
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("compareList"));
    m_list->setWordWrap(true);
    row->addWidget(m_list, 3);
    m_chart = new EmotionChart(this);
    m_chart->setToolTip(tr("Average emotion per stage: this map solid, the other version dashed"));
    row->addWidget(m_chart, 2);
    layout->addLayout(row, 1);
    auto *buttons = new QHBoxLayout;
    m_sideBySideButton = new QPushButton(tr("Side by Side"), this);
    m_sideBySideButton->setObjectName(QStringLiteral("sideBySideButton"));
    m_sideBySideButton->setToolTip(tr("Draw the other version and this map next to each other, differences outlined"));
    buttons->addWidget(m_sideBySideButton);
    connect(m_sideBySideButton, &QPushButton::clicked, this, &ComparePanel::showSideBySide);
    auto *stop = new QPushButton(tr("Stop Comparing"), this);
    stop->setObjectName(QStringLiteral("stopComparingButton"));
    buttons->addWidget(stop);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(stop, &QPushButton::clicked, this, [this] {
        clear();
        emit stopped();
    });
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (!item)
            return;
        const std::string id = item->data(kCardIdRole).toString().toStdString();
        if (!id.empty())
            emit showCard(id);
    });
    // Edits change the differences; a diff costs the whole map, so it runs
    // once a burst of edits (typing, a drag) has settled, not per edit.
    m_recompute = new QTimer(this);
    m_recompute->setSingleShot(true);
    m_recompute->setInterval(400);
    connect(m_recompute, &QTimer::timeout, this, &ComparePanel::recompute);
    auto changed = [this] {
        if (m_other)
            m_recompute->start();
    };
    connect(controller, &DocumentController::documentReset, this, changed);
    connect(controller, &DocumentController::changed, this, changed); // any change may change the differences
    clear();
}

void ComparePanel::compareWith(Document other, const QString &otherName)
{
    m_other = std::move(other);
    m_otherName = otherName;
    recompute();
}

void ComparePanel::clear()
{
    m_recompute->stop();
    m_other.reset();
    m_changes.clear();
    m_list->clear();
    m_heading->setText(tr("Not comparing. Use File ▸ Compare With... to see how another version of this map "
                          "differs."));
    // A panel that never compared (a new one, or one built again in another
    // language) leaves the find bar's highlights alone.
    if (m_shownHighlights && m_scene->highlightedCards() == *m_shownHighlights)
        m_scene->setHighlightedCards({});
    m_shownHighlights.reset();
    m_chart->hide();
    m_sideBySideButton->setEnabled(false);
    if (m_sideBySide)
        m_sideBySide->close();
}

void ComparePanel::takeOver(ComparePanel &old)
{
    m_sideBySide = std::exchange(old.m_sideBySide, nullptr);
    m_shownHighlights = std::exchange(old.m_shownHighlights, std::nullopt);
    if (!old.m_other)
        return;
    old.m_recompute->stop();
    compareWith(std::move(*old.m_other), old.m_otherName);
    old.m_other.reset();
}

void ComparePanel::showSideBySide()
{
    if (!m_other)
        return;
    if (!m_sideBySide)
        m_sideBySide = new CompareWindow(window());
    m_sideBySide->showVersions(*m_other, m_otherName, m_controller->document(), m_changes);
    m_sideBySide->show();
    m_sideBySide->raise();
    m_sideBySide->activateWindow();
}

void ComparePanel::recompute()
{
    if (!m_other)
        return;
    const Document &mine = m_controller->document();
    // From the other version to the open map, as `cjm diff OTHER THIS` says
    // it: "added" is on this map, "removed" only in the other version, and a
    // changed text reads from the other's words to this map's. The lines are
    // the diff's own descriptions, so the panel and the CLI say the same.
    m_changes = diffDocuments(*m_other, mine);
    m_list->clear();
    std::unordered_set<std::string> highlighted;
    for (const Change &change : m_changes) {
        auto *item = new QListWidgetItem(toQString(change.description), m_list);
        item->setToolTip(plainToolTip(toQString(change.description)));
        // Added, changed and moved cards are on this map and get outlined;
        // a removed card exists only in the other version, so it has no
        // card here to outline or show.
        if (change.entity == DiffEntity::Card && mine.card(change.id)) {
            item->setData(kCardIdRole, toQString(change.id));
            highlighted.insert(change.id);
        }
    }
    m_heading->setText(m_changes.empty()
                           ? tr("This map and “%1” are the same.").arg(m_otherName)
                           : tr("%n change(s) from “%1” to this map. Cards added, changed or moved here are "
                                "outlined on the map (removed ones are only in “%1”); click a line to show its "
                                "card.",
                                "", static_cast<int>(m_changes.size()))
                                 .arg(m_otherName));
    m_shownHighlights = highlighted;
    m_scene->setHighlightedCards(std::move(highlighted));
    m_chart->setComparison(mine, *m_other, m_otherName);
    m_chart->show();
    m_sideBySideButton->setEnabled(true);
    if (m_sideBySide && m_sideBySide->isVisible())
        m_sideBySide->showVersions(*m_other, m_otherName, mine, m_changes);
}

} // namespace cjm
