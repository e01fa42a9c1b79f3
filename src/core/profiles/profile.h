// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/result.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <optional>

namespace linkisdesk {

// One gateway the user works with: where it is, how to log in, and what to submit by default.
// A plain value; ProfileStore keeps the list. Secrets (password, token, validation code) are
// never part of it: they live in a SecretStore under secretKey(name, kind).
struct Profile
{
    enum class AuthMode {
        Password, // POST user/login, cookie session; secret: Password
        Token, // Token-Code / Token-User headers on every request; secret: Token
        SeedProxy, // Proxy-User / Validation-Code headers on every request; secret: ValidationCode
        LinkisProxy, // GET user/proxy?proxyUser=&validationCode=; secret: ValidationCode
        Local, // the bundled linkis-desk-gateway, started or reused by the app
    };
    enum class ApiFlavour { Submit, Execute };
    enum class SecretKind { Password, Token, ValidationCode };

    QString name;
    QUrl gatewayUrl; // empty for Local (found at run time)
    AuthMode auth = AuthMode::Password;
    QString user; // login user, Token-User
    QString proxyUser; // act as this user (empty: none)
    QString engine; // default engine, e.g. "spark"
    QString engineVersion;
    QString creator = QStringLiteral("IDE");
    ApiFlavour api = ApiFlavour::Submit;
    QString label; // free text shown on tabs and jobs, e.g. "production"
    QString colour; // "#rrggbb" or empty
    bool production = false; // always confirm kills, tint the UI
    QString tlsPin; // SHA-256 of the gateway certificate (64 hex digits), or empty
    QString tokenKey; // the linkis-cli tokenKey the token came from, for reference only

    static QString localName() { return QStringLiteral("Local"); }
    static Profile local(); // the built-in profile
    bool isLocal() const { return auth == AuthMode::Local; }

    // The secret this profile needs to authenticate, if any.
    std::optional<SecretKind> requiredSecret() const;
    // The key of a secret in the SecretStore: "profile/<name>/<kind>".
    static QString secretKey(const QString &profileName, SecretKind kind);

    // Every problem as one clear sentence (Kind::Usage).
    static Result<Unit> validateName(const QString &name);
    static Result<Unit> validateUrl(const QUrl &url);
    // Parses what a user typed ("http://host:9001", surrounding spaces allowed) into a valid
    // gateway URL, or a clear error (Kind::Usage).
    static Result<QUrl> parseUrl(const QString &text);
    static Result<Unit> validateTlsPin(const QString &pin);
    Result<Unit> validate() const;

    static QString authModeName(AuthMode mode); // "password", "token", "seedProxy", ...
    static std::optional<AuthMode> authModeFromName(const QString &name);
    static QString apiFlavourName(ApiFlavour flavour); // "submit" | "execute"
    static std::optional<ApiFlavour> apiFlavourFromName(const QString &name);
    static QString secretKindName(SecretKind kind); // "password" | "token" | "validation-code"

    QJsonObject toJson() const;
    static Result<Profile> fromJson(const QJsonObject &object);

    bool operator==(const Profile &other) const = default;
};

} // namespace linkisdesk
