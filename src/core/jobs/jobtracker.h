// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/apierror.h"
#include "api/jobref.h"
#include "api/linkisclient.h"
#include "api/loglevel.h"
#include "api/logpage.h"
#include "api/progressinfo.h"
#include "api/requesthandle.h"
#include "api/resultsetref.h"
#include "api/submitrequest.h"
#include "api/taskinfo.h"
#include "jobs/batchedjob.h"
#include "jobs/finishingchecklist.h"
#include "jobs/logcursor.h"
#include "jobs/pollingdefaults.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QTimer;

namespace linkisdesk {

class StatusBatcher;

// Follows one job: polls its status on an adaptive schedule (first poll firstIntervalMs after
// submit, backing off to maxIntervalMs), or takes it from the client's StatusBatcher (one
// request for all jobs) when one is set; progress and log are polled only while the job is
// watched. Never two requests of one kind in flight, late replies dropped by a generation
// counter. Logs are read through a LogCursor from fromLine 1 (an unwatched job's whole log at the
// end); when the live log is refused after the end, the rest comes from openLog(logPath),
// spliced on by content. After the end, a FinishingChecklist: job history (errCode, errDesc,
// resultLocation, logPath) and the result sets sorted by number, then finished(). Failures
// that ApiError::isRetryable() accepts (the network, a damaged reply, an unwell server, a lost
// session) are retried with backoff and jitter (state Reconnecting) for as long as the tracker
// lives.
class JobTracker : public QObject, private BatchedJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobTracker)
public:
    enum class State {
        Idle, // not started
        Submitting, // submit() sent, no taskID yet
        Polling, // following a live job
        Reconnecting, // the last request failed at the network level; retrying
        Finishing, // terminal status seen; fetching history, remaining log, result sets
        Finished, // everything delivered
        Failed, // submit refused, or the job cannot be followed (unknown task, auth)
        Stopped, // stop() was called
    };
    Q_ENUM(State)
    enum class KillState { None, Requested, Confirmed, NotConfirmed };
    Q_ENUM(KillState)

    struct Options
    {
        int firstIntervalMs = PollingDefaults::firstIntervalMs;
        int maxIntervalMs = PollingDefaults::maxIntervalMs;
        int logPageSize = 1000; // lines per log request
        int killResendMs = 5000; // re-send the kill if still running after this
        int killGiveUpMs = 30000; // then report "not confirmed after N s" (polling goes on)
        int killSlowMs = 5000; // killSlow() when a kill is not confirmed after this
        bool withResources = false; // progressWithResource rather than progress
        int retryBaseMs = 500; // first retry after a network failure (doubles, with jitter)
        int maxRetryDelayMs = 15000;
        bool fetchResultSets = true;
    };

    JobTracker(LinkisClient *client, const QString &profileName, QObject *parent = nullptr);
    JobTracker(LinkisClient *client, const QString &profileName, const Options &options,
               QObject *parent = nullptr);
    ~JobTracker() override;

    // Submits and then follows the job. Emits submitted() or failed(). The submit goes out at
    // most once; when its outcome is unknown (the connection dropped before the answer), job
    // history is asked for it (SubmitLookup): found, it is followed (submitRecovered(), then
    // submitted()); not found, failed() with ApiError::outcomeUnknown set.
    void submit(const SubmitRequest &request);
    // Follows an existing job (e.g. reattached from the journal). logLinesDelivered: how far the
    // live log was read before (nextLogLine() - 1 of the earlier tracker; those lines are not
    // delivered again). taskId is required; execId may be empty (it is read from job history).
    void attach(const JobRef &job, int logLinesDelivered = 0);
    // GET kill with taskID, then poll to a terminal status (re-sending the kill once per
    // killResendMs); emits killConfirmed() or killNotConfirmed(seconds).
    void kill();
    // Stops polling; pending replies are dropped.
    void stop();
    // Takes the status from this shared poller instead of asking per job (JobRegistry sets the
    // one of the tracker's client). Call before submit() or attach(). If the batch call cannot
    // be used (an older gateway), the tracker polls its own status again.
    void setStatusBatcher(StatusBatcher *batcher);
    StatusBatcher *statusBatcher() const;
    // Somebody shows this job's log and progress (the CLI's follow mode, a visible run panel):
    // they are polled while it runs. Unwatched jobs get their whole log once, at the end.
    void setWatched(bool watched);
    bool isWatched() const { return m_watched; }

    LinkisClient *client() const { return m_client; }
    QString profileName() const { return m_profileName; }
    JobRef job() const { return m_job; }
    qint64 taskId() const { return m_job.taskId; }
    QString execId() const { return m_job.execId; }
    State state() const { return m_state; }
    KillState killState() const { return m_killState; }
    JobStatus status() const { return m_status; }
    double progress() const { return m_progress; }
    // What progressWithResource reported last (Options::withResources).
    const JobResources &resources() const { return m_resources; }
    // Number of log lines delivered so far.
    int logLinesDelivered() const { return m_log.linesDelivered(); }
    // The live log's fromLine for the next read (the journal's log position): it counts the
    // blank lines a real Linkis leaves out of the text, so it can be ahead of the lines delivered.
    int nextLogLine() const { return m_log.nextLine(); }
    bool isFinished() const { return m_state == State::Finished; }
    bool hasTaskInfo() const { return m_hasTaskInfo; }
    const TaskInfo &taskInfo() const { return m_taskInfo; }
    const QList<ResultSetRef> &resultSets() const { return m_resultSets; }
    const ApiError &lastError() const { return m_lastError; }
    int requestsSent() const { return m_requestsSent; }

signals:
    void submitted(const linkisdesk::JobRef &job);
    // The submit's answer was lost, but job history has the job: it is followed from here.
    void submitRecovered(const linkisdesk::JobRef &job);
    void stateChanged(linkisdesk::JobTracker::State state);
    void statusChanged(linkisdesk::JobStatus status);
    void progressChanged(double progress, const QList<linkisdesk::ProgressItem> &items);
    // New log lines in order, each exactly once, as decoded UTF-8 (api/logpage.h): what log
    // views take, nothing turned into QString.
    void logPage(const linkisdesk::LogPage &page);
    // The same lines as text with their levels (same length); built only when connected.
    void logLines(const QStringList &lines, const QList<linkisdesk::LogLevel> &levels);
    // A request failed at the network level; the next try is in retryInMs.
    void reconnecting(const linkisdesk::ApiError &error, int attempt, int retryInMs);
    void reconnected();
    void killRequested();
    void killConfirmed();
    void killNotConfirmed(int seconds);
    // The kill has not been confirmed after Options::killSlowMs: the job may be stuck in its
    // engine (the moment to offer killing the engine). Once per kill.
    void killSlow(int seconds);
    // Options::withResources: the first resources reported for the job, then each change.
    void resourcesChanged(const linkisdesk::JobResources &resources);
    void taskInfoChanged(const linkisdesk::TaskInfo &info);
    void resultSetsReady(const QList<linkisdesk::ResultSetRef> &sets);
    // Everything about the job is known; status is terminal.
    void finished(linkisdesk::JobStatus status);
    // Submit refused or the job cannot be followed; the tracker stops.
    void failed(const linkisdesk::ApiError &error);

private:
    enum Kind { StatusKind, ProgressKind, LogKind, InfoKind, ResultKind, KillKind, KindCount };

    void setState(State state);
    void accepted(const JobRef &job);
    void findSubmitted(const SubmitRequest &request, qint64 sentAtMs, const ApiError &cause,
                       int attempt);
    void cancelAll();
    bool busy(Kind kind) const;
    void fail(const ApiError &error);
    void schedule(int delayMs);
    void onTimer();
    int nextInterval();
    void roundReplyDone();
    void onHealthy();
    bool handleTransient(const ApiError &error);
    void pollRound();
    void pollStatus();
    void applyStatus(JobStatus status);
    void pollProgress();
    void setProgress(double progress, const QList<ProgressItem> &items);
    void pollLog(bool finishing);
    void deliver(const LogBatch &batch);
    void beginFinishing();
    void finishStep();
    void fetchInfo();
    void fetchFullLog();
    void fetchResultSets();
    void sendKill();
    void checkKill();
    bool usesBatch() const;
    bool isFollowing() const;
    void joinBatch();
    void leaveBatch();
    // BatchedJob: what StatusBatcher asks and tells.
    qint64 batchTaskId() const override { return m_job.taskId; }
    qint64 batchCreatedMs() const override;
    bool batchWantsHurry() const override { return m_killState == KillState::Requested; }
    void batchSeen(const TaskInfo &row) override;
    void batchMissing() override;
    void batchHealthy() override;
    void batchFailed(const ApiError &error, int attempt, int retryInMs) override;
    void batchUnavailable() override;
    void batcherGone(StatusBatcher *batcher) override;

    QPointer<LinkisClient> m_client;
    QString m_profileName;
    Options m_options;
    JobRef m_job;
    State m_state = State::Idle;
    KillState m_killState = KillState::None;
    JobStatus m_status = JobStatus::Unknown;
    double m_progress = -1.0;
    JobResources m_resources;
    bool m_hasResources = false; // a progressWithResource reply came
    TaskInfo m_taskInfo;
    bool m_hasTaskInfo = false;
    QList<ResultSetRef> m_resultSets;
    ApiError m_lastError;

    QTimer *m_timer = nullptr;
    RequestHandle m_inFlight[KindCount];
    quint64 m_generation = 0;
    qint64 m_startedMs = 0;
    int m_interval = 0;
    int m_round = 0;
    int m_outstanding = 0;
    int m_failures = 0;
    int m_requestsSent = 0;
    LogCursor m_log;
    FinishingChecklist m_checklist;
    bool m_finishing = false;
    bool m_killPending = false;
    bool m_killReported = false;
    bool m_killSlowReported = false;
    qint64 m_killStartedMs = 0;
    qint64 m_lastKillSentMs = 0;
    QPointer<StatusBatcher> m_batcher;
    bool m_inBatch = false;
    bool m_watched = false;
    bool m_confirmingEnd = false; // job history asked because the job left the undone list
    int m_batchMisses = 0; // left the undone list but job history says it still runs
};

} // namespace linkisdesk
