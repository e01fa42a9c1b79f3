// SPDX-License-Identifier: GPL-3.0-or-later
// Sure kills beyond the process group: gateway_tst_jobs already checks that a python busy loop,
// `sleep 1000 & wait` and a long SQLite query end Cancelled with their process group gone.
// Here the job's children try to leave: a shell child that calls setsid, a python child started
// in a new session, a double fork (also out of the session), a child deaf to SIGTERM. The test
// follows the job through the real client, kills it, and looks for any process that carries the
// job's marker, wherever it is in the process tree.
#include "api/linkisclient.h"
#include "jobs/jobtracker.h"
#include "testgateway.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <csignal>

using namespace linkisdesk;
using testsupport::TestGateway;
using Mode = ConnectionSettings::AuthMode;

namespace {

// PIDs of live (not zombie) processes whose command line contains `marker`.
QList<qint64> processesWith(const QString &marker)
{
    QList<qint64> found;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok)
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        if (!QString::fromLocal8Bit(cmdline.readAll().replace('\0', ' ')).contains(marker))
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (stat.open(QIODevice::ReadOnly)) {
            const QByteArray s = stat.readAll();
            const qsizetype close = s.lastIndexOf(')');
            if (close > 0 && s.mid(close + 2, 1) == "Z")
                continue;
        }
        found << pid;
    }
    return found;
}

} // namespace

class TestSureKill : public QObject
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

    void escapingChildrenAreKilled_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("code"); // %1: a sleep duration that marks the job's processes
        QTest::newRow("shell setsid")
            << QStringLiteral("shell") << QStringLiteral("setsid sleep %1 &\nsleep %1\n");
        QTest::newRow("shell double fork")
            << QStringLiteral("shell") << QStringLiteral("( ( sleep %1 & ) & )\nsleep %1\n");
        // Orphaned to init and out of the job's session: only the job's mark finds it.
        QTest::newRow("shell double fork new session")
            << QStringLiteral("shell") << QStringLiteral("( setsid sleep %1 & )\nsleep %1\n");
        // Orphaned, out of the session and without the job's environment: the job's root
        // (a child subreaper) adopts it, so parent links still lead to it.
        QTest::newRow("shell double fork new session no environment")
            << QStringLiteral("shell")
            << QStringLiteral("( setsid env -i sleep %1 & )\nsleep %1\n");
        // Out of the session and deaf to SIGTERM: the job ends only after the SIGKILL.
        QTest::newRow("shell setsid ignoring SIGTERM")
            << QStringLiteral("shell")
            << QStringLiteral("setsid bash -c \"trap '' TERM; sleep %1\" &\nsleep %1\n");
        QTest::newRow("python new session")
            << QStringLiteral("python")
            << QStringLiteral("import subprocess, time\nsubprocess.Popen(['sleep', '%1'], "
                              "start_new_session=True)\nwhile True:\n    pass\n");
    }

    void escapingChildrenAreKilled()
    {
        QFETCH(QString, engine);
        QFETCH(QString, code);
        // A unique duration: 1000.<random digits> seconds, so only this job's processes match.
        const QString marker = QStringLiteral("1000.%1").arg(
            QUuid::createUuid().toString(QUuid::Id128).left(12).toULongLong(nullptr, 16) % 1000000);

        LinkisClient client(m_gateway.settings(Mode::Token));
        JobTracker::Options options;
        options.maxIntervalMs = 200;
        JobTracker tracker(&client, QStringLiteral("Local"), options);
        QSignalSpy finished(&tracker, &JobTracker::finished);
        SubmitRequest request;
        request.code = code.arg(marker);
        request.engineType = engine;
        request.runType = engine == QStringLiteral("shell") ? QStringLiteral("sh") : engine;
        tracker.submit(request);
        QTRY_VERIFY_WITH_TIMEOUT(processesWith(marker).size() >= 1, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(tracker.status(), JobStatus::Running, 10000);
        QTest::qWait(300); // the children are all started

        QElapsedTimer sinceKill;
        sinceKill.start();
        tracker.kill();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(tracker.status(), JobStatus::Cancelled);
        QVERIFY2(sinceKill.elapsed() < 2000 + options.maxIntervalMs,
                 qPrintable(QStringLiteral("Cancelled after %1 ms").arg(sinceKill.elapsed())));

        QElapsedTimer grace;
        grace.start();
        while (!processesWith(marker).isEmpty() && grace.elapsed() < 2000)
            QTest::qWait(50);
        const QList<qint64> left = processesWith(marker);
        for (qint64 pid : left)
            ::kill(pid_t(pid), SIGKILL); // never leave them behind, whatever the outcome
        QVERIFY2(
            left.isEmpty(),
            qPrintable(
                QStringLiteral("%1 process(es) of the job survived the kill").arg(left.size())));
    }
};

QTEST_GUILESS_MAIN(TestSureKill)
#include "tst_surekill.moc"
