// SPDX-License-Identifier: GPL-3.0-or-later
// Usage errors need no gateway: exit code 2 and exactly one clear line on stderr.
#include "cliharness.h"

#include <QTest>

using namespace linkisdesk::testsupport;

class TestCliUsage : public QObject
{
    Q_OBJECT
private slots:
    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected"); // a piece of the error line
        const QStringList server {QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:1"),
                                  QStringLiteral("--user"), QStringLiteral("u")};
        auto L = [](std::initializer_list<const char *> items) {
            QStringList list;
            for (const char *item : items)
                list.append(QString::fromUtf8(item));
            return list;
        };
        QTest::newRow("no command") << QStringList() << QStringLiteral("no command");
        QTest::newRow("unknown command") << L({"frobnicate"}) << QStringLiteral("frobnicate");
        QTest::newRow("unknown option")
            << server + L({"status", "1", "--bogus"}) << QStringLiteral("--bogus");
        QTest::newRow("password flag")
            << server + L({"--password", "x", "status", "1"}) << QStringLiteral("--password-stdin");
        QTest::newRow("password=flag")
            << server + L({"--password=x", "status", "1"}) << QStringLiteral("not accepted");
        QTest::newRow("token flag")
            << server + L({"--token", "t", "status", "1"}) << QStringLiteral("LINKIS_DESK_TOKEN");
        QTest::newRow("task not numeric")
            << server + L({"status", "abc"}) << QStringLiteral("numeric");
        QTest::newRow("task missing") << server + L({"kill"}) << QStringLiteral("TASK");
        QTest::newRow("bad format") << server + L({"result", "1", "--format", "xml"})
                                    << QStringLiteral("tsv, csv, json or xlsx");
        QTest::newRow("xlsx without output")
            << server + L({"result", "1", "--format", "xlsx"}) << QStringLiteral("--output DIR");
        QTest::newRow("bad level")
            << server + L({"log", "1", "--level", "debug"}) << QStringLiteral("--level");
        QTest::newRow("bad since")
            << server + L({"jobs", "--since", "2024-02-30"}) << QStringLiteral("YYYY-MM-DD");
        QTest::newRow("bad limit")
            << server + L({"jobs", "--limit", "0"}) << QStringLiteral("--limit");
        QTest::newRow("bad status")
            << server + L({"jobs", "--status", "Running,Done"}) << QStringLiteral("Done");
        QTest::newRow("option of another command")
            << server + L({"status", "1", "--follow"}) << QStringLiteral("does not apply");
        QTest::newRow("no code") << server + L({"submit", "--engine", "sqlite"})
                                 << QStringLiteral("-e CODE");
        QTest::newRow("code twice")
            << server + L({"submit", "--engine", "sqlite", "-e", "select 1", "a.sql"})
            << QStringLiteral("not both");
        QTest::newRow("no engine")
            << server + L({"submit", "-e", "select 1"}) << QStringLiteral("--engine");
        QTest::newRow("bad var") << server +
                L({"submit", "--engine", "sqlite", "-e", "x", "--var", "novalue"})
                                 << QStringLiteral("KEY=VALUE");
        QTest::newRow("async with output")
            << server + L({"submit", "--engine", "sqlite", "-e", "x", "--async", "--output", "d"})
            << QStringLiteral("--async");
        QTest::newRow("no gateway") << L({"status", "1"}) << QStringLiteral("--profile");
        QTest::newRow("server without user")
            << L({"--server", "http://h:1", "status", "1"}) << QStringLiteral("--user");
        QTest::newRow("server not http")
            << L({"--server", "ftp://h", "--user", "u", "jobs"}) << QStringLiteral("http");
        QTest::newRow("bad auth") << server + L({"--auth", "kerberos", "jobs"})
                                  << QStringLiteral("password, token or proxy");
        QTest::newRow("bad api") << server + L({"--api", "rpc", "jobs"})
                                 << QStringLiteral("submit or execute");
        QTest::newRow("timeout zero")
            << server + L({"--timeout", "0", "status", "1"}) << QStringLiteral("--timeout");
        QTest::newRow("timeout not a number")
            << server + L({"--timeout=soon", "status", "1"}) << QStringLiteral("seconds");
        QTest::newRow("timeout too long")
            << server + L({"--timeout", "86401", "status", "1"}) << QStringLiteral("86400");
        QTest::newRow("value missing")
            << server + L({"result", "1", "--set"}) << QStringLiteral("needs a value");
        QTest::newRow("profile action")
            << L({"profile", "rename", "a"}) << QStringLiteral("rename");
        QTest::newRow("profile add without server")
            << L({"profile", "add", "p"}) << QStringLiteral("--server");
        QTest::newRow("script and secret on stdin")
            << server + L({"--password-stdin", "submit", "--engine", "sqlite", "-"})
            << QStringLiteral("standard input");
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        CliHarness cli;
        const CliRun r = cli.run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        const QStringList lines = r.errLines();
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().startsWith(QStringLiteral("linkis-desk-cli: ")),
                 qPrintable(lines.first()));
        QVERIFY2(lines.first().contains(expected), qPrintable(lines.first()));
    }

    // The environment variable is checked like the option, before any request.
    void badTimeoutFromTheEnvironment()
    {
        CliHarness cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LINKIS_DESK_TIMEOUT"), QStringLiteral("-3"));
        const CliRun r = cli.run({QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:1"),
                                  QStringLiteral("--user"), QStringLiteral("u"),
                                  QStringLiteral("status"), QStringLiteral("1")},
                                 {}, env);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.errLines().size(), 1);
        QVERIFY2(r.errLines().first().contains(QStringLiteral("LINKIS_DESK_TIMEOUT")),
                 qPrintable(r.errLines().first()));
        QVERIFY2(r.errLines().first().contains(QStringLiteral("\"-3\"")),
                 qPrintable(r.errLines().first()));
    }

    void helpAndVersion()
    {
        CliHarness cli;
        CliRun r = cli.run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.outText().startsWith(QStringLiteral("Usage: linkis-desk-cli")));
        for (const char *command :
             {"submit", "status", "progress", "log", "kill", "result", "jobs", "profile"})
            QVERIFY2(r.outText().contains(QLatin1String(command)), command);
        QVERIFY(r.err.isEmpty());

        r = cli.run({QStringLiteral("help"), QStringLiteral("result")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.outText().contains(QStringLiteral("--set N")));

        r = cli.run({QStringLiteral("submit"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.outText().contains(QStringLiteral("--run-type")));

        r = cli.run({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.outText().startsWith(QStringLiteral("linkis-desk-cli ")));
    }

    void unreadableScriptIsAUsageError()
    {
        CliHarness cli;
        const CliRun r = cli.run({QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:1"),
                                  QStringLiteral("--user"), QStringLiteral("u"),
                                  QStringLiteral("submit"), QStringLiteral("--engine"),
                                  QStringLiteral("sqlite"), QStringLiteral("/nonexistent/x.sql")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.errLines().size(), 1);
        QVERIFY(r.errLines().first().contains(QStringLiteral("/nonexistent/x.sql")));
    }
};

QTEST_GUILESS_MAIN(TestCliUsage)
#include "tst_cliusage.moc"
