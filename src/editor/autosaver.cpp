#include "autosaver.hpp"

#include <QSettings>
#include <QUuid>
#include <spdlog/spdlog.h>

#include "document_controller.hpp"
#include "qt_text.hpp"

namespace cjm {

Autosaver::Autosaver(DocumentController *controller, RecoveryStore store, QObject *parent)
    : QObject(parent), m_controller(controller), m_store(std::move(store)),
      m_id(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    auto changed = [this] { m_dirty = m_controller->isModified(); };
    connect(controller, &DocumentController::cardsChanged, this, changed);
    connect(controller, &DocumentController::structureChanged, this, changed);
    connect(controller, &DocumentController::journeyChanged, this, changed);
    connect(controller, &DocumentController::modifiedChanged, this, [this](bool modified) {
        m_dirty = modified;
        if (!modified)
            discard(); // saved, or undone back to what is on disk
    });
    connect(controller, &DocumentController::documentReset, this, [this] {
        if (!m_controller->isModified())
            discard();
    });
    connect(&m_timer, &QTimer::timeout, this, &Autosaver::saveNow);
    setIntervalSeconds(configuredIntervalSeconds());
}

Autosaver::~Autosaver() = default;

int Autosaver::configuredIntervalSeconds()
{
    return std::max(1, QSettings().value(QStringLiteral("autosave/seconds"), 60).toInt());
}

void Autosaver::setIntervalSeconds(int seconds)
{
    m_timer.start(std::max(1, seconds) * 1000);
}

bool Autosaver::saveNow()
{
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

void Autosaver::discard()
{
    if (m_written)
        m_store.remove(m_id);
    m_written = false;
}

} // namespace cjm
