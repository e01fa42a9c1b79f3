// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/linkisclient.h"
#include "api/submitrequest.h"
#include "api/taskinfo.h"
#include "api/taskquery.h"

#include <QList>

#include <optional>

namespace linkisdesk {

// After a submit whose outcome is unknown (the connection dropped after the request went out,
// ApiError::outcomeUnknown): looks the job up in jobhistory/list (the same code, run as this
// user, created in the minute before the submit or since), so that the caller follows the job
// the server did accept instead of running it a second time. Used by JobTracker (the app, the
// CLI's submit) and by the CLI's submit --async.
class SubmitLookup
{
public:
    static constexpr qint64 WindowMs = 60 * 1000;

    // The jobhistory/list query for a submit sent at sentAtMs (epoch ms).
    static TaskQuery query(qint64 sentAtMs);
    // The newest task that is this submit, if any.
    static std::optional<TaskInfo> match(const QList<TaskInfo> &tasks, const SubmitRequest &request,
                                         const QString &executeUser, qint64 sentAtMs);
    // Asks the server; the callback gets the task, nothing (no such job), or the lookup's error.
    static RequestHandle find(LinkisClient *client, const SubmitRequest &request, qint64 sentAtMs,
                              QObject *context, Callback<std::optional<TaskInfo>> callback);
};

} // namespace linkisdesk
