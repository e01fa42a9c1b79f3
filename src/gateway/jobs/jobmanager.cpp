// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/jobmanager.h"

#include "api/jobstatus.h"
#include "engines/enginemanager.h"
#include "engines/processengine.h"
#include "engines/processtree.h"
#include "engines/sessionjob.h"
#include "engines/sqlitecatalog.h"
#include "engines/sqliteengine.h"
#include "jobs/execid.h"
#include "script/variablesubstitution.h"
#include "store/errorcodes.h"

#include <QDateTime>
#include <QTimer>

namespace linkisdesk::gateway {

namespace {

using Level = JobLog::Level;
constexpr int kKeepCompleted = 128; // each keeps its log file open
constexpr int kSaveRetryMs = 2000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

JobManager::JobManager(JobStore &store, GatewayPaths paths, int maxJobs, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_paths(std::move(paths))
    , m_maxJobs(qMax(1, maxJobs))
    , m_gatewayMark(ProcessTree::gatewayMark(m_paths.dataDir()))
{
    qRegisterMetaType<EngineOutcome>();
}

JobManager::~JobManager()
{
    shutdown();
}

Result<JobRecord> JobManager::submit(const JobRequest &request)
{
    auto job = std::make_shared<LiveJob>();
    JobRecord &r = job->rec;
    r.instance = m_instance;
    r.submitUser = request.submitUser;
    r.executeUser = request.executeUser;
    r.creator = request.creator;
    r.engineType = request.engineType;
    r.engineVersion = request.engineVersion;
    r.runType = request.runType;
    r.code = request.code;
    r.params = request.params;
    r.source = request.source;
    r.labels = request.labels;
    r.status = JobStatus::Inited;
    r.createdMs = r.updatedMs = nowMs();
    QString error;
    if (!m_store.insert(r, &error)) {
        return ApiError::make(ApiError::Kind::Io,
                              QStringLiteral("Persist jobRequest error: %1").arg(error));
    }
    const QDate day = QDateTime::fromMSecsSinceEpoch(r.createdMs).date();
    r.shortExecId = ExecId::shortId(r.creator, r.executeUser, r.engineType, r.taskId);
    r.execId = ExecId::make(m_instance, r.shortExecId);
    r.logPath = m_paths.logPath(r.executeUser, r.taskId, day);
    r.resultLocation = m_paths.resultDir(r.executeUser, r.creator, r.taskId, day);
    job->kind = request.kind;
    job->log = std::make_shared<JobLog>(r.logPath);
    job->log->append(Level::Info,
                     QStringLiteral("Your job is accepted,  jobID is %1 and jobReqId is %2 in %3. "
                                    "Please wait it to be scheduled")
                         .arg(r.execId)
                         .arg(r.taskId)
                         .arg(m_instance));
    m_jobs.insert(r.taskId, job);

    // Variables, as the Linkis entrance does before scheduling.
    QMap<QString, QString> vars = request.variables;
    vars.insert(QStringLiteral("user"), r.executeUser);
    vars.insert(QStringLiteral("execute_user"), r.executeUser);
    vars.insert(QStringLiteral("submit_user"), r.submitUser);
    const auto substituted = VariableSubstitution::apply(r.code, vars, QDate::currentDate());
    if (!substituted) {
        job->log->append(Level::Error, substituted.error().message);
        complete(*job, JobStatus::Failed, ErrorCodes::BadVariables, substituted.error().message);
        return ApiError::make(ApiError::Kind::Usage,
                              QStringLiteral("%1 (taskID %2 is recorded as Failed)")
                                  .arg(substituted.error().message)
                                  .arg(r.taskId));
    }
    job->code = substituted->code;
    if (job->code != r.code || !request.variables.isEmpty()) {
        QStringList shown;
        for (auto it = request.variables.cbegin(); it != request.variables.cend(); ++it)
            shown << it.key() + u'=' + it.value();
        job->log->append(Level::Info, QStringLiteral("Program is substituting variables for you"));
        if (!shown.isEmpty())
            job->log->append(Level::Info, QStringLiteral("Variables: ") + shown.join(u", "));
    }
    for (const QString &name : substituted->unresolved) {
        job->log->append(
            Level::Warn,
            QStringLiteral("Variable ${%1} is not defined; it is left as written.").arg(name));
    }
    r.status = JobStatus::Scheduled;
    save(*job);
    m_queue.append(r.taskId);
    if (m_running >= m_maxJobs) {
        job->log->append(
            Level::Info,
            QStringLiteral("Waiting for a free job slot: %1 job(s) running, at most %2 "
                           "at once (--max-jobs); %3 in the queue.")
                .arg(m_running)
                .arg(m_maxJobs)
                .arg(m_queue.size()));
    }
    if (request.runningTimeoutSec > 0) {
        job->timeout = new QTimer(this);
        job->timeout->setSingleShot(true);
        job->timeout->setInterval(request.runningTimeoutSec * 1000);
        const qint64 id = r.taskId;
        connect(job->timeout, &QTimer::timeout, this, [this, id] {
            auto it = m_jobs.find(id);
            if (it == m_jobs.end() || isTerminal((*it)->rec.status))
                return;
            (*it)->log->append(Level::Error,
                               QStringLiteral("The job ran longer than jobRunningTimeout."));
            (*it)->stopStatus = JobStatus::Timeout;
            if ((*it)->engine)
                (*it)->engine->cancel();
        });
    }
    QTimer::singleShot(0, this, &JobManager::schedule);
    return r;
}

void JobManager::schedule()
{
    while (!m_shuttingDown && m_running < m_maxJobs && !m_queue.isEmpty()) {
        const qint64 id = m_queue.takeFirst();
        auto it = m_jobs.find(id);
        if (it == m_jobs.end() || (*it)->rec.status != JobStatus::Scheduled)
            continue;
        startJob(**it);
    }
}

void JobManager::startJob(LiveJob &job)
{
    JobRecord &r = job.rec;
    EngineContext ctx;
    ctx.taskId = r.taskId;
    ctx.user = r.executeUser;
    ctx.engineType = r.engineType;
    ctx.runType = r.runType;
    ctx.code = job.code;
    ctx.workspaceDb = m_paths.workspaceDb(r.executeUser);
    if (m_catalog) {
        for (const auto &db : m_catalog->databasesFor(r.executeUser)) {
            if (db.file != ctx.workspaceDb)
                ctx.attached.append({db.name, db.file});
        }
    }
    ctx.resultDir = r.resultLocation;
    ctx.workDir = m_paths.workDir(r.taskId);
    ctx.gatewayMark = m_gatewayMark;
    ctx.log = job.log;
    switch (job.kind) {
    case JobRequest::Kind::Sqlite:
        job.engine = sessionEngine(job, ctx);
        if (!job.engine)
            job.engine = new SqliteEngine(ctx, this);
        break;
    case JobRequest::Kind::Python:
        job.engine = sessionEngine(job, ctx);
        if (!job.engine)
            job.engine = new ProcessEngine(ctx, ProcessEngine::Language::Python, this);
        break;
    case JobRequest::Kind::Shell:
        job.engine = new ProcessEngine(ctx, ProcessEngine::Language::Shell, this);
        break;
    }
    const qint64 id = r.taskId;
    connect(job.engine, &Engine::progressChanged, this,
            [this, id](double progress, const QJsonArray &info) {
                auto it = m_jobs.find(id);
                if (it == m_jobs.end() || isTerminal((*it)->rec.status))
                    return;
                (*it)->rec.progress = qMin(progress, 0.99); // Linkis caps it while running
                (*it)->progressInfo = info;
            });
    connect(job.engine, &Engine::finished, this,
            [this, id](const EngineOutcome &outcome) { onFinished(id, outcome); });
    ++m_running;
    r.status = JobStatus::Running;
    r.startedMs = nowMs();
    save(job);
    job.log->append(Level::Info,
                    QStringLiteral("Your job is Running now. Please wait it to complete."));
    if (job.timeout)
        job.timeout->start();
    job.engine->start();
}

Engine *JobManager::sessionEngine(LiveJob &job, const EngineContext &context)
{
    if (!m_engines)
        return nullptr;
    const bool python = job.kind == JobRequest::Kind::Python;
    const auto lease =
        m_engines->acquire(python ? EngineManager::Kind::Python : EngineManager::Kind::Sql,
                           job.rec.executeUser, job.rec.creator);
    if (!lease.engine) {
        job.log->append(Level::Info,
                        QStringLiteral("All %1 of your engines are busy (--max-engines-per-user): "
                                       "this job runs in a new %2 of its own, which does not "
                                       "see the state of your other jobs and ends with it.")
                            .arg(m_engines->limits().maxPerUser)
                            .arg(python ? QStringLiteral("python process")
                                        : QStringLiteral("SQLite connection")));
        return nullptr;
    }
    return new SessionJob(context, lease.engine, lease.created, this);
}

void JobManager::onFinished(qint64 taskId, const EngineOutcome &outcome)
{
    auto it = m_jobs.find(taskId);
    if (it == m_jobs.end())
        return;
    LiveJob &job = **it;
    if (isTerminal(job.rec.status))
        return;
    --m_running;
    if (job.engine) {
        job.engine->deleteLater();
        job.engine = nullptr;
    }
    JobStatus status = JobStatus::Failed;
    int errCode = outcome.errCode;
    QString errDesc = outcome.errDesc;
    switch (outcome.kind) {
    case EngineOutcome::Kind::Succeed: status = JobStatus::Succeed; break;
    case EngineOutcome::Kind::Failed: status = JobStatus::Failed; break;
    case EngineOutcome::Kind::Cancelled:
        status = job.stopStatus.value_or(JobStatus::Cancelled);
        break;
    }
    // A job whose log lost lines did not deliver what it printed: not a success.
    const QString logError = job.log->writeError();
    if (!logError.isEmpty() && status == JobStatus::Succeed) {
        status = JobStatus::Failed;
        errCode = ErrorCodes::OutputNotWritten;
        errDesc = logError;
    }
    if (job.stopStatus && status != JobStatus::Succeed) {
        status = *job.stopStatus;
        errCode = status == JobStatus::Timeout ? ErrorCodes::TimedOut : ErrorCodes::Cancelled;
        errDesc = status == JobStatus::Timeout
            ? QStringLiteral("The job exceeded its jobRunningTimeout and was stopped.")
            : QStringLiteral("The job was killed on request.");
    }
    complete(job, status, errCode, errDesc);
    QTimer::singleShot(0, this, &JobManager::schedule);
}

void JobManager::complete(LiveJob &job, JobStatus status, int errCode, const QString &errDesc)
{
    JobRecord &r = job.rec;
    r.status = status;
    r.errCode = status == JobStatus::Succeed ? 0 : errCode;
    r.errDesc = status == JobStatus::Succeed ? QString() : errDesc;
    r.progress = 1.0;
    r.endedMs = nowMs();
    if (job.timeout)
        job.timeout->stop();
    if (status == JobStatus::Succeed) {
        job.log->append(Level::Info,
                        QStringLiteral("Congratulations. Your job completed with status Success."));
    } else {
        job.log->append(Level::Info,
                        QStringLiteral("Sorry. Your job completed with a status %1. "
                                       "You can view logs for the reason.")
                            .arg(jobStatusName(status)));
    }
    save(job);
    m_completedOrder.append(r.taskId);
    emit jobCompleted(r.taskId, status);
    evictCompleted();
}

void JobManager::save(LiveJob &job)
{
    job.rec.updatedMs = nowMs();
    const qint64 id = job.rec.taskId;
    if (m_store.update(job.rec)) {
        m_unsaved.remove(id);
        return;
    }
    // Disk full or an I/O error: the live state stays right (replies come from it) and the
    // store gets it as soon as a write succeeds again.
    if (!m_unsaved.contains(id)) {
        const QString why = m_store.lastError();
        qWarning("job history: cannot record task %lld (%s): %s; retrying", id,
                 qPrintable(jobStatusName(job.rec.status)), qPrintable(why));
        job.log->append(Level::Error,
                        QStringLiteral("The job history cannot be written (%1); the gateway "
                                       "keeps retrying.")
                            .arg(why));
    }
    m_unsaved.insert(id);
    if (!m_saveRetry) {
        m_saveRetry = new QTimer(this);
        m_saveRetry->setInterval(kSaveRetryMs);
        connect(m_saveRetry, &QTimer::timeout, this, &JobManager::retryUnsaved);
    }
    m_saveRetry->start();
}

void JobManager::retryUnsaved()
{
    const auto ids = m_unsaved;
    for (qint64 id : ids) {
        const auto it = m_jobs.constFind(id);
        if (it == m_jobs.constEnd() || m_store.update((*it)->rec))
            m_unsaved.remove(id);
    }
    if (m_unsaved.isEmpty() && m_saveRetry)
        m_saveRetry->stop();
}

void JobManager::evictCompleted()
{
    while (m_completedOrder.size() > kKeepCompleted) {
        const qint64 id = m_completedOrder.takeFirst();
        auto it = m_jobs.find(id);
        // A job not recorded yet stays (its state lives only here until the store takes it).
        if (it != m_jobs.end() && isTerminal((*it)->rec.status) && !m_unsaved.contains(id)) {
            if ((*it)->timeout)
                (*it)->timeout->deleteLater();
            m_jobs.erase(it);
        }
    }
}

std::optional<JobRecord> JobManager::record(qint64 taskId) const
{
    const auto it = m_jobs.constFind(taskId);
    if (it != m_jobs.constEnd())
        return (*it)->rec;
    return m_store.get(taskId);
}

qint64 JobManager::resolve(const QString &idOrExecId) const
{
    bool numeric = false;
    const qint64 asNumber = idOrExecId.toLongLong(&numeric);
    if (numeric)
        return asNumber > 0 && record(asNumber) ? asNumber : 0;
    const QString shortId = ExecId::shortOf(idOrExecId);
    const qint64 id = ExecId::taskIdOf(shortId);
    if (id <= 0)
        return 0;
    const auto r = record(id);
    return r && r->shortExecId == shortId ? id : 0;
}

std::shared_ptr<JobLog> JobManager::log(const JobRecord &record)
{
    const auto it = m_jobs.constFind(record.taskId);
    if (it != m_jobs.constEnd())
        return (*it)->log;
    auto opened = m_openedLogs.value(record.taskId);
    if (!opened) {
        if (m_openedLogs.size() >= kKeepCompleted)
            m_openedLogs.clear();
        opened = std::make_shared<JobLog>(record.logPath, JobLog::Mode::ExistingOnly);
        m_openedLogs.insert(record.taskId, opened);
    }
    return opened;
}

QJsonArray JobManager::progressInfo(qint64 taskId) const
{
    const auto it = m_jobs.constFind(taskId);
    return it != m_jobs.constEnd() ? (*it)->progressInfo : QJsonArray {};
}

JobManager::KillResult JobManager::kill(qint64 taskId)
{
    auto it = m_jobs.find(taskId);
    if (it == m_jobs.end()) {
        const auto r = m_store.get(taskId);
        if (!r)
            return KillResult::NotFound;
        return KillResult::AlreadyCompleted; // jobs of earlier runs are all completed
    }
    LiveJob &job = **it;
    if (isTerminal(job.rec.status))
        return KillResult::AlreadyCompleted;
    job.log->append(Level::Warn, QStringLiteral("Kill requested by the user."));
    if (!job.stopStatus)
        job.stopStatus = JobStatus::Cancelled;
    if (job.engine) {
        job.engine->cancel();
    } else {
        m_queue.removeAll(taskId);
        complete(job, JobStatus::Cancelled, ErrorCodes::Cancelled,
                 QStringLiteral("The job was killed before it started."));
    }
    return KillResult::Killed;
}

qint64 JobManager::processGroupOf(qint64 taskId) const
{
    const auto it = m_jobs.constFind(taskId);
    if (it == m_jobs.constEnd())
        return 0;
    if (const auto *p = qobject_cast<ProcessEngine *>((*it)->engine))
        return p->processGroup();
    const auto *s = qobject_cast<SessionJob *>((*it)->engine);
    return s && s->engine() ? s->engine()->pid() : 0;
}

void JobManager::shutdown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    const auto jobs = m_jobs;
    for (const auto &job : jobs) {
        if (isTerminal(job->rec.status))
            continue;
        job->stopStatus = JobStatus::Cancelled;
        job->log->append(Level::Warn, QStringLiteral("The gateway is shutting down."));
        if (job->engine) {
            Engine *engine = job->engine;
            engine->disconnect(this);
            engine->cancel();
            engine->waitForDone(3000);
            delete engine;
            job->engine = nullptr;
            --m_running;
        }
        complete(*job, JobStatus::Cancelled, ErrorCodes::Cancelled,
                 QStringLiteral("The gateway was shut down while the job was running."));
    }
    m_queue.clear();
    retryUnsaved(); // a last chance for what the store refused
}

} // namespace linkisdesk::gateway
