// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/connectionsettings.h"
#include "localgateway/localgateway.h"

#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace linkisdesk::testsupport {

// The real linkis-desk-gateway for end-to-end tests: a temporary data directory, a known token,
// a users file (alice=alice-pw, bob=bob-pw) and a proxy config (vcode=*). Started through
// LocalGateway; restart() keeps the port and the data.
class TestGateway
{
public:
    static constexpr const char *Token = "test-token";

    TestGateway();
    ~TestGateway();

    // Starts and waits (QSignalSpy::wait) until it answers; false with a message on failure.
    bool start(QString *error = nullptr);
    // SIGTERM and wait for the exit (running jobs end Cancelled).
    bool stop();
    // SIGKILL and wait: running jobs are left behind and become Failed on the next start.
    bool crash();
    // stop() or crash(), then start again on the same port with the same data.
    bool restart(bool hard, QString *error = nullptr);

    QUrl url() const { return m_url; }
    QString dataDir() const { return m_dir.path() + QStringLiteral("/data"); }
    LocalGateway *gateway() const { return m_gateway.get(); }

    // Client settings for the given auth mode and user (password: "<user>-pw").
    ConnectionSettings settings(ConnectionSettings::AuthMode mode,
                                const QString &user = QStringLiteral("alice")) const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalGateway> m_gateway;
    QUrl m_url;
};

} // namespace linkisdesk::testsupport
