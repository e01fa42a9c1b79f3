// SPDX-License-Identifier: GPL-3.0-or-later
// The gateway's HTTP layer under hostile connections, over raw sockets on 127.0.0.1 (issue 14):
// idle and half-sent requests are closed, the number of connections is capped, a request's head
// and authentication are checked before its body is read, oversized heads get 431, and HTTP/1.0
// gets an HTTP/1.0 answer and a close. The limits are lowered through the command line so each
// case needs a few hundred connections and a few seconds at most.
#include "testgateway.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <csignal>
#include <memory>
#include <vector>

using namespace linkisdesk::testsupport;

namespace {

// One raw client connection.
class Raw
{
public:
    explicit Raw(const QString &base)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, quint16(QUrl(base).port()));
        m_connected = m_socket.waitForConnected(5000);
    }
    bool connected() const { return m_connected; }
    void send(const QByteArray &data)
    {
        m_socket.write(data);
        m_socket.waitForBytesWritten(5000);
    }
    // Reads until a whole reply (head + Content-Length body) is in, the peer closes, or `ms`.
    QByteArray reply(int ms = 5000)
    {
        QElapsedTimer t;
        t.start();
        while (!complete() && m_socket.state() == QAbstractSocket::ConnectedState &&
               t.elapsed() < ms) {
            m_socket.waitForReadyRead(int(qMax<qint64>(1, ms - t.elapsed())));
            m_in += m_socket.readAll();
        }
        m_in += m_socket.readAll();
        const qsizetype end = replyEnd();
        const QByteArray one = end > 0 ? m_in.left(end) : m_in;
        m_in.remove(0, one.size());
        return one;
    }
    // True once the gateway has closed the connection (within `ms`); what it sent is kept.
    bool closedWithin(int ms)
    {
        QElapsedTimer t;
        t.start();
        while (m_socket.state() == QAbstractSocket::ConnectedState && t.elapsed() < ms) {
            m_socket.waitForReadyRead(int(qMax<qint64>(1, ms - t.elapsed())));
            m_in += m_socket.readAll();
        }
        m_in += m_socket.readAll();
        return m_socket.state() != QAbstractSocket::ConnectedState;
    }
    QByteArray received() const { return m_in; }
    QTcpSocket &socket() { return m_socket; }

private:
    qsizetype replyEnd() const
    {
        const qsizetype head = m_in.indexOf("\r\n\r\n");
        if (head < 0)
            return -1;
        qint64 length = 0;
        for (const QByteArray &line : m_in.left(head).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        const qint64 end = head + 4 + length;
        return end <= m_in.size() ? qsizetype(end) : -1;
    }
    bool complete() const { return replyEnd() > 0; }

    QTcpSocket m_socket;
    QByteArray m_in;
    bool m_connected = false;
};

int openDescriptors(qint64 pid)
{
    return int(QDir(QStringLiteral("/proc/%1/fd").arg(pid))
                   .entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System)
                   .size());
}

QByteArray statusLine(const QByteArray &reply)
{
    return reply.left(reply.indexOf("\r\n"));
}

} // namespace

class TestGatewayConnections : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestGateway> m_gw;

    // A gateway with short timeouts: idle 1 s, a request must arrive within 1 s.
    void startGateway(const QStringList &extra = {})
    {
        m_gw.reset();
        m_gw = std::make_unique<TestGateway>(m_dir.filePath(QStringLiteral("data")), extra);
        QVERIFY(m_gw->start());
    }
    QByteArray tokenHeaders() const
    {
        return "Token-Code: " + m_gw->token().toUtf8() + "\r\nToken-User: hadoop\r\n";
    }

private slots:
    void init()
    {
        startGateway({QStringLiteral("--idle-timeout"), QStringLiteral("1"),
                      QStringLiteral("--request-timeout"), QStringLiteral("1"),
                      QStringLiteral("--max-connections"), QStringLiteral("100")});
    }
    void cleanup() { m_gw.reset(); }

    void idleConnectionIsClosed()
    {
        Raw raw(m_gw->url().toString());
        QVERIFY(raw.connected());
        QVERIFY2(raw.closedWithin(8000), "an idle connection stays open");
        QVERIFY(raw.received().isEmpty());
    }

    void keptAliveConnectionServesManyRequestsThenIdlesOut()
    {
        Raw raw(m_gw->url().toString());
        QVERIFY(raw.connected());
        const QByteArray get = "GET /api/rest_j/v1/jobhistory/list?pageSize=1 HTTP/1.1\r\nHost: "
                               "x\r\n" +
            tokenHeaders() + "\r\n";
        raw.send(get + get); // pipelined
        QCOMPARE(statusLine(raw.reply()), QByteArray("HTTP/1.1 200 OK"));
        QCOMPARE(statusLine(raw.reply()), QByteArray("HTTP/1.1 200 OK"));
        QVERIFY(raw.closedWithin(8000));
    }

    void halfSentHeadGets408()
    {
        Raw raw(m_gw->url().toString());
        QVERIFY(raw.connected());
        raw.send("GET /api/rest_j/v1/jobhistory/list HTTP/1.1\r\nHost: x\r\n");
        QVERIFY2(raw.closedWithin(8000), "a half-sent request stays open");
        QVERIFY2(raw.received().startsWith("HTTP/1.1 408 "), raw.received().constData());
    }

    void trickledBodyGets408()
    {
        Raw raw(m_gw->url().toString());
        QVERIFY(raw.connected());
        raw.send("POST /api/rest_j/v1/entrance/submit HTTP/1.1\r\nHost: x\r\n" + tokenHeaders() +
                 "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{");
        // One byte every 200 ms: each byte is progress, but the request is not done in 1 s.
        for (int i = 0; i < 30 && raw.socket().state() == QAbstractSocket::ConnectedState; ++i) {
            raw.send(" ");
            QTest::qWait(200);
            if (raw.socket().bytesAvailable() > 0)
                break;
        }
        QVERIFY(raw.closedWithin(5000));
        QVERIFY2(raw.received().startsWith("HTTP/1.1 408 "), raw.received().constData());
    }

    // With --max-connections 100, 300 idle connections leave the gateway at about 100 open
    // sockets; the rest are answered 503 and closed, and the gateway still serves.
    void connectionsOverTheCapAreRefused()
    {
        startGateway({QStringLiteral("--max-connections"), QStringLiteral("100")});
        const qint64 pid = m_gw->process().processId();
        const int before = openDescriptors(pid);
        std::vector<std::unique_ptr<Raw>> held;
        for (int i = 0; i < 100; ++i) {
            held.push_back(std::make_unique<Raw>(m_gw->url().toString()));
            QVERIFY(held.back()->connected());
        }
        QTRY_VERIFY_WITH_TIMEOUT(openDescriptors(pid) >= before + 100, 10000);
        for (int i = 0; i < 200; ++i) {
            Raw extra(m_gw->url().toString());
            QVERIFY(extra.connected());
            QVERIFY2(extra.closedWithin(5000), "a connection over the cap stays open");
            QVERIFY2(extra.received().startsWith("HTTP/1.1 503 "),
                     extra.received().left(200).constData());
        }
        QVERIFY2(openDescriptors(pid) <= before + 105,
                 qPrintable(QStringLiteral("%1 descriptors open").arg(openDescriptors(pid))));
        held.resize(50); // closing 50 frees room
        QTRY_VERIFY_WITH_TIMEOUT(openDescriptors(pid) <= before + 50, 10000);
        QCOMPARE(m_gw->get(QStringLiteral("jobhistory/list?pageSize=1")).status(), 0);
    }

    // The head is checked before the body: a 1 GB upload without credentials is answered 401 at
    // once, and one with credentials 413, without a byte of the body sent.
    void bodyIsRefusedBeforeItIsRead_data()
    {
        QTest::addColumn<bool>("authenticated");
        QTest::addColumn<QByteArray>("status");
        QTest::newRow("no credentials") << false << QByteArray("HTTP/1.1 401 ");
        QTest::newRow("over the limit") << true << QByteArray("HTTP/1.1 413 ");
    }
    void bodyIsRefusedBeforeItIsRead()
    {
        QFETCH(bool, authenticated);
        QFETCH(QByteArray, status);
        Raw raw(m_gw->url().toString());
        QVERIFY(raw.connected());
        raw.send("POST /api/rest_j/v1/entrance/submit HTTP/1.1\r\nHost: x\r\n" +
                 (authenticated ? tokenHeaders() : QByteArray()) +
                 "Content-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n");
        const QByteArray reply = raw.reply(5000);
        QVERIFY2(reply.startsWith(status), reply.constData());
        QVERIFY(reply.contains("Connection: close"));
        QVERIFY(raw.closedWithin(5000));
    }

    // A chunked body is counted as it comes: past 10 MB it is refused with 413.
    void chunkedBodyIsCountedAsItComes()
    {
        // The default request timeout (30 s): with init()'s 1 s, a loaded machine that takes
        // over a second to move the 10 MB gets 408 before the body is counted out.
        startGateway();
        Raw raw(m_gw->url().toString());
        QVERIFY(raw.connected());
        raw.send("POST /api/rest_j/v1/entrance/submit HTTP/1.1\r\nHost: x\r\n" + tokenHeaders() +
                 "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        const QByteArray chunk =
            QByteArray::number(1024 * 1024, 16) + "\r\n" + QByteArray(1024 * 1024, 'x') + "\r\n";
        for (int i = 0; i < 12 && raw.socket().state() == QAbstractSocket::ConnectedState; ++i)
            raw.send(chunk);
        const QByteArray reply = raw.reply(30000);
        QVERIFY2(reply.startsWith("HTTP/1.1 413 "), reply.left(200).constData());
    }

    void chunkedBodyWithinTheLimitIsServed()
    {
        Raw raw(m_gw->url().toString());
        QVERIFY(raw.connected());
        const QByteArray body = R"({"executionContent":{"code":"select 1","runType":"sql"},)"
                                R"("labels":{"engineType":"sqlite-3","userCreator":"hadoop-IDE"}})";
        raw.send("POST /api/rest_j/v1/entrance/submit HTTP/1.1\r\nHost: x\r\n" + tokenHeaders() +
                 "Expect: 100-continue\r\nContent-Type: application/json\r\n"
                 "Transfer-Encoding: chunked\r\n\r\n" +
                 QByteArray::number(10, 16) + "\r\n" + body.left(10) + "\r\n" +
                 QByteArray::number(body.size() - 10, 16) + "\r\n" + body.mid(10) +
                 "\r\n0\r\n\r\n");
        QCOMPARE(statusLine(raw.reply()), QByteArray("HTTP/1.1 100 Continue"));
        const QByteArray reply = raw.reply();
        QVERIFY2(reply.startsWith("HTTP/1.1 200 OK"), reply.constData());
        QVERIFY(reply.contains("\"taskID\""));
    }

    void oversizedHeadsGet431_data()
    {
        QTest::addColumn<QByteArray>("headers");
        QTest::newRow("one 40 KB header") << "X-Big: " + QByteArray(40 * 1024, 'a') + "\r\n";
        QByteArray many;
        for (int i = 0; i < 150; ++i)
            many += "X-H" + QByteArray::number(i) + ": v\r\n";
        QTest::newRow("150 headers") << many;
    }
    void oversizedHeadsGet431()
    {
        QFETCH(QByteArray, headers);
        Raw raw(m_gw->url().toString());
        QVERIFY(raw.connected());
        raw.send("GET /api/rest_j/v1/jobhistory/list HTTP/1.1\r\nHost: x\r\n" + tokenHeaders() +
                 headers + "\r\n");
        const QByteArray reply = raw.reply();
        QVERIFY2(reply.startsWith("HTTP/1.1 431 "), reply.left(300).constData());
        QVERIFY(reply.contains("\"status\":1"));
        QVERIFY(raw.closedWithin(5000));
    }

    void http10GetsAnHttp10AnswerAndAClose()
    {
        Raw raw(m_gw->url().toString());
        QVERIFY(raw.connected());
        raw.send("GET /api/rest_j/v1/jobhistory/list?pageSize=1 HTTP/1.0\r\n" + tokenHeaders() +
                 "\r\n");
        QVERIFY2(raw.closedWithin(5000), "an HTTP/1.0 connection stays open");
        QVERIFY2(raw.received().startsWith("HTTP/1.0 200 OK\r\n"),
                 raw.received().left(200).constData());
        QVERIFY(raw.received().contains("\"status\":0"));
    }

    void malformedRequestLinesGet400()
    {
        for (const QByteArray &line :
             {QByteArray("GARBAGE\r\n\r\n"), QByteArray("GET /api/rest_j/v1/x HTTP/2.0\r\n\r\n"),
              QByteArray("GET /a HTTP/1.1\r\nNoColon\r\n\r\n")}) {
            Raw raw(m_gw->url().toString());
            QVERIFY(raw.connected());
            raw.send(line);
            const QByteArray reply = raw.reply();
            QVERIFY2(reply.startsWith("HTTP/1.1 400 ") || reply.startsWith("HTTP/1.1 505 "),
                     reply.constData());
            QVERIFY(raw.closedWithin(5000));
        }
        QCOMPARE(m_gw->get(QStringLiteral("jobhistory/list?pageSize=1")).status(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGatewayConnections)
#include "tst_connections.moc"
