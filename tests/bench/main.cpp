// SPDX-License-Identifier: GPL-3.0-or-later
// linkis-desk-bench: the performance benchmarks of issue 6 (see BENCHMARKS.md).
//
// The parent starts a local gateway, has it produce the big result set once, then runs each
// benchmark group in a child process of its own (so memory figures are not mixed up), ours and
// its baseline one after the other, and prints the table or (--json) one JSON object.
#include "benchaccount.h"
#include "benchjobs.h"
#include "benchutil.h"
#include "chartbench.h"
#include "clibench.h"
#include "enginebench.h"
#include "gridbench.h"
#include "logbench.h"
#include "metabench.h"
#include "metricreport.h"
#include "pollbench.h"
#include "testgateway.h"

#include "api/linkisclient.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <cstdio>

using namespace linkisdesk;
using namespace linkisdesk::bench;

namespace {

struct Options
{
    bool quick = false;
    bool json = false;
    QStringList groups;
    // child mode
    QString group;
    QUrl url;
    QString token;
    qint64 gatewayPid = 0;
    qint64 bigTask = 0;
    QString bigPath;
    qint64 bigRows = 0;
    QString out;
    QString work;
    int pollWindowS = 180;
};

const QStringList kAllGroups = {QStringLiteral("log"),   QStringLiteral("grid"),
                                QStringLiteral("cli"),   QStringLiteral("poll"),
                                QStringLiteral("chart"), QStringLiteral("meta"),
                                QStringLiteral("engine")};

QString pythonScript()
{
    return QStringLiteral(LINKIS_DESK_BENCH_DIR "/baseline_client.py");
}

void say(const QString &text)
{
    std::fprintf(stderr, "%s\n", qPrintable(text));
    std::fflush(stderr);
}

// --- child: one group, ours or the baseline ---------------------------------------------------

int runChild(const Options &o)
{
    QJsonObject r;
    const bool base = o.group.endsWith(QStringLiteral("-base"));
    const QString name = base ? o.group.chopped(5) : o.group;
    if (name == u"log") {
        LogBench bench(o.quick ? 20000 : 1000000);
        r = base ? bench.runNaive() : bench.runOurs();
    } else if (name == u"grid") {
        GridBench bench(o.url, o.token, o.bigPath, o.bigRows);
        r = base ? bench.runNaive(o.work, pythonScript()) : bench.runOurs(o.work);
    } else if (name == u"chart") {
        ChartBench bench(o.url, o.token, o.bigPath, o.bigRows);
        r = base ? bench.runBaseline(o.work, pythonScript()) : bench.runOurs(o.work);
    } else if (name == u"cli") {
        CliBench::Plan plan;
        if (o.quick) {
            plan.cliRuns = 3;
            plan.trivialRuns = 5;
            plan.pageRuns = 4;
        }
        plan.bigTaskId = o.bigTask;
        plan.bigPath = o.bigPath;
        plan.bigRows = o.bigRows;
        CliBench bench(o.url, o.token, pythonScript(), o.work, plan);
        r = bench.run(base);
    } else if (name == u"meta") {
        MetaBench bench(o.url, o.token, o.quick ? 500 : MetaBench::Tables);
        r = base ? bench.runNaive() : bench.runOurs();
    } else if (name == u"engine") {
        EngineBench bench(o.url, o.token, o.quick ? 3 : 15);
        r = bench.run(base);
    } else if (name == u"poll") {
        PollBench::Plan plan;
        plan.windowMs = o.pollWindowS * 1000;
        if (o.quick) {
            plan = {4, 1.0, 2.0, 4, 10.0, 20.0, 12000};
        } else if (base) {
            plan.windowMs = qMin(plan.windowMs, 60000); // 36 req/min is known; keep it short
        }
        PollBench bench(o.url, o.token, o.gatewayPid, plan);
        r = bench.run(base);
    } else {
        say(QStringLiteral("unknown group %1").arg(o.group));
        return 2;
    }
    r.insert(QStringLiteral("group_peak_rss_mb"), double(peakRssKb()) / 1024.0);
    QFile f(o.out);
    if (!f.open(QIODevice::WriteOnly))
        return 3;
    f.write(QJsonDocument(r).toJson());
    return 0;
}

// --- parent --------------------------------------------------------------------------------------

QJsonObject runGroup(const Options &o, const QString &group,
                     const testsupport::TestGateway &gateway, const FinishedJob &big,
                     qint64 bigRows, const QString &work)
{
    const QString out = work + QStringLiteral("/") + group + QStringLiteral(".json");
    QStringList args = {QStringLiteral("--group"),       group,
                        QStringLiteral("--gateway"),     gateway.url().toString(),
                        QStringLiteral("--token"),       gateway.token(),
                        QStringLiteral("--gateway-pid"), QString::number(gateway.pid()),
                        QStringLiteral("--big-task"),    QString::number(big.taskId),
                        QStringLiteral("--big-path"),    big.resultPath,
                        QStringLiteral("--big-rows"),    QString::number(bigRows),
                        QStringLiteral("--out"),         out,
                        QStringLiteral("--work"),        work,
                        QStringLiteral("--poll-window"), QString::number(o.pollWindowS)};
    if (o.quick)
        args << QStringLiteral("--quick");
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.setStandardOutputFile(QProcess::nullDevice());
    const QString load = loadAverage();
    say(QStringLiteral("  %1: starting, load average %2").arg(group, -10).arg(load));
    QElapsedTimer clock;
    clock.start();
    // LINKIS_DESK_BENCH_WRAPPER, e.g. "valgrind -q", runs each group under a tool.
    QStringList wrapper =
        qEnvironmentVariable("LINKIS_DESK_BENCH_WRAPPER").split(u' ', Qt::SkipEmptyParts);
    if (wrapper.isEmpty()) {
        child.start(QCoreApplication::applicationFilePath(), args);
    } else {
        const QString program = wrapper.takeFirst();
        child.start(program,
                    wrapper + QStringList {QCoreApplication::applicationFilePath()} + args);
    }
    // The parent keeps its event loop running (the gateway's output is read here).
    waitUntil([&child] { return child.state() == QProcess::NotRunning; }, 60 * 60 * 1000);
    QJsonObject r;
    QFile f(out);
    if (child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0 &&
        f.open(QIODevice::ReadOnly))
        r = QJsonDocument::fromJson(f.readAll()).object();
    else
        say(QStringLiteral("group %1 failed (exit %2)").arg(group).arg(child.exitCode()));
    say(QStringLiteral("  %1: %2 s, load average before %3")
            .arg(group, -10)
            .arg(double(clock.elapsed()) / 1000.0, 0, 'f', 1)
            .arg(load));
    r.insert(QStringLiteral("load_before"), load);
    return r;
}

// Per key, the median of the runs' numbers (the first run's value for anything else).
QJsonObject medianOf(const QList<QJsonObject> &runs)
{
    QJsonObject out = runs.isEmpty() ? QJsonObject() : runs.first();
    for (auto it = out.begin(); it != out.end(); ++it) {
        QList<double> values;
        for (const QJsonObject &r : runs) {
            if (r.value(it.key()).isDouble())
                values.append(r.value(it.key()).toDouble());
        }
        if (values.size() == runs.size() && !values.isEmpty())
            *it = percentile(values, 50);
    }
    return out;
}

QString machine()
{
    QString cpu;
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (f.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.startsWith("model name")) {
                cpu = QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
                break;
            }
        }
    }
    return QStringLiteral("%1 CPUs (%2), Qt %3, platform offscreen")
        .arg(QThread::idealThreadCount())
        .arg(cpu, QString::fromLatin1(qVersion()));
}

int runParent(const Options &o)
{
    QTemporaryDir work;
    testsupport::TestGateway gateway(
        testsupport::TestGateway::bare(QString(), BenchAccount::gatewayArguments()));
    QString error;
    say(QStringLiteral("linkis-desk-bench%1: %2")
            .arg(o.quick ? QStringLiteral(" --quick") : QString(), machine()));
    if (!gateway.start(&error)) {
        say(QStringLiteral("cannot start the gateway: %1").arg(error));
        return 3;
    }
    const qint64 bigRows = o.quick ? 20000 : 1000000;
    FinishedJob big;
    if (o.groups.contains(QStringLiteral("grid")) || o.groups.contains(QStringLiteral("cli")) ||
        o.groups.contains(QStringLiteral("chart"))) {
        LinkisClient client(BenchAccount::settings(gateway.url(), gateway.token()));
        QElapsedTimer clock;
        clock.start();
        big = runJob(&client, bigResultSql(bigRows), QStringLiteral("sqlite"),
                     QStringLiteral("sql"), 30 * 60 * 1000);
        if (!big.ok()) {
            say(QStringLiteral("the big result job failed: %1").arg(big.error));
            return 3;
        }
        say(QStringLiteral("  %1 x 10 result set produced by the gateway in %2 s")
                .arg(bigRows)
                .arg(double(clock.elapsed()) / 1000.0, 0, 'f', 1));
    }
    if (o.groups.contains(QStringLiteral("meta"))) {
        // Served as database `big` from the bench user's data folder.
        const QString file = gateway.dataDir() + QStringLiteral("/databases/") +
            BenchAccount::user() + u'/' + MetaBench::database() + QStringLiteral(".db");
        QElapsedTimer clock;
        clock.start();
        if (!MetaBench::createDatabase(file, o.quick ? 500 : MetaBench::Tables, &error)) {
            say(QStringLiteral("cannot create the metadata database: %1").arg(error));
            return 3;
        }
        say(QStringLiteral("  %1 tables x %2 columns written in %3 s")
                .arg(o.quick ? 500 : MetaBench::Tables)
                .arg(MetaBench::ColumnsPerTable)
                .arg(double(clock.elapsed()) / 1000.0, 0, 'f', 1));
    }
    QJsonObject ours;
    QJsonObject base;
    QStringList details;
    for (const QString &g : o.groups) {
        // The log figures are the median of three runs (ours and the baseline alternating), so
        // one noisy run on a loaded machine cannot flip a verdict.
        const int runs = g == u"log" && !o.quick ? 3 : 1;
        QList<QJsonObject> results[2];
        for (int run = 0; run < runs; ++run) {
            for (const bool isBase : {false, true}) {
                const QString group = isBase ? g + QStringLiteral("-base") : g;
                const QJsonObject r = runGroup(o, group, gateway, big, bigRows, work.path());
                results[isBase ? 1 : 0].append(r);
                for (auto it = r.begin(); it != r.end(); ++it) {
                    details << QStringLiteral("%1%2.%3 = %4")
                                   .arg(group,
                                        runs > 1 ? QStringLiteral("[%1]").arg(run + 1) : QString(),
                                        it.key(),
                                        it.value().isString()
                                            ? it.value().toString()
                                            : QString::number(it.value().toDouble(), 'g', 6));
                }
            }
        }
        for (const bool isBase : {false, true}) {
            const QJsonObject median = medianOf(results[isBase ? 1 : 0]);
            QJsonObject &into = isBase ? base : ours;
            for (auto it = median.begin(); it != median.end(); ++it) {
                if (it.key() != u"load_before" && it.key() != u"group_peak_rss_mb")
                    into.insert(it.key(), it.value());
            }
        }
    }
    gateway.stop();

    const MetricReport report(ours, base, o.groups);
    QTextStream cout(stdout);
    if (o.json) {
        cout << QJsonDocument(report.json()).toJson(QJsonDocument::Compact) << '\n';
    } else {
        cout << report.table() << '\n' << "details:\n";
        for (const QString &d : details)
            cout << "  " << d << '\n';
    }
    cout.flush();
    say(QStringLiteral("load average at the end: %1").arg(loadAverage()));
    const QStringList problems = report.problems();
    for (const QString &p : problems)
        say(QStringLiteral("problem: %1").arg(p));
    if (o.quick && !problems.isEmpty())
        return 1;
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    // Offscreen always: the bench never needs a display. System python first on PATH, so the
    // gateway's python jobs and the Python baseline both run /usr/bin/python3 directly.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("PATH", "/usr/bin:/bin:" + qgetenv("PATH"));
    QApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Runs the Linkis Desk benchmarks (issue 6) offscreen against a local gateway it starts."));
    p.addHelpOption();
    const QCommandLineOption quick(QStringLiteral("quick"),
                                   QStringLiteral("A small version of everything (seconds); "
                                                  "fails when a metric is missing or not > 0."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print one JSON object {metric: number}."));
    const QCommandLineOption only(
        QStringLiteral("only"),
        QStringLiteral("Groups to run (log,grid,cli,poll,chart,meta,engine)."),
        QStringLiteral("groups"), kAllGroups.join(u','));
    const QCommandLineOption window(QStringLiteral("poll-window"),
                                    QStringLiteral("Polling window in seconds (default 180)."),
                                    QStringLiteral("s"), QStringLiteral("180"));
    const QCommandLineOption group(QStringLiteral("group"), QStringLiteral("(internal)"),
                                   QStringLiteral("g"));
    const QCommandLineOption gw(QStringLiteral("gateway"), QStringLiteral("(internal)"),
                                QStringLiteral("url"));
    const QCommandLineOption token(QStringLiteral("token"), QStringLiteral("(internal)"),
                                   QStringLiteral("t"));
    const QCommandLineOption gwPid(QStringLiteral("gateway-pid"), QStringLiteral("(internal)"),
                                   QStringLiteral("pid"));
    const QCommandLineOption bigTask(QStringLiteral("big-task"), QStringLiteral("(internal)"),
                                     QStringLiteral("id"));
    const QCommandLineOption bigPath(QStringLiteral("big-path"), QStringLiteral("(internal)"),
                                     QStringLiteral("path"));
    const QCommandLineOption bigRows(QStringLiteral("big-rows"), QStringLiteral("(internal)"),
                                     QStringLiteral("n"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("(internal)"),
                                 QStringLiteral("file"));
    const QCommandLineOption work(QStringLiteral("work"), QStringLiteral("(internal)"),
                                  QStringLiteral("dir"));
    p.addOptions(
        {quick, json, only, window, group, gw, token, gwPid, bigTask, bigPath, bigRows, out, work});
    p.process(app);

    Options o;
    o.quick = p.isSet(quick);
    o.json = p.isSet(json);
    o.groups = p.value(only).split(u',', Qt::SkipEmptyParts);
    for (const QString &g : o.groups) {
        if (!kAllGroups.contains(g)) {
            say(QStringLiteral("unknown group %1 (expected %2)").arg(g, kAllGroups.join(u',')));
            return 2;
        }
    }
    o.pollWindowS = qMax(5, p.value(window).toInt());
    if (p.isSet(group)) {
        o.group = p.value(group);
        o.url = QUrl(p.value(gw));
        o.token = p.value(token);
        o.gatewayPid = p.value(gwPid).toLongLong();
        o.bigTask = p.value(bigTask).toLongLong();
        o.bigPath = p.value(bigPath);
        o.bigRows = p.value(bigRows).toLongLong();
        o.out = p.value(out);
        o.work = p.value(work);
        return runChild(o);
    }
    return runParent(o);
}
