// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engines/enginecontext.h"
#include "engines/engineoutcome.h"

#include <QJsonArray>
#include <QObject>
#include <QString>
#include <QTimer>

namespace linkisdesk::gateway {

// An engine that lives on between the jobs of one user (Linkis: an EngineConn), so that what a
// job leaves behind (python variables and imports, SQLite TEMP tables and attached databases) is
// there for the next one. Runs one job at a time. EngineManager creates, lists and ends them.
class ReusableEngine : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReusableEngine)

public:
    // Linkis NodeStatus names (Starting, Idle, Busy, ShuttingDown) plus Ended.
    enum class Status { Starting, Idle, Busy, ShuttingDown, Ended };

    struct Identity
    {
        int id = 0;
        QString instance; // "host:port" as Linkis names an EngineConn (the port is made up)
        QString user;
        QString creator;
    };

    ReusableEngine(Identity identity, QObject *parent = nullptr);

    const Identity &identity() const { return m_identity; }
    QString instance() const { return m_identity.instance; }
    QString user() const { return m_identity.user; }
    QString creator() const { return m_identity.creator; }
    Status status() const { return m_status; }
    static QString statusName(Status status);
    // "python" / "sqlite" and the version once known ("3.11.2").
    virtual QString engineType() const = 0;
    QString version() const { return m_version; }
    qint64 startedMs() const { return m_startedMs; }
    // When the engine last became idle (its start time before the first job).
    qint64 idleSinceMs() const { return m_idleSinceMs; }
    // When the status last changed (Linkis: the node's updateTime).
    qint64 statusSinceMs() const { return m_statusSinceMs; }
    qint64 currentTask() const { return m_currentTask; }
    int jobsRun() const { return m_jobsRun; }
    // Resident memory in bytes and cores, as the engine's LoadInstanceResource.
    virtual qint64 memoryBytes() const = 0;
    virtual int cores() const { return 1; }
    // The engine's process (0 for engines inside the gateway).
    virtual qint64 pid() const { return 0; }

    // Taken for a job (set by EngineManager so that two jobs never get the same engine).
    bool isReserved() const { return m_reserved; }
    void setReserved(bool reserved) { m_reserved = reserved; }

    // Starts the engine (Starting, then Idle).
    virtual void start() = 0;
    // Runs one job: output goes to the job's log and results, progressChanged() while it runs,
    // jobFinished() exactly once when it ends (the engine is Idle again, or Ended).
    virtual void run(const EngineContext &context) = 0;
    // Asks the running job to stop (KeyboardInterrupt, sqlite3_interrupt); the engine stays.
    virtual void interrupt() = 0;
    // Ends the engine and everything it started; ended() follows. A running job ends Cancelled
    // and its log says that the session state is gone.
    virtual void terminate() = 0;
    // Blocks up to `ms` for the engine to end after terminate() (used only at shutdown).
    virtual bool waitForEnded(int ms) = 0;

    // Ends the engine after this much idle time (0: never).
    void setIdleTimeout(int ms);

signals:
    void statusChanged(linkisdesk::gateway::ReusableEngine::Status status);
    void progressChanged(double progress, const QJsonArray &progressInfo);
    void jobFinished(const linkisdesk::gateway::EngineOutcome &outcome);
    void ended();

protected:
    void setStatus(Status status);
    void setVersion(const QString &version) { m_version = version; }
    void jobStarted(qint64 taskId);
    void jobEnded(const EngineOutcome &outcome); // Idle again (unless ending) + jobFinished()
    void jobLost(const EngineOutcome &outcome); // the engine is ending: jobFinished() only

private:
    Identity m_identity;
    Status m_status = Status::Starting;
    QString m_version;
    qint64 m_startedMs = 0;
    qint64 m_idleSinceMs = 0;
    qint64 m_statusSinceMs = 0;
    qint64 m_currentTask = 0;
    int m_jobsRun = 0;
    bool m_reserved = false;
    QTimer m_idleTimer;
};

} // namespace linkisdesk::gateway
