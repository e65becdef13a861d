#pragma once
// File ▸ History… of a team map (#20 item 6): its versions (time, author, a
// summary of the operations: "2 set, 1 add"). Two selected versions are
// compared with the existing diff (cjm::diffDocuments, the words of `cjm
// diff` and the Compare panel), listed here and shown side by side; one
// selected version is restored as a new version after a confirmation that
// names it. Fetching a version's document and restoring are the team
// session's (on its worker): the dialog asks through signals and shows
// what comes back, so it is tested with data fed in directly.

#include <QDateTime>
#include <QDialog>
#include <QPointer>
#include <QString>
#include <functional>
#include <optional>
#include <vector>

#include "cjm/diff.hpp"
#include "compare_window.hpp"

class QLabel;
class QListWidget;
class QPushButton;
class QTreeWidget;

namespace cjm {

struct TeamVersion {
    qint64 version = 0; // the seq the map reached with it; 0: as first pushed
    QString author;
    QDateTime time; // UTC
    int operations = 0;
    QString summary; // "2 set, 1 add"
};

class TeamHistoryDialog : public QDialog {
    Q_OBJECT
public:
    TeamHistoryDialog(const std::vector<TeamVersion> &versions, const QString &mapTitle, QWidget *parent = nullptr);

    void setVersions(const std::vector<TeamVersion> &versions);
    const std::vector<TeamVersion> &versions() const { return m_versions; }
    // The selected versions' numbers, oldest first.
    std::vector<qint64> selectedVersions() const;
    void selectVersions(const std::vector<qint64> &versions);

    QTreeWidget *versionList() const { return m_list; }
    QListWidget *changeList() const { return m_changes; }
    QPushButton *compareButton() const { return m_compare; }
    QPushButton *restoreButton() const { return m_restore; }
    QPushButton *sideBySideButton() const { return m_sideBySide; }
    QLabel *heading() const { return m_heading; }
    const std::vector<Change> &changes() const { return m_diff; }
    CompareWindow *sideBySideWindow() const { return m_window; }

    // How a version is named in the list, the heading and the confirmation:
    // "version 12 (02/12/2026 10:04, alice)".
    static QString versionName(const TeamVersion &version);
    // The confirmation's question for restoring `version`.
    static QString restoreQuestion(const TeamVersion &version);

    // Replaces the question box (tests): returns whether to go ahead.
    void setConfirmation(std::function<bool(const QString &question)> confirm) { m_confirm = std::move(confirm); }

    void compareSelected();
    void restoreSelected();
    void showSideBySide();

public slots:
    // The answer to compareRequested: the map at both versions.
    void showComparison(qint64 older, const Document &olderDocument, qint64 newer, const Document &newerDocument);
    // Fetching or restoring failed.
    void showError(const QString &message);
    // The restore of `version` is done: it is the map's `newVersion` now.
    void restored(qint64 version, qint64 newVersion);

signals:
    // Two versions to compare: answer with showComparison (or showError).
    void compareRequested(qint64 older, qint64 newer);
    // Restore `version` as a new version: the user has confirmed.
    void restoreRequested(qint64 version);

private:
    void updateButtons();
    const TeamVersion *find(qint64 version) const;

    QLabel *m_heading;
    QTreeWidget *m_list;
    QListWidget *m_changes;
    QPushButton *m_compare;
    QPushButton *m_sideBySide;
    QPushButton *m_restore;
    std::vector<TeamVersion> m_versions;
    std::function<bool(const QString &)> m_confirm;
    std::vector<Change> m_diff;
    std::optional<Document> m_older;
    std::optional<Document> m_newer;
    qint64 m_olderVersion = -1;
    qint64 m_newerVersion = -1;
    QPointer<CompareWindow> m_window;
};

} // namespace cjm
