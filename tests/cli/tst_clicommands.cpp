// SPDX-License-Identifier: GPL-3.0-or-later
// status, progress, log, kill, result, jobs, and Ctrl+C while following, against a real gateway.
#include "cliharness.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <csignal>

using namespace linkisdesk::testsupport;

namespace {
QString S(const char *text)
{
    return QString::fromUtf8(text);
}
} // namespace

class TestCliCommands : public QObject
{
    Q_OBJECT

    CliRun cmd(const QStringList &args) const { return m_cli->run(m_cli->connection() + args); }
    qint64 submitSql(const QString &sql) const
    {
        const qint64 task = m_cli->submitAsync({S("--engine"), S("sqlite"), S("-e"), sql});
        return task;
    }
    // A python job that runs until killed, already Running when this returns.
    qint64 submitEndless() const
    {
        const qint64 task = m_cli->submitAsync(
            {S("--engine"), S("python"), S("-e"),
             S("import time\nprint('started', flush=True)\nwhile True:\n    time.sleep(0.05)")});
        if (task <= 0)
            return task;
        for (int i = 0; i < 200; ++i) {
            const CliRun r = cmd({S("status"), QString::number(task)});
            if (r.out.trimmed() == "Running")
                break;
            QTest::qWait(50);
        }
        return task;
    }

    std::unique_ptr<CliHarness> m_cli;

private slots:
    void init()
    {
        m_cli = std::make_unique<CliHarness>();
        QString error;
        QVERIFY2(m_cli->startGateway(&error), qPrintable(error));
    }

    void cleanup() { m_cli.reset(); }

    void statusProgressAndJson()
    {
        const qint64 ok = submitSql(S("select 1 as x"));
        QCOMPARE(m_cli->waitForEnd(ok), S("Succeed"));
        CliRun r = cmd({S("status"), QString::number(ok)});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("Succeed\n"));

        r = cmd({S("--json"), S("status"), QString::number(ok)});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(S("taskID")).toInteger(), ok);
        QCOMPARE(o.value(S("status")).toString(), S("Succeed"));
        QCOMPARE(o.value(S("engineType")).toString(), S("sqlite"));
        QVERIFY(!o.value(S("resultLocation")).toString().isEmpty());

        r = cmd({S("progress"), QString::number(ok)});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("100%\n"));

        const qint64 bad = submitSql(S("select * from missing_table"));
        QCOMPARE(m_cli->waitForEnd(bad), S("Failed"));
        r = cmd({S("status"), QString::number(bad)});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, QByteArray("Failed\n"));

        // An unknown task is a server-side error.
        r = cmd({S("status"), S("987654")});
        QCOMPARE(r.exitCode, 4);
        QCOMPARE(r.errLines().size(), 1);
    }

    void logOfAFinishedJobAndLevels()
    {
        const qint64 task = m_cli->submitAsync(
            {S("--engine"), S("shell"), S("-e"), S("echo hello-log; echo oops >&2; exit 3")});
        QCOMPARE(m_cli->waitForEnd(task), S("Failed"));
        CliRun r = cmd({S("log"), QString::number(task)});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.outText().contains(S("hello-log")));
        const int all = r.outText().count(u'\n');

        r = cmd({S("log"), QString::number(task), S("--level"), S("error")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.outText().contains(S("hello-log")));
        QVERIFY(r.outText().count(u'\n') < all);
        QVERIFY(r.outText().contains(S("ERROR")));
    }

    // A python warning (stderr, labelled ERROR by the server) is listed as a warning, as the
    // GUI and --follow classify it, not as an error.
    void logLevelsFollowTheLinesOwnLevel()
    {
        const qint64 task = m_cli->submitAsync(
            {S("--engine"), S("python"), S("-e"),
             S("import logging\nlogging.warning('careful-warn')\nprint('plain-out')\n")});
        QCOMPARE(m_cli->waitForEnd(task), S("Succeed"));
        CliRun r = cmd({S("log"), QString::number(task), S("--level"), S("warn")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.outText().contains(S("careful-warn")), r.out.constData());
        QVERIFY(!r.outText().contains(S("plain-out")));
        r = cmd({S("log"), QString::number(task), S("--level"), S("error")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.outText().contains(S("careful-warn")), r.out.constData());
    }

    void logFollowPrintsUntilTheEnd()
    {
        const qint64 task =
            m_cli->submitAsync({S("--engine"), S("shell"), S("-e"),
                                S("for i in $(seq 1 15); do echo follow-$i; sleep 0.05; done")});
        QVERIFY(task > 0);
        const CliRun r = cmd({S("log"), QString::number(task), S("--follow")});
        QCOMPARE(r.exitCode, 0);
        int last = 0;
        for (const QString &line : r.outText().split(u'\n')) {
            const qsizetype at = line.indexOf(S("follow-"));
            if (at < 0)
                continue;
            const int n = line.mid(at + 7).toInt();
            QCOMPARE(n, last + 1);
            last = n;
        }
        QCOMPARE(last, 15);
    }

    void resultCommandWithSetsAndFormats()
    {
        const qint64 task = submitSql(S("select 'a' as first; select 2 as second, null as n"));
        QCOMPARE(m_cli->waitForEnd(task), S("Succeed"));
        CliRun r = cmd({S("result"), QString::number(task)});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("first\na\n\nsecond\tn\n2\tNULL\n"));

        r = cmd({S("result"), QString::number(task), S("--set"), S("1"), S("--format"), S("json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("{\"second\":2,\"n\":null}\n"));

        r = cmd({S("result"), QString::number(task), S("--set"), S("5")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.errLines().size(), 1);

        const qint64 running = submitEndless();
        r = cmd({S("result"), QString::number(running)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.errLines().first().contains(S("still")));
        QCOMPARE(cmd({S("kill"), QString::number(running)}).exitCode, 0);
    }

    void jobsFiltersAndLimits()
    {
        const qint64 a = submitSql(S("select 1"));
        const qint64 b = submitSql(S("select * from nope"));
        const qint64 c = submitSql(S("select 3"));
        QCOMPARE(m_cli->waitForEnd(a), S("Succeed"));
        QCOMPARE(m_cli->waitForEnd(b), S("Failed"));
        QCOMPARE(m_cli->waitForEnd(c), S("Succeed"));

        CliRun r = cmd({S("jobs")});
        QCOMPARE(r.exitCode, 0);
        QStringList lines = r.outText().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4); // header + 3
        QVERIFY(lines.first().startsWith(S("TASK\tSTATUS")));

        r = cmd({S("jobs"), S("--status"), S("failed")});
        lines = r.outText().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(1).startsWith(QString::number(b) + u'\t' + S("Failed")));

        r = cmd({S("--json"), S("jobs"), S("--limit"), S("2")});
        lines = r.outText().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        for (const QString &line : lines)
            QVERIFY(QJsonDocument::fromJson(line.toUtf8()).isObject());
        // The code, as Linkis names it, for scripts that pick a job by its code (newest first).
        QCOMPARE(QJsonDocument::fromJson(lines.first().toUtf8())
                     .object()
                     .value(u"executionCode")
                     .toString(),
                 S("select 3"));

        const QString tomorrow = QDate::currentDate().addDays(1).toString(Qt::ISODate);
        r = cmd({S("jobs"), S("--since"), tomorrow});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.outText().split(u'\n', Qt::SkipEmptyParts).size(), 1); // header only
    }

    void killWaitsForConfirmation()
    {
        const qint64 task = submitEndless();
        QVERIFY(task > 0);
        const CliRun r = cmd({S("kill"), QString::number(task)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("Cancelled\n"));
        QCOMPARE(cmd({S("status"), QString::number(task)}).out, QByteArray("Cancelled\n"));

        // Killing it again: already over.
        const CliRun again = cmd({S("kill"), QString::number(task)});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.errLines().first().contains(S("already")));
    }

    void killNoWait()
    {
        const qint64 task = submitEndless();
        QVERIFY(task > 0);
        const CliRun r = cmd({S("kill"), QString::number(task), S("--no-wait")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(m_cli->waitForEnd(task), S("Cancelled"));
    }

    void ctrlCWhileFollowingKillsTheJob()
    {
        auto process = m_cli->start(m_cli->connection() +
                                    QStringList {S("submit"), S("--engine"), S("python"), S("-e"),
                                                 S("import time\nprint('tick', flush=True)\n"
                                                   "while True:\n    time.sleep(0.05)")});
        // Wait until the job is running (its first log line came through).
        QByteArray err;
        for (int i = 0; i < 300 && !err.contains("tick"); ++i) {
            process->waitForReadyRead(50);
            err += process->readAllStandardError();
        }
        QVERIFY2(err.contains("tick"), err.constData());
        const QRegularExpression taskRe(S("Task (\\d+) submitted"));
        const auto m = taskRe.match(QString::fromUtf8(err));
        QVERIFY(m.hasMatch());
        const qint64 task = m.captured(1).toLongLong();

        ::kill(pid_t(process->processId()), SIGINT);
        const CliRun r = CliHarness::finish(*process, 30000);
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("killed"), (err + r.err).constData());
        QCOMPARE(cmd({S("status"), QString::number(task)}).out, QByteArray("Cancelled\n"));
    }
};

QTEST_GUILESS_MAIN(TestCliCommands)
#include "tst_clicommands.moc"
