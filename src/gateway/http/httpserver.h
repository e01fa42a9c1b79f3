// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/authservice.h"
#include "http/httplimits.h"
#include "http/router.h"

#include <QHostAddress>
#include <QObject>

#include <optional>

class QTcpServer;

namespace linkisdesk::gateway {

class HttpConnection;

// The gateway's HTTP/1.1 server on a QTcpServer. Each connection is an HttpConnection, which
// reads requests within HttpLimits: the head is checked (size, header count, Content-Length,
// route, authentication) through admit() before any body byte is read, the body is counted as
// it arrives, and idle or slow connections are closed. Requests outside /api/rest_j/v1, over
// the size limit, or from a foreign browser Origin get Linkis envelopes too.
// (QtHttpServer 6.4 buffers whole requests without limits or timeouts, so it is not used.)
class HttpServer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    static inline const QString kPrefix = QStringLiteral("/api/rest_j/v1/");

    HttpServer(Router &router, AuthService &auth, const HttpLimits &limits = {},
               QObject *parent = nullptr);
    ~HttpServer() override;

    // Returns the bound port, or 0 on failure.
    quint16 start(const QHostAddress &address, quint16 port);
    void stopAccepting();
    quint16 port() const { return m_port; }
    const HttpLimits &limits() const { return m_limits; }
    int connectionCount() const { return m_connections; }

    // The checks a request's head must pass before its body is read: Origin, path prefix,
    // route, authentication and declared body size. nullopt = go on and read the body.
    std::optional<ApiReply> admit(ApiRequest &request, qint64 bodyLength);
    // The reply to a whole request (admit() included); public so tests and the fuzzer can drive
    // routes without sockets.
    ApiReply dispatch(ApiRequest &request);
    // The reply to a request admit() has passed.
    ApiReply run(ApiRequest &request);

private:
    void accept(qintptr descriptor);
    bool originAllowed(const QByteArray &origin) const;

    Router &m_router;
    AuthService &m_auth;
    HttpLimits m_limits;
    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
    QString m_host;
    int m_connections = 0;
};

} // namespace linkisdesk::gateway
