// SPDX-License-Identifier: GPL-3.0-or-later
// The fault matrix for linkis-desk-cli: the real CLI reads a finished job from the real gateway
// through FaultProxy. Under each fault the command ends with exit code 4 (3 when the server says
// the session is gone), one readable line on stderr (no HTML, no stack), nothing half-printed on
// stdout, no crash; once the fault is cleared the same command succeeds.
#include "cliharness.h"
#include "faultproxy.h"
#include "testgateway.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace linkisdesk;
using hardening::FaultProxy;
using testsupport::CliHarness;
using testsupport::CliRun;
using testsupport::TestGateway;
using Fault = FaultProxy::Fault;

Q_DECLARE_METATYPE(linkisdesk::hardening::FaultProxy::Fault)

class TestCliFaults : public QObject
{
    Q_OBJECT

private:
    TestGateway m_gateway;
    QTemporaryDir m_home;
    qint64 m_taskId = 0;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *dir : {"config", "data", "cache", "runtime"})
            env.insert(QStringLiteral("XDG_%1_HOME").arg(QString::fromLatin1(dir).toUpper()),
                       m_home.filePath(QString::fromLatin1(dir)));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home.filePath(QStringLiteral("runtime")));
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=/nonexistent"));
        env.insert(QStringLiteral("LINKIS_DESK_TOKEN"), QString::fromLatin1(TestGateway::Token));
        return env;
    }
    QStringList connection(const QUrl &url) const
    {
        return {QStringLiteral("--server"), url.toString(),           QStringLiteral("--user"),
                QStringLiteral("alice"),    QStringLiteral("--auth"), QStringLiteral("token")};
    }

    // The CLI's output lines that are errors (the progress/log lines of a command are not).
    static QString errorText(const CliRun &r) { return QString::fromUtf8(r.err).trimmed(); }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_gateway.start(&error), qPrintable(error));
        const auto submit = CliHarness::runProcess(
            connection(m_gateway.url()) +
                QStringList {QStringLiteral("submit"), QStringLiteral("--async"),
                             QStringLiteral("--engine"), QStringLiteral("sqlite"),
                             QStringLiteral("-e"),
                             QStringLiteral("select 1 as x union all select 2")},
            environment());
        QCOMPARE(submit.exitCode, 0);
        m_taskId = submit.out.trimmed().toLongLong();
        QVERIFY(m_taskId > 0);
        QElapsedTimer timer;
        timer.start();
        QByteArray status;
        while (status != "Succeed" && timer.elapsed() < 30000) {
            status = CliHarness::runProcess(
                         connection(m_gateway.url()) +
                             QStringList {QStringLiteral("status"), QString::number(m_taskId)},
                         environment())
                         .out.trimmed();
            if (status != "Succeed")
                QThread::msleep(100);
        }
        QCOMPARE(status, QByteArray("Succeed"));
    }

    void commandUnderFault_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<QByteArray>("fragment");
        QTest::addColumn<int>("exitCode");
        const struct
        {
            const char *command;
            const char *fragment;
        } commands[] = {
            {"status", "/get"}, {"log", "/openLog"}, {"result", "/openFile"}, {"jobs", "/list"}};
        const struct
        {
            const char *name;
            Fault fault;
            int exitCode;
        } faults[] = {
            {"refused", Fault::Refuse, 4},         {"reset mid-body", Fault::ResetMidBody, 4},
            {"stall then drop", Fault::Stall, 4},  {"spring 500", Fault::Spring500, 4},
            {"502 html", Fault::Html502, 4},       {"truncated json", Fault::TruncatedJson, 4},
            {"wrong types", Fault::WrongTypes, 4}, {"401 status -1", Fault::SessionLost401, 3}};
        for (const auto &c : commands) {
            for (const auto &f : faults) {
                QTest::addRow("%s, %s", c.command, f.name)
                    << QString::fromLatin1(c.command) << f.fault << QByteArray(c.fragment)
                    << f.exitCode;
            }
        }
    }

    void commandUnderFault()
    {
        QFETCH(QString, command);
        QFETCH(Fault, fault);
        QFETCH(QByteArray, fragment);
        QFETCH(int, exitCode);

        FaultProxy proxy(m_gateway.url());
        QVERIFY(proxy.listen());
        proxy.setStallMs(1000);
        const QStringList args = connection(proxy.url()) +
            (command == QStringLiteral("jobs") ? QStringList {command}
                                               : QStringList {command, QString::number(m_taskId)});
        proxy.setFault(fault, fragment);

        const auto failed = CliHarness::runProcess(args, environment());
        const QString err = errorText(failed);
        QVERIFY2(fault == Fault::Refuse || proxy.faultsInjected() > 0,
                 qPrintable(QStringLiteral("the command never met the fault (exit %1, %2)")
                                .arg(failed.exitCode)
                                .arg(QString::fromUtf8(failed.out + failed.err))));
        QVERIFY2(!failed.crashed, qPrintable(err));
        QVERIFY2(failed.exitCode == exitCode,
                 qPrintable(QStringLiteral("exit %1: %2").arg(failed.exitCode).arg(err)));
        QVERIFY2(!err.isEmpty(), "a message on stderr");
        QVERIFY2(!err.contains(QStringLiteral("<html"), Qt::CaseInsensitive), qPrintable(err));
        QVERIFY2(!err.contains(QStringLiteral("\tat ")), qPrintable(err)); // no Java stack
        QVERIFY2(err.count(u'\n') < 3, qPrintable(err)); // a line, not a dump

        proxy.clearFault();
        const auto recovered = CliHarness::runProcess(args, environment());
        QVERIFY2(recovered.exitCode == 0, qPrintable(errorText(recovered)));
        if (command == QStringLiteral("result"))
            QVERIFY2(recovered.out.contains("2"), recovered.out.constData());
    }

    // A gateway that reads the request and stays silent (for 30 s) meets the request timeout,
    // given as --timeout or LINKIS_DESK_TIMEOUT: exit code 5 and one line that says so, not a
    // CLI that waits as long as the server does. Without the fault the same command works.
    void stalledGatewayMeetsTheRequestTimeout_data()
    {
        QTest::addColumn<bool>("fromEnvironment");
        QTest::newRow("--timeout") << false;
        QTest::newRow("LINKIS_DESK_TIMEOUT") << true;
    }

    void stalledGatewayMeetsTheRequestTimeout()
    {
        QFETCH(bool, fromEnvironment);
        FaultProxy proxy(m_gateway.url());
        QVERIFY(proxy.listen());
        proxy.setStallMs(30000);
        QProcessEnvironment env = environment();
        QStringList args = connection(proxy.url());
        if (fromEnvironment)
            env.insert(QStringLiteral("LINKIS_DESK_TIMEOUT"), QStringLiteral("1"));
        else
            args << QStringLiteral("--timeout") << QStringLiteral("1");
        args << QStringLiteral("status") << QString::number(m_taskId);

        proxy.setFault(Fault::Stall, "/get");
        const auto stalled = CliHarness::runProcess(args, env);
        QVERIFY(proxy.faultsInjected() > 0);
        QVERIFY2(!stalled.crashed, stalled.err.constData());
        QVERIFY2(stalled.exitCode == 5,
                 qPrintable(QStringLiteral("exit %1: %2")
                                .arg(stalled.exitCode)
                                .arg(QString::fromUtf8(stalled.err))));
        QVERIFY(stalled.out.isEmpty());
        const QStringList lines =
            QString::fromUtf8(stalled.err).trimmed().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().contains(QStringLiteral("did not answer within 1 s")),
                 qPrintable(lines.first()));

        proxy.clearFault();
        const auto healthy = CliHarness::runProcess(args, env);
        QCOMPARE(healthy.exitCode, 0);
        QCOMPARE(healthy.out.trimmed(), QByteArray("Succeed"));
    }

    // A reply trickling in at one byte a second makes progress all the time, yet --timeout 2
    // ends it after about 2 s (exit 5), not after the minutes the reply takes.
    void tricklingReplyMeetsTheTimeout()
    {
        FaultProxy proxy(m_gateway.url());
        QVERIFY(proxy.listen());
        proxy.setFault(Fault::Trickle, "/get");
        const auto r = CliHarness::runProcess(
            connection(proxy.url()) +
                QStringList {QStringLiteral("--timeout"), QStringLiteral("2"),
                             QStringLiteral("status"), QString::number(m_taskId)},
            environment(), {}, {}, 60000);
        QVERIFY(proxy.faultsInjected() > 0);
        QVERIFY2(!r.crashed, "the CLI was still waiting after 60 s");
        QVERIFY2(r.exitCode == 5,
                 qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(errorText(r))));
        QVERIFY2(errorText(r).contains(QStringLiteral("did not answer within 2 s")),
                 qPrintable(errorText(r)));
        QVERIFY(r.out.isEmpty());
    }

    // A 1 GB reply to a status call is refused once it passes what the call can use (64 MB),
    // whether its size is declared or not: the CLI reads no more of it and exits 4.
    void oversizedReplyIsRefused_data()
    {
        QTest::addColumn<Fault>("fault");
        QTest::newRow("Content-Length: 1 GB") << Fault::Endless;
        QTest::newRow("no Content-Length") << Fault::EndlessUnsized;
    }
    void oversizedReplyIsRefused()
    {
        QFETCH(Fault, fault);
        FaultProxy proxy(m_gateway.url());
        QVERIFY(proxy.listen());
        proxy.setHugeBytes(1024LL * 1024 * 1024);
        proxy.setFault(fault, "/get");
        const auto r = CliHarness::runProcess(
            connection(proxy.url()) +
                QStringList {QStringLiteral("status"), QString::number(m_taskId)},
            environment(), {}, {}, 120000);
        QVERIFY(proxy.faultsInjected() > 0);
        QVERIFY2(!r.crashed, r.err.constData());
        QVERIFY2(r.exitCode == 4,
                 qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(errorText(r))));
        QVERIFY2(errorText(r).contains(QStringLiteral("more than this request can use")),
                 qPrintable(errorText(r)));
        QVERIFY2(proxy.endlessBytesSent() < 200LL * 1024 * 1024,
                 qPrintable(QStringLiteral("%1 bytes sent").arg(proxy.endlessBytesSent())));
    }

    // A 10 MB openFile page: printed in full, read again, or refused with a message; no crash.
    void oversizedPage()
    {
        FaultProxy proxy(m_gateway.url());
        QVERIFY(proxy.listen());
        proxy.setHugeBytes(10LL * 1024 * 1024);
        proxy.setFault(Fault::OversizedPage, "/openFile");
        // One huge page 1; the next page comes from the gateway (empty: the end of the set).
        connect(&proxy, &FaultProxy::faultInjected, &proxy, [&proxy] { proxy.clearFault(); });
        const auto r = CliHarness::runProcess(
            connection(proxy.url()) +
                QStringList {QStringLiteral("result"), QString::number(m_taskId)},
            environment());
        QVERIFY(proxy.faultsInjected() > 0);
        QVERIFY2(!r.crashed, r.err.constData());
        QVERIFY2(r.exitCode == 0 || r.exitCode == 4, r.err.constData());
        // Printed: the huge page in full, or (after the client dropped it and read again)
        // the real result; never a part of either.
        if (r.exitCode == 0)
            QVERIFY2(r.out.count('\n') > 100000 || r.out == "x\n1\n2\n",
                     r.out.left(300).constData());
        else
            QVERIFY(!r.err.trimmed().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliFaults)
#include "tst_clifaults.moc"
