// SPDX-License-Identifier: GPL-3.0-or-later
// The one rule for log levels (api/loglevel): a program's stderr, labelled ERROR by the server,
// keeps the level its own line states (Python logging, log4j / Spark); only unlabelled stderr
// is an error; the GUI's store and the CLI agree. Then where errors point into the script: a
// traceback's innermost frame in the script, an engine message's "line N" renumbered to the
// editor's line. End to end: a python job on the real gateway with logging.warning and a
// traceback, its levels as the tracker delivers them.
#include "api/linkisclient.h"
#include "api/loglevel.h"
#include "jobs/jobtracker.h"
#include "logs/errorline.h"
#include "logs/logstore.h"
#include "logs/tracebackscanner.h"
#include "testgateway.h"

#include <QSignalSpy>
#include <QTest>

using namespace linkisdesk;
using testsupport::TestGateway;

namespace {
// What the server makes of a line the program wrote to stderr.
QString stderrLine(const QString &text)
{
    return QStringLiteral("2026-12-05 11:00:00.123 ERROR ") + text;
}
} // namespace

class TestLogLevel : public QObject
{
    Q_OBJECT
private slots:
    void stderrKeepsTheLevelItStates_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<int>("level");
        const int error = int(LogLevel::Error), warn = int(LogLevel::Warn),
                  info = int(LogLevel::Info);
        QTest::newRow("python default format")
            << stderrLine(QStringLiteral("WARNING:root:disk almost full")) << warn;
        QTest::newRow("python info")
            << stderrLine(QStringLiteral("INFO:etl:loaded 3 rows")) << info;
        QTest::newRow("python critical")
            << stderrLine(QStringLiteral("CRITICAL:root:giving up")) << error;
        QTest::newRow("python error")
            << stderrLine(QStringLiteral("ERROR:root:no connection")) << error;
        QTest::newRow("asctime levelname")
            << stderrLine(QStringLiteral("2024-01-02 10:00:00,123 WARNING careful")) << warn;
        QTest::newRow("asctime name levelname")
            << stderrLine(QStringLiteral("2024-01-02 10:00:00,123 - etl - INFO - started")) << info;
        QTest::newRow("spark warn")
            << stderrLine(QStringLiteral("24/01/02 10:00:00 WARN NativeCodeLoader: no native"))
            << warn;
        QTest::newRow("spark info")
            << stderrLine(QStringLiteral("24/01/02 10:00:00 INFO SparkContext: Running Spark"))
            << info;
        QTest::newRow("traceback header")
            << stderrLine(QStringLiteral("Traceback (most recent call last):")) << error;
        QTest::newRow("traceback frame")
            << stderrLine(QStringLiteral("  File \"/w/script.py\", line 7, in <module>")) << error;
        QTest::newRow("exception")
            << stderrLine(QStringLiteral("ZeroDivisionError: division by zero")) << error;
        QTest::newRow("unlabelled stderr") << stderrLine(QStringLiteral("oops")) << error;
        QTest::newRow("empty stderr line") << stderrLine(QString()) << error;
        QTest::newRow("stdout stays info")
            << QStringLiteral("2026-12-05 11:00:00.123 INFO WARNING: printed to stdout") << info;
        QTest::newRow("linkis warn") << QStringLiteral("2026-12-05 11:00:00.123 WARN slow") << warn;
        QTest::newRow("bare python line") << QStringLiteral("WARNING:root:bare") << warn;
        QTest::newRow("not a level word") << QStringLiteral("Warning is not a level word") << -1;
    }
    void stderrKeepsTheLevelItStates()
    {
        QFETCH(QString, line);
        QFETCH(int, level);
        QCOMPARE(logLevelOf(line.toUtf8()), level);
        // One rule: the GUI's log store and the CLI's classification agree.
        QCOMPARE(LogStore::classify(line.toUtf8()), level);
        const LogLevel previous = LogLevel::Info;
        QCOMPARE(classifyLogLine(line, previous), level < 0 ? previous : LogLevel(level));
    }

    void firstErrorSkipsWarnings()
    {
        LogStore store;
        store.append({QStringLiteral("2026-12-05 11:00:00.000 INFO Starting python3 -u."),
                      stderrLine(QStringLiteral("WARNING:root:careful")),
                      stderrLine(QStringLiteral("Traceback (most recent call last):")),
                      stderrLine(QStringLiteral("  File \"/w/script.py\", line 3, in <module>")),
                      stderrLine(QStringLiteral("ZeroDivisionError: division by zero"))});
        QCOMPARE(store.level(1), LogStore::Level::Warn);
        QCOMPARE(store.firstError(), 2);
        QCOMPARE(store.count(LogStore::Level::Error), 3);
    }

    void messageOfALinkisLine()
    {
        QCOMPARE(logMessageOf(stderrLine(QStringLiteral("  File \"x\", line 2"))).toString(),
                 QStringLiteral("  File \"x\", line 2"));
        QCOMPARE(logMessageOf(QStringLiteral("plain output")).toString(),
                 QStringLiteral("plain output"));
        QCOMPARE(logMessageOf(QStringLiteral("2026-12-05 11:00:00.123 SYSTEM-WARN x")).toString(),
                 QStringLiteral("x"));
    }

    void tracebackPointsAtTheInnermostScriptFrame()
    {
        TracebackScanner scanner;
        const QStringList log = {
            QStringLiteral("2026-12-05 11:00:00.000 INFO Starting python3 -u."),
            stderrLine(QStringLiteral("WARNING:root:careful")),
            stderrLine(QStringLiteral("Traceback (most recent call last):")),
            stderrLine(QStringLiteral("  File \"/data/work/42/script.py\", line 9, in <module>")),
            stderrLine(QStringLiteral("    main()")),
            stderrLine(QStringLiteral("  File \"/data/work/42/script.py\", line 7, in main")),
            stderrLine(QStringLiteral("    json.loads(x)")),
            stderrLine(QStringLiteral("  File \"/usr/lib/python3.11/json/__init__.py\", line "
                                      "346, in loads")),
            stderrLine(QStringLiteral("    return _default_decoder.decode(s)")),
            stderrLine(QStringLiteral("           ^^^^^^^^^^^^^^^^^^^^^^^^^^")),
        };
        // Split across two deliveries, as the log arrives.
        QVERIFY(scanner.feed(log).isEmpty());
        const QList<TracebackScanner::Hit> hits = scanner.feed(
            {stderrLine(QStringLiteral("json.decoder.JSONDecodeError: Expecting value"))});
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().line, 7);
        QCOMPARE(hits.first().message,
                 QStringLiteral("json.decoder.JSONDecodeError: Expecting value"));
    }

    void syntaxErrorAndPseudoFiles()
    {
        TracebackScanner scanner;
        const QList<TracebackScanner::Hit> hits = scanner.feed({
            QStringLiteral("  File \"<script>\", line 3"),
            QStringLiteral("    x = ("),
            QStringLiteral("        ^"),
            QStringLiteral("SyntaxError: '(' was never closed"),
            QStringLiteral("Traceback (most recent call last):"),
            QStringLiteral("  File \"<frozen runpy>\", line 198, in _run_module_as_main"),
            QStringLiteral("  File \"<stdin>\", line 12, in <module>"),
            QStringLiteral("KeyboardInterrupt"),
            QStringLiteral("Traceback (most recent call last):"),
            QStringLiteral("  File \"/usr/lib/python3/x.py\", line 5, in f"),
            QStringLiteral("ValueError: only a library frame"),
        });
        QCOMPARE(hits.size(), 2);
        QCOMPARE(hits.at(0).line, 3);
        QCOMPARE(hits.at(0).message, QStringLiteral("SyntaxError: '(' was never closed"));
        QCOMPARE(hits.at(1).line, 12);
        QCOMPARE(TracebackScanner::scriptLineOfFrame(u"  File \"<frozen x>\", line 2"), 0);
        QCOMPARE(TracebackScanner::scriptLineOfFrame(u"  File \"<string>\", line 2, in f"), 2);
        QCOMPARE(TracebackScanner::scriptLineOfFrame(u"  File \"myscript.py\", line 2"), 0);
    }

    void errorLineIsRenumberedToTheEditorLine()
    {
        const QString sql =
            QStringLiteral("Statement 1 (line 1) failed: no such table: no_such_table");
        QCOMPARE(ErrorLine::find(sql).line, 1);
        QCOMPARE(ErrorLine::renumbered(sql, 3),
                 QStringLiteral("Statement 1 (line 3) failed: no such table: no_such_table"));
        QCOMPARE(ErrorLine::find(u"ParseException line 12:7 cannot recognize").line, 12);
        QCOMPARE(ErrorLine::renumbered(u"no line here", 3), QStringLiteral("no line here"));
        QCOMPARE(ErrorLine::find(u"pipeline 4 failed").line, 0);
    }

    // The real gateway and python3: the tracker's levels for a warning and a traceback.
    void pythonWarningIsNotAnErrorEndToEnd()
    {
        TestGateway gateway;
        QString error;
        QVERIFY2(gateway.start(&error), qPrintable(error));
        LinkisClient client(gateway.settings(ConnectionSettings::AuthMode::Token));
        JobTracker tracker(&client, QStringLiteral("Local"));
        QSignalSpy lines(&tracker, &JobTracker::logLines);
        QSignalSpy finished(&tracker, &JobTracker::finished);
        SubmitRequest r;
        r.runType = QStringLiteral("python");
        r.engineType = QStringLiteral("python");
        r.code = QStringLiteral("import logging\nlogging.warning('disk almost full')\n"
                                "print('working')\n1 / 0\n");
        tracker.submit(r);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(tracker.status(), JobStatus::Failed);
        QStringList all;
        QList<LogLevel> levels;
        for (const QList<QVariant> &args : lines) {
            all += args.at(0).toStringList();
            levels += args.at(1).value<QList<LogLevel>>();
        }
        QCOMPARE(levels.size(), all.size());
        int warning = -1, traceback = -1, frame = -1;
        for (int i = 0; i < all.size(); ++i) {
            if (all.at(i).contains(QStringLiteral("WARNING:root:disk almost full")))
                warning = i;
            if (all.at(i).contains(QStringLiteral("Traceback (most recent call last)")))
                traceback = i;
            if (TracebackScanner::scriptLineOfFrame(logMessageOf(all.at(i))) > 0)
                frame = i;
        }
        QVERIFY2(warning >= 0, qPrintable(all.join(u'\n')));
        QVERIFY(traceback > warning);
        QCOMPARE(levels.at(warning), LogLevel::Warn);
        QCOMPARE(levels.at(traceback), LogLevel::Error);
        // The first error is the traceback, not the warning, and it points at line 4.
        const int firstError = int(levels.indexOf(LogLevel::Error));
        QCOMPARE(firstError, traceback);
        QCOMPARE(TracebackScanner::scriptLineOfFrame(logMessageOf(all.at(frame))), 4);
        TracebackScanner scanner;
        const QList<TracebackScanner::Hit> hits = scanner.feed(all);
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().line, 4);
        QVERIFY(hits.first().message.startsWith(QStringLiteral("ZeroDivisionError")));
    }
};

QTEST_GUILESS_MAIN(TestLogLevel)
#include "tst_loglevel.moc"
