#pragma once
// Credentials for the team library (#20 item 7): the connection string is
// kept in the settings WITHOUT a password; a password goes to the system
// keychain (qtkeychain: Secret Service, KWallet, the macOS Keychain, the
// Windows credential store). With no keychain service running (a CI
// machine, a bare X server), nothing is stored: the password is asked for
// each time, or libpq finds it in ~/.pgpass (PGPASSFILE) or a service file
// (pg_service.conf), as the CLI does. A password never reaches QSettings,
// not even as qtkeychain's "insecure fallback".

#include <QDialog>
#include <QObject>
#include <QString>
#include <functional>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace cjm {

// `conninfo` without any password: a `password=...` (or `sslpassword=...`,
// the TLS key's passphrase) keyword of libpq's
// key=value form (quoted or not, spaces around '=' allowed), and in the URI
// form (postgresql://user:secret@host/db?password=secret) the password of
// the user part and a `password` parameter. The rest is kept as typed.
// `hadPassword` says whether anything was taken out.
QString stripPassword(const QString &conninfo, bool *hadPassword = nullptr);
// Whether `conninfo` holds a password in either form.
bool hasPassword(const QString &conninfo);
// `conninfo` with `password` added, quoted as libpq wants, for handing to
// the library at connect time; never stored anywhere.
QString withPassword(const QString &conninfo, const QString &password);

// Where the connection and the password are kept.
class TeamCredentials : public QObject {
    Q_OBJECT
public:
    explicit TeamCredentials(QObject *parent = nullptr);

    // The settings key of the connection string ("team/connection").
    static QString settingsKey();
    // The connection string last used, as saved (no password).
    static QString savedConnection();
    // Saves `conninfo` without its password; returns what was saved. When a
    // password had to be taken out, `message` says so (else it is emptied).
    static QString saveConnection(const QString &conninfo, QString *message = nullptr);
    // The keychain's service name and the key of one connection's password.
    static QString keychainService();
    static QString keychainKey(const QString &conninfo);

    // The password saved for `conninfo` in the keychain. `done(password,
    // error)`: the password, or nullopt with an empty error (none saved) or
    // a message (no keychain: `keychainUnavailable()` is then true).
    void readPassword(const QString &conninfo,
                      std::function<void(std::optional<QString> password, QString error)> done);
    // Saves a password in the keychain; `done(ok, message)`.
    void writePassword(const QString &conninfo, const QString &password,
                       std::function<void(bool ok, QString message)> done);
    void forgetPassword(const QString &conninfo);
    // Whether the last keychain job found no keychain service to talk to.
    bool keychainUnavailable() const { return m_keychainUnavailable; }

    enum class Outcome { Password, LibpqFiles, Cancelled };
    struct Answer {
        Outcome outcome = Outcome::Cancelled;
        QString password; // with Outcome::Password
    };
    // The password to connect with: the keychain's, else asked of the user
    // (PasswordDialog), who may leave it to ~/.pgpass / the service file.
    void passwordFor(QWidget *parent, const QString &conninfo, std::function<void(Answer)> done);

    // Why nothing can be remembered when there is no keychain.
    static QString noKeychainMessage();
    // What saveConnection() says when it took a password out.
    static QString strippedMessage();

private:
    bool m_keychainUnavailable = false;
};

// Asks for the password of one connection. When `keychainAvailable`, a box
// offers to remember it there; otherwise the dialog says that nothing will
// be remembered and how ~/.pgpass or a service file avoids the question.
class PasswordDialog : public QDialog {
    Q_OBJECT
public:
    PasswordDialog(const QString &conninfo, bool keychainAvailable, const QString &keychainProblem,
                   QWidget *parent = nullptr);

    QString password() const;
    bool remember() const;
    QLineEdit *passwordEdit() const { return m_password; }
    QCheckBox *rememberBox() const { return m_remember; }
    QLabel *explanation() const { return m_explanation; }

private:
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_explanation;
};

} // namespace cjm
