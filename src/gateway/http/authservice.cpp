// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/authservice.h"

#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace linkisdesk::gateway {

namespace {

bool readKeyValueFile(const QString &path, QString *error,
                      const std::function<void(const QString &, const QString &)> &take)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const int eq = int(line.indexOf(u'='));
        if (eq <= 0)
            continue;
        take(line.left(eq).trimmed(), line.mid(eq + 1).trimmed());
    }
    return true;
}

} // namespace

AuthService::AuthService(QString token)
    : m_token(token.toUtf8())
{ }

bool AuthService::loadUsers(const QString &path, QString *error)
{
    return readKeyValueFile(path, error,
                            [this](const QString &k, const QString &v) { m_users.insert(k, v); });
}

bool AuthService::loadProxyConfig(const QString &path, QString *error)
{
    return readKeyValueFile(path, error, [this](const QString &k, const QString &v) {
        QStringList users;
        for (const QString &u : v.split(u',', Qt::SkipEmptyParts))
            users << u.trimmed();
        m_proxy.insert(k, users);
    });
}

bool AuthService::validUserName(const QString &user)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$"));
    return re.match(user).hasMatch();
}

bool AuthService::constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    // Compare every byte of the longer input so the time does not reveal the matching prefix.
    const qsizetype n = qMax(a.size(), b.size());
    unsigned diff = a.size() == b.size() ? 0u : 1u;
    for (qsizetype i = 0; i < n; ++i) {
        const unsigned char x = i < a.size() ? uchar(a.at(i)) : 0;
        const unsigned char y = i < b.size() ? uchar(b.at(i)) : 0;
        diff |= unsigned(x ^ y);
    }
    return diff == 0 && !a.isEmpty();
}

bool AuthService::checkPassword(const QString &user, const QString &password) const
{
    const auto it = m_users.constFind(user);
    if (it == m_users.constEnd())
        return false;
    return constantTimeEquals(it.value().toUtf8(), password.toUtf8());
}

bool AuthService::proxyAllowed(const QString &validationCode, const QString &proxyUser) const
{
    for (auto it = m_proxy.cbegin(); it != m_proxy.cend(); ++it) {
        if (!constantTimeEquals(it.key().toUtf8(), validationCode.toUtf8()))
            continue;
        return it.value().contains(QStringLiteral("*")) ||
            it.value().contains(proxyUser, Qt::CaseInsensitive);
    }
    return false;
}

QString AuthService::openSession(const QString &user)
{
    QByteArray raw(24, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(raw.data()),
                                         reinterpret_cast<quint32 *>(raw.data() + raw.size()));
    const QString ticket = QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    m_sessions.insert(ticket, Session {user, QDateTime::currentMSecsSinceEpoch()});
    return ticket;
}

void AuthService::closeSession(const QString &ticket)
{
    m_sessions.remove(ticket);
}

QByteArray AuthService::sessionCookieHeader(const QString &ticket) const
{
    return kCookie.toLatin1() + '=' + ticket.toLatin1() + "; Path=/; HttpOnly; SameSite=Strict";
}

QByteArray AuthService::expiredCookieHeader() const
{
    return kCookie.toLatin1() + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict";
}

QString AuthService::sessionUser(const ApiRequest &request)
{
    const QString ticket = request.cookie(kCookie);
    if (ticket.isEmpty())
        return {};
    auto it = m_sessions.find(ticket);
    if (it == m_sessions.end())
        return {};
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - it->lastAccessMs > m_timeoutMs) {
        m_sessions.erase(it);
        return {};
    }
    it->lastAccessMs = now;
    return it->user;
}

std::optional<ApiReply> AuthService::authenticate(ApiRequest &request)
{
    const QString method = request.fullPath;
    const bool hasCode = request.hasExactHeader("Token-Code");
    const bool hasUser = request.hasExactHeader("Token-User");
    if (hasCode || hasUser) {
        const QByteArray code = request.exactHeader("Token-Code");
        const QString user = QString::fromUtf8(request.exactHeader("Token-User")).trimmed();
        if (code.isEmpty() || user.isEmpty()) {
            return ApiReply::error(
                method, ApiReply::NotLoggedIn,
                QStringLiteral("请在Header或Cookie中同时指定Token-Code 和 Token-User，以便完成"
                               "token认证！(Send both Token-Code and Token-User.)"));
        }
        if (!constantTimeEquals(code, m_token)) {
            return ApiReply::error(method, ApiReply::NotLoggedIn,
                                   QStringLiteral("Token Authentication Failed, token: ***，"
                                                  "tokenUser: %1, reason: errCode: 15204 ,desc: "
                                                  "Invalid Token(无效的Token)")
                                       .arg(user));
        }
        if (!validUserName(user)) {
            return ApiReply::error(method, ApiReply::NotLoggedIn,
                                   QStringLiteral("Token Authentication Failed, tokenUser: %1, "
                                                  "reason: errCode: 15202 ,desc: Illegal "
                                                  "TokenUser for Token(Token非法用户)")
                                       .arg(user));
        }
        request.user = user;
        return std::nullopt;
    }
    if (request.hasExactHeader("Proxy-User") || request.hasExactHeader("Validation-Code")) {
        const QString user = QString::fromUtf8(request.exactHeader("Proxy-User")).trimmed();
        const QString code = QString::fromUtf8(request.exactHeader("Validation-Code")).trimmed();
        if (user.isEmpty() || code.isEmpty() || !validUserName(user) || !proxyAllowed(code, user)) {
            return ApiReply::error(method, ApiReply::NotLoggedIn,
                                   QStringLiteral("Proxy authentication failed: Validation-Code "
                                                  "does not allow acting as Proxy-User \"%1\" "
                                                  "(check the gateway's proxy config).")
                                       .arg(user));
        }
        request.user = user.toLower();
        return std::nullopt;
    }
    const QString user = sessionUser(request);
    if (user.isEmpty())
        return ApiReply::error(method, ApiReply::NotLoggedIn, kNotLoggedIn);
    request.user = user;
    return std::nullopt;
}

} // namespace linkisdesk::gateway
