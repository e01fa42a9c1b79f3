// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httpserver.h"

#include "http/httpconnection.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <exception>
#include <functional>
#include <sys/socket.h>
#include <unistd.h>

namespace linkisdesk::gateway {

namespace {

// Hands each accepted socket descriptor to the server before Qt wraps it, so a connection over
// the cap costs no QTcpSocket.
class Listener : public QTcpServer
{
public:
    Listener(std::function<void(qintptr)> accept, QObject *parent)
        : QTcpServer(parent)
        , m_accept(std::move(accept))
    { }

protected:
    void incomingConnection(qintptr descriptor) override { m_accept(descriptor); }

private:
    std::function<void(qintptr)> m_accept;
};

// Answers 503 on a raw descriptor and closes it. What the client already sent is read off first
// (as far as it has arrived) so the close does not reset the connection under the answer.
void refuseBusy(qintptr descriptor, int limit)
{
    const int fd = int(descriptor);
    char sink[4096];
    for (int i = 0; i < 16 && ::recv(fd, sink, sizeof sink, MSG_DONTWAIT) > 0; ++i) { }
    const ApiReply reply = HttpConnection::busyReply(limit);
    const QByteArray bytes = HttpConnection::serialize(reply, false, true, true);
    [[maybe_unused]] const ssize_t sent =
        ::send(fd, bytes.constData(), size_t(bytes.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
    ::shutdown(fd, SHUT_WR);
    ::close(fd);
}

} // namespace

HttpServer::HttpServer(Router &router, AuthService &auth, const HttpLimits &limits, QObject *parent)
    : QObject(parent)
    , m_router(router)
    , m_auth(auth)
    , m_limits(limits)
{ }

HttpServer::~HttpServer()
{
    // Connections call back into this server; they go first.
    const QList<HttpConnection *> open = findChildren<HttpConnection *>();
    for (HttpConnection *c : open)
        delete c;
}

quint16 HttpServer::start(const QHostAddress &address, quint16 port)
{
    auto *server = new Listener([this](qintptr d) { accept(d); }, this);
    if (!server->listen(address, port)) {
        qWarning("listen failed: %s", qPrintable(server->errorString()));
        delete server;
        return 0;
    }
    m_server = server;
    m_port = server->serverPort();
    m_host = address.toString();
    return m_port;
}

void HttpServer::stopAccepting()
{
    if (m_server)
        m_server->close();
}

void HttpServer::accept(qintptr descriptor)
{
    if (m_connections >= m_limits.maxConnections) {
        refuseBusy(descriptor, m_limits.maxConnections);
        return;
    }
    auto *socket = new QTcpSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        ::close(int(descriptor));
        delete socket;
        return;
    }
    ++m_connections;
    auto *connection = new HttpConnection(socket, *this, this);
    connect(connection, &QObject::destroyed, this, [this] { --m_connections; });
}

bool HttpServer::originAllowed(const QByteArray &origin) const
{
    const QByteArray p = QByteArray::number(m_port);
    return origin == "http://127.0.0.1:" + p || origin == "http://localhost:" + p ||
        origin == "http://" + m_host.toUtf8() + ':' + p;
}

std::optional<ApiReply> HttpServer::admit(ApiRequest &request, qint64 bodyLength)
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
            return refused;
    }
    if (bodyLength > m_limits.maxBodyBytes) {
        ApiReply reply = ApiReply::error(request.fullPath, ApiReply::Error,
                                         QStringLiteral("The request body is too large (%1 "
                                                        "bytes); the limit is %2 MB.")
                                             .arg(bodyLength)
                                             .arg(m_limits.maxBodyBytes / (1024 * 1024)));
        reply.httpStatus = 413;
        return reply;
    }
    return std::nullopt;
}

ApiReply HttpServer::run(ApiRequest &request)
{
    const Router::Match match = m_router.match(request);
    if (!match.handler)
        return ApiReply::error(request.fullPath, ApiReply::Error,
                               QStringLiteral("unknown request URI %1").arg(request.fullPath));
    try {
        return (*match.handler)(request);
    } catch (const std::exception &e) {
        return ApiReply::error(request.fullPath, ApiReply::Error,
                               QStringLiteral("operation failed(操作失败)！the reason(原因)：%1")
                                   .arg(QString::fromUtf8(e.what())));
    }
}

ApiReply HttpServer::dispatch(ApiRequest &request)
{
    if (auto refused = admit(request, request.body.size()))
        return *refused;
    return run(request);
}

} // namespace linkisdesk::gateway
