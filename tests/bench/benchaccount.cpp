// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchaccount.h"

namespace linkisdesk::bench {

QStringList BenchAccount::gatewayArguments()
{
    return {QStringLiteral("--token"), token(), QStringLiteral("--max-jobs"),
            QString::number(MaxJobs)};
}

ConnectionSettings BenchAccount::settings(const QUrl &url, const QString &token)
{
    ConnectionSettings s;
    s.baseUrl = url;
    s.authMode = ConnectionSettings::AuthMode::Token;
    s.user = user();
    s.secret = token;
    s.timeoutMs = 120000;
    return s;
}

} // namespace linkisdesk::bench
