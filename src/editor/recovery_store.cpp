#include "recovery_store.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <csignal>
#include <sys/types.h>

#include "cjm/document_io.hpp"
#include "cjm/file_io.hpp"
#include "qt_text.hpp"

namespace cjm {

namespace {
bool processRuns(qint64 pid)
{
    // Signal 0 checks for existence; EPERM means it runs under another user.
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}
} // namespace

RecoveryStore::RecoveryStore(QString folder) : m_folder(std::move(folder))
{
    if (m_folder.isEmpty())
        m_folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery");
}

bool RecoveryStore::write(const QString &id, const Document &document, const QString &originalPath, QString &error) const
{
    if (!QDir().mkpath(m_folder)) {
        error = QCoreApplication::translate("Recovery", "Cannot create the folder %1").arg(m_folder);
        return false;
    }
    const std::string bytes = writeDocument(document);
    auto written = defaultFileSystem().writeAtomically(toStdString(m_folder + QLatin1Char('/') + id + QStringLiteral(".cjm")), bytes);
    if (!written.ok) {
        error = toQString(written.error);
        return false;
    }
    QJsonObject info;
    info[QStringLiteral("original")] = originalPath;
    info[QStringLiteral("title")] = toQString(document.journey().title);
    info[QStringLiteral("time")] = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    info[QStringLiteral("pid")] = QCoreApplication::applicationPid();
    const QByteArray json = QJsonDocument(info).toJson();
    written = defaultFileSystem().writeAtomically(toStdString(m_folder + QLatin1Char('/') + id + QStringLiteral(".json")),
                                                  std::string_view(json.constData(), static_cast<std::size_t>(json.size())));
    if (!written.ok) {
        error = toQString(written.error);
        return false;
    }
    return true;
}

void RecoveryStore::remove(const QString &id) const
{
    QFile::remove(m_folder + QLatin1Char('/') + id + QStringLiteral(".cjm"));
    QFile::remove(m_folder + QLatin1Char('/') + id + QStringLiteral(".json"));
}

std::vector<RecoveryEntry> RecoveryStore::all() const
{
    std::vector<RecoveryEntry> entries;
    const QDir dir(m_folder);
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Time)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject info = QJsonDocument::fromJson(file.readAll()).object();
        RecoveryEntry entry;
        entry.id = name.chopped(5);
        entry.mapPath = dir.filePath(entry.id + QStringLiteral(".cjm"));
        if (!QFile::exists(entry.mapPath))
            continue;
        entry.originalPath = info.value(QStringLiteral("original")).toString();
        entry.title = info.value(QStringLiteral("title")).toString();
        entry.time = QDateTime::fromString(info.value(QStringLiteral("time")).toString(), Qt::ISODate);
        entry.pid = info.value(QStringLiteral("pid")).toInteger();
        entries.push_back(std::move(entry));
    }
    return entries;
}

std::vector<RecoveryEntry> RecoveryStore::orphans() const
{
    std::vector<RecoveryEntry> entries;
    for (auto &entry : all())
        if (!processRuns(entry.pid) || entry.pid == QCoreApplication::applicationPid())
            entries.push_back(std::move(entry));
    return entries;
}

} // namespace cjm
