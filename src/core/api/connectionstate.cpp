// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/connectionstate.h"

namespace linkisdesk {

std::optional<ConnectionState> ConnectionState::after(const ApiError &error)
{
    using Api = ApiError::Kind;
    ConnectionState state;
    state.message = error.message;
    // A 404 means there is no such API at this address, whatever the body says: a wrong URL or
    // path prefix, or another server on that port.
    if (error.httpStatus == 404) {
        state.kind = Kind::NotLinkis;
        return state;
    }
    switch (error.kind) {
    case Api::None:
    case Api::Linkis: // the gateway answered in its protocol, e.g. "no such table"
    case Api::Forbidden: // it answered: this user may not see that table
        return ConnectionState {Kind::Connected, QString()};
    case Api::Network:
    case Api::Timeout:
    case Api::Tls: state.kind = Kind::Unreachable; return state;
    case Api::Http:
    case Api::Parse: state.kind = Kind::NotLinkis; return state;
    case Api::Auth:
    case Api::SessionExpired: state.kind = Kind::Refused; return state;
    case Api::Cancelled:
    case Api::Usage:
    case Api::Io: return std::nullopt;
    }
    return std::nullopt;
}

} // namespace linkisdesk
