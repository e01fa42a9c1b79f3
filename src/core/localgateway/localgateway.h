// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/apierror.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

class QProcess;
class QTimer;
class QTcpSocket;

namespace linkisdesk {

// Starts `linkis-desk-gateway` or reuses a running one, and reports its URL and token.
//
// The runtime file (GatewayRuntimeFile; default <RuntimeLocation>/linkis-desk/gateway.json,
// readable only by the user) holds {"url","token","pid"}; a gateway started with --runtime-file
// writes it. A gateway is reused when the file exists, its pid is alive and its URL answers HTTP.
// A process launcher, not a REST type: it lives in core/localgateway/, not core/api/.
class LocalGateway : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalGateway)
public:
    struct Options
    {
        QString executable; // empty: linkis-desk-gateway next to the running binary, then PATH
        QString dataDir; // empty: the gateway's default
        QString runtimeFile; // empty: defaultRuntimeFile()
        QString token; // empty: the gateway makes one
        QString usersFile; // --users
        QString proxyConfig; // --proxy-config
        quint16 port = 0; // 0: any free port
        QStringList extraArguments;
        bool reuse = true; // try the runtime file first
        bool detached = false; // keep running after this object (and the app) go away
        int startTimeoutMs = 15000;
    };

    explicit LocalGateway(QObject *parent = nullptr);
    // Stops a gateway this object started attached; leaves reused and detached ones running.
    ~LocalGateway() override;

    // GatewayRuntimeFile::defaultPath().
    static QString defaultRuntimeFile();
    static QString defaultExecutable();

    // Asynchronous: emits ready() or failed() once.
    void start(const Options &options);
    void start() { start(Options {}); }
    // Terminates a gateway this object started (SIGTERM, then kill after 3 s). Emits stopped().
    void stop();

    bool isReady() const { return m_ready; }
    bool startedHere() const { return m_startedHere; }
    QUrl url() const { return m_url; }
    QString token() const { return m_token; }
    qint64 pid() const { return m_pid; }

signals:
    void ready(const QUrl &url, const QString &token);
    void failed(const linkisdesk::ApiError &error);
    void stopped();

private:
    void tryReuse();
    void probe(const QUrl &url, std::function<void(bool)> done);
    QStringList arguments() const;
    bool prepare();
    void launch();
    void launchDetached();
    void onStdout();
    void pollRuntimeFile();
    void succeed(const QUrl &url, const QString &token, qint64 pid, bool startedHere);
    void fail(const ApiError &error);

    Options m_options;
    QProcess *m_process = nullptr;
    QTimer *m_timer = nullptr;
    QByteArray m_stdout;
    QUrl m_url;
    QString m_token;
    qint64 m_pid = 0;
    bool m_ready = false;
    bool m_startedHere = false;
    bool m_done = false;
    int m_elapsedMs = 0;
};

} // namespace linkisdesk
