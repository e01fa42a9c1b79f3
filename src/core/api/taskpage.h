// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/taskinfo.h"

#include <QList>

namespace linkisdesk {

// One page of jobhistory/list or listundonetasks. `total` is the number of matching records
// (what Linkis calls totalPage).
struct TaskPage
{
    QList<TaskInfo> tasks;
    qint64 total = 0;
};

} // namespace linkisdesk
