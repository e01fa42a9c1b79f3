// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/connectionsettings.h"

#include <QString>
#include <QStringList>
#include <QUrl>

namespace linkisdesk::bench {

// How the benchmarks use the gateway (tests/support TestGateway starts it): token
// authentication as user "bench", enough job slots for the polling benchmark.
struct BenchAccount
{
    static constexpr int MaxJobs = 256;

    static QString user() { return QStringLiteral("bench"); }
    static QString token() { return QStringLiteral("bench-token"); }
    // The gateway's command-line arguments beyond the data directory.
    static QStringList gatewayArguments();
    static ConnectionSettings settings(const QUrl &url, const QString &token);
};

} // namespace linkisdesk::bench
