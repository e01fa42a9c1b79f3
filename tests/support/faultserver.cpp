// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultserver.h"

#include "httprequestframe.h"

#include <QFile>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace linkisdesk::testsupport {

QByteArray FaultServer::Request::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool FaultServer::Request::hasHeaderExactly(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first == name)
            return true;
    }
    return false;
}

FaultServer::Response FaultServer::Response::json(int status, const QByteArray &body)
{
    Response r;
    r.status = status;
    r.body = body;
    return r;
}

FaultServer::Response FaultServer::Response::linkis(int linkisStatus, const QByteArray &dataJson,
                                                    const QByteArray &message)
{
    int http = 200;
    switch (linkisStatus) {
    case -1: http = 401; break;
    case 1: http = 400; break;
    case 2: http = 412; break;
    case 3: http = 403; break;
    default: break;
    }
    return json(http,
                "{\"method\":null,\"status\":" + QByteArray::number(linkisStatus) +
                    ",\"message\":\"" + message +
                    "\",\"data\":" + (dataJson.isEmpty() ? QByteArray("{}") : dataJson) + '}');
}

FaultServer::Response FaultServer::Response::drop()
{
    Response r;
    r.action = Action::Drop;
    return r;
}

FaultServer::Response FaultServer::Response::hang()
{
    Response r;
    r.action = Action::Hang;
    return r;
}

FaultServer::FaultServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FaultServer::onNewConnection);
}

FaultServer::~FaultServer() = default;

bool FaultServer::listen(quint16 port)
{
    return m_server->listen(QHostAddress::LocalHost, port);
}

void FaultServer::close()
{
    m_server->close();
    const auto sockets = m_buffers.keys();
    for (QTcpSocket *s : sockets)
        s->abort();
}

bool FaultServer::listenTls(const QString &certificatePem, const QString &keyPem)
{
    QFile certFile(certificatePem);
    QFile keyFile(keyPem);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return false;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(QSslCertificate(certFile.readAll(), QSsl::Pem));
    config.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    delete m_server;
    auto *server = new QSslServer(this);
    server->setSslConfiguration(config);
    m_server = server;
    m_tls = true;
    // QSslServer queues a connection once its handshake is done.
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &FaultServer::onNewConnection);
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 FaultServer::port() const
{
    return m_server->serverPort();
}

QUrl FaultServer::url() const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2")
                    .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
                    .arg(port()));
}

void FaultServer::on(const QString &pathSuffix, const QList<Response> &responses)
{
    for (auto &route : m_routes) {
        if (route.first == pathSuffix) {
            route.second = responses;
            return;
        }
    }
    m_routes.append({pathSuffix, responses});
}

int FaultServer::countRequests(const QString &pathSuffix) const
{
    int n = 0;
    for (const Request &r : m_requests) {
        if (r.path.endsWith(pathSuffix))
            ++n;
    }
    return n;
}

void FaultServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_buffers.insert(socket, {});
        socket->setProperty("connection", ++m_connections);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void FaultServer::onReadyRead(QTcpSocket *socket)
{
    m_buffers[socket] += socket->readAll();
    for (;;) {
        // Looked up again on every round: responding can drop the connection, and its
        // disconnected() handler removes the buffer (a reference kept across respond() dangles).
        const auto it = m_buffers.find(socket);
        if (it == m_buffers.end())
            return;
        HttpRequestFrame frame;
        if (!HttpRequestFrame::take(*it, &frame))
            return;
        Request request;
        request.method = frame.method;
        const QUrl target(QString::fromLatin1(frame.target));
        request.path = target.path();
        request.query = QUrlQuery(target);
        request.headers = frame.headers;
        request.body = frame.body;
        request.connection = socket->property("connection").toInt();
        m_requests.append(request);
        emit requestReceived(request.path);
        respond(socket, request);
    }
}

void FaultServer::respond(QTcpSocket *socket, const Request &request)
{
    const QString segment = u'/' + request.path.section(u'/', -1);
    const int active = ++m_active[segment];
    m_maxActive[segment] = qMax(m_maxActive.value(segment), active);
    Response response;
    bool routed = false;
    for (auto &route : m_routes) {
        if (request.path.endsWith(route.first) && !route.second.isEmpty()) {
            response = route.second.size() > 1 ? route.second.takeFirst() : route.second.first();
            routed = true;
            break;
        }
    }
    if (!routed) {
        response = m_handler ? m_handler(request)
                             : Response::linkis(1, {}, "unknown path " + request.path.toUtf8());
    }
    if (response.action == Response::Action::Hang) {
        --m_active[segment];
        return;
    }
    if (response.delayMs > 0) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(response.delayMs, this, [this, guard, response, segment] {
            if (guard && guard->state() == QAbstractSocket::ConnectedState)
                write(guard, response, segment);
            else
                --m_active[segment];
        });
        return;
    }
    write(socket, response, segment);
}

void FaultServer::write(QTcpSocket *socket, const Response &response, const QString &segment)
{
    --m_active[segment];
    if (response.action == Response::Action::Drop) {
        socket->abort();
        return;
    }
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " X\r\n";
    out += "Content-Type: " + response.contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    for (const auto &h : response.headers)
        out += h.first + ": " + h.second + "\r\n";
    out += m_keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    out += response.body;
    socket->write(out);
    if (!m_keepAlive)
        socket->disconnectFromHost();
}

} // namespace linkisdesk::testsupport
