#include "autosaver.hpp"

#include <QSettings>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>
#include <spdlog/spdlog.h>

#include "document_controller.hpp"
#include "qt_text.hpp"

namespace cjm {

Autosaver::Autosaver(DocumentController *controller, RecoveryStore store, QObject *parent)
    : QObject(parent), m_controller(controller), m_store(std::move(store)),
      m_id(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    auto changed = [this] { m_dirty = m_controller->isModified(); };
    connect(controller, &DocumentController::changed, this, changed);
    connect(controller, &DocumentController::modifiedChanged, this, [this](bool modified) {
        m_dirty = modified;
        if (!modified)
            discard(); // saved, or undone back to what is on disk
    });
    connect(controller, &DocumentController::documentReset, this, [this] {
        if (!m_controller->isModified())
            discard();
    });
    connect(&m_timer, &QTimer::timeout, this, &Autosaver::saveInBackground);
    connect(&m_writing, &QFutureWatcher<QString>::finished, this, &Autosaver::backgroundWriteFinished);
    setIntervalSeconds(configuredIntervalSeconds());
}

Autosaver::~Autosaver()
{
    // The controller may already be gone (a sibling destroyed first): finish
    // the write without asking it anything.
    if (m_inFlight) {
        m_writing.waitForFinished();
        m_inFlight = false;
        if (m_discardWhenWritten)
            m_store.remove(m_id);
    }
}

int Autosaver::configuredIntervalSeconds()
{
    return std::max(1, QSettings().value(QStringLiteral("autosave/seconds"), 60).toInt());
}

void Autosaver::setIntervalSeconds(int seconds) { m_timer.start(std::max(1, seconds) * 1000); }

bool Autosaver::saveNow()
{
    waitForBackgroundWrite();
    if (!m_dirty || !m_controller->isModified())
        return true;
    QString error;
    if (!m_store.write(m_id, m_controller->document(), m_controller->filePath(), error)) {
        spdlog::warn("autosave of {} failed: {}", toStdString(m_controller->displayName()), toStdString(error));
        emit failed(error);
        return false;
    }
    m_dirty = false;
    m_written = true;
    return true;
}

bool Autosaver::saveInBackground()
{
    if (m_inFlight || !m_dirty || !m_controller->isModified())
        return false;
    // The snapshot is the only work on this thread; it shares nothing with
    // the document that goes on being edited.
    auto snapshot = std::make_shared<const Document>(m_controller->document());
    const QString original = m_controller->filePath();
    const RecoveryStore store = m_store;
    const QString id = m_id;
    m_dirty = false; // edits from now on need the next copy
    m_discardWhenWritten = false;
    m_inFlight = true;
    m_writing.setFuture(QtConcurrent::run([store, id, snapshot, original] {
        QString error;
        return store.write(id, *snapshot, original, error) ? QString()
                                                           : (error.isEmpty() ? QStringLiteral("?") : error);
    }));
    return true;
}

void Autosaver::backgroundWriteFinished()
{
    if (!m_inFlight)
        return; // already handled by waitForBackgroundWrite()
    m_inFlight = false;
    const QString error = m_writing.result();
    if (m_discardWhenWritten) {
        // Saved or closed while it was being written: it must not linger.
        m_store.remove(m_id);
        m_discardWhenWritten = false;
        return;
    }
    if (!error.isEmpty()) {
        m_dirty = m_controller->isModified(); // try again next time
        spdlog::warn("autosave of {} failed: {}", toStdString(m_controller->displayName()), toStdString(error));
        emit failed(error);
        return;
    }
    m_written = true;
    emit saved();
}

void Autosaver::waitForBackgroundWrite()
{
    if (!m_inFlight)
        return;
    m_writing.waitForFinished();
    backgroundWriteFinished(); // now, not when the event loop delivers it
}

void Autosaver::discard()
{
    if (m_inFlight)
        m_discardWhenWritten = true;
    if (m_written)
        m_store.remove(m_id);
    m_written = false;
}

void Autosaver::keepCurrentCopy()
{
    saveNow();
    m_id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_written = false;
}

} // namespace cjm
