// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/statusbatcher.h"

#include "api/jobstatusnames.h"
#include "jobs/backoff.h"
#include "jobs/batchedjob.h"

#include <QDateTime>
#include <QTimer>

namespace linkisdesk {

namespace {

const QStringList &undoneStatuses()
{
    static const QStringList s = jobStatusNames(undoneJobStatuses());
    return s;
}

} // namespace

StatusBatcher::StatusBatcher(LinkisClient *client, QObject *parent)
    : StatusBatcher(client, Options {}, parent)
{ }

StatusBatcher::StatusBatcher(LinkisClient *client, const Options &options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_options(options)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &StatusBatcher::tick);
}

StatusBatcher::~StatusBatcher()
{
    m_inFlight.cancel();
    const QList<BatchedJob *> trackers = std::exchange(m_trackers, {});
    for (BatchedJob *t : trackers)
        t->batcherGone(this);
}

bool StatusBatcher::isTracked(const BatchedJob *tracker) const
{
    return m_addedMs.contains(tracker);
}

void StatusBatcher::add(BatchedJob *tracker)
{
    if (!tracker || isTracked(tracker))
        return;
    m_trackers.append(tracker);
    m_addedMs.insert(tracker, QDateTime::currentMSecsSinceEpoch());
    if (m_fallback) {
        if (!m_timer->isActive() && !m_inFlight.isActive())
            schedule(m_options.fallbackRetryMs);
        return;
    }
    hurry();
}

void StatusBatcher::remove(BatchedJob *tracker)
{
    if (!m_addedMs.remove(tracker))
        return;
    m_trackers.removeAll(tracker);
    if (m_trackers.isEmpty() && !m_inFlight.isActive())
        m_timer->stop();
}

void StatusBatcher::hurry()
{
    if (m_inFlight.isActive() || m_failures > 0 || m_fallback)
        return; // the reply re-arms the timer; a retry keeps its backoff
    if (!m_timer->isActive() || m_timer->remainingTime() > m_options.minIntervalMs)
        schedule(m_options.minIntervalMs);
}

void StatusBatcher::schedule(int delayMs)
{
    m_timer->start(qMax(0, delayMs));
}

int StatusBatcher::interval() const
{
    const int n = qMax(1, int(m_trackers.size()));
    int ms = int(60000LL / (qint64(qMax(1, m_options.targetPerJobMinute)) * n));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const BatchedJob *t : m_trackers) {
        if (t->batchWantsHurry())
            return m_options.minIntervalMs;
        const qint64 age = now - m_addedMs.value(t, now);
        ms = int(qMin<qint64>(ms, age / qMax(1, m_options.youngAgeDivisor)));
    }
    return qBound(m_options.minIntervalMs, ms,
                  qMax(m_options.minIntervalMs, m_options.maxIntervalMs));
}

void StatusBatcher::tick()
{
    if (!m_client || m_trackers.isEmpty() || m_inFlight.isActive())
        return;
    m_asked.clear();
    m_rows.clear();
    m_total = 0;
    // The list's window starts a day before the oldest tracked job was created (or, not known
    // yet, was added here): Linkis lists only the last day without a startDate, and the margin
    // covers a clock difference between client and server.
    qint64 oldestMs = QDateTime::currentMSecsSinceEpoch();
    for (BatchedJob *t : std::as_const(m_trackers)) {
        const qint64 taskId = t->batchTaskId();
        if (taskId <= 0)
            continue;
        m_asked.append(Asked {t, taskId});
        const qint64 createdMs = t->batchCreatedMs();
        oldestMs = qMin(oldestMs, createdMs > 0 ? createdMs : m_addedMs.value(t, oldestMs));
    }
    m_startDateMs = oldestMs - 24LL * 3600 * 1000;
    if (m_asked.isEmpty()) {
        schedule(interval());
        return;
    }
    // One page holds every tracked job plus room for the user's other undone jobs, up to the
    // 1000 rows a gateway gives at once (more: further pages, up to maxPages).
    m_pageSize = qBound(1, qMax(m_options.pageSize, int(m_asked.size()) + 50), 1000);
    requestPage(1);
}

void StatusBatcher::requestPage(int pageNow)
{
    ++m_requestsSent;
    m_inFlight = m_client->undoneTasks(
        pageNow, m_pageSize, undoneStatuses(), this,
        [this, pageNow, gen = m_generation](Result<TaskPage> page) {
            if (gen != m_generation)
                return;
            m_inFlight = RequestHandle();
            onPage(pageNow, page);
        },
        m_startDateMs);
}

void StatusBatcher::onPage(int pageNow, const Result<TaskPage> &page)
{
    if (!page) {
        onFailure(page.error());
        return;
    }
    for (const TaskInfo &row : page->tasks) {
        if (row.taskId > 0)
            m_rows.insert(row.taskId, row);
    }
    m_total = qMax(m_total, page->total);
    const qint64 pages = (m_total + m_pageSize - 1) / m_pageSize;
    if (pageNow < pages && pageNow < m_options.maxPages) {
        requestPage(pageNow + 1);
        return;
    }
    judge();
}

void StatusBatcher::judge()
{
    // Every undone job was listed when the rows cover the total the server counted (pages can
    // shift while they are read; a job taken as ended by mistake is confirmed by its tracker).
    const bool complete = m_rows.size() >= m_total;
    m_failures = 0;
    if (m_fallback) {
        m_fallback = false;
        m_fallbackReason = ApiError {};
        emit fallbackChanged(false);
    }
    const QList<Asked> asked = std::exchange(m_asked, {});
    const QHash<qint64, TaskInfo> rows = std::exchange(m_rows, {});
    int judged = 0;
    for (const Asked &a : asked) {
        BatchedJob *t = a.job;
        if (!isTracked(t) || t->batchTaskId() != a.taskId)
            continue;
        ++judged;
        const auto it = rows.constFind(a.taskId);
        if (it != rows.constEnd())
            t->batchSeen(*it);
        else if (complete)
            t->batchMissing();
        else
            t->batchHealthy();
    }
    emit polled(judged);
    if (!m_trackers.isEmpty() && !m_timer->isActive())
        schedule(interval());
}

void StatusBatcher::onFailure(const ApiError &error)
{
    m_asked.clear();
    m_rows.clear();
    if (!error.isRetryable() || error.kind == ApiError::Kind::Parse) {
        enterFallback(error);
        return;
    }
    ++m_failures;
    const int delay = backoffDelayMs(m_failures, m_options.retryBaseMs, m_options.maxRetryDelayMs);
    const QList<BatchedJob *> trackers = m_trackers;
    for (BatchedJob *t : trackers) {
        if (isTracked(t))
            t->batchFailed(error, m_failures, delay);
    }
    schedule(delay);
}

void StatusBatcher::enterFallback(const ApiError &error)
{
    m_failures = 0;
    const bool changed = !m_fallback;
    m_fallback = true;
    m_fallbackReason = error;
    if (changed) {
        emit fallbackChanged(true);
        const QList<BatchedJob *> trackers = m_trackers;
        for (BatchedJob *t : trackers) {
            if (isTracked(t))
                t->batchUnavailable();
        }
    }
    schedule(m_options.fallbackRetryMs);
}

} // namespace linkisdesk
