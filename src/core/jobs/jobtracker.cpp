// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/jobtracker.h"

#include "api/linkisclient.h"
#include "jobs/backoff.h"
#include "jobs/statusbatcher.h"
#include "jobs/submitlookup.h"

#include <QDateTime>
#include <QMetaMethod>
#include <QTimer>

namespace linkisdesk {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// How often job history is asked whether an unanswered submit arrived, while it cannot answer.
constexpr int kLookupAttempts = 3;

// The error as the reconnecting signal reports it: a lost session says what to do about it.
ApiError explained(ApiError error)
{
    if (error.kind == ApiError::Kind::SessionExpired || error.kind == ApiError::Kind::Auth) {
        error.message = QStringLiteral("Session expired or credentials refused: sign in again "
                                       "(the job is still tracked). ") +
            error.message;
    }
    return error;
}

} // namespace

JobTracker::JobTracker(LinkisClient *client, const QString &profileName, QObject *parent)
    : JobTracker(client, profileName, Options {}, parent)
{ }

JobTracker::JobTracker(LinkisClient *client, const QString &profileName, const Options &options,
                       QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_profileName(profileName)
    , m_options(options)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &JobTracker::onTimer);
}

JobTracker::~JobTracker()
{
    leaveBatch();
    cancelAll();
}

void JobTracker::setStatusBatcher(StatusBatcher *batcher)
{
    if (batcher == m_batcher)
        return;
    leaveBatch();
    m_batcher = batcher;
    joinBatch();
}

StatusBatcher *JobTracker::statusBatcher() const
{
    return m_batcher;
}

void JobTracker::setWatched(bool watched)
{
    if (m_watched == watched)
        return;
    m_watched = watched;
    // Catch up with the log and progress now rather than at the next round.
    if (watched && m_state == State::Polling && !m_timer->isActive() && m_outstanding == 0)
        schedule(0);
}

bool JobTracker::isFollowing() const
{
    return !m_finishing && (m_state == State::Polling || m_state == State::Reconnecting);
}

bool JobTracker::usesBatch() const
{
    return m_inBatch && m_batcher && m_batcher->isBatching();
}

void JobTracker::joinBatch()
{
    if (!m_batcher || m_inBatch || m_job.taskId <= 0 || !isFollowing())
        return;
    m_inBatch = true;
    m_batchMisses = 0;
    m_batcher->add(this);
}

void JobTracker::leaveBatch()
{
    if (!m_inBatch)
        return;
    m_inBatch = false;
    if (m_batcher)
        m_batcher->remove(this);
}

void JobTracker::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void JobTracker::cancelAll()
{
    ++m_generation;
    for (RequestHandle &h : m_inFlight)
        h.cancel();
    m_outstanding = 0;
}

bool JobTracker::busy(Kind kind) const
{
    return m_inFlight[kind].isActive();
}

void JobTracker::submit(const SubmitRequest &request)
{
    if (!m_client || m_state != State::Idle)
        return;
    setState(State::Submitting);
    m_startedMs = nowMs();
    ++m_requestsSent;
    m_inFlight[StatusKind] = m_client->submit(
        request, this,
        [this, request, sentAt = m_startedMs, gen = m_generation](Result<SubmitResult> r) {
            if (gen != m_generation)
                return;
            if (!r) {
                // Never re-send a submit: the server may have accepted the first one. When that
                // is unknown, job history says whether it did.
                if (r.error().outcomeUnknown)
                    findSubmitted(request, sentAt, r.error(), 1);
                else
                    fail(r.error());
                return;
            }
            accepted(JobRef {r->taskId, r->execId});
        });
}

void JobTracker::accepted(const JobRef &job)
{
    m_job = job;
    emit submitted(m_job);
    // Accepted: the job exists and is at least Inited until a status says more (a failing
    // status source must not leave it looking as if it were being submitted).
    if (m_status == JobStatus::Unknown) {
        m_status = JobStatus::Inited;
        emit statusChanged(m_status);
    }
    setState(State::Polling);
    joinBatch();
    if (m_killPending)
        sendKill();
    schedule(m_options.firstIntervalMs);
}

void JobTracker::findSubmitted(const SubmitRequest &request, qint64 sentAtMs, const ApiError &cause,
                               int attempt)
{
    ++m_requestsSent;
    m_inFlight[StatusKind] = SubmitLookup::find(
        m_client, request, sentAtMs, this,
        [this, request, sentAtMs, cause, attempt,
         gen = m_generation](Result<std::optional<TaskInfo>> r) {
            if (gen != m_generation)
                return;
            ApiError unknown = cause;
            unknown.outcomeUnknown = true;
            if (!r) {
                if (r.error().isRetryable() && attempt < kLookupAttempts) {
                    const int delay =
                        backoffDelayMs(attempt, m_options.retryBaseMs, m_options.maxRetryDelayMs);
                    QTimer::singleShot(delay, this, [this, request, sentAtMs, cause, attempt, gen] {
                        if (gen == m_generation && m_state == State::Submitting)
                            findSubmitted(request, sentAtMs, cause, attempt + 1);
                    });
                    return;
                }
                unknown.message = QStringLiteral("The submit's outcome is unknown: %1 Job history "
                                                 "could not be checked either (%2); look for the "
                                                 "job there before submitting again.")
                                      .arg(cause.message, r.error().message);
                fail(unknown);
                return;
            }
            if (!r.value()) {
                unknown.message = QStringLiteral("The submit's outcome is unknown: %1 No job with "
                                                 "this code was found in job history, so the "
                                                 "server most likely did not run it; submit "
                                                 "again to run it.")
                                      .arg(cause.message);
                fail(unknown);
                return;
            }
            const TaskInfo &task = *r.value();
            const JobRef job {task.taskId, task.pathExecId()};
            emit submitRecovered(job);
            accepted(job);
        });
}

void JobTracker::attach(const JobRef &job, int logLinesDelivered)
{
    if (!m_client || m_state != State::Idle)
        return;
    m_job = job;
    m_log.resume(logLinesDelivered);
    m_startedMs = nowMs();
    setState(State::Polling);
    joinBatch();
    schedule(0);
}

void JobTracker::stop()
{
    leaveBatch();
    cancelAll();
    m_timer->stop();
    if (m_state != State::Finished && m_state != State::Failed)
        setState(State::Stopped);
}

void JobTracker::fail(const ApiError &error)
{
    leaveBatch();
    cancelAll();
    m_timer->stop();
    m_lastError = error;
    setState(State::Failed);
    emit failed(error);
}

void JobTracker::schedule(int delayMs)
{
    m_timer->start(qMax(0, delayMs));
}

void JobTracker::onTimer()
{
    if (m_state == State::Finishing || (m_state == State::Reconnecting && m_finishing))
        finishStep();
    else if (m_state == State::Polling || m_state == State::Reconnecting)
        pollRound();
}

int JobTracker::nextInterval()
{
    // Grows from firstIntervalMs by 1.6x per round up to maxIntervalMs; fast while a kill waits.
    m_interval = m_interval <= 0 ? m_options.firstIntervalMs : int(m_interval * 1.6);
    m_interval = qMin(m_interval, m_options.maxIntervalMs);
    if (m_killState == KillState::Requested)
        return qMin(m_interval, 500);
    return m_interval;
}

void JobTracker::roundReplyDone()
{
    if (m_outstanding > 0)
        --m_outstanding;
    if (m_outstanding == 0 && m_state == State::Polling && !m_timer->isActive())
        schedule(nextInterval());
}

void JobTracker::onHealthy()
{
    if (m_failures == 0)
        return;
    m_failures = 0;
    setState(m_finishing ? State::Finishing : State::Polling);
    emit reconnected();
}

bool JobTracker::handleTransient(const ApiError &error)
{
    if (!error.isRetryable())
        return false;
    cancelAll();
    m_lastError = explained(error);
    ++m_failures;
    const int delay = backoffDelayMs(m_failures, m_options.retryBaseMs, m_options.maxRetryDelayMs);
    setState(State::Reconnecting);
    emit reconnecting(m_lastError, m_failures, delay);
    schedule(delay);
    return true;
}

void JobTracker::pollRound()
{
    if (!m_client)
        return;
    if (m_job.execId.isEmpty() && m_job.taskId > 0 && !m_hasTaskInfo) {
        // Reattached by taskID: job history has the execID (strongerExecId) and the status.
        fetchInfo();
        return;
    }
    ++m_round;
    m_outstanding = 0;
    if (m_killState == KillState::Requested)
        checkKill();
    const bool batched = usesBatch();
    if (!batched)
        pollStatus();
    if (m_watched) {
        // At long intervals, progress every other round keeps us under the web console's load.
        const bool slow = m_interval >= m_options.maxIntervalMs / 2;
        if (!slow || m_round % 2 == 0)
            pollProgress();
        if (!m_log.isLiveDone())
            pollLog(false);
    }
    // A batched job nobody watches needs no rounds of its own: the batcher drives it.
    if (m_outstanding == 0 && (!batched || m_watched))
        schedule(nextInterval());
}

void JobTracker::pollStatus()
{
    if (busy(StatusKind))
        return;
    ++m_outstanding;
    ++m_requestsSent;
    m_inFlight[StatusKind] =
        m_client->status(m_job, this, [this, gen = m_generation](Result<JobStatus> r) {
            if (gen != m_generation)
                return;
            if (!r) {
                if (handleTransient(r.error()))
                    return;
                if (r.error().kind == ApiError::Kind::Linkis && m_job.taskId > 0) {
                    // The entrance no longer knows the job: job history does.
                    --m_outstanding;
                    fetchInfo();
                    return;
                }
                fail(r.error());
                return;
            }
            onHealthy();
            applyStatus(r.value());
            if (m_state == State::Polling)
                roundReplyDone();
        });
}

void JobTracker::applyStatus(JobStatus status)
{
    if (status != m_status && status != JobStatus::Unknown) {
        m_status = status;
        emit statusChanged(status);
    }
    if (m_killState == KillState::Requested && isTerminal(m_status)) {
        m_killState = KillState::Confirmed;
        emit killConfirmed();
    }
    if (isTerminal(m_status) && !m_finishing)
        beginFinishing();
}

void JobTracker::pollProgress()
{
    if (busy(ProgressKind))
        return;
    ++m_outstanding;
    ++m_requestsSent;
    auto done = [this, gen = m_generation](Result<ProgressInfo> r) {
        if (gen != m_generation)
            return;
        if (!r) {
            if (handleTransient(r.error()))
                return;
            // Progress is optional: some gateways refuse it for finished jobs.
        } else {
            onHealthy();
            setProgress(r->progress, r->items);
            if (m_options.withResources && (!m_hasResources || r->resources != m_resources)) {
                m_hasResources = true;
                m_resources = r->resources;
                emit resourcesChanged(m_resources);
            }
        }
        if (m_state == State::Polling)
            roundReplyDone();
    };
    m_inFlight[ProgressKind] = m_options.withResources
        ? m_client->progressWithResource(m_job, this, std::move(done))
        : m_client->progress(m_job, this, std::move(done));
}

void JobTracker::setProgress(double progress, const QList<ProgressItem> &items)
{
    if (qFuzzyCompare(progress + 1.0, m_progress + 1.0) && items.isEmpty())
        return;
    m_progress = progress;
    emit progressChanged(progress, items);
}

void JobTracker::pollLog(bool finishing)
{
    if (busy(LogKind))
        return;
    if (!finishing)
        ++m_outstanding;
    ++m_requestsSent;
    m_inFlight[LogKind] = m_client->logPage(
        m_job, m_log.nextLine(), m_options.logPageSize, this,
        [this, finishing, gen = m_generation](Result<LogPage> r) {
            if (gen != m_generation)
                return;
            bool more = false;
            if (!r) {
                if (handleTransient(r.error()))
                    return;
                // Refused ("the job has ended ..."): the rest comes from openLog at
                // the end.
                m_log.liveRefused();
            } else {
                onHealthy();
                deliver(m_log.takeLivePage(*r, m_options.logPageSize, finishing, &more));
            }
            if (finishing) {
                finishStep();
                return;
            }
            if (more && m_state == State::Polling) {
                // A full page: read on at once instead of waiting for the next round.
                m_inFlight[LogKind] = RequestHandle();
                --m_outstanding; // this reply is done; the next page replaces it
                pollLog(false);
                return;
            }
            if (m_state == State::Polling)
                roundReplyDone();
        });
}

void JobTracker::deliver(const LogBatch &batch)
{
    if (batch.isEmpty())
        return;
    emit logPage(batch.page);
    static const QMetaMethod textSignal = QMetaMethod::fromSignal(&JobTracker::logLines);
    if (isSignalConnected(textSignal))
        emit logLines(batch.lines(), batch.levels);
}

// After the terminal status: the FinishingChecklist, then finished().

void JobTracker::beginFinishing()
{
    leaveBatch();
    m_finishing = true;
    cancelAll();
    m_timer->stop();
    setState(State::Finishing);
    schedule(0);
}

void JobTracker::finishStep()
{
    if (!m_client || busy(LogKind) || busy(InfoKind) || busy(ResultKind))
        return;
    switch (m_checklist.next(m_log, m_taskInfo, m_options.fetchResultSets)) {
    case FinishingChecklist::Step::LiveLog: pollLog(true); return;
    case FinishingChecklist::Step::Info: fetchInfo(); return;
    case FinishingChecklist::Step::WholeLog: fetchFullLog(); return;
    case FinishingChecklist::Step::ResultSets: fetchResultSets(); return;
    case FinishingChecklist::Step::Done: break;
    }
    if (m_status == JobStatus::Succeed)
        setProgress(1.0, {});
    m_timer->stop();
    setState(State::Finished);
    emit finished(m_status);
}

void JobTracker::fetchInfo()
{
    if (busy(InfoKind))
        return;
    ++m_requestsSent;
    m_inFlight[InfoKind] =
        m_client->jobInfo(m_job.taskId, this, [this, gen = m_generation](Result<TaskInfo> r) {
            if (gen != m_generation)
                return;
            if (!r) {
                if (handleTransient(r.error()))
                    return;
                if (m_finishing) {
                    // No history (odd gateway): finish with what we have.
                    m_lastError = r.error();
                    m_checklist.setInfoDone();
                    finishStep();
                    return;
                }
                fail(r.error());
                return;
            }
            onHealthy();
            m_taskInfo = r.value();
            m_hasTaskInfo = true;
            if (!m_taskInfo.pathExecId().isEmpty())
                m_job.execId = m_taskInfo.pathExecId();
            emit taskInfoChanged(m_taskInfo);
            if (m_finishing) {
                m_checklist.setInfoDone();
                finishStep();
                return;
            }
            // The history of an ended job is final; a success without its result location yet
            // is asked again at the end.
            if (isTerminal(m_taskInfo.status) &&
                (m_taskInfo.status != JobStatus::Succeed || !m_options.fetchResultSets ||
                 !m_taskInfo.resultLocation.isEmpty()))
                m_checklist.setInfoDone();
            const bool confirming = std::exchange(m_confirmingEnd, false);
            applyStatus(m_taskInfo.status);
            if (confirming && !m_finishing && ++m_batchMisses >= 2) {
                // Left the undone list twice yet still running (a server that lists fewer
                // states or a shorter window): follow this job with its own status polls.
                leaveBatch();
            }
            if (!m_finishing && m_state == State::Polling)
                schedule(nextInterval());
        });
}

void JobTracker::fetchFullLog()
{
    ++m_requestsSent;
    m_inFlight[LogKind] = m_client->openLogPage(
        m_taskInfo.logPath, this, [this, gen = m_generation](Result<LogPage> r) {
            if (gen != m_generation)
                return;
            if (!r) {
                if (handleTransient(r.error()))
                    return;
                m_lastError = r.error(); // the log is lost; the job still finishes
                m_log.wholeLogLost();
            } else {
                onHealthy();
                deliver(m_log.takeWholeLog(*r));
            }
            finishStep();
        });
}

void JobTracker::fetchResultSets()
{
    ++m_requestsSent;
    m_inFlight[ResultKind] = m_client->resultSets(
        m_taskInfo.resultLocation, this, [this, gen = m_generation](Result<QList<ResultSetRef>> r) {
            if (gen != m_generation)
                return;
            if (!r) {
                if (handleTransient(r.error()))
                    return;
                m_lastError = r.error();
            } else {
                onHealthy();
                m_resultSets = r.value();
                emit resultSetsReady(m_resultSets);
            }
            m_checklist.setResultSetsDone();
            finishStep();
        });
}

void JobTracker::kill()
{
    if (m_killState == KillState::Requested || isTerminal(m_status))
        return;
    m_killState = KillState::Requested;
    m_killStartedMs = nowMs();
    m_killReported = false;
    m_killSlowReported = false;
    emit killRequested();
    if (m_state == State::Submitting || !m_job.isValid()) {
        m_killPending = true;
        return;
    }
    sendKill();
    if (usesBatch())
        m_batcher->hurry();
    else if (m_state == State::Polling && !busy(StatusKind))
        schedule(qMin(m_timer->isActive() ? m_timer->remainingTime() : 0, 200));
}

void JobTracker::sendKill()
{
    if (!m_client || busy(KillKind))
        return;
    m_killPending = false;
    m_lastKillSentMs = nowMs();
    ++m_requestsSent;
    m_inFlight[KillKind] = m_client->kill(m_job, this, [](Result<Unit>) {
        // The answer says little ("already completed", "forced kill"): the status decides.
    });
}

void JobTracker::checkKill()
{
    const qint64 now = nowMs();
    if (now - m_lastKillSentMs >= m_options.killResendMs)
        sendKill();
    if (!m_killSlowReported && now - m_killStartedMs >= m_options.killSlowMs) {
        m_killSlowReported = true;
        emit killSlow(int((now - m_killStartedMs) / 1000));
    }
    if (!m_killReported && now - m_killStartedMs >= m_options.killGiveUpMs) {
        m_killReported = true;
        m_killState = KillState::NotConfirmed;
        emit killNotConfirmed(int((now - m_killStartedMs) / 1000));
    }
}

qint64 JobTracker::batchCreatedMs() const
{
    return m_hasTaskInfo && m_taskInfo.createdTime.isValid()
        ? m_taskInfo.createdTime.toMSecsSinceEpoch()
        : 0;
}

void JobTracker::batchSeen(const TaskInfo &row)
{
    if (!m_inBatch || !isFollowing())
        return;
    onHealthy();
    m_batchMisses = 0;
    if (m_job.execId.isEmpty() && !row.pathExecId().isEmpty())
        m_job.execId = row.pathExecId();
    if (m_killState == KillState::Requested)
        checkKill();
    // A watched job polls its progress (with the stages); the row's is for the others.
    if (!m_watched && !isTerminal(row.status))
        setProgress(row.progress, {});
    applyStatus(row.status);
}

void JobTracker::batchMissing()
{
    if (!m_inBatch || !isFollowing())
        return;
    onHealthy();
    if (m_killState == KillState::Requested)
        checkKill();
    if (busy(InfoKind))
        return;
    // No longer undone: job history has the end (status, errors, result location) at once.
    m_confirmingEnd = true;
    fetchInfo();
}

void JobTracker::batchHealthy()
{
    if (m_inBatch && isFollowing())
        onHealthy();
}

void JobTracker::batchFailed(const ApiError &error, int attempt, int retryInMs)
{
    if (!m_inBatch || !isFollowing())
        return;
    m_lastError = explained(error);
    m_failures = qMax(1, attempt);
    setState(State::Reconnecting);
    emit reconnecting(m_lastError, m_failures, retryInMs);
}

void JobTracker::batchUnavailable()
{
    // Back to per-job status polling until the batch call works again.
    if (isFollowing() && !m_timer->isActive())
        schedule(0);
}

void JobTracker::batcherGone(StatusBatcher *batcher)
{
    if (m_batcher != batcher && m_batcher)
        return;
    m_inBatch = false;
    m_batcher = nullptr;
    if (isFollowing() && !m_timer->isActive())
        schedule(0);
}

} // namespace linkisdesk
