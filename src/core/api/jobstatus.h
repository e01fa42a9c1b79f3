// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace linkisdesk {

// Linkis job states (SchedulerEventState), plus Unknown for anything else.
enum class JobStatus {
    Unknown,
    Inited,
    WaitForRetry,
    Scheduled,
    Running,
    Succeed,
    Failed,
    Cancelled,
    Timeout,
};

// Case-insensitive: "Succeed", "SUCCEED", "success", "FAILED", "Canceled" ... anything else is
// Unknown.
JobStatus parseJobStatus(const QString &text);
// The exact Linkis spelling ("Succeed", "Failed", ...), "Unknown" for Unknown.
QString jobStatusName(JobStatus status);
// Succeed, Failed, Cancelled and Timeout.
bool isTerminal(JobStatus status);

} // namespace linkisdesk
