// SPDX-License-Identifier: GPL-3.0-or-later
// JobTracker, after the terminal status: job history (errCode, errDesc, resultLocation, logPath),
// the rest of the log (live log, or the whole file from openLog spliced on by content) and the
// result sets, then finished().
#include "jobs/jobtracker.h"

#include "api/linkisclient.h"

#include <QList>
#include <QStringList>

namespace linkisdesk {

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
    if (!m_liveLogDone) {
        pollLog(true);
        return;
    }
    if (!m_infoDone) {
        fetchInfo();
        return;
    }
    if (m_needFullLog && !m_fullLogDone && !m_taskInfo.logPath.isEmpty()) {
        fetchFullLog();
        return;
    }
    if (m_options.fetchResultSets && !m_resultsDone && !m_taskInfo.resultLocation.isEmpty()) {
        fetchResultSets();
        return;
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
                    m_infoDone = true;
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
                m_infoDone = true;
                finishStep();
                return;
            }
            // The history of an ended job is final; a success without its result location yet
            // is asked again at the end.
            if (isTerminal(m_taskInfo.status) &&
                (m_taskInfo.status != JobStatus::Succeed || !m_options.fetchResultSets ||
                 !m_taskInfo.resultLocation.isEmpty()))
                m_infoDone = true;
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
    m_inFlight[LogKind] =
        m_client->openLog(m_taskInfo.logPath, this, [this, gen = m_generation](Result<LogChunk> r) {
            if (gen != m_generation)
                return;
            if (!r) {
                if (handleTransient(r.error()))
                    return;
                m_lastError = r.error(); // the log is lost; the job still finishes
            } else {
                onHealthy();
                deliverLines(m_handover.rest(r->lines()));
            }
            m_fullLogDone = true;
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
            m_resultsDone = true;
            finishStep();
        });
}

} // namespace linkisdesk
