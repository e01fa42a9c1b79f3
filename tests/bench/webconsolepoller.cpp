// SPDX-License-Identifier: GPL-3.0-or-later
#include "webconsolepoller.h"

#include "api/linkisclient.h"

namespace linkisdesk::bench {

WebConsolePoller::WebConsolePoller(LinkisClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_timer.setInterval(IntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &WebConsolePoller::poll);
}

void WebConsolePoller::submit(const SubmitRequest &request)
{
    ++m_requests;
    m_client->submit(request, this, [this](Result<SubmitResult> r) {
        if (!r) {
            emit finished();
            return;
        }
        m_job = JobRef {r->taskId, r->execId};
        m_timer.start();
    });
}

void WebConsolePoller::poll()
{
    m_requests += 3;
    m_client->progress(m_job, this, [](Result<ProgressInfo>) {});
    m_client->log(m_job, m_fromLine, 1000, this, [this](Result<LogChunk> r) {
        if (r && r->nextFromLine > 0)
            m_fromLine = r->nextFromLine;
    });
    m_client->status(m_job, this, [this](Result<JobStatus> r) {
        if (!r || !isTerminal(*r) || isTerminal(m_status))
            return;
        m_status = *r;
        emit statusChanged(m_status);
        m_timer.stop();
        ++m_requests;
        m_client->jobInfo(m_job.taskId, this, [this](Result<TaskInfo> info) {
            if (info && info->updatedTime.isValid())
                m_updatedMs = info->updatedTime.toMSecsSinceEpoch();
            emit finished();
        });
    });
}

} // namespace linkisdesk::bench
