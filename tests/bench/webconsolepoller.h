// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/jobref.h"
#include "api/jobstatus.h"
#include "api/submitrequest.h"

#include <QObject>
#include <QTimer>

namespace linkisdesk {
class LinkisClient;
}

namespace linkisdesk::bench {

// The polling baseline: what the Linkis web console does for a running job, status + progress +
// log every 5 s (36 requests per minute), then job history once the status is terminal.
class WebConsolePoller : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebConsolePoller)
public:
    static constexpr int IntervalMs = 5000;

    WebConsolePoller(LinkisClient *client, QObject *parent = nullptr);

    void submit(const SubmitRequest &request);
    void stop() { m_timer.stop(); }
    qint64 updatedMs() const { return m_updatedMs; } // gateway's end time, -1 until known
    int requestsSent() const { return m_requests; }

signals:
    void statusChanged(linkisdesk::JobStatus status);
    void finished();

private:
    void poll();

    LinkisClient *m_client;
    JobRef m_job;
    QTimer m_timer;
    JobStatus m_status = JobStatus::Unknown;
    qint64 m_updatedMs = -1;
    int m_requests = 0;
    int m_fromLine = 1;
};

} // namespace linkisdesk::bench
