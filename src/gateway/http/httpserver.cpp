// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httpserver.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpServer>
#include <QTcpSocket>

#include <exception>

namespace linkisdesk::gateway {

namespace {

QString methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put: return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete: return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Post: return QStringLiteral("POST");
    case QHttpServerRequest::Method::Head: return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options: return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch: return QStringLiteral("PATCH");
    default: return QStringLiteral("OTHER");
    }
}

} // namespace

HttpServer::HttpServer(Router &router, AuthService &auth, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_router(router)
    , m_auth(auth)
{ }

quint16 HttpServer::start(const QHostAddress &address, quint16 port)
{
    m_port = listen(address, port);
    m_host = address.toString();
    return m_port;
}

void HttpServer::stopAccepting()
{
    for (QTcpServer *s : servers())
        s->close();
}

bool HttpServer::originAllowed(const QByteArray &origin) const
{
    const QByteArray p = QByteArray::number(m_port);
    return origin == "http://127.0.0.1:" + p || origin == "http://localhost:" + p ||
        origin == "http://" + m_host.toUtf8() + ':' + p;
}

ApiReply HttpServer::dispatch(ApiRequest &request)
{
    const QByteArray origin = request.header("Origin");
    if (!origin.isEmpty() && !originAllowed(origin)) {
        return ApiReply::error(request.fullPath, ApiReply::Forbidden,
                               QStringLiteral("Cross-origin requests are refused: the gateway "
                                              "only serves its own origin, not %1.")
                                   .arg(QString::fromUtf8(origin)));
    }
    if (!request.fullPath.startsWith(kPrefix)) {
        return ApiReply::error(request.fullPath, ApiReply::Error,
                               QStringLiteral("unknown request URI %1 (the gateway serves "
                                              "/api/rest_j/v1/...)")
                                   .arg(request.fullPath));
    }
    if (request.body.size() > kMaxBodyBytes) {
        return ApiReply::error(request.fullPath, ApiReply::Error,
                               QStringLiteral("The request body is too large (%1 bytes); the "
                                              "limit is %2 MB.")
                                   .arg(request.body.size())
                                   .arg(kMaxBodyBytes / (1024 * 1024)));
    }
    const Router::Match match = m_router.match(request);
    if (!match.handler) {
        return ApiReply::error(
            request.fullPath, ApiReply::Error,
            match.pathKnown ? QStringLiteral("Method %1 is not supported for %2.")
                                  .arg(request.method, request.fullPath)
                            : QStringLiteral("unknown request URI %1").arg(request.fullPath));
    }
    if (match.access == Router::Access::Authenticated) {
        if (auto refused = m_auth.authenticate(request))
            return *refused;
    }
    try {
        return (*match.handler)(request);
    } catch (const std::exception &e) {
        return ApiReply::error(request.fullPath, ApiReply::Error,
                               QStringLiteral("operation failed(操作失败)！the reason(原因)：%1")
                                   .arg(QString::fromUtf8(e.what())));
    }
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ApiRequest req;
    req.method = methodName(request.method());
    req.fullPath = request.url().path(QUrl::FullyDecoded);
    if (req.fullPath.startsWith(kPrefix))
        req.path = req.fullPath.mid(kPrefix.size());
    req.query = request.query();
    req.headers = request.headers();
    req.body = request.body();

    const ApiReply reply = dispatch(req);

    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(QHttpServerResponder::StatusCode(reply.httpStatus));
    responder.writeHeader("Content-Type", "application/json;charset=UTF-8");
    responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    responder.writeHeader("Cache-Control", "no-store");
    responder.writeHeader("X-Content-Type-Options", "nosniff");
    for (const auto &h : reply.headers)
        responder.writeHeader(h.first, h.second);
    responder.writeBody(reply.body);
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    handleRequest(request, socket);
}

} // namespace linkisdesk::gateway
