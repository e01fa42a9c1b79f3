// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace linkisdesk {

class StatusBatcher;
struct ApiError;
struct TaskInfo;

// What StatusBatcher needs from a job it asks about, and what it tells the job: the whole
// interface between the batcher and JobTracker (which implements it privately).
class BatchedJob
{
public:
    // Asked by the batcher when it builds a request.
    virtual qint64 batchTaskId() const = 0; // 0 while unknown: not asked about
    virtual qint64 batchCreatedMs() const = 0; // job history's createdTime; 0 while unknown
    virtual bool batchWantsHurry() const = 0; // a kill waits for its confirmation

    // Told by the batcher after a complete poll, for the jobs it asked about.
    virtual void batchSeen(const TaskInfo &row) = 0; // listed: the row has status and progress
    virtual void batchMissing() = 0; // not listed in a complete list: no longer undone
    virtual void batchHealthy() = 0; // the list was partial: nothing learnt, but it answered
    // The batch call failed in a way worth retrying; it is retried in retryInMs.
    virtual void batchFailed(const ApiError &error, int attempt, int retryInMs) = 0;
    // The batch call cannot be used here (an older gateway): poll the job's own status.
    virtual void batchUnavailable() = 0;
    // The batcher is being destroyed; it forgets the job.
    virtual void batcherGone(StatusBatcher *batcher) = 0;

protected:
    BatchedJob() = default;
    ~BatchedJob() = default;
    Q_DISABLE_COPY_MOVE(BatchedJob)
};

} // namespace linkisdesk
