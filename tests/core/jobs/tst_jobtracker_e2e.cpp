// SPDX-License-Identifier: GPL-3.0-or-later
// JobTracker end to end against the real linkis-desk-gateway: a job followed to the end with
// ordered logs and result sets, a confirmed kill, and the gateway dying mid-job. Then the
// registry's StatusBatcher: many jobs followed with one listundonetasks request per tick
// (requests counted on the client's QNetworkAccessManager), no log or progress requests for
// unwatched jobs while they run and their whole log once at the end, killed and failed jobs seen
// through job history.
#include "api/linkisclient.h"
#include "jobs/jobregistry.h"
#include "jobs/jobtracker.h"
#include "jobs/statusbatcher.h"
#include "testgateway.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace linkisdesk;
using testsupport::TestGateway;
using Mode = ConnectionSettings::AuthMode;

namespace {

SubmitRequest python(const QString &code)
{
    SubmitRequest r;
    r.code = code;
    r.runType = QStringLiteral("python");
    r.engineType = QStringLiteral("python");
    return r;
}

QStringList collected(const QSignalSpy &spy)
{
    QStringList all;
    for (const QList<QVariant> &args : spy)
        all += args.at(0).toStringList();
    return all;
}

// The path of every reply the client's network access manager finished, in order.
class RequestLog : public QObject
{
public:
    explicit RequestLog(LinkisClient *client)
    {
        connect(client->networkAccessManager(), &QNetworkAccessManager::finished, this,
                [this](QNetworkReply *reply) { paths << reply->url().path(); });
    }
    int count(const QString &suffix, int from = 0) const
    {
        int n = 0;
        for (qsizetype i = from; i < paths.size(); ++i)
            n += paths.at(i).endsWith(suffix);
        return n;
    }
    QStringList paths;
};

JobTracker::Options quickRetries()
{
    JobTracker::Options o;
    o.retryBaseMs = 100;
    o.maxRetryDelayMs = 400;
    o.maxIntervalMs = 300;
    return o;
}

} // namespace

class TestJobTrackerE2e : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestGateway> m_gateway;

private slots:
    void init()
    {
        m_gateway = std::make_unique<TestGateway>();
        QString error;
        QVERIFY2(m_gateway->start(&error), qPrintable(error));
    }
    void cleanup() { m_gateway.reset(); }

    void followsAJobToItsResults()
    {
        LinkisClient client(m_gateway->settings(Mode::Token));
        JobTracker tracker(&client, QStringLiteral("Local"));
        QSignalSpy submitted(&tracker, &JobTracker::submitted);
        QSignalSpy lines(&tracker, &JobTracker::logLines);
        QSignalSpy statuses(&tracker, &JobTracker::statusChanged);
        QSignalSpy finished(&tracker, &JobTracker::finished);
        QSignalSpy failed(&tracker, &JobTracker::failed);
        tracker.submit(python(QStringLiteral(
            "import time\nfor i in range(1, 31):\n    print('step', i)\n    if i % 10 == 0:\n"
            "        time.sleep(0.2)\n")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count() + failed.count(), 1, 30000);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(submitted.count(), 1);
        QCOMPARE(tracker.status(), JobStatus::Succeed);
        QCOMPARE(statuses.last().first().value<JobStatus>(), JobStatus::Succeed);
        QVERIFY(tracker.taskId() > 0);
        QCOMPARE(tracker.profileName(), QStringLiteral("Local"));

        // Every line once, in order, exactly as the whole log file has them.
        const QStringList got = collected(lines);
        QStringList steps;
        for (const QString &line : got) {
            const qsizetype at = line.indexOf(QStringLiteral("step "));
            if (at >= 0)
                steps << line.mid(at + 5).trimmed();
        }
        QStringList expected;
        for (int i = 1; i <= 30; ++i)
            expected << QString::number(i);
        QCOMPARE(steps, expected);
        QCOMPARE(tracker.logLinesDelivered(), int(got.size()));
        QVERIFY(got.last().contains(QStringLiteral("Congratulations")));

        QVERIFY(tracker.hasTaskInfo());
        QVERIFY(!tracker.taskInfo().logPath.isEmpty());
        QCOMPARE(tracker.resultSets().size(), 1); // stdout as a text result
        QCOMPARE(tracker.progress(), 1.0);
    }

    void killIsConfirmed()
    {
        LinkisClient client(m_gateway->settings(Mode::Password));
        JobTracker tracker(&client, QStringLiteral("Local"));
        QSignalSpy confirmed(&tracker, &JobTracker::killConfirmed);
        QSignalSpy finished(&tracker, &JobTracker::finished);
        tracker.submit(
            python(QStringLiteral("print('spinning', flush=True)\nwhile True:\n    pass\n")));
        QTRY_COMPARE_WITH_TIMEOUT(tracker.status(), JobStatus::Running, 20000);
        tracker.kill();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(confirmed.count(), 1);
        QCOMPARE(tracker.status(), JobStatus::Cancelled);
        QCOMPARE(tracker.killState(), JobTracker::KillState::Confirmed);
    }

    void gatewayDiesMidJobAndTheTrackerReconnects()
    {
        LinkisClient client(m_gateway->settings(Mode::Password));
        JobTracker tracker(&client, QStringLiteral("Local"), quickRetries());
        tracker.setWatched(true);
        QSignalSpy lines(&tracker, &JobTracker::logLines);
        QSignalSpy reconnecting(&tracker, &JobTracker::reconnecting);
        QSignalSpy reconnected(&tracker, &JobTracker::reconnected);
        QSignalSpy finished(&tracker, &JobTracker::finished);
        QSignalSpy failed(&tracker, &JobTracker::failed);
        tracker.submit(python(QStringLiteral(
            "import time\nprint('before', flush=True)\nwhile True:\n    time.sleep(0.05)\n")));
        QTRY_VERIFY_WITH_TIMEOUT(collected(lines).join(u'\n').contains(QStringLiteral("before")),
                                 20000);
        QVERIFY(m_gateway->crash());
        QTRY_VERIFY_WITH_TIMEOUT(reconnecting.count() >= 1, 20000);
        QCOMPARE(tracker.state(), JobTracker::State::Reconnecting);
        QString error;
        QVERIFY2(m_gateway->start(&error), qPrintable(error)); // same port, same data
        QTRY_COMPARE_WITH_TIMEOUT(finished.count() + failed.count(), 1, 30000);
        QCOMPARE(failed.count(), 0);
        QVERIFY(reconnected.count() >= 1);
        QCOMPARE(tracker.status(), JobStatus::Failed);
        QVERIFY2(!tracker.taskInfo().errDesc.isEmpty(), "the reason is reported");
        // No line twice across the switch to the log file.
        const QStringList got = collected(lines);
        int befores = 0;
        for (const QString &line : got)
            befores += line == QStringLiteral("before") || line.endsWith(QStringLiteral(" before"));
        QCOMPARE(befores, 1);
        QCOMPARE(tracker.logLinesDelivered(), int(got.size()));
    }

    void manyJobsOneBatchRequestPerTickThenKilled()
    {
        LinkisClient client(m_gateway->settings(Mode::Token));
        RequestLog log(&client);
        JobRegistry registry;
        constexpr int kJobs = 6;
        QList<JobTracker *> trackers;
        for (int i = 0; i < kJobs; ++i) {
            JobTracker *t = registry.create(&client, QStringLiteral("Local"));
            QCOMPARE(t->statusBatcher(), registry.batcher(&client));
            t->submit(python(QStringLiteral("import time\nprint('sleeping', flush=True)\n"
                                            "time.sleep(120)\n")));
            trackers << t;
        }
        StatusBatcher *batcher = registry.batcher(&client);
        // Every job listed (the gateway runs as many as it has CPUs; the rest wait, Scheduled).
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(trackers.begin(), trackers.end(),
                        [](JobTracker *t) { return t->status() != JobStatus::Unknown; }),
            30000);
        QCOMPARE(batcher->trackedCount(), kJobs);
        QVERIFY(batcher->isBatching());

        // From now on every tick asks about all six jobs in one request, and nothing else is
        // asked: no status, progress or log per job.
        QList<int> marks;
        const QMetaObject::Connection counting =
            connect(batcher, &StatusBatcher::polled, this, [&](int jobs) {
                QCOMPARE(jobs, kJobs);
                marks << int(log.paths.size());
            });
        QTRY_VERIFY_WITH_TIMEOUT(marks.size() >= 5, 30000);
        disconnect(counting);
        for (qsizetype i = 1; i < marks.size(); ++i) {
            QCOMPARE(marks.at(i) - marks.at(i - 1), 1);
            QVERIFY2(log.paths.at(marks.at(i) - 1).endsWith(u"/jobhistory/listundonetasks"),
                     qPrintable(log.paths.at(marks.at(i) - 1)));
        }
        const int running = marks.first();
        QCOMPARE(log.count(QStringLiteral("/log"), running), 0);
        QCOMPARE(log.count(QStringLiteral("/progress"), running), 0);
        QCOMPARE(log.count(QStringLiteral("/status"), running), 0);

        // As in Linkis, startTaskID names one task (it is not a lower bound), which is why the
        // batcher pages through the list instead.
        const qint64 picked = trackers.at(2)->taskId();
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("startTaskID"), QString::number(picked));
        query.addQueryItem(QStringLiteral("status"),
                           QStringLiteral("Inited,WaitForRetry,Scheduled,Running"));
        QByteArray body;
        bool answered = false;
        client.raw("GET", QStringLiteral("jobhistory/listundonetasks"), query, {}, this,
                   [&](Result<RawReply> r) {
                       answered = true;
                       if (r)
                           body = r->body;
                   });
        QTRY_VERIFY(answered);
        const QJsonArray listed = QJsonDocument::fromJson(body)
                                      .object()
                                      .value(QStringLiteral("data"))
                                      .toObject()
                                      .value(QStringLiteral("tasks"))
                                      .toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().toObject().value(QStringLiteral("taskID")).toInteger(), picked);

        // Killed jobs leave the undone list; job history confirms each end.
        QList<std::shared_ptr<QSignalSpy>> confirmed;
        QList<std::shared_ptr<QSignalSpy>> lines;
        for (JobTracker *t : std::as_const(trackers)) {
            confirmed << std::make_shared<QSignalSpy>(t, &JobTracker::killConfirmed);
            lines << std::make_shared<QSignalSpy>(t, &JobTracker::logLines);
            t->kill();
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(trackers.begin(), trackers.end(),
                                             [](JobTracker *t) { return t->isFinished(); }),
                                 30000);
        for (int i = 0; i < kJobs; ++i) {
            QCOMPARE(trackers.at(i)->status(), JobStatus::Cancelled);
            QCOMPARE(confirmed.at(i)->count(), 1);
            // The log of an unwatched job arrives at the end, no line twice (a job killed while
            // it waited for a slot printed nothing).
            const QStringList got = collected(*lines.at(i));
            QVERIFY(got.filter(QStringLiteral("sleeping")).size() <= 1);
            QCOMPARE(trackers.at(i)->logLinesDelivered(), int(got.size()));
        }
        QCOMPARE(batcher->trackedCount(), 0);
    }

    void unwatchedJobGetsItsWholeLogOnceAtTheEnd()
    {
        LinkisClient client(m_gateway->settings(Mode::Password));
        RequestLog log(&client);
        JobRegistry registry;
        JobTracker *tracker = registry.create(&client, QStringLiteral("Local"));
        QVERIFY(!tracker->isWatched());
        QSignalSpy lines(tracker, &JobTracker::logLines);
        QSignalSpy finished(tracker, &JobTracker::finished);
        int requestsWhenEnded = -1;
        connect(tracker, &JobTracker::statusChanged, this, [&](JobStatus s) {
            if (isTerminal(s) && requestsWhenEnded < 0)
                requestsWhenEnded = int(log.paths.size());
        });
        tracker->submit(python(
            QStringLiteral("import time\nfor i in range(1, 41):\n    print('step', i, flush=True)\n"
                           "    time.sleep(0.05)\n")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(tracker->status(), JobStatus::Succeed);
        QVERIFY(requestsWhenEnded > 0);
        const QStringList before = log.paths.mid(0, requestsWhenEnded);
        QVERIFY2(log.count(QStringLiteral("/jobhistory/listundonetasks")) >= 1,
                 qPrintable(before.join(u' ')));
        for (const QString &p : before) {
            QVERIFY2(!p.endsWith(u"/log") && !p.endsWith(u"/progress") && !p.endsWith(u"/status"),
                     qPrintable(p));
        }
        QStringList steps;
        for (const QString &line : collected(lines)) {
            const qsizetype at = line.indexOf(QStringLiteral("step "));
            if (at >= 0)
                steps << line.mid(at + 5).trimmed();
        }
        QStringList expected;
        for (int i = 1; i <= 40; ++i)
            expected << QString::number(i);
        QCOMPARE(steps, expected);
        QCOMPARE(tracker->logLinesDelivered(), int(collected(lines).size()));
        QCOMPARE(tracker->resultSets().size(), 1);
    }

    void watchedJobHasItsLogWhileItRuns()
    {
        LinkisClient client(m_gateway->settings(Mode::Token));
        JobRegistry registry;
        JobTracker *tracker = registry.create(&client, QStringLiteral("Local"));
        tracker->setWatched(true);
        QSignalSpy lines(tracker, &JobTracker::logLines);
        tracker->submit(
            python(QStringLiteral("import time\nprint('early', flush=True)\ntime.sleep(120)\n")));
        QTRY_VERIFY_WITH_TIMEOUT(collected(lines).join(u'\n').contains(QStringLiteral("early")),
                                 30000);
        QVERIFY(!tracker->isFinished());
        // Unwatched from now on: the rest still comes, once, at the end.
        tracker->setWatched(false);
        tracker->kill();
        QTRY_VERIFY_WITH_TIMEOUT(tracker->isFinished(), 30000);
        QCOMPARE(collected(lines).filter(QStringLiteral("early")).size(), 1);
        QCOMPARE(tracker->logLinesDelivered(), int(collected(lines).size()));
    }

    void failedJobIsSeenWithItsReason()
    {
        LinkisClient client(m_gateway->settings(Mode::Token));
        JobRegistry registry;
        JobTracker *tracker = registry.create(&client, QStringLiteral("Local"));
        QSignalSpy finished(tracker, &JobTracker::finished);
        QSignalSpy lines(tracker, &JobTracker::logLines);
        tracker->submit(python(QStringLiteral(
            "import time\ntime.sleep(0.5)\nraise RuntimeError('broken on purpose')\n")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(tracker->status(), JobStatus::Failed);
        QVERIFY(tracker->hasTaskInfo());
        QVERIFY2(!tracker->taskInfo().errDesc.isEmpty(), "the reason is reported");
        QVERIFY(tracker->logLinesDelivered() > 0);
        QCOMPARE(tracker->logLinesDelivered(), int(collected(lines).size()));
    }
};

QTEST_GUILESS_MAIN(TestJobTrackerE2e)
#include "tst_jobtracker_e2e.moc"
