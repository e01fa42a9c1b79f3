// SPDX-License-Identifier: GPL-3.0-or-later
#include "testgateway.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <sys/types.h>

namespace linkisdesk::testsupport {

namespace {

constexpr int kStartTimeoutMs = 30000;

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(content);
}

} // namespace

TestGateway::TestGateway()
    : TestGateway(Options {})
{ }

TestGateway::TestGateway(Options options)
    : m_options(std::move(options))
{
    if (m_options.accounts) {
        writeFile(m_dir.path() + QStringLiteral("/users"), "alice=alice-pw\nbob=bob-pw\n");
        writeFile(m_dir.path() + QStringLiteral("/proxy.properties"), "vcode=*\n");
        QDir(m_dir.path()).mkpath(QStringLiteral("runtime"));
        QFile::setPermissions(m_dir.path() + QStringLiteral("/runtime"),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
}

TestGateway::Options TestGateway::bare(const QString &dataDir, const QStringList &arguments)
{
    Options o;
    o.dataDir = dataDir;
    o.arguments = arguments;
    o.accounts = false;
    return o;
}

TestGateway::TestGateway(const QString &dataDir, const QStringList &arguments)
    : TestGateway([&] {
        Options o = bare(dataDir, arguments);
        o.forwardStderr = false;
        return o;
    }())
{ }

TestGateway::~TestGateway()
{
    stop();
}

QString TestGateway::binary()
{
    return QStringLiteral(LINKIS_DESK_GATEWAY_BIN);
}

QString TestGateway::dataDir() const
{
    return m_options.dataDir.isEmpty() ? m_dir.path() + QStringLiteral("/data") : m_options.dataDir;
}

QStringList TestGateway::arguments() const
{
    QStringList args;
    if (m_url.port() > 0) // a restart keeps the port
        args << QStringLiteral("--port") << QString::number(m_url.port());
    args << QStringLiteral("--data-dir") << dataDir();
    if (m_options.accounts) {
        args << QStringLiteral("--token") << QString::fromLatin1(Token) << QStringLiteral("--users")
             << m_dir.path() + QStringLiteral("/users") << QStringLiteral("--proxy-config")
             << m_dir.path() + QStringLiteral("/proxy.properties")
             << QStringLiteral("--runtime-file") << runtimeFile();
    }
    return args + m_options.arguments;
}

bool TestGateway::start(QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (m_process.state() != QProcess::NotRunning)
        return fail(QStringLiteral("the gateway is already running"));
    if (!m_options.environment.isEmpty())
        m_process.setProcessEnvironment(m_options.environment);
    m_process.setProcessChannelMode(m_options.forwardStderr ? QProcess::ForwardedErrorChannel
                                                            : QProcess::SeparateChannels);
    m_process.start(binary(), arguments());
    if (!m_process.waitForStarted(10000))
        return fail(
            QStringLiteral("the gateway could not be started: %1").arg(m_process.errorString()));
    QSignalSpy output(&m_process, &QProcess::readyReadStandardOutput);
    const QDeadlineTimer deadline(kStartTimeoutMs);
    while (!m_process.canReadLine()) {
        if (m_process.state() != QProcess::Running)
            return fail(QStringLiteral("the gateway exited (code %1) before it was ready")
                            .arg(m_process.exitCode()));
        if (deadline.hasExpired()) {
            crash();
            return fail(QStringLiteral("gateway start timed out"));
        }
        output.wait(100);
    }
    const QByteArray line = m_process.readLine();
    const QJsonObject hello = QJsonDocument::fromJson(line).object();
    const QUrl url(hello.value(QStringLiteral("url")).toString());
    m_token = hello.value(QStringLiteral("token")).toString();
    if (!url.isValid() || url.host().isEmpty() || m_token.isEmpty())
        return fail(QStringLiteral("the gateway printed an unexpected first line: ") +
                    QString::fromUtf8(line.left(200)));
    m_url = url;
    return true;
}

int TestGateway::terminate(int ms)
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitCode();
    ::kill(pid_t(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(ms))
        return -1;
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

bool TestGateway::stop()
{
    if (m_process.state() != QProcess::NotRunning && terminate() < 0)
        crash();
    return m_process.state() == QProcess::NotRunning;
}

bool TestGateway::crash()
{
    if (m_process.state() == QProcess::NotRunning)
        return false;
    m_process.kill();
    return m_process.waitForFinished(10000);
}

bool TestGateway::restart(bool hard, QString *error)
{
    if (!(hard ? crash() : stop())) {
        if (error)
            *error = QStringLiteral("the gateway did not stop");
        return false;
    }
    return start(error);
}

ConnectionSettings TestGateway::settings(ConnectionSettings::AuthMode mode,
                                         const QString &user) const
{
    ConnectionSettings s;
    s.baseUrl = m_url;
    s.authMode = mode;
    s.user = user;
    s.timeoutMs = 10000;
    switch (mode) {
    case ConnectionSettings::AuthMode::Password: s.secret = user + QStringLiteral("-pw"); break;
    case ConnectionSettings::AuthMode::Token: s.secret = m_token; break;
    case ConnectionSettings::AuthMode::SeedProxy:
    case ConnectionSettings::AuthMode::LinkisProxy: s.secret = QStringLiteral("vcode"); break;
    case ConnectionSettings::AuthMode::None: break;
    }
    return s;
}

Headers TestGateway::tokenHeaders(const QString &user) const
{
    return {{"Token-Code", m_token.toUtf8()}, {"Token-User", user.toUtf8()}};
}

HttpResult TestGateway::call(const QByteArray &verb, const QString &path, const QByteArray &body,
                             const Headers &headers, QNetworkAccessManager *nam)
{
    QNetworkRequest req(QUrl(m_url.toString() + QStringLiteral("/api/rest_j/v1/") + path));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    if (!nam) {
        if (!m_nam)
            m_nam = std::make_unique<QNetworkAccessManager>();
        nam = m_nam.get();
    }
    QNetworkReply *reply = nam->sendCustomRequest(req, verb, body);
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

HttpResult TestGateway::get(const QString &path, const QString &user)
{
    return call("GET", path, {}, tokenHeaders(user));
}

HttpResult TestGateway::post(const QString &path, const QJsonObject &body, const QString &user)
{
    return call("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                tokenHeaders(user));
}

QJsonObject TestGateway::submit(const QString &code, const QString &engine, const QString &runType,
                                const QString &user, QJsonObject params)
{
    const HttpResult r =
        post(QStringLiteral("entrance/submit"),
             {{QStringLiteral("executionContent"),
               QJsonObject {{QStringLiteral("code"), code}, {QStringLiteral("runType"), runType}}},
              {QStringLiteral("params"), params},
              {QStringLiteral("labels"),
               QJsonObject {{QStringLiteral("engineType"), engine},
                            {QStringLiteral("userCreator"), user + QStringLiteral("-IDE")}}}},
             user);
    return r.status() == 0 ? r.data() : QJsonObject {};
}

QString TestGateway::status(const QString &execId, const QString &user)
{
    return get(QStringLiteral("entrance/%1/status").arg(execId), user)
        .data()
        .value(QStringLiteral("status"))
        .toString();
}

bool TestGateway::completed(const QString &s)
{
    return s == QStringLiteral("Succeed") || s == QStringLiteral("Failed") ||
        s == QStringLiteral("Cancelled") || s == QStringLiteral("Timeout");
}

QString TestGateway::waitDone(const QString &execId, int ms, const QString &user)
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

QJsonObject TestGateway::task(qint64 taskId, const QString &user)
{
    return get(QStringLiteral("jobhistory/%1/get").arg(taskId), user)
        .data()
        .value(QStringLiteral("task"))
        .toObject();
}

} // namespace linkisdesk::testsupport
