// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchjobs.h"

#include "benchaccount.h"
#include "benchutil.h"

#include "api/linkisclient.h"
#include "jobs/jobtracker.h"

namespace linkisdesk::bench {

FinishedJob runJob(LinkisClient *client, const QString &code, const QString &engine,
                   const QString &runType, int timeoutMs)
{
    FinishedJob job;
    JobTracker tracker(client, QStringLiteral("bench"));
    bool done = false;
    QObject::connect(&tracker, &JobTracker::finished, [&](JobStatus status) {
        job.status = status;
        done = true;
    });
    QObject::connect(&tracker, &JobTracker::failed, [&](const ApiError &e) {
        job.error = e.message;
        done = true;
    });
    SubmitRequest request;
    request.code = code;
    request.engineType = engine;
    request.runType = runType;
    tracker.submit(request);
    if (!waitUntil([&done] { return done; }, timeoutMs))
        job.error = QStringLiteral("timed out");
    job.taskId = tracker.taskId();
    if (!tracker.resultSets().isEmpty())
        job.resultPath = tracker.resultSets().constFirst().path;
    if (job.error.isEmpty() && job.status != JobStatus::Succeed)
        job.error = tracker.taskInfo().errDesc;
    return job;
}

QString bigResultSql(qint64 rows)
{
    return QStringLiteral(
               "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %1)\n"
               "SELECT x AS id, x * 7 % 1000 AS bucket, 'customer-' || x AS name,\n"
               "       x * 0.25 AS amount, printf('2024-%02d-%02d', x % 12 + 1, x % 28 + 1) AS "
               "day,\n"
               "       CASE x % 3 WHEN 0 THEN 'north' WHEN 1 THEN 'south' ELSE 'west' END AS "
               "region,\n"
               "       x % 97 AS qty, hex(x) AS code, x * 1.5 AS score, 'ok' AS flag\n"
               "FROM c")
        .arg(rows);
}

} // namespace linkisdesk::bench
