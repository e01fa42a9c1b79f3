// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace linkisdesk {

// The reply to user/login, user/proxy or user/userInfo.
struct LoginInfo
{
    QString userName;
    bool isAdmin = false;
    qint64 sessionTimeoutMs = 0; // 0 when the server did not say
    QString message;
};

} // namespace linkisdesk
