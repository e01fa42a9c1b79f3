// SPDX-License-Identifier: GPL-3.0-or-later
// JobTracker against the fault-injecting server: the openLog switch, reconnecting after network
// failures, kill confirmation and re-send, request budget, late replies.
#include "api/linkisclient.h"
#include "faultserver.h"
#include "jobs/jobregistry.h"
#include "jobs/jobtracker.h"
#include "jobs/statusbatcher.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace linkisdesk;
using testsupport::FaultServer;
using Response = FaultServer::Response;

namespace {

QByteArray statusData(const char *status)
{
    return QByteArray(R"({"execID":"e1","status":")") + status + "\"}";
}

// Log slots whose ALL slot holds `lines` lines numbered from `first`.
QByteArray logData(int first, int count, int nextFromLine)
{
    QByteArray all;
    for (int i = 0; i < count; ++i)
        all += "2024-01-01 10:00:00.000 INFO line " + QByteArray::number(first + i) + "\\n";
    return R"({"execID":"e1","fromLine":)" + QByteArray::number(nextFromLine) +
        R"(,"log":["","",")" + all + R"(",")" + all + R"("]})";
}

QByteArray taskData(const char *status)
{
    return QByteArray(R"({"task":{"taskID":42,"status":")") + status +
        R"(","progress":"1.0","logPath":"file:///logs/42.log","resultLocation":"file:///res/42",)"
        R"("strongerExecId":"e1","errCode":null,"errDesc":null}})";
}

const QByteArray kTrees =
    R"({"dirFileTrees":{"name":"42","path":"file:///res/42","isLeaf":false,"children":[)"
    R"({"name":"_10.dolphin","path":"file:///res/42/_10.dolphin","isLeaf":true},)"
    R"({"name":"_2.dolphin","path":"file:///res/42/_2.dolphin","isLeaf":true},)"
    R"({"name":"_0.dolphin","path":"file:///res/42/_0.dolphin","isLeaf":true}]}})";

QStringList collected(const QSignalSpy &spy)
{
    QStringList all;
    for (const QList<QVariant> &args : spy)
        all += args.at(0).toStringList();
    return all;
}

} // namespace

class TestJobTracker : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<FaultServer> m_server;
    std::unique_ptr<LinkisClient> m_client;

    static JobTracker::Options fastOptions()
    {
        JobTracker::Options o;
        o.firstIntervalMs = 5;
        o.maxIntervalMs = 40;
        o.retryBaseMs = 20;
        o.maxRetryDelayMs = 100;
        o.killResendMs = 150;
        o.killGiveUpMs = 400;
        o.logPageSize = 3;
        return o;
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
        s.timeoutMs = 2000;
        m_client = std::make_unique<LinkisClient>(s);
        m_server->on(QStringLiteral("/entrance/submit"),
                     {Response::linkis(0, R"({"execID":"e1","taskID":42})")});
        m_server->on(QStringLiteral("/progress"),
                     {Response::linkis(0, R"({"progress":0.5,"progressInfo":[]})")});
        m_server->on(QStringLiteral("/jobhistory/42/get"),
                     {Response::linkis(0, taskData("Succeed"))});
        m_server->on(QStringLiteral("/getDirFileTrees"), {Response::linkis(0, kTrees)});
    }
    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void liveLogThenOpenLogWithoutLossOrDuplicates()
    {
        // Live log: lines 1-3 (a full page, read on at once), 4-5, then refused after the end.
        m_server->on(QStringLiteral("/log"),
                     {Response::linkis(0, logData(1, 3, 4)), Response::linkis(0, logData(4, 2, 6)),
                      Response::linkis(1, {}, "The job you just executed has ended.")});
        m_server->on(QStringLiteral("/status"),
                     {Response::linkis(0, statusData("Running")),
                      Response::linkis(0, statusData("Running")),
                      Response::linkis(0, statusData("Succeed"))});
        // The whole file: lines 1-8.
        m_server->on(QStringLiteral("/openLog"), {Response::linkis(0, [] {
                         QByteArray d = logData(1, 8, 0);
                         return d;
                     }())});
        JobTracker tracker(m_client.get(), QStringLiteral("p"), fastOptions());
        tracker.setWatched(true); // log and progress are polled while it runs
        QSignalSpy lines(&tracker, &JobTracker::logLines);
        QSignalSpy finished(&tracker, &JobTracker::finished);
        QSignalSpy results(&tracker, &JobTracker::resultSetsReady);
        SubmitRequest request;
        request.code = QStringLiteral("select 1");
        tracker.submit(request);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().value<JobStatus>(), JobStatus::Succeed);
        QStringList expected;
        for (int i = 1; i <= 8; ++i)
            expected << QStringLiteral("2024-01-01 10:00:00.000 INFO line %1").arg(i);
        QCOMPARE(collected(lines), expected);
        QCOMPARE(tracker.logLinesDelivered(), 8);
        // Levels travel with the lines.
        QCOMPARE(lines.first().at(1).value<QList<LogLevel>>().size(),
                 lines.first().at(0).toStringList().size());
        QCOMPARE(results.count(), 1);
        QStringList names;
        for (const ResultSetRef &r : tracker.resultSets())
            names << r.name;
        QCOMPARE(names,
                 (QStringList {QStringLiteral("_0.dolphin"), QStringLiteral("_2.dolphin"),
                               QStringLiteral("_10.dolphin")}));
        QCOMPARE(tracker.taskInfo().logPath, QStringLiteral("file:///logs/42.log"));
        QCOMPARE(tracker.state(), JobTracker::State::Finished);
        QCOMPARE(tracker.progress(), 1.0);
        QCOMPARE(m_server->maxConcurrent(QStringLiteral("/status")), 1);
        QCOMPARE(m_server->maxConcurrent(QStringLiteral("/log")), 1);
    }

    void reconnectsAfterNetworkFailures()
    {
        Response html = Response::json(502, "<html><body>Bad Gateway</body></html>");
        html.contentType = "text/html";
        m_server->on(QStringLiteral("/status"),
                     {Response::linkis(0, statusData("Running")), Response::drop(),
                      Response::drop(), html, Response::json(200, "{broken"),
                      Response::linkis(0, statusData("Running")),
                      Response::linkis(0, statusData("Succeed"))});
        m_server->on(
            QStringLiteral("/log"),
            {Response::linkis(0, logData(1, 1, 2)), Response::linkis(0, logData(2, 0, 2))});
        JobTracker tracker(m_client.get(), QStringLiteral("p"), fastOptions());
        QSignalSpy reconnecting(&tracker, &JobTracker::reconnecting);
        QSignalSpy reconnected(&tracker, &JobTracker::reconnected);
        QSignalSpy states(&tracker, &JobTracker::stateChanged);
        QSignalSpy finished(&tracker, &JobTracker::finished);
        QSignalSpy failed(&tracker, &JobTracker::failed);
        tracker.attach(JobRef {42, QStringLiteral("e1")});
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(failed.count(), 0);
        // The drops may be retried once inside QNetworkAccessManager; the 502 and the bad JSON
        // always reach the tracker.
        QVERIFY2(reconnecting.count() >= 2, qPrintable(QString::number(reconnecting.count())));
        QVERIFY(reconnected.count() >= 1);
        // Attempts count up while the server stays away.
        QVERIFY(reconnecting.at(1).at(1).toInt() > reconnecting.at(0).at(1).toInt());
        bool sawReconnecting = false;
        for (const auto &args : states)
            sawReconnecting |=
                args.first().value<JobTracker::State>() == JobTracker::State::Reconnecting;
        QVERIFY(sawReconnecting);
        QCOMPARE(tracker.status(), JobStatus::Succeed);
    }

    void killIsResentUntilTheJobStops()
    {
        int kills = 0;
        m_server->setHandler([&kills](const FaultServer::Request &r) {
            if (r.path.endsWith(QStringLiteral("/kill"))) {
                ++kills;
                return Response::linkis(0, R"({"execID":"e1"})", "Successfully killed the job");
            }
            if (r.path.endsWith(QStringLiteral("/status")))
                return Response::linkis(0, statusData(kills >= 2 ? "Cancelled" : "Running"));
            if (r.path.endsWith(QStringLiteral("/log")))
                return Response::linkis(0, logData(1, 0, 1));
            return Response::linkis(1, {}, "unexpected");
        });
        m_server->on(QStringLiteral("/jobhistory/42/get"),
                     {Response::linkis(0, taskData("Cancelled"))});
        JobTracker tracker(m_client.get(), QStringLiteral("p"), fastOptions());
        QSignalSpy confirmed(&tracker, &JobTracker::killConfirmed);
        QSignalSpy notConfirmed(&tracker, &JobTracker::killNotConfirmed);
        QSignalSpy finished(&tracker, &JobTracker::finished);
        tracker.attach(JobRef {42, QStringLiteral("e1")});
        QTRY_COMPARE(tracker.status(), JobStatus::Running);
        tracker.kill();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(confirmed.count(), 1);
        QCOMPARE(notConfirmed.count(), 0);
        QCOMPARE(kills, 2);
        QCOMPARE(tracker.killState(), JobTracker::KillState::Confirmed);
        QCOMPARE(tracker.status(), JobStatus::Cancelled);
        for (const FaultServer::Request &r : m_server->requests()) {
            if (r.path.endsWith(QStringLiteral("/kill"))) {
                QCOMPARE(r.method, QByteArray("GET"));
                QCOMPARE(r.query.queryItemValue(QStringLiteral("taskID")), QStringLiteral("42"));
            }
        }
    }

    void killNotConfirmedIsReportedAndPollingGoesOn()
    {
        m_server->on(QStringLiteral("/status"), {Response::linkis(0, statusData("Running"))});
        m_server->on(QStringLiteral("/log"), {Response::linkis(0, logData(1, 0, 1))});
        m_server->on(QStringLiteral("/kill"), {Response::linkis(1, {}, "no permission")});
        JobTracker tracker(m_client.get(), QStringLiteral("p"), fastOptions());
        QSignalSpy notConfirmed(&tracker, &JobTracker::killNotConfirmed);
        tracker.attach(JobRef {42, QStringLiteral("e1")});
        tracker.kill();
        QTRY_COMPARE(notConfirmed.count(), 1);
        QVERIFY(notConfirmed.first().first().toInt() >= 0);
        QCOMPARE(tracker.killState(), JobTracker::KillState::NotConfirmed);
        const int polls = m_server->countRequests(QStringLiteral("/status"));
        QTRY_VERIFY(m_server->countRequests(QStringLiteral("/status")) > polls + 2);
        QVERIFY(m_server->countRequests(QStringLiteral("/kill")) >= 2);
        QCOMPARE(tracker.state(), JobTracker::State::Polling);
    }

    void longJobsStayUnderTheWebConsoleBudget()
    {
        m_server->on(QStringLiteral("/status"), {Response::linkis(0, statusData("Running"))});
        m_server->on(QStringLiteral("/log"), {Response::linkis(0, logData(1, 0, 1))});
        JobTracker tracker(m_client.get(), QStringLiteral("p"), fastOptions());
        tracker.setWatched(true); // log and progress are polled while it runs
        tracker.attach(JobRef {42, QStringLiteral("e1")});
        // Let the schedule reach its longest interval, then count a window of 20 rounds.
        QTRY_VERIFY(m_server->countRequests(QStringLiteral("/status")) >= 15);
        const int statusBefore = m_server->countRequests(QStringLiteral("/status"));
        const int totalBefore = m_server->requests().size();
        QTRY_VERIFY(m_server->countRequests(QStringLiteral("/status")) >= statusBefore + 20);
        tracker.stop();
        const int rounds = m_server->countRequests(QStringLiteral("/status")) - statusBefore;
        const int requests = int(m_server->requests().size()) - totalBefore;
        // Per round at most 2.5 requests; with the default 5 s interval that is < 3 per 5 s.
        QVERIFY2(requests * 2 <= rounds * 5 + 2,
                 qPrintable(QStringLiteral("%1 requests in %2 rounds").arg(requests).arg(rounds)));
        QVERIFY(JobTracker::Options {}.maxIntervalMs >= 5000);
        QCOMPARE(m_server->maxConcurrent(QStringLiteral("/progress")), 1);
    }

    void slowRepliesNeverOverlap()
    {
        Response slow = Response::linkis(0, statusData("Running"));
        slow.delayMs = 60; // longer than the poll interval
        m_server->on(QStringLiteral("/status"), {slow});
        Response slowLog = Response::linkis(0, logData(1, 0, 1));
        slowLog.delayMs = 60;
        m_server->on(QStringLiteral("/log"), {slowLog});
        JobTracker tracker(m_client.get(), QStringLiteral("p"), fastOptions());
        tracker.setWatched(true); // log and progress are polled while it runs
        tracker.attach(JobRef {42, QStringLiteral("e1")});
        QTRY_VERIFY(m_server->countRequests(QStringLiteral("/status")) >= 6);
        tracker.stop();
        QCOMPARE(m_server->maxConcurrent(QStringLiteral("/status")), 1);
        QCOMPARE(m_server->maxConcurrent(QStringLiteral("/log")), 1);
        QCOMPARE(m_server->maxConcurrent(QStringLiteral("/progress")), 1);
    }

    void lateRepliesAfterStopAreDropped()
    {
        Response slow = Response::linkis(0, statusData("Running"));
        slow.delayMs = 150;
        m_server->on(QStringLiteral("/status"), {slow});
        m_server->on(QStringLiteral("/log"), {Response::linkis(0, logData(1, 2, 3))});
        JobTracker tracker(m_client.get(), QStringLiteral("p"), fastOptions());
        QSignalSpy status(&tracker, &JobTracker::statusChanged);
        tracker.attach(JobRef {42, QStringLiteral("e1")});
        QTRY_COMPARE(m_server->countRequests(QStringLiteral("/status")), 1);
        tracker.stop();
        QCOMPARE(tracker.state(), JobTracker::State::Stopped);
        // Another client call that answers after the slow status reply was sent.
        bool done = false;
        Response slower = Response::linkis(0, R"({"progress":0.1})");
        slower.delayMs = 300;
        m_server->on(QStringLiteral("/progress"), {slower});
        m_client->progress(JobRef {42, QStringLiteral("e1")}, this,
                           [&done](Result<ProgressInfo>) { done = true; });
        QTRY_VERIFY(done);
        QCOMPARE(status.count(), 0);
        QCOMPARE(m_server->countRequests(QStringLiteral("/status")), 1);
    }

    void networkFailureWhileFinishingIsRetried()
    {
        m_server->on(QStringLiteral("/status"), {Response::linkis(0, statusData("Succeed"))});
        m_server->on(QStringLiteral("/log"), {Response::linkis(0, logData(1, 2, 3))});
        Response html = Response::json(503, "<html>maintenance</html>");
        html.contentType = "text/html";
        m_server->on(
            QStringLiteral("/jobhistory/42/get"),
            {html, Response::json(200, "not json"), Response::linkis(0, taskData("Succeed"))});
        JobTracker tracker(m_client.get(), QStringLiteral("p"), fastOptions());
        QSignalSpy reconnecting(&tracker, &JobTracker::reconnecting);
        QSignalSpy reconnected(&tracker, &JobTracker::reconnected);
        QSignalSpy finished(&tracker, &JobTracker::finished);
        QSignalSpy lines(&tracker, &JobTracker::logLines);
        tracker.attach(JobRef {42, QStringLiteral("e1")});
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(reconnecting.count(), 2);
        QCOMPARE(reconnecting.first().first().value<ApiError>().kind, ApiError::Kind::Http);
        QCOMPARE(reconnecting.last().first().value<ApiError>().kind, ApiError::Kind::Parse);
        QCOMPARE(reconnected.count(), 1);
        QCOMPARE(collected(lines).size(), 2);
        QCOMPARE(tracker.resultSets().size(), 3);
    }

    void anAcceptedJobIsInitedUntilAStatusSaysMore()
    {
        // Accepted, then neither the batch call nor the job's own status answers for a while:
        // the job exists on the server, so it is not shown as still being submitted.
        m_server->on(QStringLiteral("/listundonetasks"),
                     {Response::json(502, "<html>502 Bad Gateway</html>")});
        m_server->on(QStringLiteral("/status"), {Response::json(502, "<html>502</html>")});
        JobTracker tracker(m_client.get(), QStringLiteral("p"), fastOptions());
        QSignalSpy statuses(&tracker, &JobTracker::statusChanged);
        QSignalSpy submitted(&tracker, &JobTracker::submitted);
        tracker.submit(SubmitRequest {});
        QTRY_COMPARE(submitted.count(), 1);
        QCOMPARE(tracker.status(), JobStatus::Inited);
        QCOMPARE(statuses.count(), 1);
        QCOMPARE(statuses.first().first().value<JobStatus>(), JobStatus::Inited);
        tracker.stop();
    }

    void aRefusedStatusCallIsNotTakenForALostConnection()
    {
        // ApiError::isRetryable(): a bare 404 (no Linkis envelope: the route is not there) is
        // the request refused, not the server unwell; asking again changes nothing.
        m_server->on(QStringLiteral("/status"),
                     {Response::json(404, R"({"timestamp":1,"status":404,"error":"Not Found"})")});
        JobTracker tracker(m_client.get(), QStringLiteral("p"), fastOptions());
        QSignalSpy reconnecting(&tracker, &JobTracker::reconnecting);
        QSignalSpy failed(&tracker, &JobTracker::failed);
        tracker.attach(JobRef {42, QStringLiteral("e1")});
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().value<ApiError>().httpStatus, 404);
        QCOMPARE(reconnecting.count(), 0);
        QCOMPARE(m_server->countRequests(QStringLiteral("/status")), 1);
    }

    void batchRepliesThatDoNotParseFallBackToStatusPolls()
    {
        // The batch call is optional: an answer it cannot read sends the jobs back to their own
        // status calls (which retry a damaged reply themselves) instead of Reconnecting.
        m_server->on(QStringLiteral("/jobhistory/listundonetasks"),
                     {Response::json(200, "not json")});
        m_server->on(QStringLiteral("/status"),
                     {Response::linkis(0, statusData("Running")),
                      Response::linkis(0, statusData("Succeed"))});
        m_server->on(QStringLiteral("/log"), {Response::linkis(0, logData(1, 2, 3))});
        JobRegistry registry;
        JobTracker *tracker = registry.create(m_client.get(), QStringLiteral("p"), fastOptions());
        StatusBatcher *batcher = registry.batcher(m_client.get());
        QSignalSpy reconnecting(tracker, &JobTracker::reconnecting);
        QSignalSpy finished(tracker, &JobTracker::finished);
        tracker->attach(JobRef {42, QStringLiteral("e1")});
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(tracker->status(), JobStatus::Succeed);
        QVERIFY(!batcher->isBatching());
        QCOMPARE(batcher->fallbackReason().kind, ApiError::Kind::Parse);
        QCOMPARE(reconnecting.count(), 0);
    }

    void submitFailureIsNotRetried()
    {
        m_server->on(QStringLiteral("/entrance/submit"),
                     {Response::json(500, R"({"timestamp":1,"status":500,"error":"Internal"})")});
        JobTracker tracker(m_client.get(), QStringLiteral("p"), fastOptions());
        QSignalSpy failed(&tracker, &JobTracker::failed);
        tracker.submit(SubmitRequest {});
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().value<ApiError>().kind, ApiError::Kind::Http);
        QCOMPARE(m_server->countRequests(QStringLiteral("/entrance/submit")), 1);
        QCOMPARE(tracker.state(), JobTracker::State::Failed);
    }

    void olderGatewayWithoutTheBatchCallFallsBackToStatusPolls()
    {
        // An old gateway without the route: Spring's 404.
        m_server->on(QStringLiteral("/jobhistory/listundonetasks"),
                     {Response::json(404, R"({"timestamp":1,"status":404,"error":"Not Found"})")});
        m_server->on(QStringLiteral("/status"),
                     {Response::linkis(0, statusData("Running")),
                      Response::linkis(0, statusData("Succeed"))});
        m_server->on(QStringLiteral("/log"), {Response::linkis(0, logData(1, 2, 3))});
        JobRegistry registry;
        JobTracker *tracker = registry.create(m_client.get(), QStringLiteral("p"), fastOptions());
        StatusBatcher *batcher = registry.batcher(m_client.get());
        QSignalSpy fallback(batcher, &StatusBatcher::fallbackChanged);
        QSignalSpy reconnecting(tracker, &JobTracker::reconnecting);
        QSignalSpy finished(tracker, &JobTracker::finished);
        QSignalSpy lines(tracker, &JobTracker::logLines);
        tracker->attach(JobRef {42, QStringLiteral("e1")});
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(tracker->status(), JobStatus::Succeed);
        QCOMPARE(fallback.count(), 1);
        QCOMPARE(fallback.first().first().toBool(), true);
        QVERIFY(!batcher->isBatching());
        QCOMPARE(batcher->fallbackReason().httpStatus, 404);
        QCOMPARE(reconnecting.count(), 0); // a refused call is not a lost connection
        QCOMPARE(m_server->countRequests(QStringLiteral("/jobhistory/listundonetasks")), 1);
        QCOMPARE(m_server->countRequests(QStringLiteral("/status")), 2);
        QCOMPARE(collected(lines).size(), 2);
    }

    void batchRowsGiveTheStatusAndAMissingJobIsConfirmedByHistory()
    {
        int listed = 0;
        m_server->setHandler([&listed](const FaultServer::Request &r) {
            if (r.path.endsWith(QStringLiteral("/listundonetasks"))) {
                // Listed as Running twice, then gone (ended).
                if (++listed > 2)
                    return Response::linkis(0, R"({"tasks":[],"totalPage":0})");
                return Response::linkis(0,
                                        R"({"tasks":[{"taskID":42,"status":"Running",)"
                                        R"("progress":"0.4","strongerExecId":"e1"}],)"
                                        R"("totalPage":1})");
            }
            if (r.path.endsWith(QStringLiteral("/log")))
                return Response::linkis(0, logData(1, 2, 3));
            return Response::linkis(1, {}, "unexpected");
        });
        JobRegistry registry;
        JobTracker *tracker = registry.create(m_client.get(), QStringLiteral("p"), fastOptions());
        QSignalSpy statuses(tracker, &JobTracker::statusChanged);
        QSignalSpy progress(tracker, &JobTracker::progressChanged);
        QSignalSpy finished(tracker, &JobTracker::finished);
        tracker->attach(JobRef {42, QStringLiteral("e1")});
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(statuses.first().first().value<JobStatus>(), JobStatus::Running);
        QCOMPARE(statuses.last().first().value<JobStatus>(), JobStatus::Succeed);
        QCOMPARE(progress.first().first().toDouble(), 0.4); // from the row: nobody watches
        QCOMPARE(m_server->countRequests(QStringLiteral("/status")), 0);
        QCOMPARE(m_server->countRequests(QStringLiteral("/progress")), 0);
        // History asked once: its answer for an ended job is final.
        QCOMPARE(m_server->countRequests(QStringLiteral("/jobhistory/42/get")), 1);
        QCOMPARE(m_server->countRequests(QStringLiteral("/log")), 1); // the whole log, at the end
        for (const FaultServer::Request &r : m_server->requests()) {
            if (!r.path.endsWith(QStringLiteral("/listundonetasks")))
                continue;
            QCOMPARE(r.query.queryItemValue(QStringLiteral("status")),
                     QStringLiteral("Inited,WaitForRetry,Scheduled,Running"));
            QVERIFY(r.query.queryItemValue(QStringLiteral("pageSize")).toInt() >= 1);
            // The window reaches a day before the job was added (Linkis: the last day only).
            const qint64 since = r.query.queryItemValue(QStringLiteral("startDate")).toLongLong();
            QVERIFY(since > 0);
            QVERIFY(since <= QDateTime::currentMSecsSinceEpoch() - 23LL * 3600 * 1000);
        }
        QCOMPARE(tracker->resultSets().size(), 3);
    }

    void refusedSessionOnTheBatchCallKeepsTheJobTracked()
    {
        int listed = 0;
        m_server->setHandler([&listed](const FaultServer::Request &r) {
            if (r.path.endsWith(QStringLiteral("/listundonetasks"))) {
                ++listed;
                if (listed <= 2) // the token is refused for a while (e.g. rotated), then works
                    return Response::json(401, R"({"status":-1,"message":"login first"})");
                if (listed == 3)
                    return Response::linkis(0,
                                            R"({"tasks":[{"taskID":42,"status":"Running"}],)"
                                            R"("totalPage":1})");
                return Response::linkis(0, R"({"tasks":[],"totalPage":0})");
            }
            if (r.path.endsWith(QStringLiteral("/log")))
                return Response::linkis(0, logData(1, 1, 2));
            return Response::linkis(1, {}, "unexpected");
        });
        JobRegistry registry;
        JobTracker *tracker = registry.create(m_client.get(), QStringLiteral("p"), fastOptions());
        QSignalSpy reconnecting(tracker, &JobTracker::reconnecting);
        QSignalSpy reconnected(tracker, &JobTracker::reconnected);
        QSignalSpy failed(tracker, &JobTracker::failed);
        QSignalSpy finished(tracker, &JobTracker::finished);
        tracker->attach(JobRef {42, QStringLiteral("e1")});
        QTRY_COMPARE(reconnecting.count(), 1);
        QCOMPARE(tracker->state(), JobTracker::State::Reconnecting);
        const ApiError error = reconnecting.first().first().value<ApiError>();
        QVERIFY2(error.kind == ApiError::Kind::Auth || error.kind == ApiError::Kind::SessionExpired,
                 qPrintable(ApiError::kindName(error.kind)));
        QVERIFY2(error.message.contains(QStringLiteral("sign in again")),
                 qPrintable(error.message));
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(reconnecting.count(), 2);
        QVERIFY(reconnecting.at(1).at(1).toInt() > reconnecting.at(0).at(1).toInt());
        QCOMPARE(reconnected.count(), 1);
        QCOMPARE(tracker->status(), JobStatus::Succeed);
        QVERIFY(registry.batcher(m_client.get())->isBatching());
    }

    void reattachByTaskIdSkipsDeliveredLines()
    {
        // A finished job, known only by taskID, with 3 of its 5 lines already shown.
        m_server->on(QStringLiteral("/status"), {Response::linkis(0, statusData("Succeed"))});
        m_server->on(QStringLiteral("/log"), {Response::linkis(1, {}, "The job has ended.")});
        m_server->on(QStringLiteral("/openLog"), {Response::linkis(0, logData(1, 5, 0))});
        JobRegistry registry;
        QSignalSpy added(&registry, &JobRegistry::trackerAdded);
        JobTracker *tracker =
            registry.attach(m_client.get(), QStringLiteral("p"), JobRef {42, {}}, 3);
        QCOMPARE(registry.attach(m_client.get(), QStringLiteral("p"), JobRef {42, {}}, 3), tracker);
        QCOMPARE(added.count(), 1);
        QCOMPARE(registry.find(QStringLiteral("p"), 42), tracker);
        QCOMPARE(registry.find(QStringLiteral("other"), 42), nullptr);
        QSignalSpy lines(tracker, &JobTracker::logLines);
        QSignalSpy finished(tracker, &JobTracker::finished);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(tracker->execId(), QStringLiteral("e1")); // from strongerExecId
        QCOMPARE(collected(lines),
                 (QStringList {QStringLiteral("2024-01-01 10:00:00.000 INFO line 4"),
                               QStringLiteral("2024-01-01 10:00:00.000 INFO line 5")}));
        QCOMPARE(tracker->logLinesDelivered(), 5);
        QSignalSpy removed(&registry, &JobRegistry::trackerRemoved);
        registry.remove(tracker);
        QCOMPARE(removed.count(), 1);
        QVERIFY(registry.trackers().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJobTracker)
#include "tst_jobtracker.moc"
