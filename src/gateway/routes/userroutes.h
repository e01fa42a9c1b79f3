// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/router.h"

namespace linkisdesk::gateway {

class AuthService;

// user/login, logout, userInfo, heartbeat, proxy, publicKey, token-login.
class UserRoutes
{
public:
    explicit UserRoutes(AuthService &auth)
        : m_auth(auth)
    { }
    void install(Router &router);

private:
    ApiReply login(ApiRequest &request);
    ApiReply logout(ApiRequest &request);
    ApiReply userInfo(ApiRequest &request);
    ApiReply heartbeat(ApiRequest &request);
    ApiReply proxy(ApiRequest &request);
    ApiReply tokenLogin(ApiRequest &request);
    ApiReply loggedIn(const QString &method, const QString &user, const QString &message);

    AuthService &m_auth;
};

} // namespace linkisdesk::gateway
