// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace linkisdesk::testsupport {

// A tiny HTTP/1.1 server on 127.0.0.1 for client tests that need faults a real gateway never
// produces on demand: dropped connections, 500s, slow replies, malformed JSON, HTML pages.
// Every request is recorded (header names keep the case the client sent).
class FaultServer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultServer)
public:
    struct Request
    {
        QByteArray method;
        QString path; // decoded, without the query
        QUrlQuery query;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        int connection = 0; // which connection it came on (1, 2, ... in order of accepting)

        QByteArray header(const QByteArray &name) const; // case-insensitive lookup
        bool hasHeaderExactly(const QByteArray &name) const; // case-sensitive name
    };
    struct Response
    {
        enum class Action {
            Reply, // send status + body
            Drop, // close the connection without answering
            Hang, // never answer (the client's timeout must fire)
        };
        Action action = Action::Reply;
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json;charset=UTF-8";
        QList<QPair<QByteArray, QByteArray>> headers;
        int delayMs = 0;

        static Response json(int status, const QByteArray &body);
        // A Linkis envelope {"method","status","message","data"} with the HTTP code Linkis uses.
        static Response linkis(int linkisStatus, const QByteArray &dataJson,
                               const QByteArray &message = "OK");
        static Response drop();
        static Response hang();
    };
    using Handler = std::function<Response(const Request &)>;

    explicit FaultServer(QObject *parent = nullptr);
    ~FaultServer() override;

    bool listen(quint16 port = 0);
    // HTTPS with the given PEM certificate and key (QSslServer); call instead of listen().
    bool listenTls(const QString &certificatePem, const QString &keyPem);
    void close();
    quint16 port() const;
    QUrl url() const; // http:// or https://

    // Answers every request (default: 404 Linkis envelope). A route set with on() wins.
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    // Answers requests whose path ends with `pathSuffix` (e.g. "/status"): the queued responses
    // are used one by one, the last one repeats.
    void on(const QString &pathSuffix, const QList<Response> &responses);
    void clearRoutes() { m_routes.clear(); }
    // Keeps connections open after a reply (HTTP/1.1 keep-alive) instead of closing them.
    void setKeepAlive(bool on) { m_keepAlive = on; }

    const QList<Request> &requests() const { return m_requests; }
    int countRequests(const QString &pathSuffix) const;
    // The most requests whose path ends with pathSuffix that were waiting for an answer at once.
    int maxConcurrent(const QString &pathSuffix) const { return m_maxActive.value(pathSuffix); }
    void clearRequests() { m_requests.clear(); }

signals:
    void requestReceived(const QString &path);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const Request &request);
    void write(QTcpSocket *socket, const Response &response, const QString &segment);

    QTcpServer *m_server = nullptr;
    bool m_tls = false;
    bool m_keepAlive = false;
    int m_connections = 0;
    Handler m_handler;
    QList<QPair<QString, QList<Response>>> m_routes;
    QList<Request> m_requests;
    QMap<QTcpSocket *, QByteArray> m_buffers;
    QMap<QString, int> m_active; // last path segment -> requests not answered yet
    QMap<QString, int> m_maxActive; // "/" + last path segment -> most at once
};

} // namespace linkisdesk::testsupport
