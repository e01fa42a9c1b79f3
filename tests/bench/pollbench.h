// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace linkisdesk::bench {

// Many sleeping python jobs tracked at once through one LinkisClient and a JobRegistry, with the
// GUI's poll settings, over a fixed window. Requests are counted on the client's
// QNetworkAccessManager (every reply, whatever asked for it).
class PollBench
{
public:
    struct Plan
    {
        int shortJobs = 40; // 5 s .. 9.5 s: their end-to-screen latency is measured
        double shortMinS = 5.0;
        double shortMaxS = 9.5;
        int longJobs = 160; // 10 s .. 10 min
        double longMinS = 10.0;
        double longMaxS = 600.0;
        int windowMs = 180000;
    };

    PollBench(const QUrl &url, const QString &token, qint64 gatewayPid, const Plan &plan);

    // poll_cpu_percent, poll_requests_per_job_minute, poll_done_latency_ms_p50/p95, and details.
    // baseline: WebConsolePoller per job (status + progress + log every 5 s) instead.
    QJsonObject run(bool baseline);

private:
    QUrl m_url;
    QString m_token;
    qint64 m_gatewayPid;
    Plan m_plan;
};

} // namespace linkisdesk::bench
