// SPDX-License-Identifier: GPL-3.0-or-later
#include "apierror.h"

namespace linkisdesk {

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None: return QStringLiteral("none");
    case Kind::Network: return QStringLiteral("network");
    case Kind::Timeout: return QStringLiteral("timeout");
    case Kind::Http: return QStringLiteral("http");
    case Kind::Linkis: return QStringLiteral("linkis");
    case Kind::SessionExpired: return QStringLiteral("session-expired");
    case Kind::Auth: return QStringLiteral("auth");
    case Kind::Parse: return QStringLiteral("parse");
    case Kind::Tls: return QStringLiteral("tls");
    case Kind::Cancelled: return QStringLiteral("cancelled");
    case Kind::Usage: return QStringLiteral("usage");
    case Kind::Io: return QStringLiteral("io");
    case Kind::Forbidden: return QStringLiteral("forbidden");
    }
    return QStringLiteral("unknown");
}

bool ApiError::isRetryable() const
{
    switch (kind) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::Parse:
    case Kind::SessionExpired:
    case Kind::Auth: return true;
    case Kind::Http: return httpStatus >= 500 || httpStatus == 408 || httpStatus == 429;
    case Kind::None:
    case Kind::Linkis:
    case Kind::Tls:
    case Kind::Cancelled:
    case Kind::Usage:
    case Kind::Io:
    case Kind::Forbidden: return false;
    }
    return false;
}

} // namespace linkisdesk
