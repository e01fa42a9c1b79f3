// SPDX-License-Identifier: GPL-3.0-or-later
#include "clibench.h"

#include "benchaccount.h"
#include "benchutil.h"
#include "childprocess.h"

#include "api/linkisclient.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>

#include <functional>
#include <optional>

namespace linkisdesk::bench {

namespace {

QList<double> parseTimes(const QString &output)
{
    QList<double> times;
    for (const QString &line : output.split(u'\n', Qt::SkipEmptyParts))
        times << line.toDouble();
    return times;
}

qint64 dirBytes(const QString &dir)
{
    qint64 total = 0;
    QDirIterator it(dir, QDir::Files);
    while (it.hasNext())
        total += QFileInfo(it.next()).size();
    return total;
}

} // namespace

CliBench::CliBench(const QUrl &url, const QString &token, const QString &pythonScript,
                   const QString &workDir, const Plan &plan)
    : m_url(url)
    , m_token(token)
    , m_python(pythonScript)
    , m_workDir(workDir)
    , m_plan(plan)
{ }

QJsonObject CliBench::run(bool baseline)
{
    QJsonObject o;
    millionRows(o, baseline);
    cliSelect1(o, baseline);
    trivialJobs(o, baseline);
    openPages(o, baseline);
    return o;
}

QStringList CliBench::cliEnvironment() const
{
    // No profile or keyring of the user's: a fresh HOME and no session bus.
    return {QStringLiteral("LINKIS_DESK_TOKEN=") + m_token, QStringLiteral("HOME=") + m_workDir,
            QStringLiteral("XDG_CONFIG_HOME=") + m_workDir + QStringLiteral("/config"),
            QStringLiteral("XDG_DATA_HOME=") + m_workDir + QStringLiteral("/data"),
            QStringLiteral("DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent")};
}

void CliBench::cliSelect1(QJsonObject &o, bool baseline)
{
    QList<double> times;
    int good = 0;
    for (int i = 0; i < m_plan.cliRuns; ++i) {
        ChildProcess::Outcome r;
        if (baseline) {
            r = ChildProcess::run(QStringLiteral("python3"),
                                  {m_python, m_url.toString(), m_token, BenchAccount::user(),
                                   QStringLiteral("select1")});
        } else {
            r = ChildProcess::run(
                QStringLiteral(LINKIS_DESK_BIN_DIR "/linkis-desk-cli"),
                {QStringLiteral("--server"), m_url.toString(), QStringLiteral("--user"),
                 BenchAccount::user(), QStringLiteral("--auth"), QStringLiteral("token"),
                 QStringLiteral("--quiet"), QStringLiteral("submit"), QStringLiteral("-e"),
                 QStringLiteral("select 1"), QStringLiteral("--engine"), QStringLiteral("sqlite")},
                cliEnvironment());
        }
        if (r.exitCode == 0 && r.output.contains(u'1'))
            ++good;
        times << r.wallMs;
    }
    o.insert(QStringLiteral("cli_select1_ms_p50"), percentile(times, 50));
    o.insert(QStringLiteral("cli_select1_ms_max"), percentile(times, 100));
    o.insert(QStringLiteral("cli_select1_ok"), double(good) / qMax(1, m_plan.cliRuns));
}

void CliBench::trivialJobs(QJsonObject &o, bool baseline)
{
    if (baseline) {
        const auto r =
            ChildProcess::run(QStringLiteral("python3"),
                              {m_python, m_url.toString(), m_token, BenchAccount::user(),
                               QStringLiteral("trivial"), QString::number(m_plan.trivialRuns)});
        o.insert(QStringLiteral("gateway_trivial_job_ms_p50"),
                 percentile(parseTimes(r.output), 50));
        return;
    }
    LinkisClient client(BenchAccount::settings(m_url, m_token));
    QList<double> times;
    QObject context;
    for (int i = 0; i < m_plan.trivialRuns; ++i) {
        QElapsedTimer t;
        bool done = false;
        bool ok = false;
        JobRef job;
        SubmitRequest request;
        request.code = QStringLiteral("select 1");
        request.engineType = QStringLiteral("sqlite");
        request.runType = QStringLiteral("sql");
        auto finish = [&](bool success) {
            ok = success;
            done = true;
        };
        // submit -> status until Succeed (asked again as soon as each reply comes) -> job
        // history (resultLocation) -> result sets -> page 1.
        std::function<void()> pollStatus;
        auto fetchResult = [&] {
            client.jobInfo(job.taskId, &context, [&](Result<TaskInfo> info) {
                if (!info)
                    return finish(false);
                client.resultSets(info->resultLocation, &context,
                                  [&](Result<QList<ResultSetRef>> sets) {
                                      if (!sets || sets->isEmpty())
                                          return finish(false);
                                      client.openFile(sets->constFirst().path, 1, 5000, &context,
                                                      [&](Result<ResultPage> page) {
                                                          finish(page && !page->rows.isEmpty());
                                                      });
                                  });
            });
        };
        pollStatus = [&] {
            client.status(job, &context, [&](Result<JobStatus> s) {
                if (!s)
                    return finish(false);
                if (*s == JobStatus::Succeed)
                    return fetchResult();
                if (isTerminal(*s))
                    return finish(false);
                pollStatus();
            });
        };
        t.start();
        client.submit(request, &context, [&](Result<SubmitResult> r) {
            if (!r)
                return finish(false);
            job = JobRef {r->taskId, r->execId};
            pollStatus();
        });
        waitUntil([&done] { return done; }, 30000);
        if (ok)
            times << double(t.nsecsElapsed()) / 1e6;
    }
    o.insert(QStringLiteral("gateway_trivial_job_ms_p50"), percentile(times, 50));
    o.insert(QStringLiteral("gateway_trivial_job_ok"), double(times.size()));
}

void CliBench::openPages(QJsonObject &o, bool baseline)
{
    if (baseline) {
        const auto r = ChildProcess::run(QStringLiteral("python3"),
                                         {m_python, m_url.toString(), m_token, BenchAccount::user(),
                                          QStringLiteral("page"), m_plan.bigPath,
                                          QString::number(m_plan.pageRuns)});
        o.insert(QStringLiteral("gateway_open_page_ms_p50"), percentile(parseTimes(r.output), 50));
        return;
    }
    LinkisClient client(BenchAccount::settings(m_url, m_token));
    QObject context;
    QList<double> raw;
    QList<double> typed;
    const int pages = int(qMax<qint64>(1, m_plan.bigRows / 5000));
    for (int i = 0; i < m_plan.pageRuns; ++i) {
        const int page = 1 + (i * 37) % pages;
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("path"), m_plan.bigPath);
        q.addQueryItem(QStringLiteral("page"), QString::number(page));
        q.addQueryItem(QStringLiteral("pageSize"), QStringLiteral("5000"));
        QElapsedTimer t;
        bool done = false;
        t.start();
        client.raw("GET", QStringLiteral("filesystem/openFile"), q, {}, &context,
                   [&](Result<RawReply> r) {
                       if (r)
                           raw << double(t.nsecsElapsed()) / 1e6;
                       done = true;
                   });
        waitUntil([&done] { return done; }, 30000);
        done = false;
        t.start();
        client.openFile(m_plan.bigPath, page, 5000, &context, [&](Result<ResultPage> r) {
            if (r && r->rows.size() == 5000 && r->columns.size() == 10)
                typed << double(t.nsecsElapsed()) / 1e6;
            done = true;
        });
        waitUntil([&done] { return done; }, 30000);
    }
    o.insert(QStringLiteral("gateway_open_page_ms_p50"), percentile(raw, 50));
    o.insert(QStringLiteral("client_open_page_typed_ms_p50"), percentile(typed, 50));
    o.insert(QStringLiteral("gateway_open_page_ok"), double(typed.size()));
}

void CliBench::millionRows(QJsonObject &o, bool baseline)
{
    const QString dir =
        m_workDir + (baseline ? QStringLiteral("/py-out") : QStringLiteral("/cli-out"));
    QDir(dir).removeRecursively();
    QDir().mkpath(dir);
    ChildProcess::Outcome r;
    if (baseline) {
        r = ChildProcess::run(QStringLiteral("python3"),
                              {m_python, m_url.toString(), m_token, BenchAccount::user(),
                               QStringLiteral("export"), m_plan.bigPath,
                               dir + QStringLiteral("/result.csv")});
    } else {
        r = ChildProcess::run(
            QStringLiteral(LINKIS_DESK_BIN_DIR "/linkis-desk-cli"),
            {QStringLiteral("--server"), m_url.toString(), QStringLiteral("--user"),
             BenchAccount::user(), QStringLiteral("--auth"), QStringLiteral("token"),
             QStringLiteral("--quiet"), QStringLiteral("result"), QString::number(m_plan.bigTaskId),
             QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--output"), dir},
            cliEnvironment());
    }
    const double mb = double(dirBytes(dir)) / 1e6;
    if (r.exitCode == 0 && mb > 0) {
        o.insert(QStringLiteral("cli_million_rows_mb"), r.maxRssMb);
        o.insert(QStringLiteral("cli_million_rows_s"), r.wallMs / 1000.0);
        o.insert(QStringLiteral("cli_million_rows_file_mb"), mb);
    }
    QDir(dir).removeRecursively();
}

} // namespace linkisdesk::bench
