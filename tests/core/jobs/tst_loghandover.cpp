// SPDX-License-Identifier: GPL-3.0-or-later
// The hand-over from the live log (entrance/{execID}/log) to the log file (filesystem/openLog):
// every line exactly once and in order, whatever either side does with blank lines. Recorded
// replies in tests/data/linkis follow real Linkis: the live log leaves blank lines out of its
// text but counts them in fromLine (LogReader.readArray); openLog returns every line.
#include "api/linkisclient.h"
#include "api/linkisparsers.h"
#include "api/logchunk.h"
#include "api/taskinfo.h"
#include "faultserver.h"
#include "jobs/finishingchecklist.h"
#include "jobs/jobtracker.h"
#include "jobs/logcursor.h"
#include "jobs/loghandover.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace linkisdesk;
using testsupport::FaultServer;
using Response = FaultServer::Response;

namespace {

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(LINKIS_DESK_TEST_DATA "/linkis/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

// A recorded reply as the server sent it (the HTTP code Linkis uses for its status).
Response recorded(const char *name)
{
    const QByteArray body = fixture(name);
    const int status = QJsonDocument::fromJson(body).object().value(u"status").toInt();
    return Response::json(status == 0 ? 200 : 400, body);
}

// The lines of the log file, as openLog gives them.
QStringList fileLines(const char *name)
{
    const auto chunk = parsers::parseOpenLog(200, fixture(name));
    if (!chunk)
        qFatal("bad fixture %s", name);
    return chunk->lines();
}

QStringList nonBlank(const QStringList &lines)
{
    QStringList out;
    for (const QString &l : lines) {
        if (!l.trimmed().isEmpty())
            out << l;
    }
    return out;
}

// What must be shown when the live log read the file's first `read` lines (showing those that
// are not blank) and the file follows: the blank lines after the last line it showed come from
// the file, in their place.
QStringList expectedAfterLive(const QStringList &file, int read)
{
    qsizetype last = qMin<qsizetype>(read, file.size()) - 1;
    while (last >= 0 && file.at(last).trimmed().isEmpty())
        --last;
    return nonBlank(file.mid(0, last + 1)) + file.mid(last + 1);
}

QStringList collected(const QSignalSpy &spy)
{
    QStringList all;
    for (const QList<QVariant> &args : spy)
        all += args.at(0).toStringList();
    return all;
}

QByteArray statusData(const char *status)
{
    return QByteArray(R"({"execID":"x","status":")") + status + "\"}";
}

} // namespace

class TestLogHandover : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<FaultServer> m_server;
    std::unique_ptr<LinkisClient> m_client;

    // Follows task 123 to its end; the live log answers `live` in turn, the status is Running
    // for `runningPolls` polls and then Succeed.
    QStringList follow(const QList<Response> &live, int runningPolls, const char *file)
    {
        QList<Response> statuses;
        for (int i = 0; i < runningPolls; ++i)
            statuses << Response::linkis(0, statusData("Running"));
        statuses << Response::linkis(0, statusData("Succeed"));
        m_server->on(QStringLiteral("/status"), statuses);
        m_server->on(QStringLiteral("/log"), live);
        m_server->on(QStringLiteral("/openLog"), {recorded(file)});
        JobTracker::Options o;
        o.firstIntervalMs = 5;
        o.maxIntervalMs = 20;
        o.logPageSize = 10; // the pages the recorded replies were read with
        JobTracker tracker(m_client.get(), QStringLiteral("p"), o);
        tracker.setWatched(true);
        QSignalSpy lines(&tracker, &JobTracker::logLines);
        QSignalSpy finished(&tracker, &JobTracker::finished);
        tracker.attach(JobRef {123, QStringLiteral("x")});
        if (!QTest::qWaitFor([&] { return finished.count() == 1; }, 10000))
            qWarning("the job did not finish");
        return collected(lines);
    }

private slots:
    void init()
    {
        m_server = std::make_unique<FaultServer>();
        QVERIFY(m_server->listen());
        ConnectionSettings s;
        s.baseUrl = m_server->url();
        s.authMode = ConnectionSettings::AuthMode::Token;
        s.user = QStringLiteral("alice");
        s.secret = QStringLiteral("tok");
        s.timeoutMs = 5000;
        m_client = std::make_unique<LinkisClient>(s);
        m_server->on(QStringLiteral("/progress"),
                     {Response::linkis(0, R"({"progress":0.5,"progressInfo":[]})")});
        m_server->on(QStringLiteral("/jobhistory/123/get"),
                     {Response::linkis(0,
                                       R"({"task":{"taskID":123,"status":"Succeed",)"
                                       R"("logPath":"hdfs:///logs/123.log",)"
                                       R"("strongerExecId":"x"}})")});
    }
    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void recordedRepliesAreWhatTheyClaim()
    {
        // 31 lines in the file, 22 of them not blank; the first live page read 10 of them
        // (fromLine 1 -> 11) and shows the 8 that are not blank.
        const QStringList file = fileLines("openlog_blanks.json");
        QCOMPARE(file.size(), 31);
        QCOMPARE(nonBlank(file).size(), 22);
        const auto page = parsers::parseLog(200, fixture("log_blanks_live_1.json"));
        QVERIFY(page.ok());
        QCOMPARE(page->nextFromLine, 11);
        QCOMPARE(page->lines(), nonBlank(file.mid(0, 10)));
        // Blank lines of several kinds: empty, spaces, a tab, a lone carriage return.
        QVERIFY(file.contains(QString()));
        QVERIFY(file.contains(QStringLiteral("   ")));
        QVERIFY(file.contains(QStringLiteral("\t")));
        QVERIFY(fixture("openlog_blanks.json").contains("\\r\\n"));
    }

    void jobEndingBetweenTwoReadsShowsEveryLineOnce()
    {
        // One live page while it runs; then it ends, the live log is refused, the file follows.
        const QStringList file = fileLines("openlog_blanks.json");
        const QStringList shown =
            follow({recorded("log_blanks_live_1.json"), recorded("log_ended.json")}, 1,
                   "openlog_blanks.json");
        QCOMPARE(shown, expectedAfterLive(file, 10));
        QCOMPARE(nonBlank(shown), nonBlank(file)); // every line exactly once, in order
    }

    void twoLivePagesThenTheFile()
    {
        const QStringList file = fileLines("openlog_blanks.json");
        const QStringList shown =
            follow({recorded("log_blanks_live_1.json"), recorded("log_blanks_live_2.json"),
                    recorded("log_ended.json")},
                   1, "openlog_blanks.json");
        QCOMPARE(shown, expectedAfterLive(file, 20));
        QCOMPARE(nonBlank(shown), nonBlank(file));
    }

    void logOfOnlyBlankLines()
    {
        // The live log read 5 lines and showed none; the file has the 5 blank lines.
        const QStringList file = fileLines("openlog_only_blanks.json");
        QCOMPARE(file.size(), 5);
        QCOMPARE(nonBlank(file).size(), 0);
        const QStringList shown =
            follow({recorded("log_only_blanks_live.json"), recorded("log_ended.json")}, 1,
                   "openlog_only_blanks.json");
        QCOMPARE(shown, file);
    }

    void liveSideThatKeepsBlankLines()
    {
        // A server that does send blank lines in the live log (the other way to count them).
        LogHandover h;
        h.noteShown({QStringLiteral("a"), QString(), QStringLiteral("b"), QStringLiteral("  ")});
        QCOMPARE(h.rest({QStringLiteral("a"), QString(), QStringLiteral("b"), QString(), QString(),
                         QStringLiteral("c")}),
                 (QStringList {QString(), QStringLiteral("c")}));
    }

    void repeatedLinesAreMatchedInOrder()
    {
        // A printed table repeats its border line: each shown line takes the next place.
        const QString border = QStringLiteral("+---+");
        LogHandover h;
        h.noteShown({border, QStringLiteral("| 1 |"), border});
        QCOMPARE(h.rest({border, QString(), QStringLiteral("| 1 |"), border, QString(),
                         QStringLiteral("| 2 |"), border}),
                 (QStringList {QString(), QStringLiteral("| 2 |"), border}));
    }

    void linesTheLiveLogLeftOutAreNotBroughtBackOutOfOrder()
    {
        // Linkis also leaves out lines its exclude list names; they are passed over.
        LogHandover h;
        h.noteShown({QStringLiteral("a"), QStringLiteral("c")});
        QCOMPARE(h.rest({QStringLiteral("a"), QStringLiteral("excluded"), QStringLiteral("c"),
                         QStringLiteral("d")}),
                 QStringList {QStringLiteral("d")});
    }

    void differentlyWrittenLinesStillMatch()
    {
        LogHandover h;
        h.noteShown({QStringLiteral("2026 INFO x"), QStringLiteral("y")});
        QCOMPARE(
            h.rest({QStringLiteral("2026 INFO x \r"), QStringLiteral("y"), QStringLiteral("z")}),
            QStringList {QStringLiteral("z")});
    }

    void reattachedWithNothingShownSkipsWhatTheLiveLogRead()
    {
        // After a restart only the live log's position is known (fromLine counts blank lines).
        LogHandover h;
        h.setLinesReadBefore(3);
        QCOMPARE(h.rest({QStringLiteral("a"), QString(), QStringLiteral("b"), QStringLiteral("c")}),
                 QStringList {QStringLiteral("c")});
    }

    // The cursor alone, without a server: pages, the blank lines a real Linkis counts but leaves
    // out, levels carried over, the hand-over to the file, a resumed job.
    void logCursorReadsPagesAndCountsWhatTheServerSkipped()
    {
        LogCursor cursor;
        QCOMPARE(cursor.nextLine(), 1);
        LogChunk page;
        page.all = QStringLiteral("a\nERROR boom\n\tat x.y(Z.java:1)\n");
        page.nextFromLine = 5; // the server read 4 lines; one blank one left out of the text
        bool more = false;
        const LogBatch first = cursor.takeLivePage(page, 4, false, &more);
        QCOMPARE(first.lines(),
                 (QStringList {QStringLiteral("a"), QStringLiteral("ERROR boom"),
                               QStringLiteral("\tat x.y(Z.java:1)")}));
        QCOMPARE(first.levels.size(), first.lines().size());
        QCOMPARE(first.levels.at(1), LogLevel::Error);
        QCOMPARE(first.levels.at(2), LogLevel::Error); // a traceback stays an error
        QVERIFY(more); // a full page: read on at once
        QCOMPARE(cursor.nextLine(), 5);
        QCOMPARE(cursor.linesDelivered(), 3);
        QCOMPARE(cursor.lastLevel(), LogLevel::Error);
        QVERIFY(!cursor.isLiveDone());

        // While running, a short page does not end the live log; while finishing it does.
        LogChunk empty;
        empty.nextFromLine = 5;
        QVERIFY(cursor.takeLivePage(empty, 4, false, &more).isEmpty());
        QVERIFY(!more);
        QVERIFY(!cursor.isLiveDone());
        QVERIFY(cursor.takeLivePage(empty, 4, true, &more).isEmpty());
        QVERIFY(cursor.isLiveDone());
        QVERIFY(!cursor.needsWholeLog());
        QCOMPARE(cursor.nextLine(), 5);
    }

    void logCursorHandsOverToTheWholeFileOnce()
    {
        LogCursor cursor;
        LogChunk page;
        page.all = QStringLiteral("one\ntwo");
        page.nextFromLine = 3;
        cursor.takeLivePage(page, 100, false, nullptr);
        cursor.liveRefused(); // "the job has ended": the rest from openLog
        QVERIFY(cursor.isLiveDone());
        QVERIFY(cursor.needsWholeLog());
        const LogBatch rest = cursor.takeWholeLog(
            {QStringLiteral("one"), QString(), QStringLiteral("two"), QStringLiteral("three")});
        QCOMPARE(rest.lines(), QStringList {QStringLiteral("three")});
        QCOMPARE(cursor.linesDelivered(), 3);
        QVERIFY(!cursor.needsWholeLog());

        LogCursor lost;
        lost.liveRefused();
        lost.wholeLogLost();
        QVERIFY(!lost.needsWholeLog());
        QCOMPARE(lost.linesDelivered(), 0);
    }

    void logCursorResumesWhereAnEarlierSessionStopped()
    {
        LogCursor cursor;
        cursor.resume(7);
        QCOMPARE(cursor.nextLine(), 8);
        QCOMPARE(cursor.linesDelivered(), 7);
        cursor.resume(-3);
        QCOMPARE(cursor.nextLine(), 1);
        QCOMPARE(cursor.linesDelivered(), 0);
    }

    void finishingChecklistOrder()
    {
        using Step = FinishingChecklist::Step;
        LogCursor log;
        TaskInfo info;
        FinishingChecklist list;
        QCOMPARE(list.next(log, info, true), Step::LiveLog); // the rest of the live log first
        log.liveRefused();
        QCOMPARE(list.next(log, info, true), Step::Info);
        list.setInfoDone();
        // No logPath in history: the whole file cannot be asked for.
        QCOMPARE(list.next(log, info, true), Step::Done);
        info.logPath = QStringLiteral("file:///log");
        info.resultLocation = QStringLiteral("hdfs:///result");
        QCOMPARE(list.next(log, info, true), Step::WholeLog);
        log.takeWholeLog(QStringList());
        QCOMPARE(list.next(log, info, true), Step::ResultSets);
        QCOMPARE(list.next(log, info, false), Step::Done); // result sets not wanted
        list.setResultSetsDone();
        QCOMPARE(list.next(log, info, true), Step::Done);
    }
};

QTEST_GUILESS_MAIN(TestLogHandover)
#include "tst_loghandover.moc"
