// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/connectionsettings.h"

#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace linkisdesk {
class LocalGateway;
}

namespace linkisdesk::bench {

// The real linkis-desk-gateway from the build's bin directory, on 127.0.0.1 with a free port,
// a temporary data directory and a known token; enough job slots for the polling benchmark.
class BenchGateway
{
public:
    static constexpr int MaxJobs = 256;

    BenchGateway();
    ~BenchGateway();

    bool start(QString *error);
    void stop();
    QUrl url() const { return m_url; }
    QString token() const { return m_token; }
    qint64 pid() const;
    QString dataDir() const { return m_dir.path() + QStringLiteral("/data"); }

    // Token authentication as user "bench".
    static ConnectionSettings settings(const QUrl &url, const QString &token);
    static QString user() { return QStringLiteral("bench"); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalGateway> m_gateway;
    QUrl m_url;
    QString m_token = QStringLiteral("bench-token");
};

} // namespace linkisdesk::bench
