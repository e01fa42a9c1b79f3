// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/submitlookup.h"

#include <QDateTime>

namespace linkisdesk {

namespace {

QString normalisedCode(QString code)
{
    code.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    return code.trimmed();
}

} // namespace

TaskQuery SubmitLookup::query(qint64 sentAtMs)
{
    TaskQuery q;
    q.startDate = QDateTime::fromMSecsSinceEpoch(sentAtMs - WindowMs);
    q.pageSize = 50; // newest first; a user rarely submits more in a minute
    return q;
}

std::optional<TaskInfo> SubmitLookup::match(const QList<TaskInfo> &tasks,
                                            const SubmitRequest &request,
                                            const QString &executeUser, qint64 sentAtMs)
{
    const QString code = normalisedCode(request.code);
    std::optional<TaskInfo> best;
    for (const TaskInfo &t : tasks) {
        if (t.taskId <= 0 || normalisedCode(t.executionCode) != code)
            continue;
        if (!executeUser.isEmpty() && !t.executeUser.isEmpty() && t.executeUser != executeUser &&
            t.umUser != executeUser)
            continue;
        if (t.createdTime.isValid() && t.createdTime.toMSecsSinceEpoch() < sentAtMs - WindowMs)
            continue;
        if (!best || t.taskId > best->taskId)
            best = t;
    }
    return best;
}

RequestHandle SubmitLookup::find(LinkisClient *client, const SubmitRequest &request,
                                 qint64 sentAtMs, QObject *context,
                                 Callback<std::optional<TaskInfo>> callback)
{
    QString user = request.executeUser;
    if (user.isEmpty())
        user = client->settings().executeUser();
    return client->jobList(query(sentAtMs), context,
                           [request, user, sentAtMs, cb = std::move(callback)](Result<TaskPage> r) {
                               if (!r) {
                                   cb(r.error());
                                   return;
                               }
                               cb(match(r->tasks, request, user, sentAtMs));
                           });
}

} // namespace linkisdesk
