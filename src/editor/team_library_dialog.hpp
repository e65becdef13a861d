#pragma once
// File ▸ Open from Team Library… and Save to Team Library… (docs/team.md):
// the connection string (libpq's; a password is asked for and kept in the
// keychain by TeamCredentials, or found by libpq in ~/.pgpass or a service
// file, never in the settings), then the maps the account can see with
// their title and the account's access, or the id for a new map. Talking to
// the server runs off the window's thread: the dialog stays responsive, and
// an unreachable server is a message, not a frozen window.

#include <QDialog>
#include <QFutureWatcher>
#include <QPointer>
#include <QString>
#include <optional>
#include <vector>

#include "cjm/document.hpp"
#include "team_library.hpp"

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace cjm {

class TeamCredentials;

class TeamLibraryDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Open, Save };
    // Save: `document` is the map to store (copied).
    TeamLibraryDialog(Mode mode, QWidget *parent = nullptr, const Document *document = nullptr);
    ~TeamLibraryDialog() override;

    // The connection to use: as typed, with a password given in the dialog
    // (memory only; never stored).
    QString conninfo() const;
    // Open: the chosen map; Save: the map made.
    QString mapId() const { return m_mapId; }
    QString mapTitle() const { return m_mapTitle; }
    QString access() const { return m_access; }
    const std::vector<team::MapSummary> &maps() const { return m_maps; }
    bool isBusy() const;

    QLineEdit *connectionEdit() const { return m_connection; }
    QLineEdit *idEdit() const { return m_id; }
    QPushButton *connectButton() const { return m_connect; }
    QTreeWidget *mapList() const { return m_list; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *acceptButton() const;

public slots:
    // Lists the maps (Open) or checks the connection (Save).
    void connectToLibrary();
    // Open: the selected map; Save: creates the map, then closes.
    void accept() override;

private:
    struct Outcome {
        bool ok = false;
        bool needsPassword = false;
        QString error;
        std::vector<team::MapSummary> maps;
        QString createdId;
    };
    void run(bool create);
    void finished(const Outcome &outcome);
    void updateButtons();
    QString typedConnection() const;

    Mode m_mode;
    std::optional<Document> m_document;
    QLineEdit *m_connection;
    QPushButton *m_connect;
    QTreeWidget *m_list;
    QLineEdit *m_id = nullptr;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    // The talk with the server now; not waited for when the dialog closes
    // (it ends by itself within libpq's connect_timeout).
    QPointer<QFutureWatcher<Outcome>> m_watcher;
    bool m_creating = false;
    bool m_askedPassword = false;
    QString m_password;
    QString m_mapId, m_mapTitle, m_access;
    std::vector<team::MapSummary> m_maps;
    TeamCredentials *m_credentials;
};

} // namespace cjm
