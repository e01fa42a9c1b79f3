// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Starts the real linkis-desk-gateway executable on 127.0.0.1 with port 0 and talks to it over
// HTTP. Test helper only; everything waits through the event loop (QSignalSpy / QTest::qWait).

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <csignal>

struct HttpResult
{
    int http = 0;
    QByteArray body;
    QJsonObject json;
    QList<QNetworkReply::RawHeaderPair> headers;

    int status() const { return json.value(QStringLiteral("status")).toInt(-99); }
    QString message() const { return json.value(QStringLiteral("message")).toString(); }
    QJsonObject data() const { return json.value(QStringLiteral("data")).toObject(); }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
};

using Headers = QList<QPair<QByteArray, QByteArray>>;

class GatewayHarness
{
public:
    explicit GatewayHarness(QString dataDir, QStringList extraArgs = {})
        : m_dataDir(std::move(dataDir))
        , m_args(std::move(extraArgs))
    { }
    ~GatewayHarness() { stop(); }
    GatewayHarness(const GatewayHarness &) = delete;
    GatewayHarness &operator=(const GatewayHarness &) = delete;

    static QString binary() { return QStringLiteral(LINKIS_DESK_BIN_DIR "/linkis-desk-gateway"); }

    bool start()
    {
        QStringList args {QStringLiteral("--data-dir"), m_dataDir};
        args += m_args;
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(binary(), args);
        if (!m_process.waitForStarted(5000))
            return false;
        QSignalSpy spy(&m_process, &QProcess::readyReadStandardOutput);
        while (!m_process.canReadLine()) {
            if (m_process.state() != QProcess::Running || !spy.wait(10000))
                return false;
        }
        const QByteArray line = m_process.readLine();
        const QJsonObject hello = QJsonDocument::fromJson(line).object();
        url = hello.value(QStringLiteral("url")).toString();
        token = hello.value(QStringLiteral("token")).toString();
        return !url.isEmpty() && !token.isEmpty();
    }

    // SIGTERM, then wait; returns the exit code (-1 if it did not exit normally).
    int terminate(int ms = 10000)
    {
        if (m_process.state() == QProcess::NotRunning)
            return m_process.exitCode();
        ::kill(pid_t(m_process.processId()), SIGTERM);
        if (!m_process.waitForFinished(ms))
            return -1;
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    void killHard()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    void stop()
    {
        if (m_process.state() != QProcess::NotRunning && terminate() < 0)
            killHard();
    }
    QProcess &process() { return m_process; }

    Headers tokenHeaders(const QString &user = QStringLiteral("hadoop")) const
    {
        return {{"Token-Code", token.toUtf8()}, {"Token-User", user.toUtf8()}};
    }

    HttpResult call(const QByteArray &verb, const QString &path, const QByteArray &body,
                    const Headers &headers, QNetworkAccessManager *nam = nullptr)
    {
        QNetworkRequest req(QUrl(url + QStringLiteral("/api/rest_j/v1/") + path));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        for (const auto &h : headers)
            req.setRawHeader(h.first, h.second);
        QNetworkAccessManager *n = nam ? nam : &m_nam;
        QNetworkReply *reply = n->sendCustomRequest(req, verb, body);
        QSignalSpy spy(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            spy.wait(30000);
        HttpResult r;
        r.http = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.json = QJsonDocument::fromJson(r.body).object();
        r.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return r;
    }
    HttpResult get(const QString &path, const QString &user = QStringLiteral("hadoop"))
    {
        return call("GET", path, {}, tokenHeaders(user));
    }
    HttpResult post(const QString &path, const QJsonObject &body,
                    const QString &user = QStringLiteral("hadoop"))
    {
        return call("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                    tokenHeaders(user));
    }

    // Submits with the 1.x body; returns {execID, taskID} or an empty object on failure.
    QJsonObject submit(const QString &code, const QString &engine, const QString &runType,
                       const QString &user = QStringLiteral("hadoop"), QJsonObject params = {})
    {
        const HttpResult r = post(
            QStringLiteral("entrance/submit"),
            {{QStringLiteral("executionContent"),
              QJsonObject {{QStringLiteral("code"), code}, {QStringLiteral("runType"), runType}}},
             {QStringLiteral("params"), params},
             {QStringLiteral("labels"),
              QJsonObject {{QStringLiteral("engineType"), engine},
                           {QStringLiteral("userCreator"), user + QStringLiteral("-IDE")}}}},
            user);
        return r.status() == 0 ? r.data() : QJsonObject {};
    }

    QString status(const QString &execId, const QString &user = QStringLiteral("hadoop"))
    {
        return get(QStringLiteral("entrance/%1/status").arg(execId), user)
            .data()
            .value(QStringLiteral("status"))
            .toString();
    }

    static bool completed(const QString &s)
    {
        return s == QStringLiteral("Succeed") || s == QStringLiteral("Failed") ||
            s == QStringLiteral("Cancelled") || s == QStringLiteral("Timeout");
    }

    // Polls until the job completes; returns the final status (or the last seen on timeout).
    QString waitDone(const QString &execId, int ms = 20000,
                     const QString &user = QStringLiteral("hadoop"))
    {
        QString s;
        for (int waited = 0; waited < ms; waited += 50) {
            s = status(execId, user);
            if (completed(s))
                return s;
            QTest::qWait(50);
        }
        return s;
    }

    QJsonObject task(qint64 taskId, const QString &user = QStringLiteral("hadoop"))
    {
        return get(QStringLiteral("jobhistory/%1/get").arg(taskId), user)
            .data()
            .value(QStringLiteral("task"))
            .toObject();
    }

    QString url;
    QString token;

private:
    QString m_dataDir;
    QStringList m_args;
    QProcess m_process;
    QNetworkAccessManager m_nam;
};

// Processes whose process group is `pgid`, read from /proc (field 5 of /proc/PID/stat).
inline QList<qint64> processesInGroup(qint64 pgid)
{
    QList<qint64> out;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &pid : pids) {
        bool ok = false;
        const qint64 p = pid.toLongLong(&ok);
        if (!ok)
            continue;
        QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray stat = f.readAll();
        const qsizetype close = stat.lastIndexOf(')');
        const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
        // after "pid (comm) ": state ppid pgrp ...; zombies are gone for our purpose
        if (fields.size() > 2 && fields.at(0) != "Z" && fields.at(2).toLongLong() == pgid)
            out << p;
    }
    return out;
}

// The pid of a process whose command line contains `needle`, or 0.
inline qint64 findProcess(const QString &needle)
{
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &pid : pids) {
        bool ok = false;
        const qint64 p = pid.toLongLong(&ok);
        if (!ok)
            continue;
        QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (f.open(QIODevice::ReadOnly) && f.readAll().replace('\0', ' ').contains(needle.toUtf8()))
            return p;
    }
    return 0;
}
