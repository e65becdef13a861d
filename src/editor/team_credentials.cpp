#include "team_credentials.hpp"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QUrl>
#include <QVBoxLayout>
#include <qt6keychain/keychain.h>
#include <vector>

#include "plain_message.hpp"

namespace cjm {

namespace {

bool isUri(const QString &conninfo)
{
    const QString text = conninfo.trimmed();
    return text.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
           text.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

// The keywords whose values are secrets: the password and the passphrase
// of the client's TLS key.
bool isSecretKey(const QString &key) { return key == QLatin1String("password") || key == QLatin1String("sslpassword"); }

// One `key = value` of libpq's key=value form, as a span of the text.
struct Pair {
    qsizetype start = 0;
    qsizetype end = 0;
    QString key;
};

// The pairs of a key=value connection string. Lenient as libpq's reader
// is strict: whatever does not parse is one pair ending at the next space,
// so it is kept as typed (libpq then says what is wrong with it).
std::vector<Pair> keyValuePairs(const QString &text)
{
    std::vector<Pair> pairs;
    const qsizetype n = text.size();
    qsizetype i = 0;
    auto skipSpaces = [&] {
        while (i < n && text[i].isSpace())
            ++i;
    };
    while (true) {
        skipSpaces();
        if (i >= n)
            break;
        Pair pair;
        pair.start = i;
        while (i < n && text[i] != QLatin1Char('=') && !text[i].isSpace())
            pair.key += text[i++];
        skipSpaces();
        if (i < n && text[i] == QLatin1Char('=')) {
            ++i;
            skipSpaces();
            if (i < n && text[i] == QLatin1Char('\'')) {
                ++i;
                while (i < n && text[i] != QLatin1Char('\'')) {
                    if (text[i] == QLatin1Char('\\'))
                        ++i;
                    ++i;
                }
                i = std::min(n, i + 1); // the closing quote
            } else {
                while (i < n && !text[i].isSpace()) {
                    if (text[i] == QLatin1Char('\\'))
                        ++i;
                    ++i;
                }
            }
        }
        pair.end = std::min(i, n);
        pair.key = pair.key.trimmed().toLower();
        pairs.push_back(pair);
    }
    return pairs;
}

QString stripKeyValues(const QString &text, bool *had)
{
    QStringList kept;
    for (const Pair &pair : keyValuePairs(text)) {
        if (isSecretKey(pair.key))
            *had = true;
        else
            kept << text.mid(pair.start, pair.end - pair.start);
    }
    return kept.join(QLatin1Char(' '));
}

QString stripUri(const QString &uri, bool *had)
{
    QString text = uri.trimmed();
    const qsizetype schemeEnd = text.indexOf(QLatin1String("://")) + 3;
    qsizetype authorityEnd = text.size();
    for (const QChar c : {QLatin1Char('/'), QLatin1Char('?'), QLatin1Char('#')}) {
        const qsizetype at = text.indexOf(c, schemeEnd);
        if (at >= 0)
            authorityEnd = std::min(authorityEnd, at);
    }
    // user:password@host — the password is what follows the first ':' of the user part.
    const qsizetype at = text.lastIndexOf(QLatin1Char('@'), authorityEnd - 1);
    if (at >= schemeEnd) {
        const qsizetype colon = text.indexOf(QLatin1Char(':'), schemeEnd);
        if (colon >= 0 && colon < at) {
            text.remove(colon, at - colon);
            *had = true;
            authorityEnd -= at - colon;
        }
    }
    const qsizetype question = text.indexOf(QLatin1Char('?'), authorityEnd);
    if (question < 0)
        return text;
    qsizetype queryEnd = text.indexOf(QLatin1Char('#'), question);
    if (queryEnd < 0)
        queryEnd = text.size();
    QStringList kept;
    const QStringList parameters = text.mid(question + 1, queryEnd - question - 1).split(QLatin1Char('&'));
    for (const QString &parameter : parameters) {
        const QString key = QUrl::fromPercentEncoding(parameter.section(QLatin1Char('='), 0, 0).toUtf8());
        if (isSecretKey(key.trimmed().toLower()))
            *had = true;
        else if (!parameter.isEmpty())
            kept << parameter;
    }
    QString result = text.left(question);
    if (!kept.isEmpty())
        result += QLatin1Char('?') + kept.join(QLatin1Char('&'));
    return result + text.mid(queryEnd);
}

} // namespace

QString stripPassword(const QString &conninfo, bool *hadPassword)
{
    bool had = false;
    const QString stripped = isUri(conninfo) ? stripUri(conninfo, &had) : stripKeyValues(conninfo, &had);
    if (hadPassword)
        *hadPassword = had;
    return had ? stripped : conninfo.trimmed();
}

bool hasPassword(const QString &conninfo)
{
    bool had = false;
    stripPassword(conninfo, &had);
    return had;
}

QString withPassword(const QString &conninfo, const QString &password)
{
    const QString base = stripPassword(conninfo);
    if (isUri(base)) {
        const qsizetype hash = base.indexOf(QLatin1Char('#'));
        const QString head = hash < 0 ? base : base.left(hash);
        const QString tail = hash < 0 ? QString() : base.mid(hash);
        const QString separator = head.contains(QLatin1Char('?')) ? QStringLiteral("&") : QStringLiteral("?");
        return head + separator + QStringLiteral("password=") + QString::fromLatin1(QUrl::toPercentEncoding(password)) +
               tail;
    }
    QString quoted = password;
    quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    quoted.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return (base.isEmpty() ? QString() : base + QLatin1Char(' ')) + QStringLiteral("password='") + quoted +
           QLatin1Char('\'');
}

TeamCredentials::TeamCredentials(QObject *parent) : QObject(parent) {}

QString TeamCredentials::settingsKey() { return QStringLiteral("team/connection"); }

QString TeamCredentials::savedConnection()
{
    // Stripped on the way out too: a settings file edited by hand (or by
    // an older build) still never hands a stored password around.
    return stripPassword(QSettings().value(settingsKey()).toString());
}

QString TeamCredentials::saveConnection(const QString &conninfo, QString *message)
{
    bool had = false;
    const QString stripped = stripPassword(conninfo, &had);
    QSettings().setValue(settingsKey(), stripped);
    if (message)
        *message = had ? strippedMessage() : QString();
    return stripped;
}

QString TeamCredentials::keychainService() { return QStringLiteral("CJM Studio team library"); }

QString TeamCredentials::keychainKey(const QString &conninfo) { return stripPassword(conninfo).simplified(); }

QString TeamCredentials::noKeychainMessage()
{
    return tr("No system keychain is available, so CJM Studio cannot remember the password: it asks for it each "
              "time. To connect without being asked, put the password in ~/.pgpass (or the file PGPASSFILE "
              "names) or use a service from pg_service.conf; CJM Studio never keeps a password in its settings.");
}

QString TeamCredentials::strippedMessage()
{
    return tr("The password was taken out of the connection string: CJM Studio keeps passwords in the system "
              "keychain (or libpq's ~/.pgpass), never in its settings.");
}

void TeamCredentials::readPassword(const QString &conninfo, std::function<void(std::optional<QString>, QString)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(keychainService(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text file in the settings
    job->setKey(keychainKey(conninfo));
    connect(job, &QKeychain::Job::finished, this, [this, done = std::move(done)](QKeychain::Job *finished) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
        switch (read->error()) {
        case QKeychain::NoError:
            m_keychainUnavailable = false;
            done(read->textData(), QString());
            break;
        case QKeychain::EntryNotFound:
            m_keychainUnavailable = false;
            done(std::nullopt, QString());
            break;
        case QKeychain::AccessDeniedByUser: done(std::nullopt, read->errorString()); break;
        default:
            m_keychainUnavailable = true;
            done(std::nullopt, read->errorString());
            break;
        }
    });
    job->start();
}

void TeamCredentials::writePassword(const QString &conninfo, const QString &password,
                                    std::function<void(bool, QString)> done)
{
    auto *job = new QKeychain::WritePasswordJob(keychainService(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keychainKey(conninfo));
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this, done = std::move(done)](QKeychain::Job *finished) {
        const bool ok = finished->error() == QKeychain::NoError;
        if (!ok && finished->error() != QKeychain::AccessDeniedByUser)
            m_keychainUnavailable = true;
        if (done)
            done(ok, ok ? QString()
                        : tr("The password could not be saved in the keychain: %1").arg(finished->errorString()));
    });
    job->start();
}

void TeamCredentials::forgetPassword(const QString &conninfo)
{
    auto *job = new QKeychain::DeletePasswordJob(keychainService(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keychainKey(conninfo));
    job->start();
}

void TeamCredentials::passwordFor(QWidget *parent, const QString &conninfo, std::function<void(Answer)> done)
{
    readPassword(conninfo, [this, parent, conninfo, done = std::move(done)](std::optional<QString> password,
                                                                            const QString &error) {
        if (password) {
            done({Outcome::Password, *password});
            return;
        }
        auto *dialog = new PasswordDialog(conninfo, !m_keychainUnavailable, error, parent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::finished, this, [this, dialog, conninfo, done](int result) {
            if (result != QDialog::Accepted) {
                done({Outcome::Cancelled, {}});
                return;
            }
            const QString typed = dialog->password();
            if (typed.isEmpty()) {
                done({Outcome::LibpqFiles, {}});
                return;
            }
            if (dialog->remember())
                writePassword(conninfo, typed, {});
            done({Outcome::Password, typed});
        });
        dialog->open();
    });
}

PasswordDialog::PasswordDialog(const QString &conninfo, bool keychainAvailable, const QString &keychainProblem,
                               QWidget *parent)
    : QDialog(parent), m_password(new QLineEdit(this)), m_remember(new QCheckBox(this)),
      m_explanation(plainLabel(QString(), this))
{
    setWindowTitle(tr("Team Library Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setObjectName(QStringLiteral("password"));
    m_remember->setText(tr("&Remember in the system keychain"));
    m_remember->setObjectName(QStringLiteral("remember"));
    m_explanation->setWordWrap(true);
    m_explanation->setTextInteractionFlags(Qt::NoTextInteraction);
    QString text = tr("Leave the password empty to use ~/.pgpass or a pg_service.conf service.");
    if (keychainAvailable) {
        m_remember->setChecked(true);
    } else {
        m_remember->setChecked(false);
        m_remember->setEnabled(false);
        text = TeamCredentials::noKeychainMessage();
        if (!keychainProblem.isEmpty())
            text += QLatin1Char('\n') + tr("(The keychain said: %1)").arg(keychainProblem);
    }
    m_explanation->setText(text);

    auto *form = new QFormLayout;
    form->addRow(tr("Connection:"), plainLabel(stripPassword(conninfo), this));
    form->addRow(tr("&Password:"), m_password);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_remember);
    layout->addWidget(m_explanation);
    layout->addWidget(buttons);
    keepLabelsPlain(this);
}

QString PasswordDialog::password() const { return m_password->text(); }

bool PasswordDialog::remember() const { return m_remember->isEnabled() && m_remember->isChecked(); }

} // namespace cjm
