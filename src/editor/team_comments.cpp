#include "team_comments.hpp"

#include <QComboBox>
#include <QDockWidget>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "map_scene.hpp"
#include "plain_message.hpp"
#include "qt_text.hpp"

namespace cjm {

namespace {

enum Column { TextColumn, AuthorColumn, TimeColumn, CardColumn, StateColumn, ColumnCount };
constexpr int kIdRole = Qt::UserRole;
constexpr int kThreadRole = Qt::UserRole + 1;

bool earlier(const TeamComment *a, const TeamComment *b)
{
    if (a->time != b->time)
        return a->time < b->time;
    return a->id < b->id;
}

} // namespace

CommentsPanel::CommentsPanel(MapScene *scene, QWidget *parent)
    : QWidget(parent), m_scene(scene), m_filterBox(new QComboBox(this)), m_tree(new QTreeWidget(this)),
      m_editor(new QPlainTextEdit(this)), m_comment(new QPushButton(tr("&Comment"), this)),
      m_reply(new QPushButton(tr("&Reply"), this)), m_resolve(new QPushButton(tr("Re&solve"), this)),
      m_hint(plainLabel(QString(), this))
{
    setObjectName(QStringLiteral("commentsPanel"));
    m_filterBox->addItem(QString());
    m_filterBox->addItem(QString());
    m_tree->setColumnCount(ColumnCount);
    m_tree->setColumnHidden(CardColumn, true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setWordWrap(true);
    retranslate();
    m_editor->setTabChangesFocus(true);
    m_editor->setMaximumHeight(80);
    m_hint->setWordWrap(true);
    m_hint->setTextInteractionFlags(Qt::NoTextInteraction);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_comment);
    buttons->addWidget(m_reply);
    buttons->addStretch();
    buttons->addWidget(m_resolve);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_filterBox);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_editor);
    layout->addLayout(buttons);
    layout->addWidget(m_hint);

    connect(m_filterBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { setFilter(index == 1 ? Filter::AllCards : Filter::SelectedCard); });
    connect(m_scene, &MapScene::cardSelectionChanged, this, [this] {
        if (m_filter == Filter::SelectedCard)
            rebuild();
        updateControls();
    });
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this] { updateControls(); });
    connect(m_tree, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        if (const TeamComment *comment = find(item->data(TextColumn, kIdRole).toLongLong()))
            emit showCard(comment->cardId);
    });
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] { updateControls(); });
    connect(m_comment, &QPushButton::clicked, this, &CommentsPanel::postComment);
    connect(m_reply, &QPushButton::clicked, this, &CommentsPanel::postReply);
    connect(m_resolve, &QPushButton::clicked, this, &CommentsPanel::toggleResolved);
    rebuild();
}

void CommentsPanel::retranslate()
{
    m_filterBox->setItemText(0, tr("Selected card"));
    m_filterBox->setItemText(1, tr("All cards"));
    m_filterBox->setAccessibleName(tr("Show comments of"));
    m_tree->setHeaderLabels({tr("Comment"), tr("Author"), tr("Time"), tr("Card"), tr("State")});
    m_tree->setAccessibleName(tr("Comment threads"));
    m_editor->setPlaceholderText(tr("Write a comment…"));
    m_editor->setAccessibleName(tr("New comment"));
    m_comment->setText(tr("&Comment"));
    m_reply->setText(tr("&Reply"));
    if (auto *dock = qobject_cast<QDockWidget *>(parentWidget()))
        dock->setWindowTitle(tr("Comments"));
}

void CommentsPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        rebuild(); // the State column's words, the resolve button and the hint
    }
}

void CommentsPanel::setFilter(Filter filter)
{
    if (m_filterBox->currentIndex() != (filter == Filter::AllCards ? 1 : 0))
        m_filterBox->setCurrentIndex(filter == Filter::AllCards ? 1 : 0); // comes back here
    if (m_filter == filter)
        return;
    m_filter = filter;
    m_tree->setColumnHidden(CardColumn, filter == Filter::SelectedCard);
    rebuild();
}

std::string CommentsPanel::commentCard() const
{
    const auto &selected = m_scene->selectedCards();
    return selected.size() == 1 ? *selected.begin() : std::string();
}

QString CommentsPanel::timeText(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

const TeamComment *CommentsPanel::find(qint64 id) const
{
    for (const TeamComment &comment : m_comments)
        if (comment.id == id)
            return &comment;
    return nullptr;
}

QString CommentsPanel::cardName(const std::string &cardId) const
{
    if (const Card *card = m_scene->controller()->document().card(cardId))
        if (!card->text.empty())
            return toQString(card->text).simplified();
    return toQString(cardId);
}

QTreeWidgetItem *CommentsPanel::itemFor(const TeamComment &comment) const
{
    auto *item = new QTreeWidgetItem;
    item->setText(TextColumn, comment.text.simplified());
    item->setToolTip(TextColumn, plainToolTip(comment.text));
    item->setText(AuthorColumn, comment.author);
    item->setToolTip(AuthorColumn, plainToolTip(comment.author));
    item->setText(TimeColumn, timeText(comment.time));
    item->setData(TextColumn, kIdRole, comment.id);
    item->setData(TextColumn, kThreadRole, comment.parentId == 0 ? comment.id : comment.parentId);
    return item;
}

void CommentsPanel::rebuild()
{
    const qint64 current = m_tree->currentItem() ? m_tree->currentItem()->data(TextColumn, kIdRole).toLongLong() : 0;
    const auto &selected = m_scene->selectedCards();
    std::vector<const TeamComment *> threads;
    for (const TeamComment &comment : m_comments)
        if (comment.parentId == 0 && (m_filter == Filter::AllCards || selected.count(comment.cardId)))
            threads.push_back(&comment);
    std::sort(threads.begin(), threads.end(), earlier);

    m_tree->clear();
    QTreeWidgetItem *currentItem = nullptr;
    for (const TeamComment *thread : threads) {
        QTreeWidgetItem *item = itemFor(*thread);
        item->setText(CardColumn, cardName(thread->cardId));
        item->setToolTip(CardColumn, plainToolTip(cardName(thread->cardId)));
        item->setText(StateColumn, thread->resolved ? tr("Resolved") : tr("Open"));
        std::vector<const TeamComment *> replies;
        for (const TeamComment &comment : m_comments)
            if (comment.parentId == thread->id)
                replies.push_back(&comment);
        std::sort(replies.begin(), replies.end(), earlier);
        for (const TeamComment *reply : replies) {
            QTreeWidgetItem *child = itemFor(*reply);
            item->addChild(child);
            if (reply->id == current)
                currentItem = child;
        }
        if (thread->resolved) {
            const QBrush dimmed = palette().brush(QPalette::Disabled, QPalette::Text);
            for (int row = -1; row < item->childCount(); ++row)
                for (int column = 0; column < ColumnCount; ++column)
                    (row < 0 ? item : item->child(row))->setForeground(column, dimmed);
        }
        m_tree->addTopLevelItem(item);
        if (thread->id == current)
            currentItem = item;
    }
    m_tree->expandAll();
    if (currentItem)
        m_tree->setCurrentItem(currentItem);
    updateControls();
}

void CommentsPanel::updateControls()
{
    const bool hasText = !m_editor->toPlainText().trimmed().isEmpty();
    const std::string card = commentCard();
    const qint64 thread = selectedThread();
    const TeamComment *first = thread ? find(thread) : nullptr;
    m_editor->setReadOnly(!m_canPost);
    m_comment->setEnabled(m_canPost && hasText && !card.empty());
    m_reply->setEnabled(m_canPost && hasText && first);
    m_resolve->setEnabled(m_canPost && first);
    m_resolve->setText(first && first->resolved ? tr("Re&open") : tr("Re&solve"));
    QString hint;
    if (!m_canPost)
        hint = m_cannotPostWhy.isEmpty() ? tr("You can read comments on this map but not post them.") : m_cannotPostWhy;
    else if (!m_problem.isEmpty())
        hint = m_problem;
    else if (card.empty() && !first)
        hint = tr("Select one card to start a thread on it, or a thread to reply to it.");
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
}

qint64 CommentsPanel::selectedThread() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(TextColumn, kThreadRole).toLongLong() : 0;
}

bool CommentsPanel::selectComment(qint64 id)
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        if ((*it)->data(TextColumn, kIdRole).toLongLong() == id) {
            m_tree->setCurrentItem(*it);
            return true;
        }
    return false;
}

std::vector<qint64> CommentsPanel::shownThreads() const
{
    std::vector<qint64> ids;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        ids.push_back(m_tree->topLevelItem(i)->data(TextColumn, kIdRole).toLongLong());
    return ids;
}

void CommentsPanel::postComment()
{
    const QString text = m_editor->toPlainText().trimmed();
    const std::string card = commentCard();
    if (!m_canPost || text.isEmpty() || card.empty())
        return;
    m_lastPosted = text;
    m_problem.clear();
    m_editor->clear();
    emit postRequested(card, 0, text);
}

void CommentsPanel::postReply()
{
    const QString text = m_editor->toPlainText().trimmed();
    const qint64 thread = selectedThread();
    const TeamComment *first = thread ? find(thread) : nullptr;
    if (!m_canPost || text.isEmpty() || !first)
        return;
    m_lastPosted = text;
    m_problem.clear();
    m_editor->clear();
    emit postRequested(first->cardId, first->id, text);
}

void CommentsPanel::toggleResolved()
{
    const qint64 thread = selectedThread();
    const TeamComment *first = thread ? find(thread) : nullptr;
    if (!m_canPost || !first)
        return;
    emit resolveRequested(first->id, !first->resolved);
}

void CommentsPanel::setComments(const std::vector<TeamComment> &comments)
{
    m_comments = comments;
    rebuild();
}

void CommentsPanel::addComment(const TeamComment &comment)
{
    auto it = std::find_if(m_comments.begin(), m_comments.end(),
                           [&](const TeamComment &known) { return known.id == comment.id; });
    if (it != m_comments.end())
        *it = comment;
    else
        m_comments.push_back(comment);
    rebuild();
}

void CommentsPanel::setCanPost(bool canPost, const QString &why)
{
    m_canPost = canPost;
    m_cannotPostWhy = why;
    updateControls();
}

void CommentsPanel::postFailed(const QString &why)
{
    if (m_editor->toPlainText().trimmed().isEmpty())
        m_editor->setPlainText(m_lastPosted);
    m_problem = why;
    updateControls();
}

} // namespace cjm
