// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/connectionsettings.h"
#include "httpresult.h"

#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace linkisdesk::testsupport {

// The one way the tests start the real linkis-desk-gateway: the executable from the build's bin
// directory as a child process on 127.0.0.1 (port 0), its URL and token read from the JSON line
// it prints once it listens. Everything waits through the event loop.
//
// By default it gets a temporary data directory, a known token, a users file (alice=alice-pw,
// bob=bob-pw), a proxy config (vcode=*) and a runtime file; the "bare" form passes only
// --data-dir and the given arguments (the gateway tests check the gateway's own defaults).
// restart() keeps the port and the data. call()/get()/post()/submit() talk Linkis REST to it.
class TestGateway
{
public:
    static constexpr const char *Token = "test-token";

    struct Options
    {
        QString dataDir; // empty: data/ in the harness's temporary directory
        QStringList arguments; // appended to the command line
        // --token Token, --users, --proxy-config and --runtime-file as described above; off: the
        // gateway's defaults (it makes its own token, anyone may sign in).
        bool accounts = true;
        QProcessEnvironment environment; // empty: this process's
        bool forwardStderr = true; // the gateway's log goes to the test's stderr
    };

    // Only --data-dir `dataDir` (empty: the temporary one) and `arguments`.
    static Options bare(const QString &dataDir, const QStringList &arguments);

    TestGateway();
    explicit TestGateway(Options options);
    // Bare: only --data-dir `dataDir` and `arguments`; its stderr is kept in process().
    explicit TestGateway(const QString &dataDir, const QStringList &arguments = {});
    ~TestGateway();
    TestGateway(const TestGateway &) = delete;
    TestGateway &operator=(const TestGateway &) = delete;

    static QString binary();

    // Starts and waits until it printed its URL; false with a message on failure.
    bool start(QString *error = nullptr);
    // SIGTERM and wait for the exit (running jobs end Cancelled); SIGKILL if it does not exit.
    bool stop();
    // SIGTERM, then wait; returns the exit code (-1 if it did not exit normally in time).
    int terminate(int ms = 10000);
    // SIGKILL and wait: running jobs are left behind and become Failed on the next start.
    bool crash();
    void killHard() { crash(); }
    // stop() or crash(), then start again on the same port with the same data.
    bool restart(bool hard, QString *error = nullptr);

    QUrl url() const { return m_url; }
    QString token() const { return m_token; }
    qint64 pid() const { return m_process.processId(); }
    QString dataDir() const;
    QString runtimeFile() const { return m_dir.path() + QStringLiteral("/runtime/gateway.json"); }
    QProcess &process() { return m_process; }

    // Client settings for the given auth mode and user (password: "<user>-pw").
    ConnectionSettings settings(ConnectionSettings::AuthMode mode,
                                const QString &user = QStringLiteral("alice")) const;

    // Linkis REST over HTTP, waiting for the answer (30 s at most).
    Headers tokenHeaders(const QString &user = QStringLiteral("hadoop")) const;
    HttpResult call(const QByteArray &verb, const QString &path, const QByteArray &body,
                    const Headers &headers, QNetworkAccessManager *nam = nullptr);
    HttpResult get(const QString &path, const QString &user = QStringLiteral("hadoop"));
    HttpResult post(const QString &path, const QJsonObject &body,
                    const QString &user = QStringLiteral("hadoop"));
    // Submits with the 1.x body; returns {execID, taskID} or an empty object on failure.
    QJsonObject submit(const QString &code, const QString &engine, const QString &runType,
                       const QString &user = QStringLiteral("hadoop"), QJsonObject params = {});
    QString status(const QString &execId, const QString &user = QStringLiteral("hadoop"));
    static bool completed(const QString &status);
    // Polls until the job completes; returns the final status (or the last seen on timeout).
    QString waitDone(const QString &execId, int ms = 20000,
                     const QString &user = QStringLiteral("hadoop"));
    QJsonObject task(qint64 taskId, const QString &user = QStringLiteral("hadoop"));

private:
    QStringList arguments() const;

    Options m_options;
    QTemporaryDir m_dir;
    QProcess m_process;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    QUrl m_url;
    QString m_token;
};

} // namespace linkisdesk::testsupport
