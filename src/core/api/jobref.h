// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace linkisdesk {

// Identifies a job on one gateway: taskID is the truth, execID is what the entrance paths need
// (refreshed from job history's strongerExecId).
struct JobRef
{
    qint64 taskId = 0;
    QString execId;

    bool isValid() const { return taskId > 0 || !execId.isEmpty(); }
    friend bool operator==(const JobRef &, const JobRef &) = default;
};

} // namespace linkisdesk
