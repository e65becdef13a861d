#include "find_bar.hpp"

#include <algorithm>

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

#include "document_controller.hpp"
#include "map_scene.hpp"
#include "map_view.hpp"
#include "plain_message.hpp"
#include "qt_text.hpp"
#include "select_tool.hpp"

namespace cjm {

FindBar::FindBar(MapView *view, QWidget *parent) : QWidget(parent), m_view(view)
{
    setObjectName(QStringLiteral("findBar"));
    m_field = new QLineEdit(this);
    m_field->setObjectName(QStringLiteral("findField"));
    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);
    m_count = plainLabel(QString(), this);
    auto *previous = m_previous = new QToolButton(this);
    previous->setText(QStringLiteral("▲"));
    auto *following = m_following = new QToolButton(this);
    following->setText(QStringLiteral("▼"));
    auto *done = m_done = new QToolButton(this);
    retranslate();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_count);
    layout->addWidget(previous);
    layout->addWidget(following);
    layout->addWidget(done);
    connect(m_field, &QLineEdit::textChanged, this, &FindBar::search);
    connect(previous, &QToolButton::clicked, this, [this] { next(-1); });
    connect(following, &QToolButton::clicked, this, [this] { next(1); });
    connect(done, &QToolButton::clicked, this, &FindBar::close);
    // Edits change what matches: a card edit, its cards; a new map, a
    // structure change or a persona focus, everything shown.
    MapScene *scene = view->mapScene();
    connect(scene, &MapScene::cardsUpdated, this, &FindBar::followCards);
    connect(scene, &MapScene::rebuilt, this, [this] {
        m_searched.clear(); // the shown cards changed: no narrowing from the last answer
        if (isVisible())
            search();
    });
    hide();
}

void FindBar::retranslate()
{
    m_field->setPlaceholderText(tr("Find cards"));
    m_previous->setToolTip(tr("Previous match (Shift+Enter)"));
    m_following->setToolTip(tr("Next match (Enter)"));
    m_done->setText(tr("Done"));
    // The count in the new language: "2 of 5" while stepping, else how many.
    const std::vector<std::string> &ordered = matches();
    const auto at = std::find(ordered.begin(), ordered.end(), m_currentId);
    if (!m_searched.isEmpty() && !m_currentId.empty() && at != ordered.end())
        m_count->setText(tr("%1 of %2").arg(at - ordered.begin() + 1).arg(ordered.size()));
    else
        showCount();
}

void FindBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void FindBar::open()
{
    show();
    m_field->setFocus();
    m_field->selectAll();
    search();
}

void FindBar::close()
{
    hide();
    m_searched.clear();
    m_found.clear();
    m_matches.clear();
    m_currentId.clear();
    m_view->mapScene()->setHighlightedCards({});
    m_view->setFocus();
}

void FindBar::setQuery(const QString &query) { m_field->setText(query); }

bool FindBar::cardMatches(const std::string &cardId, const QString &query) const
{
    const Card *card = m_view->mapScene()->controller()->document().card(cardId);
    if (!card || !m_view->mapScene()->isCardShown(cardId))
        return false;
    if (toQString(card->text).contains(query, Qt::CaseInsensitive) ||
        toQString(card->notes).contains(query, Qt::CaseInsensitive))
        return true;
    for (const auto &tag : card->tags)
        if (toQString(tag).contains(query, Qt::CaseInsensitive))
            return true;
    return false;
}

void FindBar::search()
{
    const QString query = m_field->text().trimmed();
    std::unordered_set<std::string> found;
    if (!query.isEmpty()) {
        const bool narrowing = !m_searched.isEmpty() && query.contains(m_searched, Qt::CaseInsensitive);
        if (narrowing) {
            for (const std::string &id : m_found)
                if (cardMatches(id, query))
                    found.insert(id);
        } else {
            for (const std::string &id : m_view->mapScene()->mapLayout().cardIds())
                if (cardMatches(id, query))
                    found.insert(id);
        }
    }
    m_searched = query;
    m_found = std::move(found);
    m_matchesStale = true;
    m_currentId.clear();
    m_view->mapScene()->setHighlightedCards(m_found);
    showCount();
}

void FindBar::followCards(const std::vector<std::string> &cardIds)
{
    if (!isVisible() || m_searched.isEmpty())
        return;
    bool changed = false;
    for (const std::string &id : cardIds) {
        const bool match = cardMatches(id, m_searched);
        if (match != (m_found.count(id) > 0)) {
            changed = true;
            if (match)
                m_found.insert(id);
            else
                m_found.erase(id);
        }
    }
    m_matchesStale = true; // a moved match changes the order
    if (!changed)
        return;
    m_view->mapScene()->setHighlightedCards(m_found);
    showCount();
}

void FindBar::showCount()
{
    m_count->setText(m_searched.isEmpty() ? QString()
                     : m_found.empty()    ? tr("No matches")
                                          : tr("%n match(es)", "", static_cast<int>(m_found.size())));
}

const std::vector<std::string> &FindBar::matches() const
{
    if (m_matchesStale) {
        m_matches = m_view->mapScene()->mapLayout().inDisplayOrder({m_found.begin(), m_found.end()});
        m_matchesStale = false;
    }
    return m_matches;
}

void FindBar::next(int direction)
{
    const std::vector<std::string> &ordered = matches();
    if (ordered.empty())
        return;
    const int n = static_cast<int>(ordered.size());
    const auto at = std::find(ordered.begin(), ordered.end(), m_currentId);
    int current = at == ordered.end() ? -1 : static_cast<int>(at - ordered.begin());
    current = current < 0 ? (direction > 0 ? 0 : n - 1) : (current + direction + n) % n;
    m_currentId = ordered[static_cast<std::size_t>(current)];
    m_view->selectTool()->selectCard(m_currentId);
    m_count->setText(tr("%1 of %2").arg(current + 1).arg(n));
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            next(key->modifiers() & Qt::ShiftModifier ? -1 : 1);
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            close();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace cjm
