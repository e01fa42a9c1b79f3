// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/connectionsettings.h"

namespace linkisdesk {

QUrl ConnectionSettings::apiUrl(const QString &path) const
{
    QUrl url = baseUrl;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    const QString prefix = QStringLiteral("/api/rest_j/v1");
    if (!base.endsWith(prefix))
        base += prefix;
    QString tail = path;
    while (tail.startsWith(u'/'))
        tail.remove(0, 1);
    url.setPath(base + u'/' + tail);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QString ConnectionSettings::authModeName(AuthMode mode)
{
    switch (mode) {
    case AuthMode::None: return QStringLiteral("none");
    case AuthMode::Password: return QStringLiteral("password");
    case AuthMode::Token: return QStringLiteral("token");
    case AuthMode::SeedProxy: return QStringLiteral("seed-proxy");
    case AuthMode::LinkisProxy: return QStringLiteral("linkis-proxy");
    }
    return QStringLiteral("none");
}

ConnectionSettings::AuthMode ConnectionSettings::authModeFromName(const QString &name, bool *ok)
{
    const QString n = name.trimmed().toLower();
    if (ok)
        *ok = true;
    if (n == u"password" || n == u"static")
        return AuthMode::Password;
    if (n == u"token")
        return AuthMode::Token;
    if (n == u"seed-proxy" || n == u"seedproxy" || n == u"proxy-header")
        return AuthMode::SeedProxy;
    if (n == u"linkis-proxy" || n == u"linkisproxy")
        return AuthMode::LinkisProxy;
    if (n == u"none")
        return AuthMode::None;
    if (ok)
        *ok = false;
    return AuthMode::None;
}

} // namespace linkisdesk
