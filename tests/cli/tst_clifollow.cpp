// SPDX-License-Identifier: GPL-3.0-or-later
// Following a job when the gateway goes away, and scripts the CLI must not send (issue 14): the
// follower says "reconnecting (attempt N)" on stderr, states its bound and gives up after it;
// a script file with a NUL byte is refused before anything is submitted.
#include "cliharness.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace linkisdesk::testsupport;

class TestCliFollow : public QObject
{
    Q_OBJECT

    std::unique_ptr<CliHarness> m_cli;

private slots:
    void init()
    {
        m_cli = std::make_unique<CliHarness>();
        QString error;
        QVERIFY2(m_cli->startGateway(&error), qPrintable(error));
    }

    void cleanup() { m_cli.reset(); }

    // --timeout 2: the follower reconnects for 4 s, one line per attempt, then exits 4.
    void followerOfADeadGatewaySaysSoAndGivesUp()
    {
        auto process = m_cli->start(
            m_cli->connection() +
            QStringList {QStringLiteral("--timeout"), QStringLiteral("2"), QStringLiteral("submit"),
                         QStringLiteral("--engine"), QStringLiteral("python"), QStringLiteral("-e"),
                         QStringLiteral("import time\ntime.sleep(30)")});
        QByteArray err;
        QSignalSpy spy(process.get(), &QProcess::readyReadStandardError);
        while (!err.contains("submitted") && process->state() == QProcess::Running &&
               (spy.count() > 0 || spy.wait(30000))) {
            spy.clear();
            err += process->readAllStandardError();
        }
        QVERIFY2(err.contains("submitted"), err.constData());
        QTest::qWait(500); // the job runs and the follower polls
        QVERIFY(m_cli->gateway()->crash());

        const CliRun r = CliHarness::finish(*process, 60000);
        const QString text = QString::fromUtf8(err + r.err);
        QVERIFY2(!r.crashed, qPrintable(text));
        QVERIFY2(r.exitCode == 4,
                 qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(text)));
        QVERIFY2(text.contains(QStringLiteral("reconnecting (attempt 1)")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("giving up after 4 s")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("gave up reconnecting after 4 s")), qPrintable(text));
    }

    void scriptWithANulByteIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("nul.sql"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("select 1;\0 select 2;", 20));
        file.close();
        const CliRun r =
            m_cli->run(m_cli->connection() +
                           QStringList {QStringLiteral("submit"), path, QStringLiteral("--engine"),
                                        QStringLiteral("sqlite")},
                       {}, {}, 30000);
        QVERIFY2(r.exitCode == 2,
                 qPrintable(
                     QStringLiteral("exit %1: %2").arg(r.exitCode).arg(QString::fromUtf8(r.err))));
        QVERIFY2(r.err.contains("NUL byte (at byte 9)"), r.err.constData());
        // Nothing reached the gateway.
        const CliRun jobs = m_cli->run(m_cli->connection() + QStringList {QStringLiteral("jobs")});
        QCOMPARE(jobs.exitCode, 0);
        QVERIFY2(!jobs.out.contains("sqlite"), jobs.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliFollow)
#include "tst_clifollow.moc"
