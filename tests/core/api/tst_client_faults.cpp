// SPDX-License-Identifier: GPL-3.0-or-later
// LinkisClient against the fault-injecting server: headers on the wire, sessions and re-login,
// dropped connections, 500s, slow replies, malformed JSON, cancellation.
#include "api/linkisclient.h"
#include "faultserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace linkisdesk;
using testsupport::FaultServer;
using Response = FaultServer::Response;
using Kind = ApiError::Kind;

namespace {

const QByteArray kRunning = R"({"status":"Running","execID":"e1"})";
const JobRef kJob {42, QStringLiteral("e1")};

// Collects the one result of a call.
template<typename T> struct Outcome
{
    std::optional<Result<T>> result;
    int calls = 0;
    Callback<T> callback()
    {
        return [this](Result<T> r) {
            ++calls;
            result.emplace(std::move(r));
        };
    }
};

} // namespace

class TestClientFaults : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<FaultServer> m_server;

    ConnectionSettings settings(ConnectionSettings::AuthMode mode) const
    {
        ConnectionSettings s;
        s.baseUrl = m_server->url();
        s.authMode = mode;
        s.user = QStringLiteral("alice");
        s.secret = QStringLiteral("s3cret-value");
        s.timeoutMs = 5000;
        return s;
    }

    // A server with a password session: login sets a ticket; calls need the current ticket.
    QByteArray m_ticket = "t1";
    QByteArray m_password = "s3cret-value";
    int m_logins = 0;
    void installSessionServer()
    {
        m_server->setHandler([this](const FaultServer::Request &r) {
            if (r.path.endsWith(QStringLiteral("/user/login"))) {
                ++m_logins;
                const QJsonObject body = QJsonDocument::fromJson(r.body).object();
                if (body.value(QStringLiteral("password")).toString().toUtf8() != m_password)
                    return Response::linkis(1, {}, "wrong user name or password");
                Response ok = Response::linkis(0, R"({"userName":"alice","isAdmin":false})",
                                               "login successful");
                ok.headers.append(
                    {"Set-Cookie", "linkis_user_session_ticket_id_v1=" + m_ticket + "; Path=/"});
                return ok;
            }
            if (!r.header("Cookie").contains("linkis_user_session_ticket_id_v1=" + m_ticket))
                return Response::linkis(-1, {}, "You are not logged in, please login first!");
            return Response::linkis(0, kRunning);
        });
    }

private slots:
    void init()
    {
        m_server = std::make_unique<FaultServer>();
        QVERIFY(m_server->listen());
        m_ticket = "t1";
        m_password = "s3cret-value";
        m_logins = 0;
    }
    void cleanup() { m_server.reset(); }

    void tokenHeadersExactCaseAndTaskId()
    {
        m_server->on(QStringLiteral("/status"), {Response::linkis(0, kRunning)});
        LinkisClient client(settings(ConnectionSettings::AuthMode::Token));
        Outcome<JobStatus> out;
        client.status(kJob, this, out.callback());
        QTRY_VERIFY(out.result.has_value());
        QVERIFY(out.result->ok());
        QCOMPARE(out.result->value(), JobStatus::Running);
        const FaultServer::Request &r = m_server->requests().last();
        QCOMPARE(r.method, QByteArray("GET"));
        QCOMPARE(r.path, QStringLiteral("/api/rest_j/v1/entrance/e1/status"));
        QCOMPARE(r.query.queryItemValue(QStringLiteral("taskID")), QStringLiteral("42"));
        QVERIFY(r.hasHeaderExactly("Token-Code"));
        QVERIFY(r.hasHeaderExactly("Token-User"));
        QCOMPARE(r.header("Token-Code"), QByteArray("s3cret-value"));
        QCOMPARE(r.header("Token-User"), QByteArray("alice"));
        QCOMPARE(m_server->countRequests(QStringLiteral("/user/login")), 0);
    }

    void seedProxyHeaders()
    {
        m_server->on(QStringLiteral("/status"), {Response::linkis(0, kRunning)});
        ConnectionSettings s = settings(ConnectionSettings::AuthMode::SeedProxy);
        s.proxyUser = QStringLiteral("bob");
        LinkisClient client(s);
        Outcome<JobStatus> out;
        client.status(kJob, this, out.callback());
        QTRY_VERIFY(out.result.has_value());
        QVERIFY(out.result->ok());
        const FaultServer::Request &r = m_server->requests().last();
        QVERIFY(r.hasHeaderExactly("Proxy-User"));
        QVERIFY(r.hasHeaderExactly("Validation-Code"));
        QCOMPARE(r.header("Proxy-User"), QByteArray("bob"));
        QCOMPARE(r.header("Validation-Code"), QByteArray("s3cret-value"));
    }

    void tokenRefusalIsAuthAndSecretIsMasked()
    {
        m_server->on(QStringLiteral("/status"),
                     {Response::linkis(-1, {},
                                       "Token Authentication Failed, token: s3cret-value, "
                                       "tokenUser: alice")});
        LinkisClient client(settings(ConnectionSettings::AuthMode::Token));
        Outcome<JobStatus> out;
        client.status(kJob, this, out.callback());
        QTRY_VERIFY(out.result.has_value());
        QCOMPARE(out.result->error().kind, Kind::Auth);
        QVERIFY(!out.result->error().message.contains(QStringLiteral("s3cret-value")));
        QVERIFY(!out.result->error().detail.contains(QStringLiteral("s3cret-value")));
        QVERIFY(out.result->error().message.contains(QStringLiteral("***")));
    }

    void passwordLogsInOnDemandOnceForConcurrentCalls()
    {
        installSessionServer();
        LinkisClient client(settings(ConnectionSettings::AuthMode::Password));
        Outcome<JobStatus> a, b, c;
        client.status(kJob, this, a.callback());
        client.status(kJob, this, b.callback());
        client.status(kJob, this, c.callback());
        QTRY_VERIFY(a.result && b.result && c.result);
        QVERIFY(a.result->ok() && b.result->ok() && c.result->ok());
        QCOMPARE(m_logins, 1);
        const QJsonObject login =
            QJsonDocument::fromJson(m_server->requests().first().body).object();
        QCOMPARE(login.value(QStringLiteral("userName")).toString(), QStringLiteral("alice"));
        // The cookie is reused: no second login.
        Outcome<JobStatus> d;
        client.status(kJob, this, d.callback());
        QTRY_VERIFY(d.result.has_value());
        QVERIFY(d.result->ok());
        QCOMPARE(m_logins, 1);
    }

    void reloginOnceAfterSessionExpiry()
    {
        installSessionServer();
        LinkisClient client(settings(ConnectionSettings::AuthMode::Password));
        QSignalSpy relogged(&client, &LinkisClient::reloggedIn);
        Outcome<JobStatus> first;
        client.status(kJob, this, first.callback());
        QTRY_VERIFY(first.result.has_value());
        QVERIFY(first.result->ok());
        m_ticket = "t2"; // the server forgot the session (restart, idle timeout)
        Outcome<JobStatus> second;
        client.status(kJob, this, second.callback());
        QTRY_VERIFY(second.result.has_value());
        QVERIFY2(second.result->ok(), qPrintable(second.result->error().message));
        QCOMPARE(m_logins, 2);
        QCOMPARE(relogged.count(), 2);
        QCOMPARE(second.calls, 1);
    }

    void failedReloginIsSessionExpired()
    {
        installSessionServer();
        LinkisClient client(settings(ConnectionSettings::AuthMode::Password));
        Outcome<JobStatus> first;
        client.status(kJob, this, first.callback());
        QTRY_VERIFY(first.result.has_value());
        m_ticket = "t2";
        m_password = "changed";
        Outcome<JobStatus> second;
        client.status(kJob, this, second.callback());
        QTRY_VERIFY(second.result.has_value());
        QCOMPARE(second.result->error().kind, Kind::SessionExpired);
        QVERIFY(!second.result->error().message.contains(QStringLiteral("s3cret-value")));
        QCOMPARE(m_logins, 2); // exactly one re-login attempt
    }

    void wrongPasswordIsAuth()
    {
        installSessionServer();
        m_password = "other";
        LinkisClient client(settings(ConnectionSettings::AuthMode::Password));
        Outcome<LoginInfo> login;
        client.login(this, login.callback());
        QTRY_VERIFY(login.result.has_value());
        QCOMPARE(login.result->error().kind, Kind::Auth);
        Outcome<JobStatus> status;
        client.status(kJob, this, status.callback());
        QTRY_VERIFY(status.result.has_value());
        QCOMPARE(status.result->error().kind, Kind::Auth);
    }

    void droppedConnectionIsNetworkError()
    {
        m_server->on(QStringLiteral("/status"), {Response::drop()});
        LinkisClient client(settings(ConnectionSettings::AuthMode::Token));
        Outcome<JobStatus> out;
        client.status(kJob, this, out.callback());
        QTRY_VERIFY(out.result.has_value());
        QCOMPARE(out.result->error().kind, Kind::Network);
        QCOMPARE(out.result->error().httpStatus, 0);
    }

    void refusedConnectionIsNetworkError()
    {
        const QUrl url = m_server->url();
        m_server.reset(); // nobody listens on that port any more
        ConnectionSettings s;
        s.baseUrl = url;
        s.authMode = ConnectionSettings::AuthMode::Token;
        LinkisClient client(s);
        Outcome<JobStatus> out;
        client.status(kJob, this, out.callback());
        QTRY_VERIFY(out.result.has_value());
        QCOMPARE(out.result->error().kind, Kind::Network);
        QVERIFY(out.result->error().message.contains(QStringLiteral("refused")));
        m_server = std::make_unique<FaultServer>();
    }

    void serverErrorsAreTyped_data()
    {
        QTest::addColumn<int>("http");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("kind");
        QTest::newRow("spring 500")
            << 500 << QByteArray(R"({"timestamp":1,"status":500,"error":"Internal Server Error"})")
            << QByteArray("application/json") << int(Kind::Http);
        QTest::newRow("html 502") << 502 << QByteArray("<html><body>Bad Gateway</body></html>")
                                  << QByteArray("text/html") << int(Kind::Http);
        QTest::newRow("malformed") << 200 << QByteArray(R"({"status":0,"data":{)")
                                   << QByteArray("application/json") << int(Kind::Parse);
        QTest::newRow("empty 200")
            << 200 << QByteArray() << QByteArray("application/json") << int(Kind::Parse);
        QTest::newRow("status 1 on 200")
            << 200
            << QByteArray(R"({"method":null,"status":1,"message":"routing failed","data":{}})")
            << QByteArray("application/json") << int(Kind::Linkis);
    }
    void serverErrorsAreTyped()
    {
        QFETCH(int, http);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, kind);
        Response r = Response::json(http, body);
        r.contentType = contentType;
        m_server->on(QStringLiteral("/status"), {r});
        LinkisClient client(settings(ConnectionSettings::AuthMode::Token));
        Outcome<JobStatus> out;
        client.status(kJob, this, out.callback());
        QTRY_VERIFY(out.result.has_value());
        QCOMPARE(int(out.result->error().kind), kind);
        QVERIFY(!out.result->error().message.isEmpty());
    }

    void slowReplyWithinTimeoutSucceeds()
    {
        Response slow = Response::linkis(0, kRunning);
        slow.delayMs = 300;
        m_server->on(QStringLiteral("/status"), {slow});
        LinkisClient client(settings(ConnectionSettings::AuthMode::Token));
        Outcome<JobStatus> out;
        client.status(kJob, this, out.callback());
        QTRY_VERIFY(out.result.has_value());
        QVERIFY(out.result->ok());
    }

    void longestWaitIsTheOldestUnansweredRequest()
    {
        Response slow = Response::linkis(0, kRunning);
        slow.delayMs = 1500;
        m_server->on(QStringLiteral("/status"), {slow});
        LinkisClient client(settings(ConnectionSettings::AuthMode::Token));
        QCOMPARE(client.longestWaitMs(), 0);
        Outcome<JobStatus> out;
        client.status(kJob, this, out.callback());
        QTest::qWait(400);
        QVERIFY(!out.result.has_value()); // the server answers after 1.5 s
        const qint64 waited = client.longestWaitMs();
        QVERIFY2(waited >= 400, qPrintable(QString::number(waited)));
        QTRY_VERIFY_WITH_TIMEOUT(out.result.has_value(), 10000);
        QCOMPARE(client.longestWaitMs(), 0); // answered: nothing waits
    }

    void hangingServerTimesOut()
    {
        m_server->on(QStringLiteral("/status"), {Response::hang()});
        ConnectionSettings s = settings(ConnectionSettings::AuthMode::Token);
        s.timeoutMs = 300;
        LinkisClient client(s);
        Outcome<JobStatus> out;
        client.status(kJob, this, out.callback());
        QTRY_VERIFY_WITH_TIMEOUT(out.result.has_value(), 10000);
        QCOMPARE(out.result->error().kind, Kind::Timeout);
    }

    // A status call needs a few hundred bytes; a 70 MB reply is refused past 64 MB, with a
    // message that says why, instead of being read whole.
    void oversizedReplyIsRefused()
    {
        m_server->on(QStringLiteral("/status"),
                     {Response::json(200, QByteArray(70 * 1024 * 1024, ' ') + kRunning)});
        LinkisClient client(settings(ConnectionSettings::AuthMode::Token));
        Outcome<JobStatus> out;
        client.status(kJob, this, out.callback());
        QTRY_VERIFY_WITH_TIMEOUT(out.result.has_value(), 30000);
        QVERIFY(!out.result->ok());
        QCOMPARE(out.result->error().kind, Kind::Parse);
        QVERIFY2(out.result->error().message.contains(
                     QStringLiteral("more than this request can use (at most 64 MB)")),
                 qPrintable(out.result->error().message));
    }

    void cancelledCallNeverCallsBack()
    {
        m_server->on(QStringLiteral("/status"), {Response::hang()});
        m_server->on(QStringLiteral("/progress"),
                     {Response::linkis(0, R"({"progress":0.5,"progressInfo":[]})")});
        LinkisClient client(settings(ConnectionSettings::AuthMode::Token));
        Outcome<JobStatus> cancelled;
        RequestHandle handle = client.status(kJob, this, cancelled.callback());
        QVERIFY(handle.isActive());
        QTRY_COMPARE(m_server->countRequests(QStringLiteral("/status")), 1);
        handle.cancel();
        QVERIFY(!handle.isActive());
        Outcome<ProgressInfo> later;
        client.progress(kJob, this, later.callback());
        QTRY_VERIFY(later.result.has_value());
        QCOMPARE(later.result->value().progress, 0.5);
        QCOMPARE(cancelled.calls, 0);
    }

    void deadContextNeverCalledBack()
    {
        Response slow = Response::linkis(0, kRunning);
        slow.delayMs = 100;
        m_server->on(QStringLiteral("/status"), {slow});
        m_server->on(QStringLiteral("/progress"),
                     {Response::linkis(0, R"({"progress":0.25,"progressInfo":[]})")});
        LinkisClient client(settings(ConnectionSettings::AuthMode::Token));
        auto *context = new QObject;
        Outcome<JobStatus> gone;
        client.status(kJob, context, gone.callback());
        delete context;
        QTRY_COMPARE(m_server->countRequests(QStringLiteral("/status")), 1);
        Outcome<ProgressInfo> later;
        Response slower = Response::linkis(0, R"({"progress":0.25,"progressInfo":[]})");
        slower.delayMs = 300; // answers after the status reply was sent
        m_server->on(QStringLiteral("/progress"), {slower});
        client.progress(kJob, this, later.callback());
        QTRY_VERIFY(later.result.has_value());
        QCOMPARE(gone.calls, 0);
    }

    void submitSendsLabelsAndExecuteFlavour()
    {
        m_server->on(QStringLiteral("/entrance/submit"),
                     {Response::linkis(0, R"({"execID":"e9","taskID":9})")});
        m_server->on(QStringLiteral("/entrance/execute"),
                     {Response::linkis(0, R"({"execID":"e10","taskID":"10"})")});
        ConnectionSettings s = settings(ConnectionSettings::AuthMode::Token);
        s.proxyUser = QStringLiteral("bob");
        LinkisClient client(s);
        SubmitRequest request;
        request.code = QStringLiteral("select 1");
        request.runType = QStringLiteral("sql");
        request.engineType = QStringLiteral("sqlite");
        request.engineVersion = QStringLiteral("3");
        Outcome<SubmitResult> out;
        client.submit(request, this, out.callback());
        QTRY_VERIFY(out.result.has_value());
        QCOMPARE(out.result->value().taskId, 9);
        const QJsonObject body = QJsonDocument::fromJson(m_server->requests().last().body).object();
        const QJsonObject labels = body.value(QStringLiteral("labels")).toObject();
        QCOMPARE(labels.value(QStringLiteral("engineType")).toString(), QStringLiteral("sqlite-3"));
        QCOMPARE(labels.value(QStringLiteral("userCreator")).toString(), QStringLiteral("bob-IDE"));
        QVERIFY(!body.contains(QStringLiteral("executeUser")));
        QCOMPARE(m_server->requests().last().header("Token-User"), QByteArray("bob"));
        QCOMPARE(m_server->requests().last().header("Content-Type").left(16),
                 QByteArray("application/json"));

        s.flavour = ConnectionSettings::ApiFlavour::Execute;
        client.setSettings(s);
        Outcome<SubmitResult> old;
        client.submit(request, this, old.callback());
        QTRY_VERIFY(old.result.has_value());
        QCOMPARE(old.result->value().taskId, 10);
        QCOMPARE(old.result->value().execId, QStringLiteral("e10"));
        const QJsonObject oldBody =
            QJsonDocument::fromJson(m_server->requests().last().body).object();
        QCOMPARE(oldBody.value(QStringLiteral("executionCode")).toString(),
                 QStringLiteral("select 1"));
    }

    void killIsGetWithTaskIdAndOpenFileAsksForNulls()
    {
        m_server->on(QStringLiteral("/kill"), {Response::linkis(0, R"({"execID":"e1"})")});
        m_server->on(QStringLiteral("/openFile"),
                     {Response::linkis(0, R"({"type":"2","metadata":[],"fileContent":[]})")});
        LinkisClient client(settings(ConnectionSettings::AuthMode::Token));
        Outcome<Unit> killed;
        client.kill(kJob, this, killed.callback());
        QTRY_VERIFY(killed.result.has_value());
        QVERIFY(killed.result->ok());
        QCOMPARE(m_server->requests().last().method, QByteArray("GET"));
        QCOMPARE(m_server->requests().last().query.queryItemValue(QStringLiteral("taskID")),
                 QStringLiteral("42"));
        Outcome<ResultPage> page;
        client.openFile(QStringLiteral("/r/_0.dolphin"), 3, 100, this, page.callback());
        QTRY_VERIFY(page.result.has_value());
        const QUrlQuery q = m_server->requests().last().query;
        QCOMPARE(q.queryItemValue(QStringLiteral("page")), QStringLiteral("3"));
        QCOMPARE(q.queryItemValue(QStringLiteral("pageSize")), QStringLiteral("100"));
        QCOMPARE(q.queryItemValue(QStringLiteral("nullValue")), LinkisClient::nullSentinel());
        QCOMPARE(q.queryItemValue(QStringLiteral("path")), QStringLiteral("/r/_0.dolphin"));
    }

    void baseUrlWithApiPrefixAndBadUrl()
    {
        m_server->on(QStringLiteral("/status"), {Response::linkis(0, kRunning)});
        ConnectionSettings s = settings(ConnectionSettings::AuthMode::Token);
        s.baseUrl = QUrl(m_server->url().toString() + QStringLiteral("/api/rest_j/v1/"));
        LinkisClient client(s);
        Outcome<JobStatus> out;
        client.status(kJob, this, out.callback());
        QTRY_VERIFY(out.result.has_value());
        QCOMPARE(m_server->requests().last().path,
                 QStringLiteral("/api/rest_j/v1/entrance/e1/status"));
        s.baseUrl = QUrl(QStringLiteral("not a url"));
        client.setSettings(s);
        Outcome<JobStatus> bad;
        client.status(kJob, this, bad.callback());
        QTRY_VERIFY(bad.result.has_value());
        QCOMPARE(bad.result->error().kind, Kind::Usage);
    }
};

QTEST_GUILESS_MAIN(TestClientFaults)
#include "tst_client_faults.moc"
