// SPDX-License-Identifier: GPL-3.0-or-later
// The fault matrix for the core client: a real JobTracker follows a real python job on the real
// gateway through FaultProxy; in the middle of polling a fault is armed for a while, then
// cleared. For each fault: a typed error with a readable message (reconnecting), the job still
// tracked (no failed()), recovery once the fault stops, and every log line exactly once.
#include "api/linkisclient.h"
#include "faultproxy.h"
#include "jobs/jobtracker.h"
#include "testgateway.h"

#include <QSignalSpy>
#include <QTest>

using namespace linkisdesk;
using hardening::FaultProxy;
using testsupport::TestGateway;
using Mode = ConnectionSettings::AuthMode;
using Fault = FaultProxy::Fault;
using Kind = ApiError::Kind;

Q_DECLARE_METATYPE(linkisdesk::hardening::FaultProxy::Fault)

namespace {

constexpr int kSteps = 60;

SubmitRequest steppingJob()
{
    SubmitRequest r;
    r.code = QStringLiteral("import time\nfor i in range(1, %1):\n    print('step', i, "
                            "flush=True)\n    time.sleep(0.05)\n")
                 .arg(kSteps + 1);
    r.runType = QStringLiteral("python");
    r.engineType = QStringLiteral("python");
    return r;
}

QStringList steps(const QSignalSpy &lines)
{
    QStringList out;
    for (const QList<QVariant> &args : lines) {
        const QStringList batch = args.at(0).toStringList();
        for (const QString &line : batch) {
            const qsizetype at = line.indexOf(QStringLiteral("step "));
            if (at >= 0)
                out << line.mid(at + 5).trimmed();
        }
    }
    return out;
}

} // namespace

class TestFaultMatrix : public QObject
{
    Q_OBJECT

private:
    TestGateway m_gateway;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_gateway.start(&error), qPrintable(error));
    }

    void faultInTheMiddleOfPolling_data()
    {
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<QByteArray>("fragment");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QList<int>>("kinds"); // acceptable ApiError kinds
        const int token = int(Mode::Token);
        const auto k = [](std::initializer_list<Kind> list) {
            QList<int> out;
            for (Kind kind : list)
                out << int(kind);
            return out;
        };
        QTest::newRow("refused") << Fault::Refuse << QByteArray() << token << k({Kind::Network});
        QTest::newRow("reset mid-body, status") << Fault::ResetMidBody << QByteArray("/status")
                                                << token << k({Kind::Network, Kind::Parse});
        QTest::newRow("reset mid-body, log") << Fault::ResetMidBody << QByteArray("/log") << token
                                             << k({Kind::Network, Kind::Parse});
        QTest::newRow("stall") << Fault::Stall << QByteArray() << token
                               << k({Kind::Timeout, Kind::Network});
        QTest::newRow("spring 500")
            << Fault::Spring500 << QByteArray("/status") << token << k({Kind::Http});
        QTest::newRow("502 html") << Fault::Html502 << QByteArray() << token << k({Kind::Http});
        QTest::newRow("truncated json, log")
            << Fault::TruncatedJson << QByteArray("/log") << token << k({Kind::Parse});
        QTest::newRow("wrong types, status")
            << Fault::WrongTypes << QByteArray("/status") << token << k({Kind::Parse});
        QTest::newRow("wrong types, log")
            << Fault::WrongTypes << QByteArray("/log") << token << k({Kind::Parse});
        const int password = int(Mode::Password);
        QTest::newRow("401, password session") << Fault::SessionLost401 << QByteArray("/status")
                                               << password << k({Kind::SessionExpired});
        QTest::newRow("status -1, password session")
            << Fault::StatusMinusOne200 << QByteArray("/status") << password
            << k({Kind::SessionExpired});
    }

    void faultInTheMiddleOfPolling()
    {
        QFETCH(Fault, fault);
        QFETCH(QByteArray, fragment);
        QFETCH(int, mode);
        QFETCH(QList<int>, kinds);

        FaultProxy proxy(m_gateway.url());
        QVERIFY(proxy.listen());
        proxy.setStallMs(1500);
        ConnectionSettings settings = m_gateway.settings(Mode(mode));
        settings.baseUrl = proxy.url();
        settings.timeoutMs = 1000;
        LinkisClient client(settings);
        JobTracker::Options options;
        options.retryBaseMs = 100;
        options.maxRetryDelayMs = 300;
        options.maxIntervalMs = 200;
        JobTracker tracker(&client, QStringLiteral("Local"), options);
        tracker.setWatched(true); // the live log is polled (and faulted) while the job runs
        QSignalSpy lines(&tracker, &JobTracker::logLines);
        QSignalSpy reconnecting(&tracker, &JobTracker::reconnecting);
        QSignalSpy reconnected(&tracker, &JobTracker::reconnected);
        QSignalSpy failed(&tracker, &JobTracker::failed);
        QSignalSpy finished(&tracker, &JobTracker::finished);

        tracker.submit(steppingJob());
        QTRY_VERIFY_WITH_TIMEOUT(tracker.logLinesDelivered() > 0 || finished.count() > 0, 30000);
        QVERIFY2(finished.isEmpty(), "the job ended before the fault could be armed");

        proxy.setFault(fault, fragment);
        const bool reacted =
            QTest::qWaitFor([&] { return !reconnecting.isEmpty() || !failed.isEmpty(); }, 15000);
        QVERIFY2(reacted, "no error reported while the fault was on");
        QVERIFY2(failed.isEmpty(),
                 qPrintable(failed.isEmpty() ? QString()
                                             : failed.first().first().value<ApiError>().message));
        const ApiError error = reconnecting.first().first().value<ApiError>();
        QVERIFY2(kinds.contains(int(error.kind)),
                 qPrintable(ApiError::kindName(error.kind) + QStringLiteral(": ") + error.message));
        QVERIFY(!error.message.isEmpty());
        QVERIFY2(!error.message.contains(QStringLiteral("<html"), Qt::CaseInsensitive),
                 qPrintable(error.message));
        QVERIFY(tracker.taskId() > 0); // still tracked
        QVERIFY(tracker.state() == JobTracker::State::Reconnecting ||
                tracker.state() == JobTracker::State::Polling ||
                tracker.state() == JobTracker::State::Finishing);

        proxy.clearFault();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count() + failed.count(), 1, 30000);
        QCOMPARE(failed.count(), 0);
        QVERIFY(!reconnected.isEmpty());
        QCOMPARE(tracker.status(), JobStatus::Succeed);
        QStringList expected;
        for (int i = 1; i <= kSteps; ++i)
            expected << QString::number(i);
        QCOMPARE(steps(lines), expected); // nothing lost, nothing twice
    }

    // A job that prints one 10 MB line between two small ones: the tracker follows it to the
    // end without a crash, the lines around it arrive exactly once, and the big line is either
    // delivered or cut (the gateway bounds job output) but never splits the log.
    void tenMegabyteLogLine()
    {
        LinkisClient client(m_gateway.settings(Mode::Token));
        JobTracker tracker(&client, QStringLiteral("Local"));
        QSignalSpy lines(&tracker, &JobTracker::logLines);
        QSignalSpy finished(&tracker, &JobTracker::finished);
        QSignalSpy failed(&tracker, &JobTracker::failed);
        SubmitRequest r;
        r.code = QStringLiteral("print('before the big line', flush=True)\n"
                                "print('x' * (10 * 1024 * 1024), flush=True)\n"
                                "print('after the big line', flush=True)\n");
        r.runType = QStringLiteral("python");
        r.engineType = QStringLiteral("python");
        tracker.submit(r);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count() + failed.count(), 1, 60000);
        QCOMPARE(failed.count(), 0);
        QStringList all;
        for (const QList<QVariant> &args : std::as_const(lines))
            all += args.at(0).toStringList();
        QCOMPARE(all.filter(QStringLiteral("before the big line")).size(), 1);
        QCOMPARE(all.filter(QStringLiteral("after the big line")).size(), 1);
        qsizetype longest = 0;
        for (const QString &line : std::as_const(all))
            longest = qMax(longest, line.size());
        QVERIFY2(longest >= 1024, "the big line is not silently dropped");
        QCOMPARE(tracker.logLinesDelivered(), int(all.size()));
    }
};

QTEST_GUILESS_MAIN(TestFaultMatrix)
#include "tst_faultmatrix.moc"
