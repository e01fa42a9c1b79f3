// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>

class QNetworkAccessManager;
class QTcpServer;
class QTcpSocket;

namespace linkisdesk::hardening {

// An HTTP proxy for tests, between a real client and the real linkis-desk-gateway: every request
// is forwarded to the gateway unchanged until a fault is armed, then the requests whose path
// contains the fault's path fragment get the fault instead of (or on top of) the gateway's reply.
// Clearing the fault lets the traffic through again, so recovery can be checked.
class FaultProxy : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultProxy)

public:
    enum class Fault {
        None, // forward
        Refuse, // stop listening: new connections are refused
        ResetMidBody, // send the headers and half the gateway's body, then reset the connection
        Stall, // read the request and never answer for stallMs, then close
        Spring500, // Spring Boot's 500 JSON (no Linkis envelope)
        Html502, // a reverse proxy's 502 HTML page
        SessionLost401, // HTTP 401 with status -1 "not logged in"
        StatusMinusOne200, // HTTP 200 with status -1 (some gateways answer that way)
        TruncatedJson, // the gateway's reply cut in the middle, Content-Length matching the cut
        WrongTypes, // the gateway's reply with data's values turned into arrays
        OversizedPage, // an openFile page of hugeBytes (rows of 100-byte cells)
        Trickle, // the gateway's reply, headers at once, then the body one byte a second
        Endless, // 200 with Content-Length: hugeBytes, then filler as fast as it is read
        EndlessUnsized, // the same without Content-Length (the body ends when the proxy closes)
    };
    Q_ENUM(Fault)

    explicit FaultProxy(const QUrl &upstream, QObject *parent = nullptr);
    ~FaultProxy() override;

    bool listen(); // on 127.0.0.1, any port; the port stays the same across Refuse and back
    QUrl url() const;

    // Arms `fault` for requests whose path contains `pathFragment` (empty: every request).
    void setFault(Fault fault, const QByteArray &pathFragment = {});
    void clearFault() { setFault(Fault::None); }
    void setStallMs(int ms) { m_stallMs = ms; }
    void setHugeBytes(qint64 bytes) { m_hugeBytes = bytes; }

    int faultsInjected() const { return m_injected; }
    // Endless*: how many body bytes went out before the client closed (or hugeBytes).
    qint64 endlessBytesSent() const { return m_endlessSent; }
    int requestsForwarded() const { return m_forwarded; }

signals:
    void faultInjected(const QByteArray &path);

private:
    struct Pending
    {
        QByteArray buffer;
        bool handled = false;
    };
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void handle(QTcpSocket *socket, const QByteArray &method, const QByteArray &target,
                const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body);
    void forward(QTcpSocket *socket, const QByteArray &method, const QByteArray &target,
                 const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body,
                 Fault fault);
    void trickle(QTcpSocket *socket, const QByteArray &body);
    void endless(QTcpSocket *socket, bool sized);
    void reply(QTcpSocket *socket, int status, const QByteArray &body,
               const QList<QPair<QByteArray, QByteArray>> &headers,
               const QByteArray &contentType = "application/json;charset=UTF-8");

    QUrl m_upstream;
    QTcpServer *m_server = nullptr;
    QNetworkAccessManager *m_nam = nullptr;
    quint16 m_port = 0;
    Fault m_fault = Fault::None;
    QByteArray m_fragment;
    int m_stallMs = 2000;
    qint64 m_hugeBytes = 10LL * 1024 * 1024;
    qint64 m_endlessSent = 0;
    int m_injected = 0;
    int m_forwarded = 0;
    QHash<QTcpSocket *, Pending> m_pending;
};

} // namespace linkisdesk::hardening
