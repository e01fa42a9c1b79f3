// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/apireply.h"
#include "http/apirequest.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace linkisdesk::gateway {

class HttpServer;

// One client connection of HttpServer: reads HTTP/1.1 (and 1.0) requests off the socket, one at
// a time, within the server's HttpLimits, and writes the replies in order. The head is read up to
// maxHeaderBytes and checked by HttpServer::admit() before the body; the body is counted as it
// arrives (Content-Length or chunked). Timers: idleTimeoutMs while no request is in progress,
// requestTimeoutMs from a request's first byte to its last, lingerMs to drain input after the
// last reply. Owns the socket; deletes itself when the connection ends.
class HttpConnection : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    HttpConnection(QTcpSocket *socket, HttpServer &server, QObject *parent = nullptr);
    ~HttpConnection() override;

    // The 503 answered when the server already has `limit` connections.
    static ApiReply busyReply(int limit);
    // Status line, headers and (unless withBody is false, for HEAD) the body.
    static QByteArray serialize(const ApiReply &reply, bool http10, bool close, bool withBody);

private:
    enum class State {
        Idle, // between requests
        Head, // reading a request line and headers
        Body, // reading a body of m_bodyLength bytes, or chunks
        Closing, // the last reply is written; input is drained until the peer closes
    };
    enum class Chunk { Size, Data, DataEnd, Trailer };

    void process();
    bool readHead();
    void parseHead();
    bool readBody();
    bool readChunked();
    bool readLine(QByteArray *line, bool *tooLong);
    void complete();
    void respond(const ApiReply &reply, bool close);
    void refuse(int httpStatus, const QString &message);
    void halfClose();
    void onTimeout();
    void finish();

    qint64 available() const;
    QByteArray take(qint64 max);

    QTcpSocket *m_socket;
    HttpServer &m_server;
    QTimer m_timer;
    State m_state = State::Idle;
    QByteArray m_pending; // read past the end of a head: the start of the body or next request
    QByteArray m_head;
    ApiRequest m_request;
    qint64 m_bodyLength = 0;
    bool m_chunked = false;
    Chunk m_chunk = Chunk::Size;
    qint64 m_chunkLeft = 0;
    QByteArray m_line;
    bool m_http10 = false;
    bool m_keepAlive = true;
    bool m_isHead = false;
    bool m_halfClosed = false;
};

} // namespace linkisdesk::gateway
