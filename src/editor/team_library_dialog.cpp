#include "team_library_dialog.hpp"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "plain_message.hpp"
#include "qt_text.hpp"
#include "team_credentials.hpp"

namespace cjm {

namespace {
enum Column { IdColumn, TitleColumn, AccessColumn };

QString accessText(const std::string &access)
{
    if (access == "owner")
        return TeamLibraryDialog::tr("owner");
    if (access == "editor")
        return TeamLibraryDialog::tr("editor");
    if (access == "viewer")
        return TeamLibraryDialog::tr("viewer");
    return toQString(access); // the administrator's "" and anything newer, as the server says it
}

// A server that does not answer costs a few seconds, not libpq's default
// of waiting for the operating system to give up.
QString withConnectTimeout(const QString &conninfo)
{
    if (conninfo.contains(QStringLiteral("connect_timeout")))
        return conninfo;
    if (conninfo.startsWith(QStringLiteral("postgres://")) || conninfo.startsWith(QStringLiteral("postgresql://")))
        return conninfo + (conninfo.contains(QLatin1Char('?')) ? QStringLiteral("&") : QStringLiteral("?")) +
               QStringLiteral("connect_timeout=5");
    return conninfo + QStringLiteral(" connect_timeout=5");
}

// libpq says so when the server wants a password it was not given.
bool asksForPassword(const QString &error)
{
    return error.contains(QStringLiteral("no password supplied")) ||
           error.contains(QStringLiteral("password authentication failed"));
}
} // namespace

TeamLibraryDialog::TeamLibraryDialog(Mode mode, QWidget *parent, const Document *document)
    : QDialog(parent), m_mode(mode), m_credentials(new TeamCredentials(this))
{
    if (document)
        m_document = *document;
    setObjectName(mode == Mode::Open ? QStringLiteral("teamOpenDialog") : QStringLiteral("teamSaveDialog"));
    setWindowTitle(mode == Mode::Open ? tr("Open from Team Library") : tr("Save to Team Library"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    auto *connectionRow = new QHBoxLayout;
    m_connection = new QLineEdit(TeamCredentials::savedConnection(), this);
    m_connection->setObjectName(QStringLiteral("teamConnection"));
    m_connection->setPlaceholderText(QStringLiteral("host=db.example.com dbname=cjm user=alice sslmode=require"));
    m_connection->setToolTip(tr("A PostgreSQL connection string (key=value or postgresql://...). A password is "
                                "asked for when needed and never stored in the settings."));
    m_connect = new QPushButton(tr("&Connect"), this);
    m_connect->setObjectName(QStringLiteral("teamConnect"));
    connectionRow->addWidget(m_connection, 1);
    connectionRow->addWidget(m_connect);
    form->addRow(tr("C&onnection:"), connectionRow);
    if (mode == Mode::Save) {
        m_id = new QLineEdit(this);
        m_id->setObjectName(QStringLiteral("teamMapId"));
        m_id->setPlaceholderText(tr("made up when left empty"));
        m_id->setToolTip(tr("Letters, digits, '.', '_' or '-', starting with a letter or digit"));
        form->addRow(tr("Map &id:"), m_id);
    }
    layout->addLayout(form);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("teamMaps"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Id"), tr("Title"), tr("Your access")});
    m_list->header()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_list->setEnabled(mode == Mode::Open);
    layout->addWidget(m_list, 1);
    m_status = plainLabel(QString(), this);
    m_status->setObjectName(QStringLiteral("teamStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    acceptButton()->setText(mode == Mode::Open ? tr("&Open") : tr("&Save"));
    layout->addWidget(m_buttons);
    resize(640, 420);

    connect(m_connect, &QPushButton::clicked, this, &TeamLibraryDialog::connectToLibrary);
    connect(m_connection, &QLineEdit::returnPressed, this, &TeamLibraryDialog::connectToLibrary);
    connect(m_connection, &QLineEdit::textChanged, this, [this] {
        m_password.clear();
        m_askedPassword = false;
        updateButtons();
    });
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &TeamLibraryDialog::updateButtons);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this] { accept(); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TeamLibraryDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateButtons();
    if (mode == Mode::Open && !m_connection->text().trimmed().isEmpty())
        m_status->setText(tr("Connect to list the maps you can open."));
}

TeamLibraryDialog::~TeamLibraryDialog() = default;

QPushButton *TeamLibraryDialog::acceptButton() const { return m_buttons->button(QDialogButtonBox::Ok); }

// Busy until finished() has taken the answer: the future stops running a
// moment before its finished signal reaches this dialog.
bool TeamLibraryDialog::isBusy() const { return !m_watcher.isNull(); }

QString TeamLibraryDialog::typedConnection() const { return m_connection->text().trimmed(); }

QString TeamLibraryDialog::conninfo() const
{
    const QString typed = typedConnection();
    if (m_password.isEmpty() || hasPassword(typed))
        return typed;
    return withPassword(typed, m_password);
}

void TeamLibraryDialog::updateButtons()
{
    const bool busy = isBusy();
    const bool typed = !typedConnection().isEmpty();
    m_connect->setEnabled(!busy && typed);
    m_connection->setEnabled(!busy);
    if (m_mode == Mode::Open)
        acceptButton()->setEnabled(!busy && !m_list->selectedItems().isEmpty());
    else
        acceptButton()->setEnabled(!busy && typed);
}

void TeamLibraryDialog::connectToLibrary()
{
    if (typedConnection().isEmpty() || isBusy())
        return;
    run(false);
}

void TeamLibraryDialog::accept()
{
    if (isBusy())
        return;
    if (m_mode == Mode::Open) {
        const auto selected = m_list->selectedItems();
        if (selected.isEmpty())
            return;
        m_mapId = selected.front()->text(IdColumn);
        m_mapTitle = selected.front()->text(TitleColumn);
        m_access = selected.front()->data(AccessColumn, Qt::UserRole).toString();
        QDialog::accept();
        return;
    }
    if (typedConnection().isEmpty())
        return;
    const QString id = m_id->text().trimmed();
    if (!id.isEmpty() && !team::isValidMapId(toStdString(id))) {
        m_status->setText(tr("“%1” cannot be a map id: use letters, digits, '.', '_' or '-' (at most 128), "
                             "starting with a letter or digit.")
                              .arg(id));
        return;
    }
    run(true);
}

void TeamLibraryDialog::run(bool create)
{
    m_creating = create;
    const std::string connection = toStdString(withConnectTimeout(conninfo()));
    std::optional<Document> document = create ? m_document : std::nullopt;
    const QString id = m_id ? m_id->text().trimmed() : QString();
    m_status->setText(create ? tr("Saving to the team library…") : tr("Connecting…"));
    auto *watcher = new QFutureWatcher<Outcome>(qApp);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcher<Outcome>::finished, watcher, &QObject::deleteLater);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher] { finished(watcher->result()); });
    watcher->setFuture(QtConcurrent::run([connection, document, id]() {
        Outcome outcome;
        try {
            team::TeamLibrary library(connection);
            if (document) {
                outcome.createdId = toQString(library.create(
                    *document, id.isEmpty() ? std::nullopt : std::optional<std::string>(toStdString(id))));
            } else {
                outcome.maps = library.list();
            }
            outcome.ok = true;
        } catch (const std::exception &error) {
            outcome.error = toQString(error.what());
            outcome.needsPassword = asksForPassword(outcome.error);
        }
        return outcome;
    }));
    updateButtons();
}

void TeamLibraryDialog::finished(const Outcome &outcome)
{
    m_watcher = nullptr;
    updateButtons();
    if (!outcome.ok) {
        if (outcome.needsPassword && !m_askedPassword) {
            // Asked once per connection string; the keychain may know it.
            m_askedPassword = true;
            const bool creating = m_creating;
            m_credentials->passwordFor(this, typedConnection(), [this, creating](TeamCredentials::Answer answer) {
                if (answer.outcome == TeamCredentials::Outcome::Cancelled) {
                    m_status->setText(tr("The server wants a password."));
                    return;
                }
                m_password = answer.password;
                run(creating);
            });
            return;
        }
        m_status->setText(tr("Could not reach the team library: %1").arg(outcome.error));
        return;
    }
    QString message;
    TeamCredentials::saveConnection(typedConnection(), &message);
    if (m_creating) {
        m_mapId = outcome.createdId;
        m_mapTitle = m_document ? toQString(m_document->journey().title) : QString();
        m_access = QStringLiteral("owner");
        m_status->setText(tr("Saved as “%1”.").arg(m_mapId));
        QDialog::accept();
        return;
    }
    m_maps = outcome.maps;
    m_list->clear();
    for (const team::MapSummary &map : m_maps) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(IdColumn, toQString(map.id));
        item->setText(TitleColumn, toQString(map.title));
        item->setText(AccessColumn, accessText(map.access));
        item->setData(AccessColumn, Qt::UserRole, toQString(map.access));
        item->setToolTip(TitleColumn, plainToolTip(toQString(map.title)));
    }
    if (!m_maps.empty())
        m_list->setCurrentItem(m_list->topLevelItem(0));
    QString status = m_maps.empty() ? tr("The team library has no map you can open.")
                                    : tr("%n map(s) you can open.", "", static_cast<int>(m_maps.size()));
    if (!message.isEmpty())
        status += QLatin1Char(' ') + message;
    m_status->setText(status);
    updateButtons();
}

} // namespace cjm
