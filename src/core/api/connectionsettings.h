// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace linkisdesk {

// How LinkisClient reaches one gateway. Built from a profile plus its secret; the secret lives in
// memory only and never reaches logs or error details.
struct ConnectionSettings
{
    enum class AuthMode {
        None, // no credentials (the server will answer 401)
        Password, // POST user/login, cookie session, one re-login on 401 / status -1
        Token, // Token-Code: <secret>, Token-User: <user> on every request
        SeedProxy, // Proxy-User: <proxyUser or user>, Validation-Code: <secret> on every request
        LinkisProxy, // GET user/proxy?proxyUser=<proxyUser or user>&validationCode=<secret>
    };
    enum class ApiFlavour { Submit, Execute };

    QUrl baseUrl; // http://host:9001 (a trailing /api/rest_j/v1 is accepted too)
    AuthMode authMode = AuthMode::Password;
    QString user;
    QString proxyUser; // the user jobs run as: Token-User, Proxy-User, user/proxy, or (Password)
                       // executeUser + userCreator in the submit body
    QString secret; // password, token or validation code
    ApiFlavour flavour = ApiFlavour::Submit;
    QString tlsPinSha256; // hex, colons and case ignored; empty: only CA-verified certificates
    int timeoutMs = 30000;

    // The user jobs run as: proxyUser when set, else user.
    QString executeUser() const { return proxyUser.isEmpty() ? user : proxyUser; }
    // baseUrl + "/api/rest_j/v1/" + path (path without a leading slash).
    QUrl apiUrl(const QString &path) const;

    static QString authModeName(AuthMode mode); // "password", "token", ...
    static AuthMode authModeFromName(const QString &name, bool *ok = nullptr);
};

} // namespace linkisdesk
