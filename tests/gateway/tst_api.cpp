// SPDX-License-Identifier: GPL-3.0-or-later
// Auth modes, user endpoints, job history, filesystem safety and bad input, over HTTP against
// the real gateway started with a users file and a proxy config.
#include "testgateway.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <csignal>

using namespace linkisdesk::testsupport;

class TestGatewayApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void unauthenticatedIsRefused();
    void tokenAuth();
    void passwordLoginSessionAndLogout();
    void proxyHeaders();
    void proxyEndpointIssuesASession();
    void foreignOriginIsRefused();
    void badInput_data();
    void badInput();
    void bodyOverTheLimit();
    void unknownIdsAndPaths();
    void filesystemStaysInsideOwnDirectories();
    void otherUsersJobsAreHidden();
    void jobHistoryListAndUndone();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestGateway> m_gw;
    QJsonObject m_job; // a finished job of hadoop
};

void TestGatewayApi::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QFile users(m_dir.filePath(QStringLiteral("users")));
    QVERIFY(users.open(QIODevice::WriteOnly));
    users.write("# accounts\nalice=secret\nbob = pw2\n");
    users.close();
    QFile proxy(m_dir.filePath(QStringLiteral("proxy.properties")));
    QVERIFY(proxy.open(QIODevice::WriteOnly));
    proxy.write("sysCode=carol,dave\nanyCode=*\n");
    proxy.close();
    m_gw = std::make_unique<TestGateway>(m_dir.filePath(QStringLiteral("data")),
                                         QStringList {QStringLiteral("--users"), users.fileName(),
                                                      QStringLiteral("--proxy-config"),
                                                      proxy.fileName(), QStringLiteral("--token"),
                                                      QStringLiteral("test-token-123")});
    QVERIFY(m_gw->start());
    QCOMPARE(m_gw->token(), QStringLiteral("test-token-123"));
    m_job =
        m_gw->submit(QStringLiteral("select 42"), QStringLiteral("sqlite"), QStringLiteral("sql"));
    QCOMPARE(m_gw->waitDone(m_job.value(QStringLiteral("execID")).toString()),
             QStringLiteral("Succeed"));
}

void TestGatewayApi::unauthenticatedIsRefused()
{
    const HttpResult r = m_gw->call("GET", QStringLiteral("jobhistory/list"), {}, {});
    QCOMPARE(r.http, 401);
    QCOMPARE(r.status(), -1);
    QVERIFY(r.message().startsWith(QStringLiteral("You are not logged in")));
    QVERIFY(r.json.contains(QStringLiteral("method")));
    QVERIFY(r.json.value(QStringLiteral("data")).isObject());
    QVERIFY(r.header("Content-Type").startsWith("application/json"));
    QVERIFY(r.header("Access-Control-Allow-Origin").isEmpty());
    // userInfo answers status 1 (HTTP 400) when not logged in, as Linkis does.
    const HttpResult info = m_gw->call("GET", QStringLiteral("user/userInfo"), {}, {});
    QCOMPARE(info.http, 400);
    QCOMPARE(info.status(), 1);
}

void TestGatewayApi::tokenAuth()
{
    QCOMPARE(m_gw->get(QStringLiteral("jobhistory/list")).status(), 0);
    const HttpResult wrong = m_gw->call("GET", QStringLiteral("jobhistory/list"), {},
                                        {{"Token-Code", "nope"}, {"Token-User", "hadoop"}});
    QCOMPARE(wrong.http, 401);
    QCOMPARE(wrong.status(), -1);
    QVERIFY(wrong.message().contains(QStringLiteral("Token Authentication Failed")));
    QVERIFY(!wrong.message().contains(QStringLiteral("nope"))); // the token is not echoed
    const HttpResult half =
        m_gw->call("GET", QStringLiteral("jobhistory/list"), {}, {{"Token-Code", "x"}});
    QCOMPARE(half.http, 401);
    // Header names are compared exactly, as the Linkis gateway does.
    const HttpResult lower =
        m_gw->call("GET", QStringLiteral("jobhistory/list"), {},
                   {{"token-code", m_gw->token().toUtf8()}, {"token-user", "hadoop"}});
    QCOMPARE(lower.http, 401);
    const HttpResult badUser =
        m_gw->call("GET", QStringLiteral("jobhistory/list"), {},
                   {{"Token-Code", m_gw->token().toUtf8()}, {"Token-User", "../etc"}});
    QCOMPARE(badUser.http, 401);
}

void TestGatewayApi::passwordLoginSessionAndLogout()
{
    QNetworkAccessManager nam; // its own cookie jar
    const auto body = [](const char *u, const char *p) {
        return QJsonDocument(QJsonObject {{QStringLiteral("userName"), QLatin1String(u)},
                                          {QStringLiteral("password"), QLatin1String(p)}})
            .toJson();
    };
    const HttpResult bad =
        m_gw->call("POST", QStringLiteral("user/login"), body("alice", "wrong"), {}, &nam);
    QCOMPARE(bad.http, 400);
    QCOMPARE(bad.status(), 1);
    QCOMPARE(m_gw->call("POST", QStringLiteral("user/login"), body("", "x"), {}, &nam).status(), 1);
    QCOMPARE(m_gw->call("POST", QStringLiteral("user/login"), body("alice", ""), {}, &nam).status(),
             1);
    QCOMPARE(m_gw->call("GET", QStringLiteral("jobhistory/list"), {}, {}, &nam).http, 401);

    const HttpResult ok =
        m_gw->call("POST", QStringLiteral("user/login"), body("alice", "secret"), {}, &nam);
    QCOMPARE(ok.http, 200);
    QCOMPARE(ok.status(), 0);
    QCOMPARE(ok.data().value(QStringLiteral("userName")).toString(), QStringLiteral("alice"));
    QVERIFY(ok.data().value(QStringLiteral("sessionTimeOut")).toDouble() > 0);
    QVERIFY(ok.header("Set-Cookie").startsWith("linkis_user_session_ticket_id_v1="));

    QCOMPARE(m_gw->call("GET", QStringLiteral("jobhistory/list"), {}, {}, &nam).status(), 0);
    const HttpResult info = m_gw->call("GET", QStringLiteral("user/userInfo"), {}, {}, &nam);
    QCOMPARE(info.data().value(QStringLiteral("userName")).toString(), QStringLiteral("alice"));
    // Logging in again with a live session reports the existing user, as Linkis does.
    const HttpResult again =
        m_gw->call("POST", QStringLiteral("user/login"), body("bob", "pw2"), {}, &nam);
    QCOMPARE(again.data().value(QStringLiteral("userName")).toString(), QStringLiteral("alice"));
    QVERIFY(again.message().contains(QStringLiteral("already logged in")));

    QCOMPARE(m_gw->call("POST", QStringLiteral("user/logout"), {}, {}, &nam).status(), 0);
    QCOMPARE(m_gw->call("GET", QStringLiteral("jobhistory/list"), {}, {}, &nam).http, 401);
    // A forged ticket is not a session.
    QCOMPARE(m_gw->call("GET", QStringLiteral("jobhistory/list"), {},
                        {{"Cookie", "linkis_user_session_ticket_id_v1=forged"}})
                 .http,
             401);
}

void TestGatewayApi::proxyHeaders()
{
    const HttpResult ok = m_gw->call("GET", QStringLiteral("user/userInfo"), {},
                                     {{"Proxy-User", "carol"}, {"Validation-Code", "sysCode"}});
    QCOMPARE(ok.status(), 0);
    QCOMPARE(ok.data().value(QStringLiteral("userName")).toString(), QStringLiteral("carol"));
    const HttpResult anyone = m_gw->call("GET", QStringLiteral("jobhistory/list"), {},
                                         {{"Proxy-User", "zed"}, {"Validation-Code", "anyCode"}});
    QCOMPARE(anyone.status(), 0);
    const HttpResult notListed =
        m_gw->call("GET", QStringLiteral("jobhistory/list"), {},
                   {{"Proxy-User", "zed"}, {"Validation-Code", "sysCode"}});
    QCOMPARE(notListed.http, 401);
    QCOMPARE(notListed.status(), -1);
    const HttpResult wrongCode =
        m_gw->call("GET", QStringLiteral("jobhistory/list"), {},
                   {{"Proxy-User", "carol"}, {"Validation-Code", "guess"}});
    QCOMPARE(wrongCode.http, 401);
}

void TestGatewayApi::proxyEndpointIssuesASession()
{
    QNetworkAccessManager nam;
    const HttpResult refused = m_gw->call(
        "GET", QStringLiteral("user/proxy?proxyUser=zed&validationCode=sysCode"), {}, {}, &nam);
    QCOMPARE(refused.status(), 1);
    QCOMPARE(refused.message(), QStringLiteral("Validation failed"));
    QCOMPARE(m_gw->call("GET", QStringLiteral("user/proxy"), {}, {}, &nam).status(), 1);
    const HttpResult ok = m_gw->call(
        "GET", QStringLiteral("user/proxy?proxyUser=Dave&validationCode=sysCode"), {}, {}, &nam);
    QCOMPARE(ok.status(), 0);
    QCOMPARE(ok.data().value(QStringLiteral("proxyUser")).toString(), QStringLiteral("dave"));
    const HttpResult info = m_gw->call("GET", QStringLiteral("user/userInfo"), {}, {}, &nam);
    QCOMPARE(info.data().value(QStringLiteral("userName")).toString(), QStringLiteral("dave"));
}

void TestGatewayApi::foreignOriginIsRefused()
{
    Headers h = m_gw->tokenHeaders();
    h.append(qMakePair(QByteArray("Origin"), QByteArray("http://evil.example")));
    const HttpResult r = m_gw->call("GET", QStringLiteral("jobhistory/list"), {}, h);
    QCOMPARE(r.http, 403);
    QCOMPARE(r.status(), 3);
    QVERIFY(r.header("Access-Control-Allow-Origin").isEmpty());
    Headers own = m_gw->tokenHeaders();
    own.append(qMakePair(QByteArray("Origin"), m_gw->url().toString().toUtf8()));
    QCOMPARE(m_gw->call("GET", QStringLiteral("jobhistory/list"), {}, own).status(), 0);
}

void TestGatewayApi::badInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expect");
    QTest::newRow("malformed json") << QByteArray("{\"executionCode\": ") << QStringLiteral("JSON");
    QTest::newRow("not an object") << QByteArray("[1,2]") << QStringLiteral("JSON object");
    QTest::newRow("missing engine") << QByteArray(R"({"executionCode":"select 1","runType":"sql"})")
                                    << QStringLiteral("executeApplicationName");
    QTest::newRow("missing code") << QByteArray(
                                         R"({"executeApplicationName":"sqlite","runType":"sql"})")
                                  << QStringLiteral("empty");
    QTest::newRow("code not a string")
        << QByteArray(R"({"executeApplicationName":"sqlite","executionCode":5})")
        << QStringLiteral("executionCode must be a string");
    QTest::newRow("params not an object")
        << QByteArray(R"({"executeApplicationName":"sqlite","executionCode":"x","params":3})")
        << QStringLiteral("params must be");
    QTest::newRow("variable not an object")
        << QByteArray(R"({"executeApplicationName":"sqlite","executionCode":"x",)"
                      R"("params":{"variable":[1]}})")
        << QStringLiteral("params.variable");
    QTest::newRow("source not an object")
        << QByteArray(R"({"executeApplicationName":"sqlite","executionCode":"x","source":"s"})")
        << QStringLiteral("source must be");
    QTest::newRow("unknown engine")
        << QByteArray(R"({"executeApplicationName":"oracle","executionCode":"x"})")
        << QStringLiteral("Unknown engine type");
    QTest::newRow("unknown runType")
        << QByteArray(R"({"executeApplicationName":"sqlite","executionCode":"x",)"
                      R"("runType":"cobol"})")
        << QStringLiteral("Unknown runType");
    QTest::newRow("engine cannot run runType")
        << QByteArray(R"({"executeApplicationName":"shell","executionCode":"x",)"
                      R"("runType":"sql"})")
        << QStringLiteral("cannot run");
    QTest::newRow("1.x without labels")
        << QByteArray(R"({"executionContent":{"code":"select 1","runType":"sql"}})")
        << QStringLiteral("labels.engineType");
    QTest::newRow("1.x foreign userCreator")
        << QByteArray(R"({"executionContent":{"code":"select 1","runType":"sql"},)"
                      R"("labels":{"engineType":"sqlite-3","userCreator":"root-IDE"}})")
        << QStringLiteral("50080");
}

void TestGatewayApi::badInput()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expect);
    const HttpResult r =
        m_gw->call("POST", QStringLiteral("entrance/submit"), body, m_gw->tokenHeaders());
    QCOMPARE(r.http, 400);
    QCOMPARE(r.status(), 1);
    QVERIFY2(r.message().contains(expect), qPrintable(r.message()));
    QCOMPARE(m_gw->get(QStringLiteral("jobhistory/list?pageSize=1")).status(), 0); // still serving
}

void TestGatewayApi::bodyOverTheLimit()
{
    QByteArray huge = "{\"executeApplicationName\":\"sqlite\",\"executionCode\":\"";
    huge += QByteArray(10 * 1024 * 1024 + 16, 'x');
    huge += "\"}";
    const HttpResult r =
        m_gw->call("POST", QStringLiteral("entrance/execute"), huge, m_gw->tokenHeaders());
    QCOMPARE(r.status(), 1);
    QVERIFY2(r.message().contains(QStringLiteral("too large")), qPrintable(r.message()));
    QCOMPARE(m_gw->get(QStringLiteral("jobhistory/list?pageSize=1")).status(), 0);
}

void TestGatewayApi::unknownIdsAndPaths()
{
    const QString bogus =
        QStringLiteral("exec_id018015linkis-cg-entrance127.0.0.1:1IDE_hadoop_sqlite_99999");
    for (const QString &what : {QStringLiteral("status"), QStringLiteral("log"),
                                QStringLiteral("progress"), QStringLiteral("kill")}) {
        const HttpResult r = m_gw->get(QStringLiteral("entrance/%1/%2").arg(bogus, what));
        QCOMPARE(r.http, 400);
        QCOMPARE(r.status(), 1);
        QVERIFY(!r.message().isEmpty());
    }
    QCOMPARE(m_gw->get(QStringLiteral("entrance/garbage/status")).status(), 1);
    // An execID naming a real taskID with another short id does not alias that job.
    const qint64 id = m_job.value(QStringLiteral("taskID")).toInteger();
    QCOMPARE(m_gw->get(QStringLiteral("entrance/exec_id018015linkis-cg-entrance127.0.0.1:1IDE_"
                                      "hadoop_spark_%1/status")
                           .arg(id))
                 .status(),
             1);
    QCOMPARE(m_gw->get(QStringLiteral("jobhistory/99999/get")).status(), 1);
    QCOMPARE(m_gw->get(QStringLiteral("jobhistory/abc/get")).status(), 1);
    const HttpResult unknown = m_gw->get(QStringLiteral("nosuch/endpoint"));
    QCOMPARE(unknown.status(), 1);
    QVERIFY(unknown.message().contains(QStringLiteral("unknown request URI")));
    const HttpResult outside = m_gw->call("GET", QStringLiteral("../../etc/passwd"), {}, {});
    QVERIFY(outside.status() != 0);
    QCOMPARE(
        m_gw->call("DELETE", QStringLiteral("entrance/execute"), {}, m_gw->tokenHeaders()).status(),
        1);
}

void TestGatewayApi::filesystemStaysInsideOwnDirectories()
{
    const QJsonObject task = m_gw->task(m_job.value(QStringLiteral("taskID")).toInteger());
    const QString dir = task.value(QStringLiteral("resultLocation")).toString();
    QVERIFY(dir.startsWith(QStringLiteral("file://")));
    const QString local = dir.mid(7);
    const auto expectRefused = [&](const QString &endpoint, const QString &path) {
        const HttpResult r =
            m_gw->get(QStringLiteral("filesystem/%1?path=%2")
                          .arg(endpoint, QString::fromUtf8(QUrl::toPercentEncoding(path))));
        QCOMPARE(r.http, 400);
        QCOMPARE(r.status(), 1);
        QVERIFY(!r.message().isEmpty());
        QVERIFY(!r.body.contains("root:"));
    };
    expectRefused(QStringLiteral("openFile"), local + QStringLiteral("/../../../../../etc/passwd"));
    expectRefused(QStringLiteral("openFile"), QStringLiteral("/etc/passwd"));
    expectRefused(QStringLiteral("openLog"), QStringLiteral("file:///etc/passwd"));
    expectRefused(QStringLiteral("getDirFileTrees"), QStringLiteral("/etc"));
    expectRefused(QStringLiteral("openFile"), QStringLiteral("hdfs:///tmp/x/_0.dolphin"));
    expectRefused(QStringLiteral("openFile"), QStringLiteral("relative/_0.dolphin"));
    // A symlink planted inside the user's own result directory must not lead outside.
    QVERIFY(QFile::link(QStringLiteral("/etc"), local + QStringLiteral("/escape")));
    QVERIFY(QFile::link(QStringLiteral("/etc/hostname"), local + QStringLiteral("/_7.dolphin")));
    expectRefused(QStringLiteral("getDirFileTrees"), local + QStringLiteral("/escape"));
    expectRefused(QStringLiteral("openFile"), local + QStringLiteral("/_7.dolphin"));
    // The job's log is not a result set, and its results are not logs.
    expectRefused(QStringLiteral("openFile"), task.value(QStringLiteral("logPath")).toString());
    expectRefused(QStringLiteral("openLog"), dir + QStringLiteral("/_0.dolphin"));
    // A directory that does not exist is "no result", status 0.
    const HttpResult none =
        m_gw->get(QStringLiteral("filesystem/getDirFileTrees?path=%1/none").arg(dir));
    QCOMPARE(none.status(), 0);
    QVERIFY(none.data().value(QStringLiteral("dirFileTrees")).isNull());
    const HttpResult big = m_gw->get(
        QStringLiteral("filesystem/openFile?path=%1/_0.dolphin&pageSize=100001").arg(dir));
    QCOMPARE(big.status(), 1);
    QCOMPARE(m_gw->get(QStringLiteral("filesystem/openFile?path=%1/_0.dolphin&page=x").arg(dir))
                 .status(),
             1);
}

void TestGatewayApi::otherUsersJobsAreHidden()
{
    const QString execId = m_job.value(QStringLiteral("execID")).toString();
    const qint64 id = m_job.value(QStringLiteral("taskID")).toInteger();
    QCOMPARE(m_gw->get(QStringLiteral("entrance/%1/status").arg(execId), QStringLiteral("mallory"))
                 .status(),
             1);
    QCOMPARE(
        m_gw->get(QStringLiteral("jobhistory/%1/get").arg(id), QStringLiteral("mallory")).status(),
        1);
    const QString dir = m_gw->task(id).value(QStringLiteral("resultLocation")).toString();
    QCOMPARE(m_gw->get(QStringLiteral("filesystem/openFile?path=%1/_0.dolphin").arg(dir),
                       QStringLiteral("mallory"))
                 .status(),
             1);
    const HttpResult list = m_gw->get(QStringLiteral("jobhistory/list"), QStringLiteral("mallory"));
    QCOMPARE(list.data().value(QStringLiteral("totalPage")).toInt(), 0);
}

void TestGatewayApi::jobHistoryListAndUndone()
{
    const QJsonObject running =
        m_gw->submit(QStringLiteral("import time\ntime.sleep(30)"), QStringLiteral("python"),
                     QStringLiteral("python"), QStringLiteral("lister"));
    for (int i = 0; i < 3; ++i) {
        const QJsonObject j =
            m_gw->submit(QStringLiteral("select %1").arg(i), QStringLiteral("sqlite"),
                         QStringLiteral("sql"), QStringLiteral("lister"));
        QCOMPARE(m_gw->waitDone(j.value(QStringLiteral("execID")).toString(), 20000,
                                QStringLiteral("lister")),
                 QStringLiteral("Succeed"));
    }
    const QString user = QStringLiteral("lister");
    HttpResult all = m_gw->get(QStringLiteral("jobhistory/list?pageSize=2"), user);
    QCOMPARE(all.status(), 0);
    QCOMPARE(all.data().value(QStringLiteral("totalPage")).toInt(), 4); // total records
    QCOMPARE(all.data().value(QStringLiteral("tasks")).toArray().size(), 2);
    const QJsonObject newest = all.data().value(QStringLiteral("tasks")).toArray().at(0).toObject();
    QVERIFY(newest.value(QStringLiteral("taskID")).isDouble());
    QVERIFY(newest.value(QStringLiteral("progress")).isString());
    QVERIFY(newest.value(QStringLiteral("createdTime")).isDouble());
    QVERIFY(newest.value(QStringLiteral("labels")).isArray());
    QCOMPARE(newest.value(QStringLiteral("strongerExecId")).toString().isEmpty(), false);
    // Past the last page: the last page (PageHelper "reasonable").
    all = m_gw->get(QStringLiteral("jobhistory/list?pageSize=3&pageNow=9"), user);
    QCOMPARE(all.data().value(QStringLiteral("tasks")).toArray().size(), 1);
    const HttpResult succeeded = m_gw->get(
        QStringLiteral("jobhistory/list?status=Succeed&executeApplicationName=sqlite"), user);
    QCOMPARE(succeeded.data().value(QStringLiteral("totalPage")).toInt(), 3);
    const HttpResult byId = m_gw->get(QStringLiteral("jobhistory/list?taskID=%1")
                                          .arg(running.value(QStringLiteral("taskID")).toInteger()),
                                      user);
    QCOMPARE(byId.data().value(QStringLiteral("totalPage")).toInt(), 1);
    QCOMPARE(m_gw->get(QStringLiteral("jobhistory/list?status=Bogus"), user).status(), 1);
    QCOMPARE(m_gw->get(QStringLiteral("jobhistory/list?pageNow=x"), user).status(), 1);
    const qint64 future = QDateTime::currentMSecsSinceEpoch() + 3600000;
    QCOMPARE(m_gw->get(QStringLiteral("jobhistory/list?startDate=%1").arg(future), user)
                 .data()
                 .value(QStringLiteral("totalPage"))
                 .toInt(),
             0);

    QTRY_COMPARE_WITH_TIMEOUT(
        m_gw->status(running.value(QStringLiteral("execID")).toString(), user),
        QStringLiteral("Running"), 10000);
    const HttpResult undone = m_gw->get(QStringLiteral("jobhistory/listundonetasks"), user);
    QCOMPARE(undone.status(), 0);
    QCOMPARE(undone.data().value(QStringLiteral("totalPage")).toInt(), 1);
    const QJsonObject t = undone.data().value(QStringLiteral("tasks")).toArray().at(0).toObject();
    QCOMPARE(t.value(QStringLiteral("status")).toString(), QStringLiteral("Running"));
    QVERIFY(t.value(QStringLiteral("errDesc")).isNull());
    QCOMPARE(m_gw->get(QStringLiteral("entrance/%1/kill")
                           .arg(running.value(QStringLiteral("execID")).toString()),
                       user)
                 .status(),
             0);
}

QTEST_GUILESS_MAIN(TestGatewayApi)
#include "tst_api.moc"
