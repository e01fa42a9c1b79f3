// SPDX-License-Identifier: GPL-3.0-or-later
#include "routes/jobhistoryroutes.h"

#include "api/jobstatusnames.h"
#include "jobs/jobmanager.h"
#include "routes/taskjson.h"

#include <QDateTime>
#include <QJsonArray>

namespace linkisdesk::gateway {

namespace {

const QString kNotFound =
    QStringLiteral("The corresponding job was not found, or there may be no permission to view the "
                   "job(没有找到对应的job，也可能是没有查看该job的权限)");

QString apiMethod(const ApiRequest &r)
{
    return QStringLiteral("/api/") + r.path;
}

// An optional whole-number query parameter; false when present but not a number.
bool number(const ApiRequest &r, const QString &name, qint64 *out)
{
    const QString v = r.queryValue(name).trimmed();
    if (v.isEmpty())
        return true;
    bool ok = false;
    *out = v.toLongLong(&ok);
    return ok;
}

} // namespace

void JobHistoryRoutes::install(Router &router)
{
    using A = Router::Access;
    const QStringList get {QStringLiteral("GET")};
    router.add(get, QStringLiteral("jobhistory/{id}/get"), A::Authenticated,
               [this](ApiRequest &r) { return this->get(r); });
    router.add(get, QStringLiteral("jobhistory/list"), A::Authenticated,
               [this](ApiRequest &r) { return list(r, false); });
    router.add(get, QStringLiteral("jobhistory/listundonetasks"), A::Authenticated,
               [this](ApiRequest &r) { return list(r, true); });
}

ApiReply JobHistoryRoutes::get(ApiRequest &request)
{
    bool ok = false;
    const qint64 id = request.args.at(0).toLongLong(&ok);
    const auto r = ok && id > 0 ? m_jobs.record(id) : std::nullopt;
    if (!r || (r->executeUser != request.user && r->submitUser != request.user))
        return ApiReply::error(apiMethod(request), ApiReply::Error, kNotFound);
    const bool brief = request.queryValue(QStringLiteral("brief")) == QStringLiteral("true");
    return ApiReply::ok(apiMethod(request), {{QStringLiteral("task"), TaskJson::build(*r, brief)}});
}

ApiReply JobHistoryRoutes::list(ApiRequest &request, bool undoneOnly)
{
    const QString method = apiMethod(request);
    JobStore::Filter f;
    f.user = request.user;
    qint64 pageNow = 1;
    qint64 pageSize = 20;
    qint64 startDate = 0;
    qint64 endDate = 0;
    // Linkis passes listundonetasks' startTaskID to the same search as list's taskID: despite
    // its name it selects that one task (QueryRestfulApi, JobHistoryMapper.search "id = #{id}").
    if (!number(request, QStringLiteral("pageNow"), &pageNow) ||
        !number(request, QStringLiteral("pageSize"), &pageSize) ||
        !number(request, QStringLiteral("startDate"), &startDate) ||
        !number(request, QStringLiteral("endDate"), &endDate) ||
        !number(request, undoneOnly ? QStringLiteral("startTaskID") : QStringLiteral("taskID"),
                &f.taskId)) {
        return ApiReply::error(method, ApiReply::Error,
                               QStringLiteral("pageNow, pageSize, startDate, endDate, taskID and "
                                              "startTaskID must be whole numbers."));
    }
    if (pageNow < 1)
        pageNow = 1;
    if (pageSize < 1 || pageSize > 1000) {
        return ApiReply::error(method, ApiReply::Error,
                               QStringLiteral("pageSize must be between 1 and 1000."));
    }
    if (startDate > 0 && endDate > 0 && startDate == endDate)
        endDate += 24LL * 3600 * 1000; // as Linkis: equal dates mean that whole day
    f.startMs = startDate;
    f.endMs = endDate;
    const QString statuses = request.queryValue(QStringLiteral("status")).trimmed();
    if (!statuses.isEmpty()) {
        // Every Linkis state may be asked for; this gateway never sets WaitForRetry (it does not
        // retry jobs), so asking for it matches nothing.
        for (const QString &s : statuses.split(u',', Qt::SkipEmptyParts)) {
            const auto status = jobStatusFromName(s);
            if (!status) {
                return ApiReply::error(
                    method, ApiReply::Error,
                    QStringLiteral("Unknown status \"%1\"; use %2.")
                        .arg(s.trimmed(),
                             jobStatusNames(allJobStatuses()).join(QStringLiteral(", "))));
            }
            f.statuses << *status;
        }
    } else if (undoneOnly) {
        f.statuses = undoneJobStatuses();
    }
    f.engineType = request
                       .queryValue(undoneOnly ? QStringLiteral("engineType")
                                              : QStringLiteral("executeApplicationName"))
                       .trimmed()
                       .toLower();
    f.creator = request.queryValue(QStringLiteral("creator")).trimmed();
    f.runType = request.queryValue(QStringLiteral("runType")).trimmed();

    qint64 total = 0;
    QList<JobRecord> rows = m_store.list(f, int((pageNow - 1) * pageSize), int(pageSize), &total);
    if (rows.isEmpty() && total > 0 && pageNow > 1) {
        // PageHelper "reasonable": a page past the end is the last page.
        const qint64 lastPage = (total + pageSize - 1) / pageSize;
        rows = m_store.list(f, int((lastPage - 1) * pageSize), int(pageSize), &total);
    }
    QJsonArray tasks;
    for (const JobRecord &stored : rows) {
        const auto live = m_jobs.record(stored.taskId);
        tasks.append(TaskJson::build(live ? *live : stored));
    }
    return ApiReply::ok(
        method, {{QStringLiteral("tasks"), tasks}, {QStringLiteral("totalPage"), double(total)}});
}

} // namespace linkisdesk::gateway
