// Never lose a map: autosave to recovery files, restore after a crash,
// backups at the first save, and an autosave that fails without harm.
#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>

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
    REQUIRE(controller.apply(setJourney(journey), QStringLiteral("Rename"), ChangeHint::journey()));
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

TEST_CASE("a recovery copy left by a process that is gone is an orphan; a running one's is not", "[recovery]")
{
    QTemporaryDir dir;
    RecoveryStore store(dir.filePath(QStringLiteral("recovery")));
    auto doc = readDocumentFile(samplePath("retail-zh.cjm").toStdString());
    REQUIRE(doc.ok());
    QString error;
    REQUIRE(store.write(QStringLiteral("crashed"), *doc.document, QStringLiteral("/maps/retail.cjm"), error));
    REQUIRE(store.write(QStringLiteral("alive"), *doc.document, QString(), error));
    // Rewrite the writers: one process that has ended, one still running.
    QProcess running;
    running.start(QStringLiteral("sleep"), {QStringLiteral("30")});
    REQUIRE(running.waitForStarted());
    auto setPid = [&](const QString &id, qint64 pid) {
        QFile file(store.folder() + QLatin1Char('/') + id + QStringLiteral(".json"));
        REQUIRE(file.open(QIODevice::ReadOnly));
        QByteArray json = file.readAll();
        file.close();
        json.replace(QByteArray::number(QCoreApplication::applicationPid()), QByteArray::number(pid));
        REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(json);
    };
    setPid(QStringLiteral("crashed"), 999999);
    setPid(QStringLiteral("alive"), running.processId());
    const auto orphans = store.orphans();
    running.kill();
    running.waitForFinished();
    REQUIRE(orphans.size() == 1);
    CHECK(orphans[0].id == QStringLiteral("crashed"));
    CHECK(orphans[0].originalPath == QStringLiteral("/maps/retail.cjm"));
    CHECK(orphans[0].title == QStringLiteral("门店零售客户旅程"));
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
