// SPDX-License-Identifier: GPL-3.0-or-later
#include "routes/entranceroutes.h"

#include "api/jobstatus.h"
#include "jobs/jobmanager.h"
#include "jobs/jobrequestparser.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace linkisdesk::gateway {

namespace {

QString apiMethod(const ApiRequest &r)
{
    return QStringLiteral("/api/") + r.path;
}

bool owns(const JobRecord &r, const QString &user)
{
    return r.executeUser == user || r.submitUser == user;
}

const QString kStatusNotFound = QStringLiteral(
    "ID The corresponding job is empty and cannot obtain the corresponding task status.(ID "
    "对应的job为空，不能获取相应的任务状态)");
const QString kProgressNotFound = QStringLiteral(
    "The job corresponding to the ID is empty, and the corresponding task progress cannot be "
    "obtained.(ID 对应的job为空，不能获取相应的任务进度)");
const QString kLogNotFound =
    QStringLiteral("The job corresponding to the ID is empty, and the corresponding log cannot be "
                   "obtained.(ID 对应的job为空，不能获取相应的日志)");
const QString kKillNotFound =
    QStringLiteral("Get job by ID error, kill failed.(获取job时发生异常，kill失败)");

} // namespace

void EntranceRoutes::install(Router &router)
{
    using A = Router::Access;
    const QStringList post {QStringLiteral("POST")};
    const QStringList get {QStringLiteral("GET")};
    const QStringList getPost {QStringLiteral("GET"), QStringLiteral("POST")};
    router.add(post, QStringLiteral("entrance/execute"), A::Authenticated,
               [this](ApiRequest &r) { return submit(r); });
    router.add(post, QStringLiteral("entrance/submit"), A::Authenticated,
               [this](ApiRequest &r) { return submit(r); });
    router.add(get, QStringLiteral("entrance/{id}/status"), A::Authenticated,
               [this](ApiRequest &r) { return status(r); });
    router.add(get, QStringLiteral("entrance/{id}/log"), A::Authenticated,
               [this](ApiRequest &r) { return log(r); });
    router.add(get, QStringLiteral("entrance/{id}/progress"), A::Authenticated,
               [this](ApiRequest &r) { return progress(r, false); });
    router.add(get, QStringLiteral("entrance/{id}/progressWithResource"), A::Authenticated,
               [this](ApiRequest &r) { return progress(r, true); });
    router.add(getPost, QStringLiteral("entrance/{id}/kill"), A::Authenticated,
               [this](ApiRequest &r) { return kill(r); });
    router.add(post, QStringLiteral("entrance/{id}/killJobs"), A::Authenticated,
               [this](ApiRequest &r) { return killJobs(r); });
    router.add(getPost, QStringLiteral("entrance/{id}/pause"), A::Authenticated, [](ApiRequest &r) {
        return ApiReply::ok(apiMethod(r), {{QStringLiteral("execID"), r.args.at(0)}},
                            QStringLiteral("success to pause job (成功pause了job)"));
    });
}

ApiReply EntranceRoutes::submit(ApiRequest &request)
{
    const auto parsed = JobRequestParser::parse(request.body, request.user);
    if (!parsed)
        return ApiReply::error(apiMethod(request), ApiReply::Error, parsed.error().message);
    const auto job = m_jobs.submit(*parsed);
    if (!job)
        return ApiReply::error(apiMethod(request), ApiReply::Error, job.error().message);
    return ApiReply::ok(
        apiMethod(request),
        {{QStringLiteral("execID"), job->execId}, {QStringLiteral("taskID"), double(job->taskId)}});
}

qint64 EntranceRoutes::jobOf(ApiRequest &request, const QString &notFound, ApiReply *refusal)
{
    qint64 id = m_jobs.resolve(request.args.at(0));
    if (id == 0 && request.hasQuery(QStringLiteral("taskID")))
        id = m_jobs.resolve(request.queryValue(QStringLiteral("taskID")));
    const auto record = id ? m_jobs.record(id) : std::nullopt;
    if (!record) {
        *refusal = ApiReply::error(apiMethod(request), ApiReply::Error, notFound);
        return 0;
    }
    if (!owns(*record, request.user)) {
        *refusal = ApiReply::error(apiMethod(request), ApiReply::Error,
                                   QStringLiteral("You have no permission to access this job, "
                                                  "excecute by user:%1")
                                       .arg(record->executeUser));
        return 0;
    }
    return id;
}

ApiReply EntranceRoutes::status(ApiRequest &request)
{
    ApiReply refusal;
    const qint64 id = jobOf(request, kStatusNotFound, &refusal);
    if (!id)
        return refusal;
    const auto r = m_jobs.record(id);
    return ApiReply::ok(apiMethod(request),
                        {{QStringLiteral("status"), jobStatusName(r->status)},
                         {QStringLiteral("execID"), r->execId}});
}

ApiReply EntranceRoutes::log(ApiRequest &request)
{
    ApiReply refusal;
    const qint64 id = jobOf(request, kLogNotFound, &refusal);
    if (!id)
        return refusal;
    bool ok = true;
    int fromLine = 1;
    int size = 100;
    if (request.hasQuery(QStringLiteral("fromLine")))
        fromLine = request.queryValue(QStringLiteral("fromLine")).toInt(&ok);
    bool okSize = true;
    if (request.hasQuery(QStringLiteral("size")))
        size = request.queryValue(QStringLiteral("size")).toInt(&okSize);
    if (!ok || !okSize) {
        return ApiReply::error(apiMethod(request), ApiReply::Error,
                               QStringLiteral("fromLine and size must be whole numbers."));
    }
    if (size < 0)
        size = 10000;
    size = qMin(size, 100000);
    const auto r = m_jobs.record(id);
    const auto logFile = m_jobs.log(*r);
    const JobLog::Page page = logFile->read(fromLine, size);
    QJsonArray parts;
    for (const QString &p : page.levels)
        parts.append(p);
    return ApiReply::ok(apiMethod(request),
                        {{QStringLiteral("log"), parts},
                         {QStringLiteral("execID"), r->execId},
                         {QStringLiteral("fromLine"), qMax(fromLine, 1) + page.read}});
}

ApiReply EntranceRoutes::progress(ApiRequest &request, bool withResource)
{
    ApiReply refusal;
    const qint64 id = jobOf(request, kProgressNotFound, &refusal);
    if (!id)
        return refusal;
    const auto r = m_jobs.record(id);
    QJsonObject data {{QStringLiteral("progress"), r->progress},
                      {QStringLiteral("execID"), r->execId},
                      {QStringLiteral("progressInfo"), m_jobs.progressInfo(id)}};
    // Linkis without YARN data: a top-level yarnResource null and no yarnMetrics at all.
    if (withResource)
        data.insert(QStringLiteral("yarnResource"), QJsonValue::Null);
    return ApiReply::ok(apiMethod(request), data);
}

ApiReply EntranceRoutes::kill(ApiRequest &request)
{
    ApiReply refusal;
    const qint64 id = jobOf(request, kKillNotFound, &refusal);
    if (!id)
        return refusal;
    const auto r = m_jobs.record(id);
    switch (m_jobs.kill(id)) {
    case JobManager::KillResult::Killed:
        return ApiReply::ok(apiMethod(request), {{QStringLiteral("execID"), r->execId}},
                            QStringLiteral("Successfully killed the job(成功kill了job)"));
    case JobManager::KillResult::AlreadyCompleted:
        return ApiReply::error(
            apiMethod(request), ApiReply::Error,
            QStringLiteral("The job already completed. Do not support kill.(任务已经结束，"
                           "不支持kill)"),
            {{QStringLiteral("execID"), r->execId}});
    case JobManager::KillResult::NotFound: break;
    }
    return ApiReply::error(apiMethod(request), ApiReply::Error, kKillNotFound);
}

ApiReply EntranceRoutes::killJobs(ApiRequest &request)
{
    const QString method = apiMethod(request);
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject()) {
        return ApiReply::error(method, ApiReply::Error,
                               QStringLiteral("The request body must be a JSON object "
                                              "{\"idList\": [...], \"taskIDList\": [...]}."));
    }
    const QJsonValue ids = doc.object().value(QStringLiteral("idList"));
    const QJsonValue tasks = doc.object().value(QStringLiteral("taskIDList"));
    if (!ids.isArray() || !tasks.isArray() || ids.toArray().size() != tasks.toArray().size()) {
        return ApiReply::error(method, ApiReply::Error,
                               QStringLiteral("idList and taskIDList must be arrays of the same "
                                              "length."));
    }
    QJsonArray messages;
    const QJsonArray idList = ids.toArray();
    const QJsonArray taskList = tasks.toArray();
    for (qsizetype i = 0; i < idList.size(); ++i) {
        ApiRequest one = request;
        one.args = {idList.at(i).toVariant().toString()};
        one.path = QStringLiteral("entrance/%1/kill").arg(one.args.at(0));
        const QJsonValue t = taskList.at(i);
        one.query = QUrlQuery();
        one.query.addQueryItem(QStringLiteral("taskID"),
                               t.isDouble() ? QString::number(t.toInteger(-1)) : t.toString());
        const ApiReply reply = kill(one);
        messages.append(QJsonDocument::fromJson(reply.body).object());
    }
    return ApiReply::ok(method, {{QStringLiteral("messages"), messages}},
                        QStringLiteral("success"));
}

} // namespace linkisdesk::gateway
