// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/result.h"
#include "http/httplimits.h"

#include <QString>
#include <QStringList>

namespace linkisdesk::gateway {

// The gateway's command line. These option names are relied on by the app and the tests.
struct GatewayOptions
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0; // 0 = any free port
    QString dataDir; // empty = the user's application data directory
    QString token; // empty = a new random token
    QString usersFile; // name=password lines
    QString proxyConfigFile; // validationCode=user1,user2 | *
    int maxJobs = 0; // 0 = the CPU count
    QString runtimeFile; // where to write {"url","token","pid"} (0600); removed on exit
    QStringList databases; // --database NAME=FILE specs, checked by SqliteCatalog::parseSpec
    HttpLimits http; // --max-connections, --idle-timeout, --request-timeout
    int engineIdleTimeoutMs = 30 * 60 * 1000; // --engine-idle-timeout (seconds)
    int maxEnginesPerUser = 4; // --max-engines-per-user
    bool showVersion = false;

    // Parses argv (arguments.at(0) is the program). --help prints and exits inside.
    static Result<GatewayOptions> parse(const QStringList &arguments);
};

} // namespace linkisdesk::gateway
