// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliexit.h"

namespace linkisdesk {

CliExit exitCodeFor(const ApiError &error)
{
    if (error.outcomeUnknown)
        return ExitOutcomeUnknown;
    switch (error.kind) {
    case ApiError::Kind::None: return ExitOk;
    case ApiError::Kind::Usage: return ExitUsage;
    case ApiError::Kind::Auth:
    case ApiError::Kind::Forbidden:
    case ApiError::Kind::SessionExpired: return ExitAuth;
    case ApiError::Kind::Linkis:
        // Linkis status -1 (not logged in) and 3 (no permission) are authentication failures.
        return (error.linkisStatus == -1 || error.linkisStatus == 3) ? ExitAuth : ExitServer;
    case ApiError::Kind::Http: return error.httpStatus == 401 ? ExitAuth : ExitServer;
    case ApiError::Kind::Cancelled: return ExitJobFailed;
    case ApiError::Kind::Timeout: return ExitTimeout;
    case ApiError::Kind::Network:
    case ApiError::Kind::Parse:
    case ApiError::Kind::Tls:
    case ApiError::Kind::Io: return ExitServer;
    }
    return ExitServer;
}

CliExit exitCodeForStatus(JobStatus status)
{
    return status == JobStatus::Succeed ? ExitOk : ExitJobFailed;
}

} // namespace linkisdesk
