// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/apireply.h"
#include "http/apirequest.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>

namespace linkisdesk::gateway {

// Who may call the gateway, in the ways Linkis accepts:
// - the session cookie linkis_user_session_ticket_id_v1 issued by user/login or user/proxy;
// - Token-Code (the gateway's token, compared in constant time) with Token-User, exact case;
// - the seed's Proxy-User with Validation-Code, checked against the proxy config.
// Lives on the HTTP thread only.
class AuthService
{
public:
    static inline const QString kCookie = QStringLiteral("linkis_user_session_ticket_id_v1");
    static inline const QString kNotLoggedIn =
        QStringLiteral("You are not logged in, please login first(您尚未登录，请先登录)!");

    explicit AuthService(QString token);

    // `name=password` lines; '#' comments and blank lines are skipped.
    bool loadUsers(const QString &path, QString *error);
    // `validationCode=user1,user2` or `validationCode=*` lines.
    bool loadProxyConfig(const QString &path, QString *error);

    // Sets request.user, or returns the 401 reply to send.
    std::optional<ApiReply> authenticate(ApiRequest &request);

    // The user of a valid session cookie, if any (sliding idle timeout).
    QString sessionUser(const ApiRequest &request);

    bool checkPassword(const QString &user, const QString &password) const;
    bool hasUsers() const { return !m_users.isEmpty(); }
    // Whether `validationCode` may act as `proxyUser`.
    bool proxyAllowed(const QString &validationCode, const QString &proxyUser) const;

    QString openSession(const QString &user); // returns the ticket
    void closeSession(const QString &ticket);
    QByteArray sessionCookieHeader(const QString &ticket) const;
    QByteArray expiredCookieHeader() const;
    qint64 sessionTimeoutMs() const { return m_timeoutMs; }

    static bool validUserName(const QString &user);
    static bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

private:
    struct Session
    {
        QString user;
        qint64 lastAccessMs = 0;
    };
    QByteArray m_token;
    QHash<QString, QString> m_users; // name -> password
    QHash<QString, QStringList> m_proxy; // validation code -> users ("*" for anyone)
    QHash<QString, Session> m_sessions; // ticket -> session
    qint64 m_timeoutMs = 2LL * 60 * 60 * 1000;
};

} // namespace linkisdesk::gateway
