// SPDX-License-Identifier: GPL-3.0-or-later
#include "testgateway.h"

#include <QFile>
#include <QSignalSpy>

#include <csignal>
#include <sys/types.h>

namespace linkisdesk::testsupport {

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(content);
}

} // namespace

TestGateway::TestGateway()
{
    writeFile(m_dir.path() + QStringLiteral("/users"), "alice=alice-pw\nbob=bob-pw\n");
    writeFile(m_dir.path() + QStringLiteral("/proxy.properties"), "vcode=*\n");
}

TestGateway::~TestGateway()
{
    if (m_gateway && m_gateway->isReady())
        stop();
}

bool TestGateway::start(QString *error)
{
    m_gateway = std::make_unique<LocalGateway>();
    LocalGateway::Options o;
    o.executable = QStringLiteral(LINKIS_DESK_GATEWAY_BIN);
    o.dataDir = dataDir();
    o.runtimeFile = m_dir.path() + QStringLiteral("/runtime/gateway.json");
    o.token = QString::fromLatin1(Token);
    o.usersFile = m_dir.path() + QStringLiteral("/users");
    o.proxyConfig = m_dir.path() + QStringLiteral("/proxy.properties");
    o.reuse = false;
    o.port = quint16(m_url.port(0));
    QSignalSpy ready(m_gateway.get(), &LocalGateway::ready);
    QSignalSpy failed(m_gateway.get(), &LocalGateway::failed);
    m_gateway->start(o);
    for (int i = 0; i < 300 && ready.isEmpty() && failed.isEmpty(); ++i)
        ready.wait(100);
    if (ready.isEmpty()) {
        if (error)
            *error = failed.isEmpty() ? QStringLiteral("gateway start timed out")
                                      : failed.first().first().value<ApiError>().message;
        return false;
    }
    m_url = m_gateway->url();
    return true;
}

bool TestGateway::stop()
{
    if (!m_gateway)
        return true;
    QSignalSpy stopped(m_gateway.get(), &LocalGateway::stopped);
    m_gateway->stop();
    for (int i = 0; i < 100 && stopped.isEmpty(); ++i)
        stopped.wait(100);
    return !stopped.isEmpty();
}

bool TestGateway::crash()
{
    if (!m_gateway || m_gateway->pid() <= 0)
        return false;
    QSignalSpy stopped(m_gateway.get(), &LocalGateway::stopped);
    ::kill(pid_t(m_gateway->pid()), SIGKILL);
    for (int i = 0; i < 100 && stopped.isEmpty(); ++i)
        stopped.wait(100);
    return !stopped.isEmpty();
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
    case ConnectionSettings::AuthMode::Token: s.secret = QString::fromLatin1(Token); break;
    case ConnectionSettings::AuthMode::SeedProxy:
    case ConnectionSettings::AuthMode::LinkisProxy: s.secret = QStringLiteral("vcode"); break;
    case ConnectionSettings::AuthMode::None: break;
    }
    return s;
}

} // namespace linkisdesk::testsupport
