#include "find_bar.hpp"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

#include "document_controller.hpp"
#include "map_scene.hpp"
#include "map_view.hpp"
#include "qt_text.hpp"
#include "select_tool.hpp"

namespace cjm {

FindBar::FindBar(MapView *view, QWidget *parent) : QWidget(parent), m_view(view)
{
    setObjectName(QStringLiteral("findBar"));
    m_field = new QLineEdit(this);
    m_field->setObjectName(QStringLiteral("findField"));
    m_field->setPlaceholderText(tr("Find cards"));
    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);
    m_count = new QLabel(this);
    m_count->setTextFormat(Qt::PlainText);
    auto *previous = new QToolButton(this);
    previous->setText(QStringLiteral("▲"));
    previous->setToolTip(tr("Previous match (Shift+Enter)"));
    auto *following = new QToolButton(this);
    following->setText(QStringLiteral("▼"));
    following->setToolTip(tr("Next match (Enter)"));
    auto *done = new QToolButton(this);
    done->setText(tr("Done"));
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
    // Edits change what matches.
    connect(view->mapScene(), &MapScene::layoutChanged, this, [this] {
        if (isVisible())
            search();
    });
    hide();
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
    m_view->mapScene()->setHighlightedCards({});
    m_view->setFocus();
}

void FindBar::setQuery(const QString &query) { m_field->setText(query); }

void FindBar::search()
{
    const QString query = m_field->text().trimmed();
    m_matches.clear();
    m_current = -1;
    std::unordered_set<std::string> highlighted;
    if (!query.isEmpty()) {
        const Document &doc = m_view->mapScene()->controller()->document();
        for (const std::string &id : m_view->mapScene()->mapLayout().cardIds()) {
            const Card *card = doc.card(id);
            QString haystack = toQString(card->text) + QLatin1Char('\n') + toQString(card->notes);
            for (const auto &tag : card->tags)
                haystack += QLatin1Char('\n') + toQString(tag);
            if (haystack.contains(query, Qt::CaseInsensitive)) {
                m_matches.push_back(id);
                highlighted.insert(id);
            }
        }
    }
    m_view->mapScene()->setHighlightedCards(std::move(highlighted));
    m_count->setText(query.isEmpty() ? QString()
                     : m_matches.empty() ? tr("No matches")
                                         : tr("%n match(es)", "", static_cast<int>(m_matches.size())));
}

void FindBar::next(int direction)
{
    if (m_matches.empty())
        return;
    const int n = static_cast<int>(m_matches.size());
    m_current = m_current < 0 ? (direction > 0 ? 0 : n - 1) : (m_current + direction + n) % n;
    m_view->selectTool()->selectCard(m_matches[static_cast<std::size_t>(m_current)]);
    m_count->setText(tr("%1 of %2").arg(m_current + 1).arg(n));
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
