// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httpconnection.h"

#include "http/httpserver.h"

#include <QTcpSocket>
#include <QUrl>

#include <algorithm>

#include <sys/socket.h>

namespace linkisdesk::gateway {

namespace {

// A client that sends requests without reading the replies is not read further past this.
constexpr qint64 kMaxQueuedReplyBytes = 8LL * 1024 * 1024;
// Qt's own read buffer per socket; past it the kernel's window holds the client back.
constexpr qint64 kSocketReadBuffer = 64 * 1024;
constexpr int kMaxChunkLine = 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 206: return "Partial Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Status";
    }
}

bool isToken(const QByteArray &s)
{
    if (s.isEmpty())
        return false;
    for (const char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
            (c >= '0' && c <= '9') || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
        if (!ok)
            return false;
    }
    return true;
}

bool hasConnectionToken(const QByteArray &value, const QByteArray &token)
{
    for (const QByteArray &part : value.split(',')) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// Where the blank line that ends a head starts, searching from `from`; *length is its size with
// the line end before it ("\n\n" or "\n\r\n"). -1 while the head is incomplete.
qsizetype headEnd(const QByteArray &data, qsizetype from, int *length)
{
    for (qsizetype i = data.indexOf('\n', from); i >= 0; i = data.indexOf('\n', i + 1)) {
        if (i + 1 < data.size() && data.at(i + 1) == '\n') {
            *length = 2;
            return i;
        }
        if (i + 2 < data.size() && data.at(i + 1) == '\r' && data.at(i + 2) == '\n') {
            *length = 3;
            return i;
        }
    }
    return -1;
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, HttpServer &server, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_server(server)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kSocketReadBuffer);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::process);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_state == State::Idle) {
            m_timer.start(m_server.limits().idleTimeoutMs); // the client reads: not idle
            process(); // requests held back while replies queued up
        } else if (m_state == State::Closing && m_socket->bytesToWrite() == 0) {
            halfClose();
        }
    });
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::finish);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
        // On the peer's close Qt still sends what is queued, then says disconnected.
        if (e != QAbstractSocket::RemoteHostClosedError)
            finish();
    });
    m_timer.start(m_server.limits().idleTimeoutMs);
    // Data may have arrived before the socket was wrapped.
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::process, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection() = default;

ApiReply HttpConnection::busyReply(int limit)
{
    ApiReply reply = ApiReply::error(QString(), ApiReply::Error,
                                     QStringLiteral("The gateway is serving %1 connections, its "
                                                    "limit; try again later.")
                                         .arg(limit));
    reply.httpStatus = 503;
    reply.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
    return reply;
}

QByteArray HttpConnection::serialize(const ApiReply &reply, bool http10, bool close, bool withBody)
{
    QByteArray out;
    out.reserve(reply.body.size() + 256);
    out += http10 ? "HTTP/1.0 " : "HTTP/1.1 ";
    out += QByteArray::number(reply.httpStatus) + ' ' + reasonPhrase(reply.httpStatus) + "\r\n";
    const bool ownType =
        std::any_of(reply.headers.cbegin(), reply.headers.cend(), [](const auto &h) {
            return h.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
        });
    if (!ownType) // a download sends its own
        out += "Content-Type: application/json;charset=UTF-8\r\n";
    out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
    out += "Cache-Control: no-store\r\n";
    out += "X-Content-Type-Options: nosniff\r\n";
    for (const auto &h : reply.headers)
        out += h.first + ": " + h.second + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (withBody)
        out += reply.body;
    return out;
}

qint64 HttpConnection::available() const
{
    return m_pending.size() + m_socket->bytesAvailable();
}

QByteArray HttpConnection::take(qint64 max)
{
    if (!m_pending.isEmpty()) {
        QByteArray out = m_pending.left(max);
        m_pending.remove(0, out.size());
        return out;
    }
    return m_socket->read(max);
}

void HttpConnection::process()
{
    for (;;) {
        switch (m_state) {
        case State::Closing:
            // The reply is out; whatever else the client sends is read and dropped.
            m_pending.clear();
            m_socket->skip(m_socket->bytesAvailable());
            return;
        case State::Idle:
            if (available() == 0 || m_socket->bytesToWrite() > kMaxQueuedReplyBytes)
                return;
            m_state = State::Head;
            m_head.clear();
            m_timer.start(m_server.limits().requestTimeoutMs);
            break;
        case State::Head:
            if (!readHead())
                return;
            break;
        case State::Body:
            if (!readBody())
                return;
            break;
        }
    }
}

bool HttpConnection::readHead()
{
    const HttpLimits &limits = m_server.limits();
    // Room for the blank line that ends a head of exactly maxHeaderBytes.
    const qint64 cap = qint64(limits.maxHeaderBytes) + 3;
    while (available() > 0) {
        if (m_head.isEmpty()) {
            // Line ends before a request line are ignored (RFC 9112 §2.2).
            const QByteArray first = take(1);
            if (first == "\r" || first == "\n")
                continue;
            m_head = first;
        }
        const qint64 room = cap - m_head.size();
        if (room <= 0)
            break;
        const qsizetype from = qMax<qsizetype>(0, m_head.size() - 3);
        m_head += take(qMin(room, available()));
        int length = 0;
        const qsizetype end = headEnd(m_head, from, &length);
        if (end >= 0) {
            m_pending.prepend(m_head.mid(end + length));
            m_head.truncate(end);
            parseHead();
            return true;
        }
    }
    if (m_head.size() >= cap) {
        refuse(431,
               QStringLiteral("The request line and headers are larger than %1 bytes, the "
                              "gateway's limit.")
                   .arg(limits.maxHeaderBytes));
        return true;
    }
    return false;
}

void HttpConnection::parseHead()
{
    const HttpLimits &limits = m_server.limits();
    QList<QByteArray> lines = m_head.split('\n');
    m_head.clear();
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    m_request = ApiRequest();
    m_http10 = false;
    m_keepAlive = false;
    m_isHead = false;
    m_chunked = false;
    m_bodyLength = 0;

    const QList<QByteArray> parts = lines.constFirst().split(' ');
    if (parts.size() != 3 || !isToken(parts.at(0)) || parts.at(1).isEmpty()) {
        refuse(400, QStringLiteral("Malformed request line."));
        return;
    }
    const QByteArray &version = parts.at(2);
    if (version == "HTTP/1.0") {
        m_http10 = true;
    } else if (version != "HTTP/1.1") {
        const auto digit = [&version](int i) {
            return version.at(i) >= '0' && version.at(i) <= '9';
        };
        const bool http = version.size() == 8 && version.startsWith("HTTP/") && digit(5) &&
            version.at(6) == '.' && digit(7);
        refuse(http ? 505 : 400,
               http ? QStringLiteral("%1 is not supported; the gateway speaks HTTP/1.1 and 1.0.")
                          .arg(QString::fromLatin1(version))
                    : QStringLiteral("Malformed request line."));
        return;
    }
    m_request.method = QString::fromLatin1(parts.at(0));
    m_isHead = parts.at(0) == "HEAD";
    const QUrl url = QUrl::fromEncoded(parts.at(1));
    m_request.fullPath = url.path(QUrl::FullyDecoded);
    if (m_request.fullPath.startsWith(HttpServer::kPrefix))
        m_request.path = m_request.fullPath.mid(HttpServer::kPrefix.size());
    m_request.query = QUrlQuery(url);

    if (lines.size() - 1 > limits.maxHeaderCount) {
        refuse(431,
               QStringLiteral("The request has %1 header fields; the gateway's limit is %2.")
                   .arg(lines.size() - 1)
                   .arg(limits.maxHeaderCount));
        return;
    }
    QByteArray contentLength;
    QByteArray transferEncoding;
    QByteArray connection;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = colon > 0 ? line.left(colon) : QByteArray();
        if (!isToken(name)) {
            refuse(400, QStringLiteral("Malformed header line %1.").arg(i));
            return;
        }
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            if (!contentLength.isNull() && contentLength != value) {
                refuse(400, QStringLiteral("Conflicting Content-Length headers."));
                return;
            }
            contentLength = value;
        } else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            transferEncoding += (transferEncoding.isEmpty() ? "" : ",") + value;
        } else if (name.compare("Connection", Qt::CaseInsensitive) == 0) {
            connection += (connection.isEmpty() ? "" : ",") + value;
        }
        m_request.headers.append(qMakePair(name, value));
    }
    m_keepAlive = !m_http10 && !hasConnectionToken(connection, "close");
    if (!transferEncoding.isNull()) {
        if (!contentLength.isNull()) {
            refuse(400,
                   QStringLiteral("A request with both Transfer-Encoding and "
                                  "Content-Length is refused."));
            return;
        }
        if (transferEncoding.trimmed().compare("chunked", Qt::CaseInsensitive) != 0) {
            refuse(501,
                   QStringLiteral("Transfer-Encoding %1 is not supported (only chunked).")
                       .arg(QString::fromLatin1(transferEncoding)));
            return;
        }
        m_chunked = true;
        m_chunk = Chunk::Size;
        m_line.clear();
    } else if (!contentLength.isNull()) {
        bool ok = !contentLength.isEmpty();
        for (const char c : contentLength)
            ok = ok && c >= '0' && c <= '9';
        m_bodyLength = ok && contentLength.size() <= 18 ? contentLength.toLongLong(&ok) : -1;
        if (!ok || m_bodyLength < 0) {
            refuse(400,
                   QStringLiteral("Malformed Content-Length %1.")
                       .arg(QString::fromLatin1(contentLength.left(40))));
            return;
        }
    }
    const bool hasBody = m_chunked || m_bodyLength > 0;
    if (auto refused = m_server.admit(m_request, m_bodyLength)) {
        // The body (if any) is never read: answer, then drain and close.
        respond(*refused, hasBody);
        return;
    }
    if (!hasBody) {
        complete();
        return;
    }
    if (!m_http10 && m_request.header("Expect").compare("100-continue", Qt::CaseInsensitive) == 0)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    m_request.body.reserve(m_chunked ? 0 : m_bodyLength);
    m_state = State::Body;
}

bool HttpConnection::readBody()
{
    if (m_chunked)
        return readChunked();
    const qint64 missing = m_bodyLength - m_request.body.size();
    if (missing > 0 && available() > 0)
        m_request.body += take(qMin(missing, available()));
    if (m_request.body.size() < m_bodyLength)
        return false;
    complete();
    return true;
}

// One line of chunked framing (a size or a trailer); false while it has not ended.
bool HttpConnection::readLine(QByteArray *line, bool *tooLong)
{
    while (available() > 0) {
        const QByteArray c = take(1);
        if (c == "\n") {
            *line = std::exchange(m_line, {});
            if (line->endsWith('\r'))
                line->chop(1);
            return true;
        }
        m_line += c;
        if (m_line.size() > kMaxChunkLine) {
            *tooLong = true;
            return true;
        }
    }
    return false;
}

bool HttpConnection::readChunked()
{
    const qint64 limit = m_server.limits().maxBodyBytes;
    for (;;) {
        QByteArray line;
        bool tooLong = false;
        switch (m_chunk) {
        case Chunk::Size: {
            if (!readLine(&line, &tooLong))
                return false;
            const qsizetype extension = line.indexOf(';'); // chunk extensions are ignored
            const QByteArray hex = (extension < 0 ? line : line.left(extension)).trimmed();
            bool ok = !tooLong && !hex.isEmpty() && hex.size() <= 15;
            const qint64 size = ok ? hex.toLongLong(&ok, 16) : -1;
            if (!ok || size < 0) {
                refuse(400, QStringLiteral("Malformed chunk size in the request body."));
                return true;
            }
            if (m_request.body.size() + size > limit) {
                ApiReply reply = ApiReply::error(
                    m_request.fullPath, ApiReply::Error,
                    QStringLiteral("The request body is too large (more than %1 bytes); the "
                                   "limit is %2 MB.")
                        .arg(m_request.body.size() + size)
                        .arg(limit / (1024 * 1024)));
                reply.httpStatus = 413;
                respond(reply, true);
                return true;
            }
            m_chunkLeft = size;
            m_chunk = size == 0 ? Chunk::Trailer : Chunk::Data;
            break;
        }
        case Chunk::Data:
            if (available() == 0)
                return false;
            {
                const QByteArray data = take(qMin(m_chunkLeft, available()));
                m_request.body += data;
                m_chunkLeft -= data.size();
            }
            if (m_chunkLeft == 0)
                m_chunk = Chunk::DataEnd;
            break;
        case Chunk::DataEnd:
            if (!readLine(&line, &tooLong))
                return false;
            if (tooLong || !line.isEmpty()) {
                refuse(400, QStringLiteral("Malformed chunk in the request body."));
                return true;
            }
            m_chunk = Chunk::Size;
            break;
        case Chunk::Trailer:
            // Trailer fields are read and dropped; an empty line ends the body.
            if (!readLine(&line, &tooLong))
                return false;
            if (tooLong) {
                refuse(431, QStringLiteral("A trailer field of the request is too large."));
                return true;
            }
            if (line.isEmpty()) {
                complete();
                return true;
            }
            break;
        }
    }
}

void HttpConnection::complete()
{
    const ApiReply reply = m_server.run(m_request);
    respond(reply, false);
}

void HttpConnection::respond(const ApiReply &reply, bool close)
{
    close = close || !m_keepAlive;
    m_socket->write(serialize(reply, m_http10, close, !m_isHead));
    m_request = ApiRequest();
    if (close) {
        m_state = State::Closing;
        m_pending.clear();
        m_timer.start(m_server.limits().lingerMs);
        if (m_socket->bytesToWrite() == 0)
            halfClose();
        return;
    }
    m_state = State::Idle;
    m_timer.start(m_server.limits().idleTimeoutMs);
}

void HttpConnection::refuse(int httpStatus, const QString &message)
{
    const QString method = m_request.fullPath.isEmpty() ? QString() : m_request.fullPath;
    ApiReply reply = ApiReply::error(method, ApiReply::Error, message);
    reply.httpStatus = httpStatus;
    respond(reply, true);
}

// The reply is written: say so with a FIN and drain what the client still sends, so closing with
// unread input does not reset the connection under the reply.
void HttpConnection::halfClose()
{
    if (m_halfClosed)
        return;
    m_halfClosed = true;
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    m_socket->skip(m_socket->bytesAvailable());
}

void HttpConnection::onTimeout()
{
    switch (m_state) {
    case State::Head:
    case State::Body:
        refuse(408,
               QStringLiteral("The request did not arrive within %1 s.")
                   .arg(m_server.limits().requestTimeoutMs / 1000.0));
        return;
    case State::Idle:
    case State::Closing: finish(); return;
    }
}

void HttpConnection::finish()
{
    m_timer.stop();
    m_socket->disconnect(this);
    m_socket->abort();
    deleteLater();
}

} // namespace linkisdesk::gateway
