// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/jobstatus.h"

#include <QString>

namespace linkisdesk {
class LinkisClient;
}

namespace linkisdesk::bench {

struct FinishedJob
{
    qint64 taskId = 0;
    JobStatus status = JobStatus::Unknown;
    QString resultPath; // the first result set
    QString error;
    bool ok() const { return status == JobStatus::Succeed && !resultPath.isEmpty(); }
};

// Submits through a JobTracker and runs the event loop until everything about the job is known.
FinishedJob runJob(LinkisClient *client, const QString &code, const QString &engine,
                   const QString &runType, int timeoutMs);

// SQLite: `rows` rows of 10 columns (ints, reals, text) from a recursive CTE.
QString bigResultSql(qint64 rows);

} // namespace linkisdesk::bench
