// SPDX-License-Identifier: GPL-3.0-or-later
// Reused engines (issue 17) end to end over HTTP against the real gateway and real python3 /
// SQLite: state kept between jobs, a kill that interrupts and keeps the engine, the last-resort
// kill of code that ignores the interrupt (no process left, children included), idle engines
// ending, the per-user cap, and the linkisManager endpoints with their quirks and owner checks.
// Each test uses its own user, so that each gets its own engines.
#include "processscan.h"
#include "testgateway.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <csignal>

using namespace linkisdesk::testsupport;

class TestGatewayEngines : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pythonStateIsKeptBetweenJobs();
    void killEngineEndsTheSessionAndOnlyTheOwnerMayKill();
    void killInterruptsAPythonLoopAndKeepsTheEngine();
    void codeIgnoringTheInterruptLosesItsEngineAndEveryProcess();
    void sqlJobsShareOneConnection();
    void idleEnginesEndAndTheCapIsPerUser();
    void userResourcesAndEngineTypes();

private:
    QString run(const QString &code, const QString &user, const QString &runType = {});
    QString logOf(const QString &execId, const QString &user);
    QJsonArray enginesOf(const QString &user, TestGateway *gw = nullptr);
    static qint64 enginePid(const QString &log);

    QTemporaryDir m_dir;
    std::unique_ptr<TestGateway> m_gw;
};

void TestGatewayEngines::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_gw = std::make_unique<TestGateway>(m_dir.path() + QStringLiteral("/data"));
    QVERIFY(m_gw->start());
}

// Submits and waits; returns the execID (empty if the submit failed).
QString TestGatewayEngines::run(const QString &code, const QString &user, const QString &runType)
{
    const bool sql = runType == QStringLiteral("sql");
    const QString execId =
        m_gw->submit(code, sql ? QStringLiteral("sqlite") : QStringLiteral("python"),
                     sql ? runType : QStringLiteral("python"), user)
            .value(QStringLiteral("execID"))
            .toString();
    if (!execId.isEmpty())
        m_gw->waitDone(execId, 30000, user);
    return execId;
}

QString TestGatewayEngines::logOf(const QString &execId, const QString &user)
{
    return m_gw->get(QStringLiteral("entrance/%1/log?fromLine=1&size=1000").arg(execId), user)
        .data()
        .value(QStringLiteral("log"))
        .toArray()
        .at(3)
        .toString();
}

QJsonArray TestGatewayEngines::enginesOf(const QString &user, TestGateway *gw)
{
    TestGateway *g = gw ? gw : m_gw.get();
    const HttpResult r =
        g->call("POST", QStringLiteral("linkisManager/rm/engines"), {}, g->tokenHeaders(user));
    return r.data().value(QStringLiteral("engines")).toArray();
}

qint64 TestGatewayEngines::enginePid(const QString &log)
{
    static const QRegularExpression re(QStringLiteral("engine \\S+ started \\(pid (\\d+)\\)"));
    return re.match(log).captured(1).toLongLong();
}

void TestGatewayEngines::pythonStateIsKeptBetweenJobs()
{
    const QString user = QStringLiteral("keeper");
    const QString first = run(QStringLiteral("x = 41"), user);
    QCOMPARE(m_gw->status(first, user), QStringLiteral("Succeed"));
    QVERIFY(logOf(first, user)
                .contains(QStringLiteral("Succeed to create new ec : "
                                         "ServiceInstance(linkis-cg-engineconn, ")));
    const QString second = run(QStringLiteral("print(x + 1)"), user);
    QCOMPARE(m_gw->status(second, user), QStringLiteral("Succeed"));
    const QString log = logOf(second, user);
    QVERIFY2(log.contains(QStringLiteral(" INFO 42\n")), qPrintable(log));
    QVERIFY(log.contains(QStringLiteral("Succeed to reuse ec : ")));

    const QJsonArray engines = enginesOf(user);
    QCOMPARE(engines.size(), 1);
    const QJsonObject e = engines.at(0).toObject();
    QCOMPARE(e.value(QStringLiteral("engineStatus")).toString(), QStringLiteral("Idle"));
    QCOMPARE(e.value(QStringLiteral("engineType")).toString(), QStringLiteral("python"));
    QCOMPARE(e.value(QStringLiteral("creator")).toString(), QStringLiteral("IDE"));
    QCOMPARE(e.value(QStringLiteral("applicationName")).toString(),
             QStringLiteral("linkis-cg-engineconn"));
    const QJsonObject used = e.value(QStringLiteral("usedResource"))
                                 .toObject()
                                 .value(QStringLiteral("loadInstanceResource"))
                                 .toObject();
    QVERIFY(used.value(QStringLiteral("memory")).toDouble() > 1024 * 1024); // bytes, from /proc
    QCOMPARE(used.value(QStringLiteral("cores")).toInt(), 1);
    QCOMPARE(e.value(QStringLiteral("labels"))
                 .toArray()
                 .at(1)
                 .toObject()
                 .value(QStringLiteral("stringValue")),
             QJsonValue(QStringLiteral("keeper-IDE")));

    // A job's error ends the job, not the engine.
    const QString failing = run(QStringLiteral("1 / 0"), user);
    QCOMPARE(m_gw->status(failing, user), QStringLiteral("Failed"));
    const QString third = run(QStringLiteral("print(x)"), user);
    QCOMPARE(m_gw->status(third, user), QStringLiteral("Succeed"));
}

void TestGatewayEngines::killEngineEndsTheSessionAndOnlyTheOwnerMayKill()
{
    const QString user = QStringLiteral("owner");
    const QString first = run(QStringLiteral("x = 41"), user);
    QCOMPARE(m_gw->status(first, user), QStringLiteral("Succeed"));
    const qint64 pid = enginePid(logOf(first, user));
    QVERIFY(pid > 0);
    const QString instance =
        enginesOf(user).at(0).toObject().value(QStringLiteral("engineInstance")).toString();
    QVERIFY(!instance.isEmpty());

    // Another user sees none of it and cannot kill it.
    const QString other = QStringLiteral("intruder");
    const HttpResult none = m_gw->call("POST", QStringLiteral("linkisManager/rm/engines"), {},
                                       m_gw->tokenHeaders(other));
    QCOMPARE(none.status(), 0);
    QVERIFY(none.json.value(QStringLiteral("method")).isNull());
    QVERIFY(!none.data().contains(QStringLiteral("engines"))); // the key is absent
    QVERIFY(m_gw->get(QStringLiteral("linkisManager/listUserEngines"), other)
                .data()
                .value(QStringLiteral("engines"))
                .toArray()
                .isEmpty());
    const QJsonObject target {
        {QStringLiteral("applicationName"), QStringLiteral("linkis-cg-engineconn")},
        {QStringLiteral("instance"), instance}};
    const HttpResult refused =
        m_gw->post(QStringLiteral("linkisManager/killEngineConn"), target, other);
    QCOMPARE(refused.status(), 1);
    QCOMPARE(refused.message(),
             QStringLiteral("You have no permission to kill EngineConn %1").arg(instance));
    const QByteArray array =
        QJsonDocument(QJsonArray {QJsonObject {{QStringLiteral("engineInstance"), instance},
                                               {QStringLiteral("applicationName"),
                                                QStringLiteral("linkis-cg-engineconn")}}})
            .toJson(QJsonDocument::Compact);
    QCOMPARE(m_gw->call("POST", QStringLiteral("linkisManager/rm/enginekill"), array,
                        m_gw->tokenHeaders(other))
                 .status(),
             0); // skipped silently, as an unknown instance is
    const QString still = run(QStringLiteral("print(x + 1)"), user);
    QVERIFY(logOf(still, user).contains(QStringLiteral(" INFO 42\n")));
    QVERIFY(m_gw->post(QStringLiteral("linkisManager/killEngineConn"),
                       {{QStringLiteral("applicationName"), QString()}}, user)
                .message()
                .startsWith(QStringLiteral("applicationName cannot be null")));

    // The owner kills it with the bare array of rm/enginekill; it goes away asynchronously.
    const HttpResult killed = m_gw->call("POST", QStringLiteral("linkisManager/rm/enginekill"),
                                         array, m_gw->tokenHeaders(user));
    QCOMPARE(killed.status(), 0);
    QCOMPARE(killed.message(), QStringLiteral("Kill engineConn succeed."));
    QTRY_VERIFY_WITH_TIMEOUT(enginesOf(user).isEmpty(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(processesInGroup(pid).isEmpty(), 5000);
    const QString after = run(QStringLiteral("print(x + 1)"), user);
    QCOMPARE(m_gw->status(after, user), QStringLiteral("Failed"));
    QVERIFY(m_gw->task(after.section(u'_', -1).toLongLong(), user)
                .value(QStringLiteral("errDesc"))
                .toString()
                .contains(QStringLiteral("NameError")));
    QVERIFY(logOf(after, user).contains(QStringLiteral("Succeed to create new ec")));
}

void TestGatewayEngines::killInterruptsAPythonLoopAndKeepsTheEngine()
{
    const QString user = QStringLiteral("spinner");
    const QString setup = run(QStringLiteral("y = 7"), user);
    QCOMPARE(m_gw->status(setup, user), QStringLiteral("Succeed"));
    const qint64 pid = enginePid(logOf(setup, user));
    QVERIFY(pid > 0);
    const QJsonObject job = m_gw->submit(QStringLiteral("print('spinning')\nwhile True: pass"),
                                         QStringLiteral("python"), QStringLiteral("python"), user);
    const QString execId = job.value(QStringLiteral("execID")).toString();
    QTRY_VERIFY_WITH_TIMEOUT(logOf(execId, user).contains(QStringLiteral("INFO spinning")), 20000);
    QCOMPARE(m_gw->get(QStringLiteral("entrance/%1/kill").arg(execId), user).status(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_gw->status(execId, user), QStringLiteral("Cancelled"), 10000);
    QVERIFY(logOf(execId, user).contains(QStringLiteral("KeyboardInterrupt")));
    QVERIFY(!logOf(execId, user).contains(QStringLiteral("session state")));
    QVERIFY(!processesInGroup(pid).isEmpty()); // the same engine lives on
    const QString next = run(QStringLiteral("print(y * 6)"), user);
    QCOMPARE(m_gw->status(next, user), QStringLiteral("Succeed"));
    QVERIFY(logOf(next, user).contains(QStringLiteral(" INFO 42\n")));
}

void TestGatewayEngines::codeIgnoringTheInterruptLosesItsEngineAndEveryProcess()
{
    const QString user = QStringLiteral("stubborn");
    const QJsonObject job = m_gw->submit(
        QStringLiteral("import signal, subprocess\n"
                       "child = subprocess.Popen(['sh', '-c', 'trap \"\" INT; sleep 1000'])\n"
                       "signal.signal(signal.SIGINT, signal.SIG_IGN)\n"
                       "print('child', child.pid, flush=True)\n"
                       "while True: pass\n"),
        QStringLiteral("python"), QStringLiteral("python"), user);
    const QString execId = job.value(QStringLiteral("execID")).toString();
    QTRY_VERIFY_WITH_TIMEOUT(logOf(execId, user).contains(QStringLiteral("INFO child ")), 20000);
    const QString log = logOf(execId, user);
    const qint64 pid = enginePid(log);
    QVERIFY(pid > 0);
    QVERIFY(!processesInGroup(pid).isEmpty());
    QCOMPARE(m_gw->get(QStringLiteral("entrance/%1/kill").arg(execId), user).status(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_gw->status(execId, user), QStringLiteral("Cancelled"), 15000);
    QVERIFY(processesInGroup(pid).isEmpty()); // the engine, the shell and its sleep
    QVERIFY(findProcess(QStringLiteral("trap \"\" INT; sleep 1000")) == 0);
    const QString after = logOf(execId, user);
    QVERIFY(after.contains(QStringLiteral("session state")));
    QVERIFY(!after.contains(QStringLiteral("completed with status Success")));
    QTRY_VERIFY_WITH_TIMEOUT(enginesOf(user).isEmpty(), 5000);
    // The next job starts clean in a new engine.
    const QString next = run(QStringLiteral("print('fresh')"), user);
    QCOMPARE(m_gw->status(next, user), QStringLiteral("Succeed"));
    QVERIFY(logOf(next, user).contains(QStringLiteral("Succeed to create new ec")));
}

void TestGatewayEngines::sqlJobsShareOneConnection()
{
    const QString user = QStringLiteral("sqler");
    const QString sql = QStringLiteral("sql");
    QCOMPARE(m_gw->status(run(QStringLiteral("create temp table t(a); insert into t values (1), "
                                             "(2);"),
                              user, sql),
                          user),
             QStringLiteral("Succeed"));
    // A long query killed: interrupted, the connection and its TEMP table stay.
    const QString longOne =
        m_gw->submit(QStringLiteral("with recursive c(x) as (select 1 union all select x + 1 "
                                    "from c) select count(*) from c;"),
                     QStringLiteral("sqlite"), sql, user)
            .value(QStringLiteral("execID"))
            .toString();
    QTRY_COMPARE_WITH_TIMEOUT(m_gw->status(longOne, user), QStringLiteral("Running"), 10000);
    QCOMPARE(m_gw->get(QStringLiteral("entrance/%1/kill").arg(longOne), user).status(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_gw->status(longOne, user), QStringLiteral("Cancelled"), 5000);
    const QString count = run(QStringLiteral("select count(*) as n from t"), user, sql);
    QCOMPARE(m_gw->status(count, user), QStringLiteral("Succeed"));
    const QString dir = m_gw->task(count.section(u'_', -1).toLongLong(), user)
                            .value(QStringLiteral("resultLocation"))
                            .toString();
    const HttpResult page =
        m_gw->get(QStringLiteral("filesystem/openFile?path=%1/_0.dolphin").arg(dir), user);
    // One row holding one cell; built in steps, as a nested QJsonArray brace list is read
    // as a copy by clang and as a nested array by gcc.
    QJsonArray row;
    row.append(QStringLiteral("2"));
    QJsonArray expected;
    expected.append(row);
    QCOMPARE(page.data().value(QStringLiteral("fileContent")).toArray(), expected);
    const QJsonArray engines = enginesOf(user);
    QCOMPARE(engines.size(), 1);
    QCOMPARE(engines.at(0).toObject().value(QStringLiteral("engineType")).toString(),
             QStringLiteral("sqlite"));
}

void TestGatewayEngines::idleEnginesEndAndTheCapIsPerUser()
{
    QTemporaryDir dir;
    TestGateway gw(dir.filePath(QStringLiteral("data")),
                   {QStringLiteral("--engine-idle-timeout"), QStringLiteral("1"),
                    QStringLiteral("--max-engines-per-user"), QStringLiteral("1")});
    QVERIFY(gw.start());
    const QString user = QStringLiteral("capped");
    const QString busy = gw.submit(QStringLiteral("import time\ntime.sleep(60)"),
                                   QStringLiteral("python"), QStringLiteral("python"), user)
                             .value(QStringLiteral("execID"))
                             .toString();
    QTRY_COMPARE_WITH_TIMEOUT(gw.status(busy, user), QStringLiteral("Running"), 20000);
    // Over the cap: a job of its own, which still runs.
    const QString extra = gw.submit(QStringLiteral("print('alone')"), QStringLiteral("python"),
                                    QStringLiteral("python"), user)
                              .value(QStringLiteral("execID"))
                              .toString();
    QCOMPARE(gw.waitDone(extra, 30000, user), QStringLiteral("Succeed"));
    QCOMPARE(enginesOf(user, &gw).size(), 1);
    // Another user is not limited by this one's engines.
    const QString theirs = gw.submit(QStringLiteral("print(1)"), QStringLiteral("python"),
                                     QStringLiteral("python"), QStringLiteral("other"))
                               .value(QStringLiteral("execID"))
                               .toString();
    QCOMPARE(gw.waitDone(theirs, 30000, QStringLiteral("other")), QStringLiteral("Succeed"));
    QCOMPARE(enginesOf(QStringLiteral("other"), &gw).size(), 1);
    QCOMPARE(gw.get(QStringLiteral("entrance/%1/kill").arg(busy), user).status(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(gw.status(busy, user), QStringLiteral("Cancelled"), 10000);
    // Idle for a second: both engines end, with their processes.
    QTRY_VERIFY_WITH_TIMEOUT(enginesOf(user, &gw).isEmpty(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(enginesOf(QStringLiteral("other"), &gw).isEmpty(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(findProcess(dir.filePath(QStringLiteral("data/work/engine-"))),
                              qint64(0), 5000);
}

void TestGatewayEngines::userResourcesAndEngineTypes()
{
    const QString user = QStringLiteral("resourceful");
    QCOMPARE(m_gw->status(run(QStringLiteral("pass"), user), user), QStringLiteral("Succeed"));
    const HttpResult r = m_gw->call("POST", QStringLiteral("linkisManager/rm/userresources"), {},
                                    m_gw->tokenHeaders(user));
    QCOMPARE(r.status(), 0);
    QVERIFY(r.json.value(QStringLiteral("method")).isNull());
    const QJsonObject entry =
        r.data().value(QStringLiteral("userResources")).toArray().at(0).toObject();
    QCOMPARE(entry.value(QStringLiteral("userCreator")).toString(),
             QStringLiteral("(resourceful,IDE)"));
    QVERIFY(entry.value(QStringLiteral("percent")).isString());
    QVERIFY(entry.value(QStringLiteral("engineTypes"))
                .toArray()
                .at(0)
                .toObject()
                .value(QStringLiteral("engineType"))
                .toString()
                .startsWith(QStringLiteral("(python,3.")));
    const HttpResult jobProgress = m_gw->get(QStringLiteral("entrance/%1/progressWithResource")
                                                 .arg(run(QStringLiteral("print(2)"), user)),
                                             user);
    QCOMPARE(jobProgress.status(), 0);
    QVERIFY(jobProgress.data().value(QStringLiteral("yarnResource")).isNull());
    QVERIFY(jobProgress.data().contains(QStringLiteral("yarnResource")));
}

QTEST_GUILESS_MAIN(TestGatewayEngines)
#include "tst_engines.moc"
