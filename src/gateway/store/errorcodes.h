// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace linkisdesk::gateway {

// errCode values the local gateway records in job history.
struct ErrorCodes
{
    static constexpr int GatewayRestarted = 10001; // the gateway stopped while the job ran
    static constexpr int BadVariables = 20044; // as Linkis: invalid @set definition
    static constexpr int SqlError = 40001; // a statement failed
    static constexpr int ProcessFailed = 40002; // python/bash exited non-zero
    static constexpr int EngineStart = 40003; // the engine could not start
    static constexpr int Cancelled = 40004; // killed on request
    static constexpr int TimedOut = 40005; // jobRunningTimeout reached
    static constexpr int OutputNotWritten = 40006; // a log or result write failed (disk full)
};

} // namespace linkisdesk::gateway
