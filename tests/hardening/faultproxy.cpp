// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultproxy.h"

#include "httprequestframe.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace linkisdesk::hardening {

namespace {

QByteArray reasonFor(int status)
{
    switch (status) {
    case 200: return "OK";
    case 401: return "Unauthorized";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    default: return "Status";
    }
}

QByteArray headerBlock(int status, qint64 contentLength, const QByteArray &contentType,
                       const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonFor(status) + "\r\n";
    out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    out += "Connection: close\r\n";
    for (const auto &h : headers)
        out += h.first + ": " + h.second + "\r\n";
    return out + "\r\n";
}

// Wraps every value of the envelope's data in the wrong JSON type.
QByteArray wrongTypes(const QByteArray &body)
{
    QJsonObject root = QJsonDocument::fromJson(body).object();
    if (root.isEmpty())
        return body;
    QJsonObject data = root.value(QStringLiteral("data")).toObject();
    for (auto it = data.begin(); it != data.end(); ++it) {
        const QJsonValue v = it.value();
        it.value() = v.isArray() ? QJsonValue(QJsonObject {{QStringLiteral("v"), v}})
                                 : QJsonValue(QJsonArray {v});
    }
    root.insert(QStringLiteral("data"), data);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

} // namespace

FaultProxy::FaultProxy(const QUrl &upstream, QObject *parent)
    : QObject(parent)
    , m_upstream(upstream)
    , m_server(new QTcpServer(this))
    , m_nam(new QNetworkAccessManager(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
}

FaultProxy::~FaultProxy() = default;

bool FaultProxy::listen()
{
    if (!m_server->listen(QHostAddress::LocalHost, m_port))
        return false;
    m_port = m_server->serverPort();
    return true;
}

QUrl FaultProxy::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

void FaultProxy::setFault(Fault fault, const QByteArray &pathFragment)
{
    if (fault == Fault::Refuse && m_server->isListening())
        m_server->close();
    else if (fault != Fault::Refuse && !m_server->isListening() && m_port != 0)
        m_server->listen(QHostAddress::LocalHost, m_port);
    m_fault = fault;
    m_fragment = pathFragment;
}

void FaultProxy::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_pending.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_pending.remove(socket);
            socket->deleteLater();
        });
    }
}

void FaultProxy::onReadyRead(QTcpSocket *socket)
{
    auto it = m_pending.find(socket);
    if (it == m_pending.end() || it->handled)
        return;
    it->buffer += socket->readAll();
    testsupport::HttpRequestFrame frame;
    if (!testsupport::HttpRequestFrame::take(it->buffer, &frame))
        return;
    it->handled = true;
    handle(socket, frame.method, frame.target, frame.headers, frame.body);
}

void FaultProxy::handle(QTcpSocket *socket, const QByteArray &method, const QByteArray &target,
                        const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body)
{
    const qsizetype question = target.indexOf('?');
    const QByteArray path = question < 0 ? target : target.left(question);
    const bool hit = m_fault != Fault::None && m_fault != Fault::Refuse &&
        (m_fragment.isEmpty() || path.contains(m_fragment));
    if (!hit) {
        forward(socket, method, target, headers, body, Fault::None);
        return;
    }
    ++m_injected;
    emit faultInjected(path);
    const QByteArray method404 = path.mid(path.indexOf("/v1/") + 3);
    switch (m_fault) {
    case Fault::Stall: {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(m_stallMs, this, [guard] {
            if (guard)
                guard->abort();
        });
        return;
    }
    case Fault::Spring500:
        reply(socket, 500,
              "{\"timestamp\":\"2024-05-01T10:00:00.000+0000\",\"status\":500,\"error\":"
              "\"Internal Server Error\",\"message\":\"java.lang.NullPointerException\","
              "\"path\":\"" +
                  path + "\"}",
              {});
        return;
    case Fault::Html502:
        reply(socket, 502,
              "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>"
              "502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n"
              "</html>\r\n",
              {}, "text/html");
        return;
    case Fault::SessionLost401:
    case Fault::StatusMinusOne200:
        reply(socket, m_fault == Fault::SessionLost401 ? 401 : 200,
              "{\"method\":\"" + method404 +
                  "\",\"status\":-1,\"message\":\"You are not logged in, please login "
                  "first!\",\"data\":{}}",
              {});
        return;
    case Fault::OversizedPage: {
        QByteArray rows = "[";
        const QByteArray cell = "\"" + QByteArray(98, 'x') + "\"";
        while (rows.size() < m_hugeBytes)
            rows += (rows.size() > 1 ? ",[" : "[") + cell + "]";
        rows += "]";
        reply(socket, 200,
              "{\"method\":\"/api/filesystem/openFile\",\"status\":0,\"message\":\"OK\","
              "\"data\":{\"metadata\":[{\"columnName\":\"c\",\"dataType\":\"string\","
              "\"comment\":\"\"}],\"totalPage\":1,\"totalLine\":1,\"page\":1,\"type\":\"2\","
              "\"fileContent\":" +
                  rows + "}}",
              {});
        return;
    }
    case Fault::Endless:
    case Fault::EndlessUnsized: endless(socket, m_fault == Fault::Endless); return;
    default: forward(socket, method, target, headers, body, m_fault); return;
    }
}

void FaultProxy::trickle(QTcpSocket *socket, const QByteArray &body)
{
    QPointer<QTcpSocket> guard(socket);
    auto *timer = new QTimer(this);
    auto left = std::make_shared<QByteArray>(body);
    connect(timer, &QTimer::timeout, this, [guard, timer, left] {
        if (!guard || left->isEmpty()) {
            if (guard)
                guard->disconnectFromHost();
            timer->deleteLater();
            return;
        }
        guard->write(left->left(1));
        left->remove(0, 1);
    });
    timer->start(1000);
}

void FaultProxy::endless(QTcpSocket *socket, bool sized)
{
    m_endlessSent = 0;
    QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=UTF-8\r\n";
    if (sized)
        head += "Content-Length: " + QByteArray::number(m_hugeBytes) + "\r\n";
    socket->write(head + "Connection: close\r\n\r\n{\"data\":\"");
    const QByteArray filler(1024 * 1024, 'x');
    auto refill = [this, socket, filler] {
        while (socket->bytesToWrite() < 4 * filler.size() && m_endlessSent < m_hugeBytes) {
            socket->write(filler);
            m_endlessSent += filler.size();
        }
        if (m_endlessSent >= m_hugeBytes && socket->bytesToWrite() == 0)
            socket->disconnectFromHost();
    };
    connect(socket, &QTcpSocket::bytesWritten, this, refill);
    refill();
}

void FaultProxy::forward(QTcpSocket *socket, const QByteArray &method, const QByteArray &target,
                         const QList<QPair<QByteArray, QByteArray>> &headers,
                         const QByteArray &body, Fault fault)
{
    ++m_forwarded;
    QNetworkRequest request(QUrl::fromEncoded(m_upstream.toEncoded() + target));
    for (const auto &h : headers) {
        static const QList<QByteArray> skipped = {"host", "content-length", "connection",
                                                  "accept-encoding"};
        if (!skipped.contains(h.first.toLower()))
            request.setRawHeader(h.first, h.second);
    }
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    // Cookies travel in the forwarded headers only, never through the proxy's own jar.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    QNetworkReply *upstream = m_nam->sendCustomRequest(request, method, body);
    QPointer<QTcpSocket> guard(socket);
    connect(upstream, &QNetworkReply::finished, this, [this, upstream, guard, fault] {
        upstream->deleteLater();
        if (!guard)
            return;
        const int status = upstream->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QByteArray payload = upstream->readAll();
        if (status == 0) { // the gateway itself is gone: the client sees a dropped connection
            guard->abort();
            return;
        }
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray contentType = "application/json;charset=UTF-8";
        for (const auto &h : upstream->rawHeaderPairs()) {
            const QByteArray name = h.first.toLower();
            if (name == "content-type")
                contentType = h.second;
            else if (name != "content-length" && name != "connection" &&
                     name != "transfer-encoding" && name != "content-encoding")
                headers.append(h);
        }
        switch (fault) {
        case Fault::Trickle:
            guard->write(headerBlock(status, payload.size(), contentType, headers));
            trickle(guard, payload);
            return;
        case Fault::ResetMidBody:
            guard->write(headerBlock(status, payload.size(), contentType, headers));
            guard->write(payload.left(payload.size() / 2));
            guard->flush();
            guard->abort();
            return;
        case Fault::TruncatedJson: payload = payload.left(payload.size() / 2); break;
        case Fault::WrongTypes: payload = wrongTypes(payload); break;
        default: break;
        }
        reply(guard, status, payload, headers, contentType);
    });
}

void FaultProxy::reply(QTcpSocket *socket, int status, const QByteArray &body,
                       const QList<QPair<QByteArray, QByteArray>> &headers,
                       const QByteArray &contentType)
{
    socket->write(headerBlock(status, body.size(), contentType, headers));
    socket->write(body);
    socket->disconnectFromHost();
}

} // namespace linkisdesk::hardening
