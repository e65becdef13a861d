// Never lose a map: autosave to recovery files, restore after a crash,
// backups at the first save, and an autosave that fails without harm.
#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <csignal>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include "autosaver.hpp"
#include "cjm/document_io.hpp"
#include "cjm/edit.hpp"
#include "document_controller.hpp"
#include "main_window.hpp"
#include "recovery_store.hpp"

using namespace cjm;

namespace {
QString samplePath(const char *name) { return QStringLiteral(CJM_SAMPLES_DIR "/") + QLatin1String(name); }
QByteArray readAll(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}
void rename(DocumentController &controller, const std::string &title)
{
    Journey journey = controller.document().journey();
    journey.title = title;
    REQUIRE(controller.apply(setJourney(journey), QStringLiteral("Rename")));
}
} // namespace

TEST_CASE("autosave keeps a recovery copy of unsaved changes and drops it on save", "[recovery]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("map.cjm"));
    QFile::copy(samplePath("ecommerce-en.cjm"), path);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    DocumentController controller;
    Problems problems;
    REQUIRE(controller.load(path, problems));
    RecoveryStore store(dir.filePath(QStringLiteral("recovery")));
    Autosaver autosaver(&controller, store);
    CHECK(autosaver.saveNow()); // nothing to protect yet
    CHECK(store.all().empty());

    rename(controller, "Edited, not yet saved");
    REQUIRE(autosaver.saveNow());
    auto entries = store.all();
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].originalPath == path);
    CHECK(entries[0].title == QStringLiteral("Edited, not yet saved"));
    CHECK(readAll(entries[0].mapPath).toStdString() == writeDocument(controller.document()));

    QString error;
    REQUIRE(controller.save(path, error));
    CHECK(store.all().empty()); // saved: nothing left to recover
}

namespace {
// Rewrites who wrote the copy `id`, as a copy from another process (or an
// older version, without the identity fields) would say it.
void setWriter(const RecoveryStore &store, const QString &id, const QJsonObject &writer)
{
    QFile file(store.folder() + QLatin1Char('/') + id + QStringLiteral(".json"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    QJsonObject info = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    for (const QString &field :
         {QStringLiteral("pid"), QStringLiteral("bootId"), QStringLiteral("startTime"), QStringLiteral("lock")})
        info.remove(field);
    for (auto it = writer.begin(); it != writer.end(); ++it)
        info.insert(it.key(), it.value());
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(info).toJson());
}

QStringList ids(const std::vector<RecoveryEntry> &entries)
{
    QStringList list;
    for (const auto &entry : entries)
        list << entry.id;
    list.sort();
    return list;
}

// A process that runs while the test looks, unrelated to any recovery copy.
struct UnrelatedProcess {
    QProcess process;
    UnrelatedProcess()
    {
        process.start(QStringLiteral("sleep"), {QStringLiteral("30")});
        REQUIRE(process.waitForStarted());
    }
    ~UnrelatedProcess()
    {
        process.kill();
        process.waitForFinished();
    }
    qint64 pid() const { return process.processId(); }
};
} // namespace

TEST_CASE("an older recovery copy, with only a pid, is an orphan when that pid does not run", "[recovery]")
{
    QTemporaryDir dir;
    RecoveryStore store(dir.filePath(QStringLiteral("recovery")));
    auto doc = readDocumentFile(samplePath("retail-zh.cjm").toStdString());
    REQUIRE(doc.ok());
    QString error;
    for (const char *id : {"crashed", "alive", "mypid"})
        REQUIRE(store.write(QLatin1String(id), *doc.document, QStringLiteral("/maps/retail.cjm"), error));
    UnrelatedProcess running;
    setWriter(store, QStringLiteral("crashed"), {{QStringLiteral("pid"), 999999}});
    setWriter(store, QStringLiteral("alive"), {{QStringLiteral("pid"), running.pid()}});
    // This process wrote nothing before it started: a copy with its pid is an earlier process's.
    setWriter(store, QStringLiteral("mypid"), {{QStringLiteral("pid"), QCoreApplication::applicationPid()}});
    const auto orphans = store.orphans();
    CHECK(ids(orphans) == QStringList{QStringLiteral("crashed"), QStringLiteral("mypid")});
    REQUIRE_FALSE(orphans.empty());
    CHECK(orphans[0].originalPath == QStringLiteral("/maps/retail.cjm"));
    CHECK(orphans[0].title == QStringLiteral("门店零售客户旅程"));
}

TEST_CASE("a recovery copy whose pid now belongs to an unrelated process is an orphan", "[recovery]")
{
    QTemporaryDir dir;
    RecoveryStore store(dir.filePath(QStringLiteral("recovery")));
    auto doc = readDocumentFile(samplePath("retail-zh.cjm").toStdString());
    REQUIRE(doc.ok());
    QString error;
    for (const char *id : {"other-start", "other-boot", "same-process"})
        REQUIRE(store.write(QLatin1String(id), *doc.document, QString(), error));
    UnrelatedProcess running;
    const qint64 startTime = processStartTime(running.pid());
    REQUIRE(startTime >= 0);
    REQUIRE_FALSE(currentBootId().isEmpty());
    // No lock to ask (the file is gone): the identity decides.
    const auto writer = [&](qint64 recordedStart, const QString &bootId) {
        return QJsonObject{{QStringLiteral("pid"), running.pid()},
                           {QStringLiteral("startTime"), recordedStart},
                           {QStringLiteral("bootId"), bootId},
                           {QStringLiteral("lock"), QStringLiteral("session-gone.lock")}};
    };
    setWriter(store, QStringLiteral("other-start"), writer(startTime + 1, currentBootId()));
    setWriter(store, QStringLiteral("other-boot"),
              writer(startTime, QStringLiteral("0f0e0d0c-0000-4000-8000-000000000000")));
    setWriter(store, QStringLiteral("same-process"), writer(startTime, currentBootId()));
    CHECK(ids(store.orphans()) == QStringList{QStringLiteral("other-boot"), QStringLiteral("other-start")});
}

TEST_CASE("a recovery copy whose writer died but is not yet reaped is an orphan", "[recovery]")
{
    QTemporaryDir dir;
    RecoveryStore store(dir.filePath(QStringLiteral("recovery")));
    auto doc = readDocumentFile(samplePath("retail-zh.cjm").toStdString());
    REQUIRE(doc.ok());
    QString error;
    for (const char *id : {"older", "newer"})
        REQUIRE(store.write(QLatin1String(id), *doc.document, QString(), error));
    // A child that has ended and that nobody has waited for yet: a zombie,
    // which kill(pid, 0) still finds.
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0)
        ::_exit(0);
    siginfo_t info{};
    REQUIRE(::waitid(P_PID, static_cast<id_t>(child), &info, WEXITED | WNOWAIT) == 0); // ended, still unreaped
    REQUIRE(::kill(child, 0) == 0);
    setWriter(store, QStringLiteral("older"), {{QStringLiteral("pid"), child}});
    // Its start time, as it stands in /proc (field 22, after the name in parentheses).
    QFile stat(QStringLiteral("/proc/%1/stat").arg(child));
    REQUIRE(stat.open(QIODevice::ReadOnly | QIODevice::Unbuffered));
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 1).simplified().split(' ');
    REQUIRE(fields.size() > 19);
    CHECK(fields[0] == "Z");
    setWriter(store, QStringLiteral("newer"),
              {{QStringLiteral("pid"), child},
               {QStringLiteral("bootId"), currentBootId()},
               {QStringLiteral("startTime"), fields[19].toLongLong()}});
    CHECK(processStartTime(child) == -1); // it does not run
    CHECK(ids(store.orphans()) == QStringList{QStringLiteral("newer"), QStringLiteral("older")});
    ::waitpid(child, nullptr, 0);
}

TEST_CASE("a recovery copy is an orphan exactly when no process holds its writer's session lock", "[recovery]")
{
    QTemporaryDir dir;
    RecoveryStore store(dir.filePath(QStringLiteral("recovery")));
    auto doc = readDocumentFile(samplePath("retail-zh.cjm").toStdString());
    REQUIRE(doc.ok());
    QString error;
    for (const char *id : {"mine", "held", "released"})
        REQUIRE(store.write(QLatin1String(id), *doc.document, QString(), error));
    const auto written = store.all();
    REQUIRE(written.size() == 3);
    // This process's own copies name the lock it holds while it runs.
    CHECK(written[0].lockName.startsWith(QStringLiteral("session-")));
    CHECK(written[0].pid == QCoreApplication::applicationPid());
    CHECK(written[0].startTime == processStartTime(QCoreApplication::applicationPid()));
    CHECK(written[0].bootId == currentBootId());

    // Another writer's lock, held through a descriptor of its own, as a live
    // process would; its pid and start time say nothing that could match.
    const QString ownerLock = QStringLiteral("session-owner.lock");
    const QByteArray ownerPath = QFile::encodeName(store.folder() + QLatin1Char('/') + ownerLock);
    const int fd = ::open(ownerPath.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    REQUIRE(fd >= 0);
    REQUIRE(::flock(fd, LOCK_EX | LOCK_NB) == 0);
    UnrelatedProcess running;
    const QJsonObject stranger{{QStringLiteral("pid"), running.pid()},
                               {QStringLiteral("startTime"), processStartTime(running.pid())},
                               {QStringLiteral("bootId"), currentBootId()},
                               {QStringLiteral("lock"), ownerLock}};
    QJsonObject dead = stranger;
    dead[QStringLiteral("pid")] = 999999;
    setWriter(store, QStringLiteral("held"), dead);
    // Released: the writer is gone, even though its pid and start time match a running process.
    const QString releasedLock = QStringLiteral("session-released.lock");
    QFile released(store.folder() + QLatin1Char('/') + releasedLock);
    REQUIRE(released.open(QIODevice::WriteOnly));
    released.close();
    QJsonObject alive = stranger;
    alive[QStringLiteral("lock")] = releasedLock;
    setWriter(store, QStringLiteral("released"), alive);
    // A lock nobody holds and no copy names is cleared away.
    QFile stale(store.folder() + QStringLiteral("/session-stale.lock"));
    REQUIRE(stale.open(QIODevice::WriteOnly));
    stale.close();

    CHECK(ids(store.orphans()) == QStringList{QStringLiteral("released")});
    CHECK_FALSE(stale.exists());
    CHECK(QFile::exists(store.folder() + QLatin1Char('/') + written[0].lockName));
    ::close(fd); // the owner ends: the kernel drops its lock
    CHECK(ids(store.orphans()) == QStringList{QStringLiteral("held"), QStringLiteral("released")});
}

TEST_CASE("restoring a recovery copy opens it as unsaved changes to its file", "[recovery]")
{
    QTemporaryDir dir;
    RecoveryStore store(dir.filePath(QStringLiteral("recovery")));
    DocumentController source;
    Problems problems;
    REQUIRE(source.load(samplePath("ecommerce-en.cjm"), problems));
    rename(source, "Work from before the crash");
    QString error;
    REQUIRE(store.write(QStringLiteral("old"), source.document(), samplePath("ecommerce-en.cjm"), error));
    const RecoveryEntry entry = store.all().front();
    MainWindow *window = MainWindow::restoreRecovered(entry, store);
    REQUIRE(window);
    CHECK(window->controller()->document().journey().title == "Work from before the crash");
    CHECK(window->controller()->filePath() == samplePath("ecommerce-en.cjm"));
    CHECK(window->controller()->isModified());
    CHECK(window->isWindowModified());
    // The old copy is gone; the window protects the map under its own.
    CHECK_FALSE(QFile::exists(entry.mapPath));
    window->controller()->undoStack()->setClean();
    window->close();
}

TEST_CASE("the first save of a session keeps the previous version as .bak", "[recovery]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("map.cjm"));
    QFile::copy(samplePath("ecommerce-en.cjm"), path);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    const QByteArray original = readAll(path);
    DocumentController controller;
    Problems problems;
    REQUIRE(controller.load(path, problems));
    rename(controller, "First change");
    QString error;
    REQUIRE(controller.save(path, error));
    CHECK(readAll(path + QStringLiteral(".bak")) == original);
    rename(controller, "Second change");
    REQUIRE(controller.save(path, error));
    CHECK(readAll(path + QStringLiteral(".bak")) == original); // still the version before the session

    const QString other = dir.filePath(QStringLiteral("nobak.cjm"));
    QFile::copy(samplePath("ecommerce-en.cjm"), other);
    QFile::setPermissions(other, QFile::ReadOwner | QFile::WriteOwner);
    DocumentController plain;
    REQUIRE(plain.load(other, problems));
    plain.setBackupsEnabled(false);
    rename(plain, "No backup wanted");
    REQUIRE(plain.save(other, error));
    CHECK_FALSE(QFile::exists(other + QStringLiteral(".bak")));
}

TEST_CASE("a failing autosave says so and editing goes on", "[recovery]")
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("not-a-folder")));
    REQUIRE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    DocumentController controller;
    Problems problems;
    REQUIRE(controller.load(samplePath("ecommerce-en.cjm"), problems));
    RecoveryStore store(dir.filePath(QStringLiteral("not-a-folder/recovery")));
    Autosaver autosaver(&controller, store);
    QSignalSpy failed(&autosaver, &Autosaver::failed);
    rename(controller, "Still editing");
    CHECK_FALSE(autosaver.saveNow());
    CHECK(failed.count() == 1);
    rename(controller, "Still editing, more");
    CHECK(controller.document().journey().title == "Still editing, more");
}
