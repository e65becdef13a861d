#include "team_history.hpp"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "compare_window.hpp"
#include "plain_message.hpp"
#include "qt_text.hpp"

namespace cjm {

namespace {

enum Column { VersionColumn, TimeColumn, AuthorColumn, SummaryColumn, ColumnCount };

QString timeText(const QDateTime &time) { return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat); }

} // namespace

TeamHistoryDialog::TeamHistoryDialog(const std::vector<TeamVersion> &versions, const QString &mapTitle, QWidget *parent)
    : QDialog(parent), m_heading(plainLabel(QString(), this)), m_list(new QTreeWidget(this)),
      m_changes(new QListWidget(this)), m_compare(new QPushButton(tr("&Compare"), this)),
      m_sideBySide(new QPushButton(tr("Side by &Side"), this)), m_restore(new QPushButton(tr("&Restore…"), this))
{
    setObjectName(QStringLiteral("teamHistoryDialog"));
    setWindowTitle(mapTitle.isEmpty() ? tr("History") : tr("History of %1").arg(mapTitle));
    m_heading->setWordWrap(true);
    m_heading->setTextInteractionFlags(Qt::NoTextInteraction);
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Version"), tr("Time"), tr("Author"), tr("Changes")});
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setAccessibleName(tr("Versions"));
    m_changes->setAccessibleName(tr("Changes between the versions"));
    m_compare->setToolTip(tr("Select two versions to see what changed between them"));
    m_restore->setToolTip(tr("Select one version to make it the map's newest version"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_changes);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_compare, QDialogButtonBox::ActionRole);
    buttons->addButton(m_sideBySide, QDialogButtonBox::ActionRole);
    buttons->addButton(m_restore, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_heading);
    layout->addWidget(buttons);
    resize(640, 520);

    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &TeamHistoryDialog::updateButtons);
    connect(m_compare, &QPushButton::clicked, this, &TeamHistoryDialog::compareSelected);
    connect(m_restore, &QPushButton::clicked, this, &TeamHistoryDialog::restoreSelected);
    connect(m_sideBySide, &QPushButton::clicked, this, &TeamHistoryDialog::showSideBySide);
    setVersions(versions);
}

QString TeamHistoryDialog::versionName(const TeamVersion &version)
{
    return tr("version %1 (%2, %3)").arg(version.version).arg(timeText(version.time), version.author);
}

QString TeamHistoryDialog::restoreQuestion(const TeamVersion &version)
{
    return tr("Restore %1 as a new version of the map?\nEveryone who has the map open gets it; the versions after "
              "it stay in the history.")
        .arg(versionName(version));
}

void TeamHistoryDialog::setVersions(const std::vector<TeamVersion> &versions)
{
    const std::vector<qint64> selected = selectedVersions();
    m_versions = versions;
    // Newest first: the one people look for.
    std::sort(m_versions.begin(), m_versions.end(),
              [](const TeamVersion &a, const TeamVersion &b) { return a.version > b.version; });
    m_list->clear();
    for (const TeamVersion &version : m_versions) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(VersionColumn, QString::number(version.version));
        item->setData(VersionColumn, Qt::UserRole, version.version);
        item->setText(TimeColumn, timeText(version.time));
        item->setText(AuthorColumn, version.author);
        item->setToolTip(AuthorColumn, plainToolTip(version.author));
        item->setText(SummaryColumn,
                      version.version == 0 && version.summary.isEmpty() ? tr("first version") : version.summary);
    }
    for (int column = 0; column < ColumnCount; ++column)
        m_list->resizeColumnToContents(column);
    selectVersions(selected);
    updateButtons();
}

const TeamVersion *TeamHistoryDialog::find(qint64 version) const
{
    for (const TeamVersion &known : m_versions)
        if (known.version == version)
            return &known;
    return nullptr;
}

std::vector<qint64> TeamHistoryDialog::selectedVersions() const
{
    std::vector<qint64> result;
    for (const QTreeWidgetItem *item : m_list->selectedItems())
        result.push_back(item->data(VersionColumn, Qt::UserRole).toLongLong());
    std::sort(result.begin(), result.end());
    return result;
}

void TeamHistoryDialog::selectVersions(const std::vector<qint64> &versions)
{
    m_list->clearSelection();
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        const qint64 version = item->data(VersionColumn, Qt::UserRole).toLongLong();
        if (std::find(versions.begin(), versions.end(), version) != versions.end())
            item->setSelected(true);
    }
}

void TeamHistoryDialog::updateButtons()
{
    const std::size_t count = selectedVersions().size();
    m_compare->setEnabled(count == 2);
    m_restore->setEnabled(count == 1);
    m_sideBySide->setEnabled(m_older.has_value() && m_newer.has_value());
}

void TeamHistoryDialog::compareSelected()
{
    const std::vector<qint64> selected = selectedVersions();
    if (selected.size() != 2)
        return;
    m_heading->setText(tr("Reading both versions…"));
    emit compareRequested(selected[0], selected[1]);
}

void TeamHistoryDialog::showComparison(qint64 older, const Document &olderDocument, qint64 newer,
                                       const Document &newerDocument)
{
    if (older > newer) {
        showComparison(newer, newerDocument, older, olderDocument);
        return;
    }
    m_olderVersion = older;
    m_newerVersion = newer;
    m_older = olderDocument;
    m_newer = newerDocument;
    m_diff = diffDocuments(olderDocument, newerDocument);
    m_changes->clear();
    for (const Change &change : m_diff)
        m_changes->addItem(toQString(change.description));
    const TeamVersion *a = find(older);
    const TeamVersion *b = find(newer);
    const QString aName = a ? versionName(*a) : tr("version %1").arg(older);
    const QString bName = b ? versionName(*b) : tr("version %1").arg(newer);
    m_heading->setText(
        m_diff.empty()
            ? tr("%1 and %2 hold the same map.").arg(aName, bName)
            : tr("From %1 to %2: %n change(s).", nullptr, static_cast<int>(m_diff.size())).arg(aName, bName));
    updateButtons();
    if (m_window)
        showSideBySide();
}

void TeamHistoryDialog::showSideBySide()
{
    if (!m_older || !m_newer)
        return;
    if (!m_window) {
        m_window = new CompareWindow(this);
        m_window->setWindowFlag(Qt::Window);
        m_window->setAttribute(Qt::WA_DeleteOnClose);
        m_window->resize(1200, 700);
    }
    const TeamVersion *a = find(m_olderVersion);
    m_window->showVersions(*m_older, a ? versionName(*a) : tr("version %1").arg(m_olderVersion), *m_newer, m_diff);
    const TeamVersion *b = find(m_newerVersion);
    m_window->setWindowTitle(tr("%1 beside %2")
                                 .arg(a ? versionName(*a) : tr("version %1").arg(m_olderVersion),
                                      b ? versionName(*b) : tr("version %1").arg(m_newerVersion)));
    m_window->show();
    m_window->raise();
}

void TeamHistoryDialog::restoreSelected()
{
    const std::vector<qint64> selected = selectedVersions();
    if (selected.size() != 1)
        return;
    const TeamVersion *version = find(selected[0]);
    if (!version)
        return;
    const QString question = restoreQuestion(*version);
    bool confirmed = false;
    if (m_confirm)
        confirmed = m_confirm(question);
    else
        confirmed =
            PlainMessageBox::question(this, QMessageBox::Question, tr("Restore Version"), question,
                                      QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Yes;
    if (!confirmed)
        return;
    m_heading->setText(tr("Restoring %1…").arg(versionName(*version)));
    emit restoreRequested(version->version);
}

void TeamHistoryDialog::showError(const QString &message) { m_heading->setText(message); }

void TeamHistoryDialog::restored(qint64 version, qint64 newVersion)
{
    const TeamVersion *restoredVersion = find(version);
    m_heading->setText(tr("Restored %1 as version %2.")
                           .arg(restoredVersion ? versionName(*restoredVersion) : tr("version %1").arg(version))
                           .arg(newVersion));
}

} // namespace cjm
