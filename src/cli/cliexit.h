// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/apierror.h"
#include "api/jobstatus.h"

namespace linkisdesk {

// The exit codes scripts rely on (issue 5).
enum CliExit : int {
    ExitOk = 0, // the job Succeed, or the command did what was asked
    ExitJobFailed = 1, // the job Failed, was Cancelled or timed out
    ExitUsage = 2, // wrong arguments
    ExitAuth = 3, // authentication failed
    ExitServer = 4, // network or server error
    ExitTimeout = 5, // the server did not answer within the request timeout (--timeout)
    ExitOutcomeUnknown = 6, // a submit's answer was lost and job history has no such job
};

CliExit exitCodeFor(const ApiError &error);
// The exit code for a terminal Linkis status: Succeed 0, anything else 1.
CliExit exitCodeForStatus(JobStatus status);

} // namespace linkisdesk
