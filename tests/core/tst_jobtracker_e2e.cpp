// SPDX-License-Identifier: GPL-3.0-or-later
// JobTracker end to end against the real linkis-desk-gateway: a job followed to the end with
// ordered logs and result sets, a confirmed kill, and the gateway dying mid-job.
#include "api/linkisclient.h"
#include "jobs/jobtracker.h"
#include "testgateway.h"

#include <QSignalSpy>
#include <QTest>

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
};

QTEST_GUILESS_MAIN(TestJobTrackerE2e)
#include "tst_jobtracker_e2e.moc"
