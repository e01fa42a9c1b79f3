// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace linkisdesk {

// The one home of the job polling defaults: JobTracker::Options, StatusBatcher::Options and the
// pollFirstMs / pollMaxMs settings (SettingKeys) start from these.
struct PollingDefaults
{
    // A job's first poll after submit (and the batch poll's shortest interval).
    static constexpr int firstIntervalMs = 250;
    // The slowest interval polls back off to (and the batch poll's longest): a long job costs
    // at most 2.5 requests per 5 s, the web console asks 3 times per 5 s.
    static constexpr int maxIntervalMs = 5000;
};

} // namespace linkisdesk
