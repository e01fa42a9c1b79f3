// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/authservice.h"
#include "http/router.h"

#include <QAbstractHttpServer>
#include <QHostAddress>

namespace linkisdesk::gateway {

// The only place that touches QtHttpServer (its API changes in later Qt versions).
// Every request is answered synchronously from handleRequest, so no responder outlives its
// socket. Requests outside /api/rest_j/v1, over the size limit, or from a foreign browser
// Origin get Linkis envelopes too.
class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    static constexpr qint64 kMaxBodyBytes = 10LL * 1024 * 1024;
    static inline const QString kPrefix = QStringLiteral("/api/rest_j/v1/");

    HttpServer(Router &router, AuthService &auth, QObject *parent = nullptr);

    // Returns the bound port, or 0 on failure.
    quint16 start(const QHostAddress &address, quint16 port);
    void stopAccepting();
    quint16 port() const { return m_port; }

    // The reply to a request; public so tests can drive routes without sockets.
    ApiReply dispatch(ApiRequest &request);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    bool originAllowed(const QByteArray &origin) const;

    Router &m_router;
    AuthService &m_auth;
    quint16 m_port = 0;
    QString m_host;
};

} // namespace linkisdesk::gateway
