// SPDX-License-Identifier: GPL-3.0-or-later
#include "pollbench.h"

#include "benchaccount.h"
#include "benchutil.h"
#include "webconsolepoller.h"

#include "api/linkisclient.h"
#include "jobs/jobregistry.h"
#include "jobs/jobtracker.h"
#include "jobs/statusbatcher.h"
#include "settings/settingkeys.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <unistd.h>

namespace linkisdesk::bench {

namespace {

// utime + stime of another process, in ms (from /proc/PID/stat).
double processCpuMs(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is state (field 3); utime is field 14, stime field 15.
    const double ticks = fields.value(11).toDouble() + fields.value(12).toDouble();
    return ticks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

struct Job
{
    double seconds = 0;
    JobTracker *tracker = nullptr;
    WebConsolePoller *poller = nullptr;
    int requestsSent() const { return tracker ? tracker->requestsSent() : poller->requestsSent(); }
    qint64 gatewayEndMs() const
    {
        if (poller)
            return poller->updatedMs();
        return tracker->hasTaskInfo() && tracker->taskInfo().updatedTime.isValid()
            ? tracker->taskInfo().updatedTime.toMSecsSinceEpoch()
            : -1;
    }
    qint64 terminalSeenMs = -1; // wall clock when the client saw the terminal status
    qint64 finishedMs = -1; // elapsed since the window started, when the tracker finished
};

} // namespace

PollBench::PollBench(const QUrl &url, const QString &token, qint64 gatewayPid, const Plan &plan)
    : m_url(url)
    , m_token(token)
    , m_gatewayPid(gatewayPid)
    , m_plan(plan)
{ }

QJsonObject PollBench::run(bool baseline)
{
    QJsonObject o;
    LinkisClient client(BenchAccount::settings(m_url, m_token));
    qint64 requests = 0;
    QObject::connect(client.networkAccessManager(), &QNetworkAccessManager::finished,
                     [&requests] { ++requests; });
    JobRegistry registry;
    JobTracker::Options options; // what the GUI uses (RunController reads these settings)
    options.firstIntervalMs = SettingKeys::PollFirstMs.defaultValue;
    options.maxIntervalMs = SettingKeys::PollMaxMs.defaultValue;

    std::vector<Job> jobs;
    auto spread = [](int i, int n, double lo, double hi) {
        return n <= 1 ? lo : lo + (hi - lo) * double(i) / double(n - 1);
    };
    for (int i = 0; i < m_plan.shortJobs; ++i)
        jobs.push_back({spread(i, m_plan.shortJobs, m_plan.shortMinS, m_plan.shortMaxS)});
    for (int i = 0; i < m_plan.longJobs; ++i)
        jobs.push_back({spread(i, m_plan.longJobs, m_plan.longMinS, m_plan.longMaxS)});

    QElapsedTimer window;
    const double cpu0 = cpuMs();
    const double gatewayCpu0 = processCpuMs(m_gatewayPid);
    window.start();
    int failures = 0;
    for (Job &job : jobs) {
        if (baseline) {
            job.poller = new WebConsolePoller(&client, &registry);
            QObject::connect(job.poller, &WebConsolePoller::statusChanged, [&job](JobStatus s) {
                if (isTerminal(s) && job.terminalSeenMs < 0)
                    job.terminalSeenMs = QDateTime::currentMSecsSinceEpoch();
            });
            QObject::connect(job.poller, &WebConsolePoller::finished,
                             [&job, &window] { job.finishedMs = window.elapsed(); });
        } else {
            job.tracker = registry.create(&client, QStringLiteral("bench"), options);
            QObject::connect(job.tracker, &JobTracker::statusChanged, [&job](JobStatus s) {
                if (isTerminal(s) && job.terminalSeenMs < 0)
                    job.terminalSeenMs = QDateTime::currentMSecsSinceEpoch();
            });
            QObject::connect(job.tracker, &JobTracker::finished,
                             [&job, &window] { job.finishedMs = window.elapsed(); });
            QObject::connect(job.tracker, &JobTracker::failed, [&failures, &job, &window] {
                ++failures;
                job.finishedMs = window.elapsed();
            });
        }
        SubmitRequest request;
        request.engineType = QStringLiteral("python");
        request.runType = QStringLiteral("python");
        request.code = QStringLiteral("import time\ntime.sleep(%1)\nprint('slept %1 s')\n")
                           .arg(job.seconds, 0, 'f', 2);
        if (baseline)
            job.poller->submit(request);
        else
            job.tracker->submit(request);
    }
    // Just the event loop for the window: no other timer of ours runs meanwhile.
    QEventLoop loop;
    QTimer::singleShot(m_plan.windowMs, &loop, &QEventLoop::quit);
    loop.exec();
    const double wallMs = double(window.nsecsElapsed()) / 1e6;
    const double cpu = cpuMs() - cpu0;
    const double gatewayCpu = processCpuMs(m_gatewayPid) - gatewayCpu0;
    const qint64 windowRequests = requests;

    double jobMinutes = 0;
    qint64 longRequests = 0;
    double longMinutes = 0;
    QList<double> latencies;
    int shortDone = 0;
    for (const Job &job : jobs) {
        const double trackedMs = job.finishedMs >= 0 ? double(job.finishedMs) : wallMs;
        jobMinutes += trackedMs / 60000.0;
        if (job.finishedMs < 0) {
            longRequests += job.requestsSent();
            longMinutes += wallMs / 60000.0;
        }
        if (job.seconds < 10.0 && job.terminalSeenMs > 0 && job.gatewayEndMs() > 0) {
            ++shortDone;
            latencies << double(job.terminalSeenMs - job.gatewayEndMs());
        }
    }
    o.insert(QStringLiteral("poll_jobs"), double(jobs.size()));
    o.insert(QStringLiteral("poll_window_s"), wallMs / 1000.0);
    o.insert(QStringLiteral("poll_failures"), failures);
    o.insert(QStringLiteral("poll_cpu_percent"), 100.0 * cpu / wallMs);
    o.insert(QStringLiteral("poll_gateway_cpu_percent"), 100.0 * gatewayCpu / wallMs);
    o.insert(QStringLiteral("poll_requests"), double(windowRequests));
    // The shared listundonetasks polls (not in any tracker's requestsSent()).
    if (!baseline)
        o.insert(QStringLiteral("poll_batch_requests"),
                 double(registry.batcher(&client)->requestsSent()));
    o.insert(QStringLiteral("poll_requests_per_job_minute"), double(windowRequests) / jobMinutes);
    if (longMinutes > 0)
        o.insert(QStringLiteral("poll_long_job_requests_per_minute"),
                 double(longRequests) / longMinutes);
    o.insert(QStringLiteral("poll_short_jobs_done"), shortDone);
    o.insert(QStringLiteral("poll_done_latency_ms_p50"), percentile(latencies, 50));
    o.insert(QStringLiteral("poll_done_latency_ms_p95"), percentile(latencies, 95));
    o.insert(QStringLiteral("poll_done_latency_ms_max"), percentile(latencies, 100));
    o.insert(QStringLiteral("poll_first_interval_ms"), options.firstIntervalMs);
    o.insert(QStringLiteral("poll_max_interval_ms"), options.maxIntervalMs);

    for (Job &job : jobs) {
        if (job.tracker && job.finishedMs < 0)
            job.tracker->stop();
        if (job.poller)
            job.poller->stop();
    }
    return o;
}

} // namespace linkisdesk::bench
