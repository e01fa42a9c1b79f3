// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/apierror.h"

#include <QString>

#include <optional>

namespace linkisdesk {

// Whether a gateway can be used, judged by the last request that ended: "connected" means the
// last request got a proper answer. A server that accepted the connection and never answered, or
// that answered HTTP 404 or an HTML page, is not connected. The one home of that rule:
// LinkisClient keeps its state up to date after every request, the GUI only shows it.
struct ConnectionState
{
    enum class Kind {
        Unchecked, // no request has ended yet
        Connected, // the last request was answered in the Linkis protocol (an error too)
        Unreachable, // refused, reset, no answer within the timeout, TLS not trusted
        NotLinkis, // an answer, but no Linkis API there (HTTP 404, an HTML page, not JSON)
        Refused, // the gateway refused the credentials
    };

    Kind kind = Kind::Unchecked;
    QString message; // why, in words for people (empty when connected or unchecked)

    bool isConnected() const { return kind == Kind::Connected; }
    bool isFailure() const
    {
        return kind == Kind::Unreachable || kind == Kind::NotLinkis || kind == Kind::Refused;
    }
    bool operator==(const ConnectionState &) const = default;

    // The state after a request ended with `error` (Kind::None: it succeeded). std::nullopt when
    // the outcome says nothing about the connection: cancelled by the caller, bad arguments,
    // local files.
    static std::optional<ConnectionState> after(const ApiError &error);
};

} // namespace linkisdesk
