// SPDX-License-Identifier: GPL-3.0-or-later
#include "enginebench.h"

#include "benchaccount.h"
#include "benchutil.h"

#include "api/linkisclient.h"
#include "engines/engineclient.h"

#include <QElapsedTimer>

#include <functional>
#include <optional>

namespace linkisdesk::bench {

namespace {
constexpr int kJobTimeoutMs = 60000;

// submit -> status until terminal; the ms to Succeed, or -1.
double timedPrint1(LinkisClient &client)
{
    QObject context;
    SubmitRequest request;
    request.code = QStringLiteral("print(1)");
    request.engineType = QStringLiteral("python");
    request.runType = QStringLiteral("python");
    request.creator = EngineBench::creator();
    bool done = false;
    bool ok = false;
    JobRef job;
    std::function<void()> pollStatus = [&] {
        client.status(job, &context, [&](Result<JobStatus> s) {
            if (s && !isTerminal(*s))
                return pollStatus();
            ok = s && *s == JobStatus::Succeed;
            done = true;
        });
    };
    QElapsedTimer t;
    t.start();
    client.submit(request, &context, [&](Result<SubmitResult> r) {
        if (!r) {
            done = true;
            return;
        }
        job = JobRef {r->taskId, r->execId};
        pollStatus();
    });
    waitUntil([&done] { return done; }, kJobTimeoutMs);
    const double ms = double(t.nsecsElapsed()) / 1e6;
    return done && ok ? ms : -1.0;
}

// Kills the bench creator's python engines and waits until the server no longer lists them.
bool killPythonEngines(LinkisClient &client)
{
    EngineClient engines(&client);
    QObject context;
    for (int attempt = 0; attempt < 200; ++attempt) {
        std::optional<Result<QList<EngineInfo>>> list;
        engines.engines(&context, [&list](Result<QList<EngineInfo>> r) { list = std::move(r); });
        if (!waitUntil([&list] { return list.has_value(); }, kJobTimeoutMs) || !*list)
            return false;
        QList<EngineInfo> mine;
        for (const EngineInfo &e : list->value()) {
            if (e.runsSessionOf(QStringLiteral("python"), EngineBench::creator()))
                mine.append(e);
        }
        if (mine.isEmpty())
            return true;
        bool sent = false;
        // Starting or shutting down: asked again until it is gone.
        engines.killMany(mine, &context, [&sent](Result<bool>) { sent = true; });
        if (!waitUntil([&sent] { return sent; }, kJobTimeoutMs))
            return false;
        spin(20);
    }
    return false;
}
} // namespace

EngineBench::EngineBench(const QUrl &url, const QString &token, int runs)
    : m_url(url)
    , m_token(token)
    , m_runs(runs)
{ }

QJsonObject EngineBench::run(bool baseline)
{
    LinkisClient client(BenchAccount::settings(m_url, m_token));
    QList<double> times;
    if (!baseline)
        timedPrint1(client); // warm-up: starts the engine the timed jobs reuse
    for (int i = 0; i < m_runs; ++i) {
        if (baseline && !killPythonEngines(client))
            break;
        const double ms = timedPrint1(client);
        if (ms >= 0)
            times << ms;
    }
    killPythonEngines(client); // leave nothing running for the next group
    QJsonObject o;
    o.insert(QStringLiteral("engine_warm_python_ms_p50"), percentile(times, 50));
    o.insert(QStringLiteral("engine_jobs_ok"), double(times.size()) / qMax(1, m_runs));
    return o;
}

} // namespace linkisdesk::bench
