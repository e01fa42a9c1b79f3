// SPDX-License-Identifier: GPL-3.0-or-later
// "Connected" means the last request was answered (ConnectionState): LinkisClient against real
// sockets that accept and never answer, answer HTTP 404 (Spring JSON, an HTML page, a Linkis
// envelope), or answer properly.
#include "api/connectionstate.h"
#include "api/linkisclient.h"
#include "awaitresult.h"
#include "faultserver.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace linkisdesk;
using testsupport::await;
using testsupport::FaultServer;
using Response = FaultServer::Response;
using StateKind = ConnectionState::Kind;

namespace {
const QByteArray kPage = R"({"tasks":[],"totalPage":0})";
const QByteArray kSpring404 =
    R"({"timestamp":"2026-12-05T10:00:00.000+00:00","status":404,"error":"Not Found",)"
    R"("path":"/api/rest_j/v1/jobhistory/list"})";

Result<TaskPage> listJobs(LinkisClient &client)
{
    return await<TaskPage>([&client](QObject *context, Callback<TaskPage> cb) {
        client.jobList(TaskQuery {}, context, std::move(cb));
    });
}
} // namespace

class TestConnectionState : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<FaultServer> m_server;

    std::unique_ptr<LinkisClient> client(int timeoutMs = 5000) const
    {
        ConnectionSettings s;
        s.baseUrl = m_server->url();
        s.authMode = ConnectionSettings::AuthMode::Token;
        s.user = QStringLiteral("alice");
        s.secret = QStringLiteral("tok-123");
        s.timeoutMs = timeoutMs;
        return std::make_unique<LinkisClient>(s);
    }

private slots:
    void init()
    {
        m_server = std::make_unique<FaultServer>();
        QVERIFY(m_server->listen());
    }
    void cleanup() { m_server.reset(); }

    void theRuleForEachKindOfOutcome()
    {
        using Api = ApiError::Kind;
        QCOMPARE(ConnectionState::after(ApiError())->kind, StateKind::Connected);
        // A Linkis error is an answer: the gateway is there ("no such table").
        QCOMPARE(
            ConnectionState::after(ApiError::make(Api::Linkis, QStringLiteral("x"), 200, 1))->kind,
            StateKind::Connected);
        QCOMPARE(ConnectionState::after(ApiError::make(Api::Timeout, QStringLiteral("x")))->kind,
                 StateKind::Unreachable);
        QCOMPARE(ConnectionState::after(ApiError::make(Api::Network, QStringLiteral("x")))->kind,
                 StateKind::Unreachable);
        QCOMPARE(ConnectionState::after(ApiError::make(Api::Http, QStringLiteral("x"), 502))->kind,
                 StateKind::NotLinkis);
        QCOMPARE(ConnectionState::after(ApiError::make(Api::Auth, QStringLiteral("x"), 401))->kind,
                 StateKind::Refused);
        // Even a Linkis envelope at HTTP 404 means there is no such API at this address.
        QCOMPARE(
            ConnectionState::after(ApiError::make(Api::Linkis, QStringLiteral("x"), 404, 1))->kind,
            StateKind::NotLinkis);
        QVERIFY(!ConnectionState::after(ApiError::make(Api::Cancelled, QStringLiteral("x"))));
        QVERIFY(!ConnectionState::after(ApiError::make(Api::Io, QStringLiteral("x"))));
    }

    void aServerThatAcceptsAndNeverAnswersIsNotConnected()
    {
        // A bare socket server: accepts the connection, reads, never writes a byte.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> accepted;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = silent.nextPendingConnection())
                accepted.append(s);
        });
        ConnectionSettings s;
        s.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()));
        s.authMode = ConnectionSettings::AuthMode::Token;
        s.secret = QStringLiteral("tok-123");
        s.timeoutMs = 1500;
        LinkisClient c(s);
        QSignalSpy changed(&c, &LinkisClient::connectionStateChanged);
        std::optional<Result<TaskPage>> result;
        c.jobList(TaskQuery {}, this, [&result](Result<TaskPage> r) { result.emplace(r); });
        QTRY_VERIFY(!accepted.isEmpty()); // the connection was accepted...
        QVERIFY(!c.connectionState().isConnected()); // ...which says nothing yet
        QCOMPARE(c.connectionState().kind, StateKind::Unchecked);
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
        QVERIFY(!result->ok());
        QCOMPARE(c.connectionState().kind, StateKind::Unreachable);
        QVERIFY(!c.connectionState().message.isEmpty());
        QCOMPARE(changed.size(), 1);
    }

    void aHangingFaultServerIsUnreachableAfterTheTimeout()
    {
        m_server->setHandler([](const FaultServer::Request &) { return Response::hang(); });
        auto c = client(1500);
        QVERIFY(!listJobs(*c).ok());
        QCOMPARE(c->connectionState().kind, StateKind::Unreachable);
    }

    void http404IsNotConnected_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("Spring JSON") << QByteArray("application/json") << kSpring404;
        QTest::newRow("HTML page")
            << QByteArray("text/html")
            << QByteArray("<html><body><h1>404 Not Found</h1></body></html>");
        QTest::newRow("empty") << QByteArray("text/plain") << QByteArray();
        QTest::newRow("Linkis envelope")
            << QByteArray("application/json")
            << QByteArray(R"({"method":"","status":1,"message":"no such path","data":{}})");
    }
    void http404IsNotConnected()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        m_server->setHandler([&](const FaultServer::Request &) {
            Response r = Response::json(404, body);
            r.contentType = contentType;
            return r;
        });
        auto c = client();
        QVERIFY(!listJobs(*c).ok());
        QCOMPARE(c->connectionState().kind, StateKind::NotLinkis);
        QVERIFY(!c->connectionState().isConnected());
        // The raw door judges the same way.
        const Result<RawReply> raw = await<RawReply>([&c](QObject *context, Callback<RawReply> cb) {
            c->raw("GET", QStringLiteral("jobhistory/list"), {}, {}, context, std::move(cb));
        });
        QVERIFY(raw.ok());
        QCOMPARE(c->connectionState().kind, StateKind::NotLinkis);
    }

    void theLastRequestDecides()
    {
        bool up = true;
        m_server->setHandler([&up](const FaultServer::Request &) {
            return up ? Response::linkis(0, kPage) : Response::json(404, kSpring404);
        });
        auto c = client();
        QSignalSpy changed(c.get(), &LinkisClient::connectionStateChanged);
        QVERIFY(listJobs(*c).ok());
        QCOMPARE(c->connectionState().kind, StateKind::Connected);
        QVERIFY(listJobs(*c).ok());
        QCOMPARE(changed.size(), 1); // the same state twice is one change
        up = false;
        QVERIFY(!listJobs(*c).ok());
        QCOMPARE(c->connectionState().kind, StateKind::NotLinkis);
        up = true;
        QVERIFY(listJobs(*c).ok());
        QVERIFY(c->connectionState().isConnected());
        QCOMPARE(changed.size(), 3);
    }

    void aLinkisErrorIsStillConnected()
    {
        m_server->setHandler([](const FaultServer::Request &) {
            return Response::linkis(1, {}, "Table not found");
        });
        auto c = client();
        const Result<TaskPage> r = listJobs(*c);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ApiError::Kind::Linkis);
        QVERIFY(c->connectionState().isConnected());
    }

    void aRefusedTokenIsRefused()
    {
        m_server->setHandler([](const FaultServer::Request &) {
            return Response::linkis(-1, {}, "Token tok-123 is not valid");
        });
        auto c = client();
        QVERIFY(!listJobs(*c).ok());
        QCOMPARE(c->connectionState().kind, StateKind::Refused);
        QVERIFY(!c->connectionState().message.contains(QStringLiteral("tok-123"))); // masked
    }
};

QTEST_GUILESS_MAIN(TestConnectionState)
#include "tst_connectionstate.moc"
