// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/result.h"
#include "engines/enginecontext.h"
#include "engines/engineoutcome.h"
#include "jobs/gatewaypaths.h"
#include "jobs/jobrequest.h"
#include "store/joblog.h"
#include "store/jobrecord.h"
#include "store/jobstore.h"

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QSet>

#include <memory>
#include <optional>

class QTimer;

namespace linkisdesk::gateway {

class SqliteCatalog;
class EngineManager;

class Engine;

// Accepts jobs, queues them beyond --max-jobs (Scheduled), runs them on engines, records every
// state change in job history, and kills them. Lives on the HTTP thread.
class JobManager : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobManager)

public:
    JobManager(JobStore &store, GatewayPaths paths, int maxJobs, QObject *parent = nullptr);
    ~JobManager() override;
    // The databases SQL jobs attach besides the workspace (none when not set).
    void setCatalog(const SqliteCatalog *catalog) { m_catalog = catalog; }
    // Python and SQL jobs run in reused engines from here (none: a new engine for each job).
    void setEngines(EngineManager *engines) { m_engines = engines; }

    void setInstance(const QString &hostPort) { m_instance = hostPort; }
    QString instance() const { return m_instance; }

    // Creates the job (Inited), substitutes variables and queues it (Scheduled). A job whose
    // variables are wrong is recorded as Failed and the error is returned.
    Result<JobRecord> submit(const JobRequest &request);

    // The live state of a job of this run, else what job history holds.
    std::optional<JobRecord> record(qint64 taskId) const;
    // A taskID from an execID (1.x or 0.x) or a plain number; 0 if unknown.
    qint64 resolve(const QString &idOrExecId) const;
    std::shared_ptr<JobLog> log(const JobRecord &record);
    QJsonArray progressInfo(qint64 taskId) const;

    enum class KillResult { Killed, AlreadyCompleted, NotFound };
    KillResult kill(qint64 taskId);

    // Stops scheduling, cancels every queued and running job (recorded Cancelled) and waits for
    // the engines to end.
    void shutdown();

    // The process group of a running python/shell job (0 if none), for diagnostics and tests;
    // for a job in a reused python engine, the engine's.
    qint64 processGroupOf(qint64 taskId) const;

signals:
    void jobCompleted(qint64 taskId, JobStatus status);

private:
    struct LiveJob
    {
        JobRecord rec;
        std::shared_ptr<JobLog> log;
        Engine *engine = nullptr;
        QTimer *timeout = nullptr;
        QJsonArray progressInfo;
        QString code; // after substitution
        JobRequest::Kind kind = JobRequest::Kind::Sqlite;
        std::optional<JobStatus> stopStatus; // Cancelled or Timeout once a stop was asked
    };

    void schedule();
    void startJob(LiveJob &job);
    // A job in a reused engine (null: none, the job gets one of its own).
    Engine *sessionEngine(LiveJob &job, const EngineContext &context);
    void onFinished(qint64 taskId, const EngineOutcome &outcome);
    void complete(LiveJob &job, JobStatus status, int errCode, const QString &errDesc);
    void save(LiveJob &job);
    void retryUnsaved();
    void evictCompleted();

    JobStore &m_store;
    GatewayPaths m_paths;
    const SqliteCatalog *m_catalog = nullptr;
    EngineManager *m_engines = nullptr;
    int m_maxJobs;
    QByteArray m_gatewayMark;
    QString m_instance;
    QHash<qint64, std::shared_ptr<LiveJob>> m_jobs; // this run's jobs (completed ones bounded)
    QList<qint64> m_queue;
    QList<qint64> m_completedOrder;
    QHash<qint64, std::shared_ptr<JobLog>> m_openedLogs; // logs of earlier runs, bounded
    QSet<qint64> m_unsaved; // jobs whose latest state the store refused (disk full)
    QTimer *m_saveRetry = nullptr;
    int m_running = 0;
    bool m_shuttingDown = false;
};

} // namespace linkisdesk::gateway
