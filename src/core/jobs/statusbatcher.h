// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/apierror.h"
#include "api/linkisclient.h"
#include "api/requesthandle.h"
#include "api/taskinfo.h"
#include "jobs/pollingdefaults.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

class QTimer;

namespace linkisdesk {

class BatchedJob;

// One status poller per LinkisClient: asks about all of its live jobs in one request,
// GET jobhistory/listundonetasks?status=Inited,WaitForRetry,Scheduled,Running&pageNow&pageSize,
// instead of one entrance/{execID}/status per job. A tracked job in the list gets its status
// (and, when nobody watches it, its progress) from the row; a job missing from a complete list
// has left the undone states, and its tracker confirms that with job history and finishes.
//
// Never two batch requests in flight (single-shot timer re-armed after each reply); a reply only
// judges the jobs that were tracked when it was asked for. Failures ApiError::isRetryable()
// accepts are retried with backoff and jitter, and the trackers show Reconnecting; except a
// reply that does not parse: like any other failure (404 on an older gateway, a Linkis error)
// it switches to fallback, as the batch call is optional and the job's own calls (which retry a
// damaged reply themselves) can do without it. In fallback, trackers poll their own status as
// before, and the batch call is tried again after fallbackRetryMs.
//
// The jobs are BatchedJob (JobTracker): the batcher reads their task id, age and kill state
// and tells them what the list said, through that interface only.
//
// The interval follows the jobs: minIntervalMs while a kill waits or a job is young, at most
// maxIntervalMs, and never fewer than targetPerJobMinute batch requests per tracked job-minute
// would allow (so 200 jobs are asked about every minIntervalMs, one job of an hour every
// maxIntervalMs).
class StatusBatcher : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusBatcher)
public:
    struct Options
    {
        int minIntervalMs = PollingDefaults::firstIntervalMs;
        int maxIntervalMs = PollingDefaults::maxIntervalMs;
        int targetPerJobMinute = 6; // batch requests per tracked job-minute the interval aims at
        int youngAgeDivisor = 8; // a job of age A is asked about at least every A / divisor
        int pageSize = 200; // rows per page (more tracked jobs: a larger page)
        int maxPages = 5; // a longer list is not judged (no job taken as ended)
        int retryBaseMs = 500;
        int maxRetryDelayMs = 15000;
        int fallbackRetryMs = 300000;
    };

    explicit StatusBatcher(LinkisClient *client, QObject *parent = nullptr);
    StatusBatcher(LinkisClient *client, const Options &options, QObject *parent = nullptr);
    ~StatusBatcher() override;

    LinkisClient *client() const { return m_client; }
    // False after a non-network failure of the batch call: trackers poll their own status.
    bool isBatching() const { return !m_fallback; }
    const ApiError &fallbackReason() const { return m_fallbackReason; }
    int trackedCount() const { return int(m_trackers.size()); }
    int requestsSent() const { return m_requestsSent; }
    // Asks soon (within minIntervalMs), e.g. after a kill.
    void hurry();
    // A job to ask about, until remove() (at the latest in the job's destructor).
    void add(BatchedJob *job);
    void remove(BatchedJob *job);

signals:
    // One batch poll is complete (all its pages answered); `jobs` trackers were judged.
    void polled(int jobs);
    // The batch call cannot be used (true) or works again (false).
    void fallbackChanged(bool fallback);

private:
    struct Asked
    {
        BatchedJob *job = nullptr; // only used while isTracked(job)
        qint64 taskId = 0;
    };

    void schedule(int delayMs);
    int interval() const;
    void tick();
    void requestPage(int pageNow);
    void onPage(int pageNow, const Result<TaskPage> &page);
    void judge();
    void onFailure(const ApiError &error);
    void enterFallback(const ApiError &error);
    bool isTracked(const BatchedJob *job) const;

    QPointer<LinkisClient> m_client;
    Options m_options;
    QList<BatchedJob *> m_trackers; // removed in the job's destructor at the latest
    QHash<const BatchedJob *, qint64> m_addedMs;
    QTimer *m_timer = nullptr;
    RequestHandle m_inFlight;
    quint64 m_generation = 0;
    QList<Asked> m_asked; // the jobs the poll in flight asks about
    QHash<qint64, TaskInfo> m_rows; // rows of the poll in flight, by taskID
    int m_pageSize = 0;
    qint64 m_startDateMs = 0; // the list window of the current poll
    qint64 m_total = 0;
    int m_failures = 0;
    int m_requestsSent = 0;
    bool m_fallback = false;
    ApiError m_fallbackReason;
};

} // namespace linkisdesk
