// SPDX-License-Identifier: GPL-3.0-or-later
// The gateway as a process: command line, the one stdout line, the runtime file, SIGTERM,
// a hard kill and restart on the same data directory, --max-jobs queueing, jobRunningTimeout.
#include "localgateway/gatewayruntimefile.h"
#include "processscan.h"
#include "testgateway.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <csignal>

using namespace linkisdesk::testsupport;

class TestGatewayLifecycle : public QObject
{
    Q_OBJECT

private slots:
    void versionAndBadArguments();
    void busyPortFails();
    void restartKeepsHistoryResultsAndLogs();
    void sigtermCancelsJobsAndRemovesRuntimeFile();
    void maxJobsQueuesTheRest();
    void runningTimeoutEndsAsTimeout();
};

void TestGatewayLifecycle::versionAndBadArguments()
{
    QProcess p;
    p.start(TestGateway::binary(), {QStringLiteral("--version")});
    QVERIFY(p.waitForFinished(5000));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(p.readAllStandardOutput().startsWith("linkis-desk-gateway " LINKIS_DESK_VERSION));
    for (const QStringList &args :
         {QStringList {QStringLiteral("--port"), QStringLiteral("abc")},
          QStringList {QStringLiteral("--bogus")},
          QStringList {QStringLiteral("--max-jobs"), QStringLiteral("-1")}}) {
        p.start(TestGateway::binary(), args);
        QVERIFY(p.waitForFinished(5000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardOutput().isEmpty());
        QVERIFY(!p.readAllStandardError().isEmpty());
    }
}

void TestGatewayLifecycle::busyPortFails()
{
    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
    QTemporaryDir dir;
    QProcess p;
    p.start(TestGateway::binary(),
            {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--port"),
             QString::number(blocker.serverPort())});
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 1);
    QVERIFY(p.readAllStandardOutput().isEmpty());
    QVERIFY(p.readAllStandardError().contains("cannot listen"));
}

void TestGatewayLifecycle::restartKeepsHistoryResultsAndLogs()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    auto first = std::make_unique<TestGateway>(data);
    QVERIFY(first->start());
    const QJsonObject done = first->submit(QStringLiteral("select 'kept' as v"),
                                           QStringLiteral("sqlite"), QStringLiteral("sql"));
    const QString doneExec = done.value(QStringLiteral("execID")).toString();
    QCOMPARE(first->waitDone(doneExec), QStringLiteral("Succeed"));
    const QJsonObject running = first->submit(QStringLiteral("import time\ntime.sleep(60)"),
                                              QStringLiteral("python"), QStringLiteral("python"));
    const qint64 runningId = running.value(QStringLiteral("taskID")).toInteger();
    QTRY_COMPARE_WITH_TIMEOUT(first->status(running.value(QStringLiteral("execID")).toString()),
                              QStringLiteral("Running"), 10000);
    qint64 pgid = 0;
    QTRY_VERIFY_WITH_TIMEOUT((pgid = findProcess(data + QStringLiteral("/work/engine-"))) != 0,
                             20000); // its engine
    first->killHard(); // SIGKILL: no chance to clean up
    // The child dies with its parent (PR_SET_PDEATHSIG). The signal comes when the kernel has
    // torn the gateway down, which takes seconds for a sanitized build on a loaded machine.
    QTRY_VERIFY_WITH_TIMEOUT(processesInGroup(pgid).isEmpty(), 10000);
    first.reset();

    TestGateway second(data);
    QVERIFY(second.start());
    const QJsonObject kept = second.task(done.value(QStringLiteral("taskID")).toInteger());
    QCOMPARE(kept.value(QStringLiteral("status")).toString(), QStringLiteral("Succeed"));
    const HttpResult page =
        second.get(QStringLiteral("filesystem/openFile?path=%1/_0.dolphin")
                       .arg(kept.value(QStringLiteral("resultLocation")).toString()));
    QCOMPARE(page.data().value(QStringLiteral("fileContent")).toArray(),
             (QJsonArray {QJsonValue(QJsonArray {QStringLiteral("kept")})}));
    const HttpResult log = second.get(QStringLiteral("filesystem/openLog?path=%1")
                                          .arg(kept.value(QStringLiteral("logPath")).toString()));
    QVERIFY(log.data()
                .value(QStringLiteral("log"))
                .toArray()
                .at(3)
                .toString()
                .contains(QStringLiteral("Congratulations")));
    // The old execID (another port) still names the job, and its live log is still served.
    QCOMPARE(second.status(doneExec), QStringLiteral("Succeed"));
    const HttpResult entranceLog =
        second.get(QStringLiteral("entrance/%1/log?fromLine=1").arg(doneExec));
    QVERIFY(entranceLog.data().value(QStringLiteral("fromLine")).toInt() > 3);

    const QJsonObject orphan = second.task(runningId);
    QCOMPARE(orphan.value(QStringLiteral("status")).toString(), QStringLiteral("Failed"));
    QVERIFY(orphan.value(QStringLiteral("errDesc"))
                .toString()
                .contains(QStringLiteral("gateway stopped")));
    QVERIFY(orphan.value(QStringLiteral("errCode")).isDouble());

    const QJsonObject next =
        second.submit(QStringLiteral("select 1"), QStringLiteral("sqlite"), QStringLiteral("sql"));
    QVERIFY(next.value(QStringLiteral("taskID")).toInteger() > runningId);
}

void TestGatewayLifecycle::sigtermCancelsJobsAndRemovesRuntimeFile()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    const QString runtime = dir.filePath(QStringLiteral("run/sub/gateway.json"));
    qint64 taskId = 0;
    qint64 pgid = 0;
    {
        TestGateway gw(data, {QStringLiteral("--runtime-file"), runtime});
        QVERIFY(gw.start());
        QVERIFY(QFileInfo::exists(runtime));
        QCOMPARE(QFileInfo(runtime).permissions() & 0x0077, QFileDevice::Permissions());
        QCOMPARE(QFileInfo(QFileInfo(runtime).absolutePath()).permissions() & 0x0077,
                 QFileDevice::Permissions());
        const auto content = linkisdesk::GatewayRuntimeFile::read(runtime);
        QVERIFY2(content, qPrintable(content.error().message));
        QCOMPARE(content->url.toString(), gw.url().toString());
        QCOMPARE(content->token, gw.token());
        QCOMPARE(content->pid, gw.process().processId());

        const QJsonObject job = gw.submit(QStringLiteral("while True: pass"),
                                          QStringLiteral("python"), QStringLiteral("python"));
        taskId = job.value(QStringLiteral("taskID")).toInteger();
        QTRY_VERIFY_WITH_TIMEOUT((pgid = findProcess(data + QStringLiteral("/work/engine-"))) != 0,
                                 10000);
        QCOMPARE(gw.terminate(), 0);
        QVERIFY(!QFileInfo::exists(runtime));
        QVERIFY(processesInGroup(pgid).isEmpty());
        // Exactly one line ever went to stdout.
        QVERIFY(gw.process().readAllStandardOutput().isEmpty());
    }
    TestGateway again(data);
    QVERIFY(again.start());
    QCOMPARE(again.task(taskId).value(QStringLiteral("status")).toString(),
             QStringLiteral("Cancelled"));
}

void TestGatewayLifecycle::maxJobsQueuesTheRest()
{
    QTemporaryDir dir;
    TestGateway gw(dir.filePath(QStringLiteral("data")),
                   {QStringLiteral("--max-jobs"), QStringLiteral("1")});
    QVERIFY(gw.start());
    const QString first = gw.submit(QStringLiteral("import time\ntime.sleep(60)"),
                                    QStringLiteral("python"), QStringLiteral("python"))
                              .value(QStringLiteral("execID"))
                              .toString();
    const QString second =
        gw.submit(QStringLiteral("select 1"), QStringLiteral("sqlite"), QStringLiteral("sql"))
            .value(QStringLiteral("execID"))
            .toString();
    const QString third =
        gw.submit(QStringLiteral("select 2"), QStringLiteral("sqlite"), QStringLiteral("sql"))
            .value(QStringLiteral("execID"))
            .toString();
    QTRY_COMPARE_WITH_TIMEOUT(gw.status(first), QStringLiteral("Running"), 10000);
    QCOMPARE(gw.status(second), QStringLiteral("Scheduled"));
    QCOMPARE(gw.status(third), QStringLiteral("Scheduled"));
    const HttpResult undone = gw.get(QStringLiteral("jobhistory/listundonetasks"));
    QCOMPARE(undone.data().value(QStringLiteral("totalPage")).toInt(), 3);
    // A queued job is cancelled at once; killing the running one lets the queue move on.
    QCOMPARE(gw.get(QStringLiteral("entrance/%1/kill").arg(third)).status(), 0);
    QCOMPARE(gw.status(third), QStringLiteral("Cancelled"));
    QCOMPARE(gw.get(QStringLiteral("entrance/%1/kill").arg(first)).status(), 0);
    QCOMPARE(gw.waitDone(second), QStringLiteral("Succeed"));
    QCOMPARE(gw.status(first), QStringLiteral("Cancelled"));
}

void TestGatewayLifecycle::runningTimeoutEndsAsTimeout()
{
    QTemporaryDir dir;
    TestGateway gw(dir.filePath(QStringLiteral("data")));
    QVERIFY(gw.start());
    const HttpResult r =
        gw.post(QStringLiteral("entrance/submit"),
                {{QStringLiteral("executionContent"),
                  QJsonObject {{QStringLiteral("code"), QStringLiteral("sleep 60")},
                               {QStringLiteral("runType"), QStringLiteral("sh")}}},
                 {QStringLiteral("labels"),
                  QJsonObject {{QStringLiteral("engineType"), QStringLiteral("shell-1")},
                               {QStringLiteral("jobRunningTimeout"), 1}}}});
    QCOMPARE(r.status(), 0);
    const QString execId = r.data().value(QStringLiteral("execID")).toString();
    QCOMPARE(gw.waitDone(execId, 10000), QStringLiteral("Timeout"));
    const QJsonObject task = gw.task(r.data().value(QStringLiteral("taskID")).toInteger());
    QVERIFY(task.value(QStringLiteral("errDesc"))
                .toString()
                .contains(QStringLiteral("jobRunningTimeout")));
}

QTEST_GUILESS_MAIN(TestGatewayLifecycle)
#include "tst_lifecycle.moc"
