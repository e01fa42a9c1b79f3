// SPDX-License-Identifier: GPL-3.0-or-later
#include "profile.h"

#include <QJsonValue>
#include <QRegularExpression>

namespace linkisdesk {

namespace {

ApiError usage(const QString &message)
{
    return ApiError::make(ApiError::Kind::Usage, message);
}

struct NamePair
{
    Profile::AuthMode mode;
    const char *name;
};

constexpr NamePair kAuthNames[] = {
    {Profile::AuthMode::Password, "password"},   {Profile::AuthMode::Token, "token"},
    {Profile::AuthMode::SeedProxy, "seedProxy"}, {Profile::AuthMode::LinkisProxy, "linkisProxy"},
    {Profile::AuthMode::Local, "local"},
};

} // namespace

Profile Profile::local()
{
    Profile p;
    p.name = localName();
    p.auth = AuthMode::Local;
    p.engine = QStringLiteral("sqlite");
    p.label = QStringLiteral("local");
    return p;
}

std::optional<Profile::SecretKind> Profile::requiredSecret() const
{
    switch (auth) {
    case AuthMode::Password: return SecretKind::Password;
    case AuthMode::Token: return SecretKind::Token;
    case AuthMode::SeedProxy:
    case AuthMode::LinkisProxy: return SecretKind::ValidationCode;
    case AuthMode::Local: return std::nullopt;
    }
    return std::nullopt;
}

QString Profile::secretKey(const QString &profileName, SecretKind kind)
{
    return QStringLiteral("profile/%1/%2").arg(profileName, secretKindName(kind));
}

QString Profile::secretKindName(SecretKind kind)
{
    switch (kind) {
    case SecretKind::Password: return QStringLiteral("password");
    case SecretKind::Token: return QStringLiteral("token");
    case SecretKind::ValidationCode: return QStringLiteral("validation-code");
    }
    return QString();
}

QString Profile::authModeName(AuthMode mode)
{
    for (const auto &pair : kAuthNames) {
        if (pair.mode == mode)
            return QLatin1String(pair.name);
    }
    return QString();
}

std::optional<Profile::AuthMode> Profile::authModeFromName(const QString &name)
{
    for (const auto &pair : kAuthNames) {
        if (name.compare(QLatin1String(pair.name), Qt::CaseInsensitive) == 0)
            return pair.mode;
    }
    return std::nullopt;
}

QString Profile::apiFlavourName(ApiFlavour flavour)
{
    return flavour == ApiFlavour::Execute ? QStringLiteral("execute") : QStringLiteral("submit");
}

std::optional<Profile::ApiFlavour> Profile::apiFlavourFromName(const QString &name)
{
    if (name.compare(QLatin1String("submit"), Qt::CaseInsensitive) == 0)
        return ApiFlavour::Submit;
    if (name.compare(QLatin1String("execute"), Qt::CaseInsensitive) == 0)
        return ApiFlavour::Execute;
    return std::nullopt;
}

Result<Unit> Profile::validateName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return usage(QStringLiteral("a profile needs a name"));
    if (name != name.trimmed())
        return usage(
            QStringLiteral("the profile name \"%1\" starts or ends with a space").arg(name));
    if (name.size() > 64)
        return usage(QStringLiteral("the profile name is longer than 64 characters"));
    static const QRegularExpression allowed(QStringLiteral("^[\\w][\\w .@+-]*$"),
                                            QRegularExpression::UseUnicodePropertiesOption);
    if (!allowed.match(name).hasMatch()) {
        return usage(QStringLiteral("the profile name \"%1\" may only hold letters, digits, "
                                    "spaces and . _ - @ +, and must start with a letter or digit")
                         .arg(name));
    }
    return Unit {};
}

Result<Unit> Profile::validateUrl(const QUrl &url)
{
    if (url.isEmpty())
        return usage(QStringLiteral("the gateway URL is missing (for example http://host:9001)"));
    if (!url.isValid())
        return usage(QStringLiteral("the gateway URL is not valid: %1").arg(url.errorString()));
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
        return usage(
            QStringLiteral("the gateway URL must start with http:// or https:// (got \"%1\")")
                .arg(url.toString()));
    }
    if (url.host().isEmpty())
        return usage(QStringLiteral("the gateway URL has no host: \"%1\"").arg(url.toString()));
    if (!url.userInfo().isEmpty())
        return usage(QStringLiteral("put the user and password in the profile, not in the URL"));
    if (url.hasQuery() || url.hasFragment())
        return usage(QStringLiteral("the gateway URL must not have a query or a fragment"));
    return Unit {};
}

Result<QUrl> Profile::parseUrl(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return usage(QStringLiteral("the gateway URL is missing (for example http://host:9001)"));
    if (!trimmed.startsWith(QLatin1String("http://"), Qt::CaseInsensitive) &&
        !trimmed.startsWith(QLatin1String("https://"), Qt::CaseInsensitive)) {
        return usage(
            QStringLiteral("the gateway URL must start with http:// or https:// (got \"%1\")")
                .arg(trimmed));
    }
    const QUrl url(trimmed, QUrl::StrictMode);
    if (auto valid = validateUrl(url); !valid)
        return valid.error();
    return url;
}

Result<Unit> Profile::validateTlsPin(const QString &pin)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]{64}$"));
    if (pin.isEmpty() || hex.match(pin).hasMatch())
        return Unit {};
    return usage(QStringLiteral("the TLS pin must be a SHA-256 fingerprint: 64 hex digits "
                                "(colons and spaces removed)"));
}

Result<Unit> Profile::validate() const
{
    if (auto r = validateName(name); !r)
        return r;
    if (!isLocal()) {
        if (auto r = validateUrl(gatewayUrl); !r)
            return r;
        if (user.trimmed().isEmpty() && auth != AuthMode::SeedProxy &&
            auth != AuthMode::LinkisProxy) {
            return usage(QStringLiteral("the profile \"%1\" needs a user for %2 authentication")
                             .arg(name, authModeName(auth)));
        }
        if ((auth == AuthMode::SeedProxy || auth == AuthMode::LinkisProxy) &&
            proxyUser.trimmed().isEmpty() && user.trimmed().isEmpty()) {
            return usage(
                QStringLiteral("the profile \"%1\" needs a proxy user for %2 authentication")
                    .arg(name, authModeName(auth)));
        }
    }
    if (auto r = validateTlsPin(tlsPin); !r)
        return r;
    static const QRegularExpression colourRe(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    if (!colour.isEmpty() && !colourRe.match(colour).hasMatch())
        return usage(QStringLiteral("the colour must look like #rrggbb (got \"%1\")").arg(colour));
    if (creator.trimmed().isEmpty())
        return usage(
            QStringLiteral("the creator must not be empty (Linkis uses it in userCreator)"));
    return Unit {};
}

QJsonObject Profile::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("gatewayUrl"), gatewayUrl.toString());
    o.insert(QStringLiteral("auth"), authModeName(auth));
    o.insert(QStringLiteral("user"), user);
    o.insert(QStringLiteral("proxyUser"), proxyUser);
    o.insert(QStringLiteral("engine"), engine);
    o.insert(QStringLiteral("engineVersion"), engineVersion);
    o.insert(QStringLiteral("creator"), creator);
    o.insert(QStringLiteral("api"), apiFlavourName(api));
    o.insert(QStringLiteral("label"), label);
    o.insert(QStringLiteral("colour"), colour);
    o.insert(QStringLiteral("production"), production);
    o.insert(QStringLiteral("tlsPin"), tlsPin);
    o.insert(QStringLiteral("tokenKey"), tokenKey);
    return o;
}

Result<Profile> Profile::fromJson(const QJsonObject &o)
{
    auto str = [&o](const char *key) { return o.value(QLatin1String(key)).toString(); };
    Profile p;
    p.name = str("name");
    p.gatewayUrl = QUrl(str("gatewayUrl"));
    const auto auth = authModeFromName(str("auth"));
    if (!auth) {
        return ApiError::make(
            ApiError::Kind::Parse,
            QStringLiteral("profile \"%1\": unknown auth mode \"%2\"").arg(p.name, str("auth")));
    }
    p.auth = *auth;
    p.user = str("user");
    p.proxyUser = str("proxyUser");
    p.engine = str("engine");
    p.engineVersion = str("engineVersion");
    if (o.contains(QLatin1String("creator")))
        p.creator = str("creator");
    p.api = apiFlavourFromName(str("api")).value_or(ApiFlavour::Submit);
    p.label = str("label");
    p.colour = str("colour");
    p.production = o.value(QLatin1String("production")).toBool();
    p.tlsPin = str("tlsPin");
    p.tokenKey = str("tokenKey");
    return p;
}

} // namespace linkisdesk
