// SPDX-License-Identifier: GPL-3.0-or-later
#include "routes/userroutes.h"

#include "http/authservice.h"

#include <QJsonDocument>

namespace linkisdesk::gateway {

void UserRoutes::install(Router &router)
{
    using A = Router::Access;
    router.add({}, QStringLiteral("user/login"), A::Public,
               [this](ApiRequest &r) { return login(r); });
    router.add({}, QStringLiteral("user/logout"), A::Public,
               [this](ApiRequest &r) { return logout(r); });
    router.add({}, QStringLiteral("user/userInfo"), A::Public,
               [this](ApiRequest &r) { return userInfo(r); });
    router.add({}, QStringLiteral("user/heartbeat"), A::Public,
               [this](ApiRequest &r) { return heartbeat(r); });
    router.add({}, QStringLiteral("user/proxy"), A::Public,
               [this](ApiRequest &r) { return proxy(r); });
    router.add({QStringLiteral("POST")}, QStringLiteral("user/token-login"), A::Public,
               [this](ApiRequest &r) { return tokenLogin(r); });
    router.add({}, QStringLiteral("user/publicKey"), A::Public, [](ApiRequest &r) {
        return ApiReply::ok(
            r.fullPath,
            {{QStringLiteral("enableSSL"), false}, {QStringLiteral("enableLoginEncrypt"), false}});
    });
}

ApiReply UserRoutes::loggedIn(const QString &method, const QString &user, const QString &message)
{
    const QString ticket = m_auth.openSession(user);
    ApiReply reply =
        ApiReply::ok(method,
                     {{QStringLiteral("userName"), user},
                      {QStringLiteral("isAdmin"), false},
                      {QStringLiteral("sessionTimeOut"), double(m_auth.sessionTimeoutMs())},
                      {QStringLiteral("enableWatermark"), false}},
                     message);
    reply.headers.append({"Set-Cookie", m_auth.sessionCookieHeader(ticket)});
    return reply;
}

ApiReply UserRoutes::login(ApiRequest &request)
{
    const QString method = request.fullPath;
    QString user = request.queryValue(QStringLiteral("userName"));
    QString password = request.queryValue(QStringLiteral("password"));
    if (!request.body.trimmed().isEmpty()) {
        QJsonParseError perr;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &perr);
        if (perr.error != QJsonParseError::NoError || !doc.isObject()) {
            return ApiReply::error(method, ApiReply::Error,
                                   QStringLiteral("login failed! reason: the body must be a JSON "
                                                  "object {\"userName\": ..., \"password\": ...}"));
        }
        const QJsonObject o = doc.object();
        const QJsonValue u = o.value(QStringLiteral("userName"));
        QJsonValue p = o.value(QStringLiteral("password"));
        if (p.isUndefined())
            p = o.value(QStringLiteral("passwdEncrypt"));
        if ((!u.isUndefined() && !u.isString()) || (!p.isUndefined() && !p.isString())) {
            return ApiReply::error(method, ApiReply::Error,
                                   QStringLiteral("login failed! reason: userName and password "
                                                  "must be strings"));
        }
        if (u.isString())
            user = u.toString();
        if (p.isString())
            password = p.toString();
    }
    const QString existing = m_auth.sessionUser(request);
    if (!existing.isEmpty()) {
        return ApiReply::ok(method, {{QStringLiteral("userName"), existing}},
                            QStringLiteral("%1 already logged in, please log out before signing "
                                           "in(已经登录，请先退出再进行登录)！")
                                .arg(existing));
    }
    if (user.trimmed().isEmpty())
        return ApiReply::error(method, ApiReply::Error,
                               QStringLiteral("Username can not be empty(用户名不能为空)！"));
    if (password.isEmpty())
        return ApiReply::error(method, ApiReply::Error,
                               QStringLiteral("Password can not be blank(密码不能为空)！"));
    if (!m_auth.hasUsers()) {
        return ApiReply::error(method, ApiReply::Error,
                               QStringLiteral("login failed! reason: password login is not "
                                              "set up on this gateway (start it with --users "
                                              "FILE); use Token-Code and Token-User instead."));
    }
    if (!m_auth.checkPassword(user.trimmed(), password)) {
        return ApiReply::error(method, ApiReply::Error,
                               QStringLiteral("wrong user name or password(用户名或密码错误)！"));
    }
    return loggedIn(method, user.trimmed(), QStringLiteral("login successful(登录成功)！"));
}

ApiReply UserRoutes::logout(ApiRequest &request)
{
    m_auth.closeSession(request.cookie(AuthService::kCookie));
    ApiReply reply =
        ApiReply::ok(request.fullPath, {}, QStringLiteral("Logout successful(退出登录成功)！"));
    reply.headers.append({"Set-Cookie", m_auth.expiredCookieHeader()});
    return reply;
}

ApiReply UserRoutes::userInfo(ApiRequest &request)
{
    if (m_auth.authenticate(request)) {
        // Linkis answers status 1 here, not -1.
        return ApiReply::error(request.fullPath, ApiReply::Error, AuthService::kNotLoggedIn);
    }
    return ApiReply::ok(request.fullPath, {{QStringLiteral("userName"), request.user}});
}

ApiReply UserRoutes::heartbeat(ApiRequest &request)
{
    if (auto refused = m_auth.authenticate(request))
        return *refused;
    return ApiReply::ok(request.fullPath, {},
                        QStringLiteral("Maintain heartbeat success(维系心跳成功)"));
}

ApiReply UserRoutes::proxy(ApiRequest &request)
{
    const QString user = request.queryValue(QStringLiteral("proxyUser")).trimmed();
    const QString code = request.queryValue(QStringLiteral("validationCode")).trimmed();
    if (user.isEmpty() || code.isEmpty()) {
        return ApiReply::error(request.fullPath, ApiReply::Error,
                               QStringLiteral("login failed! reason: proxyUser and "
                                              "validationCode are both required."));
    }
    if (!AuthService::validUserName(user) || !m_auth.proxyAllowed(code, user))
        return ApiReply::error(request.fullPath, ApiReply::Error,
                               QStringLiteral("Validation failed"));
    const QString lower = user.toLower();
    const QString ticket = m_auth.openSession(lower);
    ApiReply reply = ApiReply::ok(request.fullPath, {{QStringLiteral("proxyUser"), lower}},
                                  QStringLiteral("代理成功"));
    reply.headers.append({"Set-Cookie", m_auth.sessionCookieHeader(ticket)});
    return reply;
}

ApiReply UserRoutes::tokenLogin(ApiRequest &request)
{
    if (!request.hasExactHeader("Token-Code") && !request.hasExactHeader("Token-User")) {
        return ApiReply::error(request.fullPath, ApiReply::NotLoggedIn,
                               QStringLiteral("token-login needs the Token-Code and Token-User "
                                              "headers."));
    }
    if (auto refused = m_auth.authenticate(request))
        return *refused;
    return loggedIn(request.fullPath, request.user, QStringLiteral("login successful(登录成功)！"));
}

} // namespace linkisdesk::gateway
