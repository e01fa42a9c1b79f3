// SPDX-License-Identifier: GPL-3.0-or-later
#include "engines/reusableengine.h"

#include <QDateTime>

namespace linkisdesk::gateway {

ReusableEngine::ReusableEngine(Identity identity, QObject *parent)
    : QObject(parent)
    , m_identity(std::move(identity))
    , m_startedMs(QDateTime::currentMSecsSinceEpoch())
    , m_idleSinceMs(m_startedMs)
    , m_statusSinceMs(m_startedMs)
{
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        if (m_status == Status::Idle && !m_reserved)
            terminate();
    });
}

QString ReusableEngine::statusName(Status status)
{
    switch (status) {
    case Status::Starting: return QStringLiteral("Starting");
    case Status::Idle: return QStringLiteral("Idle");
    case Status::Busy: return QStringLiteral("Busy");
    case Status::ShuttingDown: return QStringLiteral("ShuttingDown");
    case Status::Ended: return QStringLiteral("ShuttingDown");
    }
    return QStringLiteral("Busy");
}

void ReusableEngine::setIdleTimeout(int ms)
{
    m_idleTimer.setInterval(ms);
    if (ms <= 0)
        m_idleTimer.stop();
    else if (m_status == Status::Idle)
        m_idleTimer.start();
}

void ReusableEngine::setStatus(Status status)
{
    if (m_status == status || m_status == Status::Ended)
        return;
    // Once ending, only Ended follows.
    if (m_status == Status::ShuttingDown && status != Status::Ended)
        return;
    m_status = status;
    m_statusSinceMs = QDateTime::currentMSecsSinceEpoch();
    if (status == Status::Idle && m_idleTimer.interval() > 0)
        m_idleTimer.start();
    else
        m_idleTimer.stop();
    emit statusChanged(status);
}

void ReusableEngine::jobStarted(qint64 taskId)
{
    m_currentTask = taskId;
    if (m_status != Status::Starting) // else Busy once started
        setStatus(Status::Busy);
}

void ReusableEngine::jobEnded(const EngineOutcome &outcome)
{
    m_currentTask = 0;
    ++m_jobsRun;
    m_reserved = false;
    m_idleSinceMs = QDateTime::currentMSecsSinceEpoch();
    setStatus(Status::Idle);
    emit jobFinished(outcome);
}

void ReusableEngine::jobLost(const EngineOutcome &outcome)
{
    m_currentTask = 0;
    ++m_jobsRun;
    m_reserved = false;
    emit jobFinished(outcome);
}

} // namespace linkisdesk::gateway
