// Shared files: the lock beside an open map (read-only / open anyway /
// cancel, stale locks taken over), noticing a change on disk (reload, keeping
// the unsaved version recoverable, or keep mine), autosave off the UI thread,
// and hostile files refused by the window with the place named.
#include <catch2/catch.hpp>

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTimer>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <fcntl.h>
#include <filesystem>
#include <functional>
#include <mutex>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <utime.h>

#include <QLabel>
#include <QPushButton>

#include "autosaver.hpp"
#include "cjm/document_io.hpp"
#include "cjm/edit.hpp"
#include "cjm/file_io.hpp"
#include "csv_import_dialog.hpp"
#include "document_controller.hpp"
#include "file_paths.hpp"
#include "inspector_panel.hpp"
#include "main_window.hpp"
#include "map_file_lock.hpp"
#include "map_scene.hpp"
#include "map_templates.hpp"
#include "message_bar.hpp"
#include "qt_text.hpp"
#include "recovery_store.hpp"

using namespace cjm;

namespace {
QString samplePath(const char *name) { return QStringLiteral(CJM_SAMPLES_DIR "/") + QLatin1String(name); }

QString copySample(const QTemporaryDir &dir, const char *name = "ecommerce-en.cjm")
{
    const QString path = dir.filePath(QStringLiteral("map.cjm"));
    REQUIRE(QFile::copy(samplePath(name), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

void rename(DocumentController &controller, const std::string &title)
{
    Journey journey = controller.document().journey();
    journey.title = title;
    REQUIRE(controller.apply(setJourney(journey), QStringLiteral("Rename")));
}

// Runs `action`; when it opens a message box, `answer` gets it (and presses
// one of its buttons). Returns the box's main text, empty if none appeared.
QString answerDialog(const std::function<void()> &action, const std::function<void(QMessageBox *)> &answer)
{
    QString text;
    QTimer::singleShot(0, [&] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            text = box->text();
            answer(box);
            if (box->isVisible())
                box->done(QMessageBox::Cancel);
        }
    });
    action();
    return text;
}

void press(QMessageBox *box, const char *buttonName)
{
    auto *button = box->findChild<QPushButton *>(QLatin1String(buttonName));
    REQUIRE(button);
    button->click();
}

// Writes a lock file as QLockFile does (pid, program, host, machine and boot
// ids), for a holder that is not this process: on this machine, or on
// another one (another host name and machine id).
void writeForeignLock(const QString &mapPath, qint64 pid, const QString &host)
{
    const bool here = host == QSysInfo::machineHostName();
    QFile lock(MapFileLock::lockPathFor(mapPath));
    REQUIRE(lock.open(QIODevice::WriteOnly));
    lock.write(QByteArray::number(pid) + '\n' + "cjm-studio\n" + host.toUtf8() + '\n' +
               (here ? QSysInfo::machineUniqueId() : QByteArray("0f1e2d3c4b5a69788796a5b4c3d2e1f0")) + '\n' +
               (here ? QSysInfo::bootUniqueId() : QByteArray("a5b4c3d2-e1f0-0f1e-2d3c-4b5a69788796")) + '\n');
}

qint64 pidOfFinishedProcess()
{
    QProcess process;
    process.start(QStringLiteral("true"), {});
    REQUIRE(process.waitForFinished());
    return process.processId() > 0 ? process.processId() : 999999;
}

void writeFile(const QString &path, const std::string &bytes)
{
    REQUIRE(defaultFileSystem().writeAtomically(toStdString(path), bytes).ok);
}
} // namespace

TEST_CASE("opening a map locks it beside the file, and closing releases the lock", "[shared]")
{
    QTemporaryDir dir;
    const QString path = copySample(dir);
    auto *window = new MainWindow;
    REQUIRE(window->loadFile(path));
    const QString lockPath = MapFileLock::lockPathFor(path);
    CHECK(QFileInfo(lockPath).fileName() == QStringLiteral(".~map.cjm.lock"));
    CHECK(QFile::exists(lockPath));
    CHECK(window->fileLock().lockedPath() == QFileInfo(path).absoluteFilePath());
    // QLockFile records who holds it: this process on this host.
    QLockFile probe(lockPath);
    qint64 pid = 0;
    QString host, app;
    REQUIRE(probe.getLockInfo(&pid, &host, &app));
    CHECK(pid == QCoreApplication::applicationPid());
    CHECK(host == QSysInfo::machineHostName());
    CHECK(QFileInfo(lockPath).owner() == qEnvironmentVariable("USER", QFileInfo(lockPath).owner()));

    window->close(); // unmodified: no question
    delete window;
    CHECK_FALSE(QFile::exists(lockPath));
}

TEST_CASE("a map someone else has open: read-only, open anyway, or cancel", "[shared]")
{
    QTemporaryDir dir;
    const QString path = copySample(dir);
    // The holder: a lock from a process that is alive (this one) as far as
    // the lock file says, under another host name so it is not ours to take.
    writeForeignLock(path, QCoreApplication::applicationPid(), QStringLiteral("design-pc"));
    const QByteArray before = [&] {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();

    SECTION("read-only: the map opens, edits are refused and Save never writes the file")
    {
        MainWindow window;
        bool opened = false;
        const QString asked = answerDialog([&] { opened = window.loadFile(path); },
                                           [](QMessageBox *box) { press(box, "openReadOnlyButton"); });
        CHECK(asked.contains(QStringLiteral("design-pc")));
        CHECK(asked.contains(QStringLiteral("map.cjm")));
        REQUIRE(opened);
        CHECK(window.controller()->isReadOnly());
        CHECK(window.windowTitle().contains(QStringLiteral("Read-Only")));
        CHECK(window.messageBar()->isVisibleTo(&window));
        QSignalSpy refused(window.controller(), &DocumentController::editRefused);
        Journey journey = window.controller()->document().journey();
        journey.title = "Mine now";
        CHECK_FALSE(window.controller()->apply(setJourney(journey), QStringLiteral("Rename")));
        CHECK(refused.count() == 1);
        CHECK(window.controller()->document().journey().title != "Mine now");
        CHECK_FALSE(window.controller()->isModified());
        // The other person's lock is left alone.
        CHECK(QFile::exists(MapFileLock::lockPathFor(path)));
        CHECK(window.fileLock().lockedPath().isEmpty());
    }
    SECTION("open anyway: editable, the other lock untouched")
    {
        MainWindow window;
        bool opened = false;
        answerDialog([&] { opened = window.loadFile(path); }, [](QMessageBox *box) { press(box, "openAnywayButton"); });
        REQUIRE(opened);
        CHECK_FALSE(window.controller()->isReadOnly());
        rename(*window.controller(), "Edited anyway");
        CHECK(window.controller()->isModified());
        QFile lock(MapFileLock::lockPathFor(path));
        REQUIRE(lock.open(QIODevice::ReadOnly));
        CHECK(lock.readAll().contains("design-pc"));
    }
    SECTION("cancel: nothing opens")
    {
        MainWindow window;
        bool opened = true;
        answerDialog([&] { opened = window.loadFile(path); }, [](QMessageBox *box) { box->done(QMessageBox::Cancel); });
        CHECK_FALSE(opened);
        CHECK(window.controller()->filePath().isEmpty());
    }
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.readAll() == before);
}

TEST_CASE("a lock left by a process that died on this host is taken over without asking", "[shared]")
{
    QTemporaryDir dir;
    const QString path = copySample(dir);
    writeForeignLock(path, pidOfFinishedProcess(), QSysInfo::machineHostName());
    MainWindow window;
    bool asked = false;
    QTimer::singleShot(0, [&] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            asked = true;
            box->done(QMessageBox::Cancel);
        }
    });
    REQUIRE(window.loadFile(path));
    CHECK_FALSE(asked);
    CHECK_FALSE(window.controller()->isReadOnly());
    CHECK(window.fileLock().lockedPath() == QFileInfo(path).absoluteFilePath());
    QLockFile probe(MapFileLock::lockPathFor(path));
    qint64 pid = 0;
    QString host, app;
    REQUIRE(probe.getLockInfo(&pid, &host, &app));
    CHECK(pid == QCoreApplication::applicationPid());
}

TEST_CASE("a folder that allows no lock still opens the map", "[shared]")
{
    QTemporaryDir dir;
    const QString path = copySample(dir);
    QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner);
    if (QFileInfo(dir.path()).isWritable()) { // running as root: permissions do not bind
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        SUCCEED("root ignores folder permissions; the read-only folder cannot be simulated here");
        return;
    }
    MainWindow window;
    REQUIRE(window.loadFile(path));
    CHECK(window.fileLock().lockedPath().isEmpty());
    CHECK_FALSE(window.controller()->isReadOnly());
    QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

TEST_CASE("Save As takes the lock of the new file and releases the old one", "[shared]")
{
    QTemporaryDir dir;
    const QString path = copySample(dir);
    const QString other = dir.filePath(QStringLiteral("copy.cjm"));
    MainWindow window;
    REQUIRE(window.loadFile(path));
    rename(*window.controller(), "Copy");
    REQUIRE(window.saveFile(other));
    CHECK(window.fileLock().lockedPath() == QFileInfo(other).absoluteFilePath());
    CHECK(QFile::exists(MapFileLock::lockPathFor(other)));
    CHECK_FALSE(QFile::exists(MapFileLock::lockPathFor(path)));
}

TEST_CASE("a change on disk is announced once, and Reload brings it in", "[shared]")
{
    QTemporaryDir dir;
    const QString path = copySample(dir);
    MainWindow window;
    REQUIRE(window.loadFile(path));
    QSignalSpy changed(window.controller(), &DocumentController::fileChangedOnDisk);

    // Our own save is not news.
    rename(*window.controller(), "Saved here");
    REQUIRE(window.saveFile(path));
    CHECK_FALSE(changed.wait(1200));

    // A teammate's save (through a sync tool: write to a temporary, rename).
    auto theirs = readDocumentFile(toStdString(path));
    REQUIRE(theirs.ok());
    Journey journey = theirs.document->journey();
    journey.title = "Saved by a teammate";
    auto edited = setJourney(journey)->apply(*theirs.document);
    REQUIRE(edited);
    writeFile(path, writeDocument(*theirs.document));
    REQUIRE(changed.wait(5000));
    CHECK(changed.count() == 1);
    MessageBar *bar = window.messageBar();
    REQUIRE(bar->isVisibleTo(&window));
    CHECK(bar->text().contains(QStringLiteral("changed on disk")));

    SECTION("Reload: the teammate's version, unmodified")
    {
        auto *reload = bar->findChild<QPushButton *>(QStringLiteral("reloadButton"));
        REQUIRE(reload);
        reload->click();
        CHECK(window.controller()->document().journey().title == "Saved by a teammate");
        CHECK_FALSE(window.controller()->isModified());
        CHECK_FALSE(bar->isVisibleTo(&window));
    }
    SECTION("Keep Mine: no reload, no second announcement for the same content, and Save still asks")
    {
        auto *keep = bar->findChild<QPushButton *>(QStringLiteral("keepMineButton"));
        REQUIRE(keep);
        keep->click();
        CHECK(window.controller()->document().journey().title == "Saved here");
        QFile touch(path);
        REQUIRE(touch.open(QIODevice::Append)); // touched, content unchanged
        touch.close();
        CHECK_FALSE(changed.wait(1200));
        CHECK(changed.count() == 1);
        CHECK(window.controller()->changedOnDisk()); // saving over it will ask first
    }
}

TEST_CASE("reloading over unsaved changes keeps them as a recovery copy", "[shared]")
{
    QTemporaryDir dir;
    const QString path = copySample(dir);
    MainWindow window;
    REQUIRE(window.loadFile(path));
    rename(*window.controller(), "My unsaved work");
    auto theirs = readDocumentFile(toStdString(path));
    REQUIRE(theirs.ok());
    Journey journey = theirs.document->journey();
    journey.title = "Their saved work";
    REQUIRE(setJourney(journey)->apply(*theirs.document));
    QSignalSpy changed(window.controller(), &DocumentController::fileChangedOnDisk);
    writeFile(path, writeDocument(*theirs.document));
    REQUIRE(changed.wait(5000));
    CHECK(window.messageBar()->text().contains(QStringLiteral("recovery copy")));
    auto *reload = window.messageBar()->findChild<QPushButton *>(QStringLiteral("reloadButton"));
    REQUIRE(reload);
    reload->click();
    CHECK(window.controller()->document().journey().title == "Their saved work");

    const RecoveryStore &store = window.autosaver()->store();
    bool kept = false;
    for (const RecoveryEntry &entry : store.all()) {
        if (entry.title == QStringLiteral("My unsaved work") &&
            entry.originalPath == QFileInfo(path).absoluteFilePath()) {
            kept = true;
            auto recovered = readDocumentFile(toStdString(entry.mapPath));
            REQUIRE(recovered.ok());
            CHECK(recovered.document->journey().title == "My unsaved work");
            store.remove(entry.id);
        }
    }
    CHECK(kept);
}

TEST_CASE("a broken version on disk is not reloaded over the open map", "[shared]")
{
    QTemporaryDir dir;
    const QString path = copySample(dir);
    MainWindow window;
    REQUIRE(window.loadFile(path));
    const std::string title = window.controller()->document().journey().title;
    QSignalSpy changed(window.controller(), &DocumentController::fileChangedOnDisk);
    writeFile(path, "{\"format\": \"cjm\", \"version\": 1, \"journey\": {"); // half-synced
    REQUIRE(changed.wait(5000));
    auto *reload = window.messageBar()->findChild<QPushButton *>(QStringLiteral("reloadButton"));
    REQUIRE(reload);
    const QString asked = answerDialog([&] { reload->click(); }, [](QMessageBox *box) { box->done(QMessageBox::Ok); });
    CHECK(asked.contains(QStringLiteral("could not be read")));
    CHECK(window.controller()->document().journey().title == title);
}

TEST_CASE("the autosave timer writes on a worker thread and a save meanwhile leaves no copy", "[shared][recovery]")
{
    QTemporaryDir dir;
    const QString path = copySample(dir);
    DocumentController controller;
    Problems problems;
    REQUIRE(controller.load(path, problems));
    RecoveryStore store(dir.filePath(QStringLiteral("recovery")));
    Autosaver autosaver(&controller, store);
    CHECK_FALSE(autosaver.saveInBackground()); // nothing to protect

    rename(controller, "Written in the background");
    QSignalSpy saved(&autosaver, &Autosaver::saved);
    REQUIRE(autosaver.saveInBackground());
    REQUIRE(saved.wait(5000));
    auto entries = store.all();
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].title == QStringLiteral("Written in the background"));
    CHECK(QFile(entries[0].mapPath).size() == static_cast<qint64>(writeDocument(controller.document()).size()));

    // An edit while a write is under way, then a save: nothing may linger.
    rename(controller, "Edited again");
    REQUIRE(autosaver.saveInBackground());
    QString error;
    REQUIRE(controller.save(path, error));
    autosaver.waitForBackgroundWrite();
    CHECK(store.all().empty());
}

TEST_CASE("hostile files are refused by the window with the place named, and the open map stays", "[shared][hostile]")
{
    QTemporaryDir dir;
    MainWindow window;
    REQUIRE(window.loadFile(samplePath("ecommerce-en.cjm")));
    const std::string title = window.controller()->document().journey().title;

    SECTION("a 300 MB file")
    {
        const QString path = dir.filePath(QStringLiteral("huge.cjm"));
        QFile huge(path);
        REQUIRE(huge.open(QIODevice::WriteOnly));
        huge.write("{\"format\": \"cjm\", ");
        REQUIRE(huge.resize(300LL * 1024 * 1024)); // sparse: no 300 MB written
        huge.close();
        QString detail;
        answerDialog([&] { CHECK_FALSE(window.loadFile(path)); },
                     [&](QMessageBox *box) { detail = box->informativeText(); });
        CHECK(detail.contains(QStringLiteral("MiB")));
    }
    SECTION("a 2 MB string in a card's text")
    {
        const QString path = dir.filePath(QStringLiteral("long-string.cjm"));
        std::string bytes = writeDocument(window.controller()->document());
        const std::string marker = "\"text\": \"";
        const auto at = bytes.find(marker);
        REQUIRE(at != std::string::npos);
        bytes.insert(at + marker.size(), std::string(2u * 1024u * 1024u, 'x'));
        writeFile(path, bytes);
        QString detail;
        answerDialog([&] { CHECK_FALSE(window.loadFile(path)); },
                     [&](QMessageBox *box) { detail = box->informativeText(); });
        CHECK(detail.contains(QStringLiteral("line")));
        CHECK(detail.contains(QStringLiteral("column")));
    }
    SECTION("100,000-deep nesting")
    {
        const QString path = dir.filePath(QStringLiteral("deep.cjm"));
        writeFile(path, std::string(100000, '[') + std::string(100000, ']'));
        QString detail;
        answerDialog([&] { CHECK_FALSE(window.loadFile(path)); },
                     [&](QMessageBox *box) { detail = box->informativeText(); });
        CHECK(detail.contains(QStringLiteral("line 1")));
    }
    CHECK(window.controller()->document().journey().title == title);
    CHECK(window.controller()->filePath() == QFileInfo(samplePath("ecommerce-en.cjm")).absoluteFilePath());
}

TEST_CASE("saving to a folder that vanished keeps the map open and modified, with a message", "[shared][faults]")
{
    QTemporaryDir dir;
    QDir(dir.path()).mkdir(QStringLiteral("share"));
    const QString path = dir.filePath(QStringLiteral("share/map.cjm"));
    REQUIRE(QFile::copy(samplePath("ecommerce-en.cjm"), path));
    MainWindow window;
    REQUIRE(window.loadFile(path));
    rename(*window.controller(), "Work not yet on disk");
    // The share is unmounted (or the folder moved) while the map is open.
    REQUIRE(QDir(dir.path()).rename(QStringLiteral("share"), QStringLiteral("share-gone")));
    QString detail;
    bool saved = true;
    const QString text = answerDialog([&] { saved = window.saveFile(path); },
                                      [&](QMessageBox *box) { detail = box->informativeText(); });
    CHECK_FALSE(saved);
    CHECK(text.contains(QStringLiteral("could not be saved")));
    CHECK(detail.contains(QStringLiteral("does not exist any more")));
    CHECK(detail.contains(QStringLiteral("your map is still open")));
    CHECK(window.controller()->isModified());
    CHECK(window.controller()->document().journey().title == "Work not yet on disk");
    // Where it was moved to, the old version is whole.
    auto old = readDocumentFile(toStdString(dir.filePath(QStringLiteral("share-gone/map.cjm"))));
    REQUIRE(old.ok());
    CHECK(old.document->journey().title != "Work not yet on disk");
}

TEST_CASE("every file of the fuzz corpus opens or is refused in the window, and the window lives on",
          "[shared][hostile]")
{
    QDir corpus(QStringLiteral(CJM_SOURCE_DIR "/tests/fuzz/corpus"));
    const QStringList names = corpus.entryList(QDir::Files, QDir::Name);
    REQUIRE(names.size() >= 30);
    int opened = 0, refused = 0;
    for (const QString &name : names) {
        INFO(name.toStdString());
        MainWindow window;
        bool ok = false;
        QString shown;
        answerDialog([&] { ok = window.loadFile(corpus.filePath(name)); },
                     [&](QMessageBox *box) {
                         shown = box->text() + QLatin1Char('\n') + box->informativeText();
                         box->done(QMessageBox::Ok);
                     });
        // The window opens exactly what the reader accepts.
        CHECK(ok == readDocumentFile(toStdString(corpus.filePath(name))).ok());
        if (ok) {
            ++opened;
            CHECK(shown.isEmpty());
            CHECK(window.scene()->mapLayout().cardCount() <= window.controller()->document().cards().size());
        } else {
            ++refused;
            CHECK(shown.contains(name)); // "“seed-…” could not be opened." and what is wrong
            CHECK(window.controller()->filePath().isEmpty());
        }
        window.close();
    }
    CHECK(opened >= 8);   // the samples and the valid seeds
    CHECK(refused >= 15); // the broken seeds
}

namespace {
// mine/link.cjm -> ../shared/team.cjm, the team's map.
struct LinkedMap {
    QString target;
    QString link;
};

LinkedMap linkedMap(const QTemporaryDir &dir)
{
    REQUIRE(QDir(dir.path()).mkpath(QStringLiteral("shared")));
    REQUIRE(QDir(dir.path()).mkpath(QStringLiteral("mine")));
    const QString target = dir.filePath(QStringLiteral("shared/team.cjm"));
    REQUIRE(QFile::copy(samplePath("ecommerce-en.cjm"), target));
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
    const QString link = dir.filePath(QStringLiteral("mine/link.cjm"));
    std::filesystem::create_symlink("../shared/team.cjm", toStdString(link));
    return {target, link};
}

QStringList filesIn(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
}

// Opens the far end of a named pipe should the code under test ever block
// opening it, so that the test fails (rescued()) instead of hanging. A
// correct open never waits, and this never acts.
class PipeWatchdog {
public:
    explicit PipeWatchdog(const QString &pipe) : m_pipe(toStdString(pipe))
    {
        m_thread = std::thread([this] {
            std::unique_lock<std::mutex> lock(m_mutex);
            while (!m_finished.wait_for(lock, std::chrono::seconds(10), [this] { return m_done; })) {
                const int writer = ::open(m_pipe.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
                if (writer >= 0) {
                    m_rescued = true;
                    ::close(writer);
                }
            }
        });
    }
    ~PipeWatchdog() { stop(); }
    bool rescued()
    {
        stop();
        return m_rescued;
    }

private:
    void stop()
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_done = true;
        }
        m_finished.notify_one();
        if (m_thread.joinable())
            m_thread.join();
    }
    std::string m_pipe;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_finished;
    bool m_done = false;
    std::atomic<bool> m_rescued{false};
};
} // namespace

TEST_CASE("a map opened by a link and by its target has one lock, and the second opener is warned", "[shared][symlink]")
{
    QTemporaryDir dir;
    const LinkedMap map = linkedMap(dir);
    MainWindow first;
    REQUIRE(first.loadFile(map.link));
    CHECK(first.controller()->filePath() == map.target);
    CHECK(first.fileLock().lockedPath() == map.target);
    CHECK(MapFileLock::lockPathFor(map.link) == MapFileLock::lockPathFor(map.target));
    CHECK(filesIn(dir.filePath(QStringLiteral("shared"))) ==
          QStringList({QStringLiteral(".~team.cjm.lock"), QStringLiteral("team.cjm")}));
    CHECK(filesIn(dir.filePath(QStringLiteral("mine"))) == QStringList({QStringLiteral("link.cjm")}));

    // Opened again in this process by its other name: the same window.
    CHECK(MainWindow::openFile(map.target) == &first);

    // Another opener (another window here; another process on a share) is
    // warned that the map is open, whichever name it uses.
    MainWindow second;
    bool opened = true;
    const QString asked = answerDialog([&] { opened = second.loadFile(map.target); },
                                       [](QMessageBox *box) { box->done(QMessageBox::Cancel); });
    CHECK(asked.contains(QStringLiteral("is already open by")));
    CHECK_FALSE(opened);
    CHECK(first.fileLock().lockedPath() == map.target); // still the first window's
}

TEST_CASE("saving through a link updates the map it points at; backup, autosave and the watch follow it",
          "[shared][symlink]")
{
    QTemporaryDir dir;
    const LinkedMap map = linkedMap(dir);
    MainWindow window;
    REQUIRE(window.loadFile(map.link));
    RecoveryStore store(dir.filePath(QStringLiteral("recovery")));
    Autosaver autosaver(window.controller(), store);
    rename(*window.controller(), "Edited through the link");
    REQUIRE(autosaver.saveNow());
    REQUIRE(store.all().size() == 1);
    CHECK(store.all().front().originalPath == map.target);

    REQUIRE(window.save());
    CHECK(QFileInfo(map.link).isSymLink());
    CHECK(QFileInfo(map.link).symLinkTarget() == map.target);
    auto saved = readDocumentFile(toStdString(map.target));
    REQUIRE(saved.ok());
    CHECK(saved.document->journey().title == "Edited through the link");
    CHECK(filesIn(dir.filePath(QStringLiteral("shared"))) ==
          QStringList({QStringLiteral(".~team.cjm.lock"), QStringLiteral("team.cjm"), QStringLiteral("team.cjm.bak")}));
    CHECK(filesIn(dir.filePath(QStringLiteral("mine"))) == QStringList({QStringLiteral("link.cjm")}));

    // A teammate saves the shared map: noticed, though it was opened by the link.
    QSignalSpy changed(window.controller(), &DocumentController::fileChangedOnDisk);
    Journey journey = saved.document->journey();
    journey.title = "Saved by a teammate";
    REQUIRE(setJourney(journey)->apply(*saved.document));
    writeFile(map.target, writeDocument(*saved.document));
    REQUIRE(changed.wait(5000));
}

TEST_CASE("a 252- or 255-byte file name opens with a lock, saves and keeps a backup", "[shared][names]")
{
    const int size = GENERATE(252, 255);
    QTemporaryDir dir;
    const QString path = dir.filePath(QString(size - 4, QLatin1Char('m')) + QStringLiteral(".cjm"));
    REQUIRE(QFile::copy(samplePath("ecommerce-en.cjm"), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    {
        MainWindow window;
        REQUIRE(window.loadFile(path));
        CHECK(window.fileLock().isLocked());
        const QString lockPath = MapFileLock::lockPathFor(path);
        CHECK(QFile::exists(lockPath));
        CHECK(QFile::encodeName(QFileInfo(lockPath).fileName()).size() <= 255);
        rename(*window.controller(), "Long name, saved");
        REQUIRE(window.save());
        const QString backup = QFile::decodeName(QByteArray::fromStdString(backupPathFor(toStdString(path)).string()));
        CHECK(QFile::exists(backup));
        CHECK(filesIn(dir.path()).size() == 3); // the map, its lock and its backup: no temporary
        window.close();
    }
    CHECK(filesIn(dir.path()).size() == 2); // the lock went with the window
    auto saved = readDocumentFile(toStdString(path));
    REQUIRE(saved.ok());
    CHECK(saved.document->journey().title == "Long name, saved");
}

TEST_CASE("opening a map removes the temporary a killed save of it left behind", "[shared][leftovers]")
{
    QTemporaryDir dir;
    const QString path = copySample(dir);
    const QString leftover = dir.filePath(QStringLiteral(".map.cjm.Ab3dE9"));
    const QString fresh = dir.filePath(QStringLiteral(".map.cjm.Fr35h0"));
    writeFile(leftover, "half a save");
    writeFile(fresh, "a save under way on another computer, perhaps");
    const std::time_t then = std::time(nullptr) - 3600;
    struct utimbuf times {
        then, then
    };
    REQUIRE(::utime(QFile::encodeName(leftover).constData(), &times) == 0);
    MainWindow window;
    REQUIRE(window.loadFile(path));
    CHECK_FALSE(QFile::exists(leftover));
    CHECK(QFile::exists(fresh));
}

TEST_CASE("a named pipe is refused by the window at once, and no lock is left", "[shared][special]")
{
    QTemporaryDir dir;
    const QString pipe = dir.filePath(QStringLiteral("x.cjm"));
    REQUIRE(::mkfifo(QFile::encodeName(pipe).constData(), 0600) == 0);
    MainWindow window;
    PipeWatchdog watchdog(pipe);
    bool opened = true;
    QString detail;
    answerDialog([&] { opened = window.loadFile(pipe); }, [&](QMessageBox *box) { detail = box->informativeText(); });
    CHECK_FALSE(watchdog.rescued());
    CHECK_FALSE(opened);
    CHECK(detail.contains(pipe + QStringLiteral(" is a named pipe, not a file")));
    CHECK(filesIn(dir.path()) == QStringList({QStringLiteral("x.cjm")}));
}

TEST_CASE("every reader in the editor refuses a named pipe at once: compare, CSV, template, picture",
          "[shared][special]")
{
    QTemporaryDir dir;
    const QString pipe = dir.filePath(QStringLiteral("x.cjm"));
    REQUIRE(::mkfifo(QFile::encodeName(pipe).constData(), 0600) == 0);
    const QString named = pipe + QStringLiteral(" is a named pipe, not a file");
    PipeWatchdog watchdog(pipe);

    MainWindow window;
    REQUIRE(window.loadFile(samplePath("ecommerce-en.cjm")));
    QString detail;
    answerDialog([&] { CHECK_FALSE(window.compareWithFile(pipe)); },
                 [&](QMessageBox *box) { detail = box->informativeText(); });
    CHECK(detail.contains(named));

    CsvImportDialog csv(pipe);
    CHECK(csv.errorLabel()->text().contains(named));
    CHECK_FALSE(csv.okButton()->isEnabled());

    QString templateError;
    CHECK_FALSE(documentFromTemplate(pipe, &templateError));
    CHECK(templateError == named);

    QString pictureError;
    CHECK_FALSE(loadPictureFile(pipe, pictureError));
    CHECK_FALSE(pictureError.isEmpty());

    CHECK_FALSE(watchdog.rescued());
}

TEST_CASE("a file name that is not UTF-8 opens, locks and saves under its own bytes", "[shared][names]")
{
    QTemporaryDir dir;
    const std::string raw = toStdString(dir.path()) + "/caf\xe9 \xff.cjm"; // Latin-1, and a stray byte
    std::filesystem::copy_file(toStdString(samplePath("ecommerce-en.cjm")), raw);
    ::chmod(raw.c_str(), 0600);
    const QString path = fromNativePath(raw);
    CHECK(nativePath(path).string() == raw); // the bytes come back
    CHECK(fileExists(path));
    CHECK_FALSE(qtCanUsePath(path));
    CHECK(nativePath(QStringLiteral("旅程 map.cjm")).string() == "旅程 map.cjm"); // UTF-8 as ever

    // As cjm-studio gets it from the command line (Qt's decoding loses the bytes).
    std::string program = "cjm-studio", option = "--fit", file = raw;
    char *argv[] = {program.data(), option.data(), file.data()};
    CHECK(nativeArguments({QString::fromLocal8Bit(raw.c_str())}, 3, argv) == QStringList({path}));

    QString lockPath;
    {
        MainWindow window;
        REQUIRE(window.loadFile(path));
        CHECK(window.controller()->filePath() == path);
        CHECK(window.fileLock().isLocked());
        lockPath = MapFileLock::lockPathFor(path);
        CHECK(QFileInfo(lockPath).fileName().startsWith(QStringLiteral(".~caf_ _.cjm~")));
        CHECK(QFile::exists(lockPath));
        rename(*window.controller(), "Saved under its own name");
        REQUIRE(window.save());
        CHECK(std::filesystem::exists(backupPathFor(raw)));
        window.close();
    }
    CHECK_FALSE(QFile::exists(lockPath));
    auto saved = readDocumentFile(raw);
    REQUIRE(saved.ok());
    CHECK(saved.document->journey().title == "Saved under its own name");
    // Qt lists such names lossily (and cannot remove them): asked natively.
    const std::filesystem::path folder = nativePath(dir.path());
    CHECK(std::distance(std::filesystem::directory_iterator(folder), std::filesystem::directory_iterator()) ==
          2); // the map and its backup
    std::filesystem::remove_all(folder);
}
