// SPDX-License-Identifier: GPL-3.0-or-later
// LinkisClient endpoint wrappers: one request each, parsed by the functions in linkisparsers.h.
#include "api/linkisclient.h"

#include "api/linkisparsers.h"
#include "api/pendingcall.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>

namespace linkisdesk {

namespace {

template<typename T> using Parser = std::function<Result<T>(int, const QByteArray &)>;

} // namespace

// Wraps a typed callback: transport errors pass through, replies go through the parser, every
// error is polished (secrets masked, token refusals reported as Auth), and every outcome updates
// connectionState().
#define LINKIS_ADAPT(T, cb, parser)                                                                \
    [this, cb = std::move(cb), parse = Parser<T>(parser)](Result<RawReply> raw) {                  \
        if (!raw) {                                                                                \
            const ApiError error = polish(raw.error());                                            \
            noteOutcome(error);                                                                    \
            cb(Result<T>(error));                                                                  \
            return;                                                                                \
        }                                                                                          \
        Result<T> typed = parse(raw->httpStatus, raw->body);                                       \
        if (!typed) {                                                                              \
            const ApiError error = polish(typed.error());                                          \
            noteOutcome(error);                                                                    \
            cb(Result<T>(error));                                                                  \
            return;                                                                                \
        }                                                                                          \
        noteOutcome(ApiError());                                                                   \
        cb(std::move(typed));                                                                      \
    }

QUrlQuery LinkisClient::jobQuery(const JobRef &job) const
{
    QUrlQuery query;
    if (job.taskId > 0)
        query.addQueryItem(QStringLiteral("taskID"), QString::number(job.taskId));
    return query;
}

QString LinkisClient::entrancePath(const JobRef &job, const QString &action) const
{
    // The execID routes to the right entrance; without one, 1.5-1.8 gateways accept the taskID.
    const QString id = job.execId.isEmpty() ? QString::number(job.taskId) : job.execId;
    return QStringLiteral("entrance/") + QString::fromLatin1(QUrl::toPercentEncoding(id, ":@")) +
        u'/' + action;
}

RequestHandle LinkisClient::login(QObject *context, Callback<LoginInfo> callback)
{
    if (!needsSession())
        return userInfo(context, std::move(callback));
    resetSession();
    PendingCall *call =
        makeLoginCall(context, [this, cb = std::move(callback)](Result<RawReply> raw) {
            Result<LoginInfo> info = raw ? parsers::parseLogin(raw->httpStatus, raw->body)
                                         : Result<LoginInfo>(raw.error());
            m_loggedIn = info.ok();
            noteOutcome(info ? ApiError() : polish(info.error()));
            if (info) {
                cb(std::move(info));
                return;
            }
            ApiError error = info.error();
            if (error.kind == ApiError::Kind::Linkis ||
                error.kind == ApiError::Kind::SessionExpired) {
                error.kind = ApiError::Kind::Auth;
                error.message = QStringLiteral("Login failed: ") + error.message;
            }
            cb(polish(error));
        });
    return dispatch(call);
}

RequestHandle LinkisClient::logout(QObject *context, Callback<Unit> callback)
{
    const bool hadSession = needsSession();
    auto parse = [this, hadSession](int status, const QByteArray &body) {
        if (hadSession)
            resetSession();
        return parsers::parseAck(status, body);
    };
    PendingCall *call = newCall("POST", QStringLiteral("user/logout"), {}, {}, context,
                                LINKIS_ADAPT(Unit, callback, parse));
    call->isLogin = true; // never log in just to log out
    return dispatch(call);
}

RequestHandle LinkisClient::userInfo(QObject *context, Callback<LoginInfo> callback)
{
    PendingCall *call = newCall("GET", QStringLiteral("user/userInfo"), {}, {}, context,
                                LINKIS_ADAPT(LoginInfo, callback, parsers::parseLogin));
    call->status1MeansLoggedOut = true;
    return dispatch(call);
}

RequestHandle LinkisClient::submit(const SubmitRequest &request, QObject *context,
                                   Callback<SubmitResult> callback)
{
    using Mode = ConnectionSettings::AuthMode;
    SubmitRequest r = request;
    // Password + proxy user: executeUser and userCreator name the proxy user, as linkis-cli
    // -proxyUser does (Linkis honours it for admins, else refuses with 50080). Token, seed and
    // Linkis proxy modes already authenticate as the proxy user.
    if (r.executeUser.isEmpty() && m_settings.authMode == Mode::Password &&
        !m_settings.proxyUser.isEmpty())
        r.executeUser = m_settings.proxyUser;
    QJsonObject body;
    QString path;
    if (m_settings.flavour == ConnectionSettings::ApiFlavour::Execute) {
        path = QStringLiteral("entrance/execute");
        body = r.toExecuteJson();
    } else {
        path = QStringLiteral("entrance/submit");
        body = r.toSubmitJson(m_settings.executeUser());
    }
    return dispatch(
        sendOnce(newCall("POST", path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact),
                         context, LINKIS_ADAPT(SubmitResult, callback, parsers::parseSubmit))));
}

RequestHandle LinkisClient::status(const JobRef &job, QObject *context,
                                   Callback<JobStatus> callback)
{
    return dispatch(newCall("GET", entrancePath(job, QStringLiteral("status")), jobQuery(job), {},
                            context, LINKIS_ADAPT(JobStatus, callback, parsers::parseStatus)));
}

RequestHandle LinkisClient::log(const JobRef &job, int fromLine, int size, QObject *context,
                                Callback<LogChunk> callback)
{
    QUrlQuery query = jobQuery(job);
    query.addQueryItem(QStringLiteral("fromLine"), QString::number(qMax(1, fromLine)));
    query.addQueryItem(QStringLiteral("size"), QString::number(size));
    return dispatch(newCall("GET", entrancePath(job, QStringLiteral("log")), query, {}, context,
                            LINKIS_ADAPT(LogChunk, callback, parsers::parseLog)));
}

RequestHandle LinkisClient::logPage(const JobRef &job, int fromLine, int size, QObject *context,
                                    Callback<LogPage> callback)
{
    QUrlQuery query = jobQuery(job);
    query.addQueryItem(QStringLiteral("fromLine"), QString::number(qMax(1, fromLine)));
    query.addQueryItem(QStringLiteral("size"), QString::number(size));
    return dispatchLogPage(
        newCall("GET", entrancePath(job, QStringLiteral("log")), query, {}, context, {}),
        LogDecoder::Kind::Live, std::move(callback));
}

RequestHandle LinkisClient::dispatchLogPage(PendingCall *call, LogDecoder::Kind kind,
                                            Callback<LogPage> callback)
{
    // Transport errors come through the ordinary callback; a reply goes to the decoder, whose
    // result is handed over while the call is still in flight (a cancel drops it).
    auto deliver = std::make_shared<Callback<LogPage>>(std::move(callback));
    auto onError = deliver;
    auto finish = [this, deliver](Result<LogPage> typed) {
        if (!typed) {
            const ApiError error = polish(typed.error());
            noteOutcome(error);
            (*deliver)(Result<LogPage>(error));
            return;
        }
        noteOutcome(ApiError());
        (*deliver)(std::move(typed));
    };
    QPointer<PendingCall> guard(call);
    call->decode = [this, guard, kind, finish](const RawReply &raw) {
        m_logDecoder->decode(raw.httpStatus, raw.body, kind, guard,
                             [guard, finish](Result<LogPage> typed) {
                                 if (guard)
                                     guard->finishDecoded([&] { finish(std::move(typed)); });
                             });
    };
    call->setDone([this, onError](Result<RawReply> raw) {
        if (!raw) {
            const ApiError error = polish(raw.error());
            noteOutcome(error);
            (*onError)(Result<LogPage>(error));
        }
    });
    return dispatch(call);
}

RequestHandle LinkisClient::progress(const JobRef &job, QObject *context,
                                     Callback<ProgressInfo> callback)
{
    return dispatch(newCall("GET", entrancePath(job, QStringLiteral("progress")), jobQuery(job), {},
                            context, LINKIS_ADAPT(ProgressInfo, callback, parsers::parseProgress)));
}

RequestHandle LinkisClient::progressWithResource(const JobRef &job, QObject *context,
                                                 Callback<ProgressInfo> callback)
{
    return dispatch(newCall("GET", entrancePath(job, QStringLiteral("progressWithResource")),
                            jobQuery(job), {}, context,
                            LINKIS_ADAPT(ProgressInfo, callback, parsers::parseProgress)));
}

RequestHandle LinkisClient::kill(const JobRef &job, QObject *context, Callback<Unit> callback)
{
    return dispatch(
        sendOnce(newCall("GET", entrancePath(job, QStringLiteral("kill")), jobQuery(job), {},
                         context, LINKIS_ADAPT(Unit, callback, parsers::parseAck))));
}

RequestHandle LinkisClient::killJobs(const QList<JobRef> &jobs, QObject *context,
                                     Callback<Unit> callback)
{
    if (jobs.isEmpty()) {
        PendingCall *call =
            newCall("POST", {}, {}, {}, context, LINKIS_ADAPT(Unit, callback, parsers::parseAck));
        QMetaObject::invokeMethod(
            call,
            [call] {
                call->complete(ApiError::make(ApiError::Kind::Usage,
                                              QStringLiteral("There are no jobs to kill.")));
            },
            Qt::QueuedConnection);
        return RequestHandle(call);
    }
    QJsonArray ids;
    QJsonArray taskIds;
    for (const JobRef &job : jobs) {
        ids.append(job.execId);
        taskIds.append(job.taskId);
    }
    QJsonObject body;
    body.insert(QStringLiteral("idList"), ids);
    body.insert(QStringLiteral("taskIDList"), taskIds);
    return dispatch(sendOnce(newCall("POST", entrancePath(jobs.first(), QStringLiteral("killJobs")),
                                     {}, QJsonDocument(body).toJson(QJsonDocument::Compact),
                                     context, LINKIS_ADAPT(Unit, callback, parsers::parseAck))));
}

RequestHandle LinkisClient::jobInfo(qint64 taskId, QObject *context, Callback<TaskInfo> callback)
{
    return dispatch(newCall("GET", QStringLiteral("jobhistory/%1/get").arg(taskId), {}, {}, context,
                            LINKIS_ADAPT(TaskInfo, callback, parsers::parseTask)));
}

RequestHandle LinkisClient::jobList(const TaskQuery &q, QObject *context,
                                    Callback<TaskPage> callback)
{
    QUrlQuery query;
    if (!q.statuses.isEmpty())
        query.addQueryItem(QStringLiteral("status"), q.statuses.join(u','));
    if (q.startDate.isValid())
        query.addQueryItem(QStringLiteral("startDate"),
                           QString::number(q.startDate.toMSecsSinceEpoch()));
    if (q.endDate.isValid())
        query.addQueryItem(QStringLiteral("endDate"),
                           QString::number(q.endDate.toMSecsSinceEpoch()));
    query.addQueryItem(QStringLiteral("pageNow"), QString::number(qMax(1, q.pageNow)));
    query.addQueryItem(QStringLiteral("pageSize"), QString::number(qMax(1, q.pageSize)));
    if (q.taskId > 0)
        query.addQueryItem(QStringLiteral("taskID"), QString::number(q.taskId));
    if (!q.engineType.isEmpty())
        query.addQueryItem(QStringLiteral("executeApplicationName"), q.engineType);
    if (!q.creator.isEmpty())
        query.addQueryItem(QStringLiteral("creator"), q.creator);
    return dispatch(newCall("GET", QStringLiteral("jobhistory/list"), query, {}, context,
                            LINKIS_ADAPT(TaskPage, callback, parsers::parseTaskList)));
}

RequestHandle LinkisClient::undoneTasks(QObject *context, Callback<TaskPage> callback)
{
    return dispatch(newCall("GET", QStringLiteral("jobhistory/listundonetasks"), {}, {}, context,
                            LINKIS_ADAPT(TaskPage, callback, parsers::parseTaskList)));
}

RequestHandle LinkisClient::undoneTasks(int pageNow, int pageSize, const QStringList &statuses,
                                        QObject *context, Callback<TaskPage> callback,
                                        qint64 startDateMs)
{
    QUrlQuery query;
    if (!statuses.isEmpty())
        query.addQueryItem(QStringLiteral("status"), statuses.join(u','));
    if (startDateMs > 0)
        query.addQueryItem(QStringLiteral("startDate"), QString::number(startDateMs));
    query.addQueryItem(QStringLiteral("pageNow"), QString::number(qMax(1, pageNow)));
    query.addQueryItem(QStringLiteral("pageSize"), QString::number(qMax(1, pageSize)));
    return dispatch(newCall("GET", QStringLiteral("jobhistory/listundonetasks"), query, {}, context,
                            LINKIS_ADAPT(TaskPage, callback, parsers::parseTaskList)));
}

RequestHandle LinkisClient::resultSets(const QString &resultLocation, QObject *context,
                                       Callback<QList<ResultSetRef>> callback)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("path"), resultLocation);
    return dispatch(
        newCall("GET", QStringLiteral("filesystem/getDirFileTrees"), query, {}, context,
                LINKIS_ADAPT(QList<ResultSetRef>, callback, parsers::parseDirFileTrees)));
}

RequestHandle LinkisClient::openFile(const QString &path, int page, int pageSize, QObject *context,
                                     Callback<ResultPage> callback)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("path"), path);
    query.addQueryItem(QStringLiteral("page"), QString::number(qMax(1, page)));
    query.addQueryItem(QStringLiteral("pageSize"),
                       QString::number(pageSize > 0 ? pageSize : DefaultPageSize));
    query.addQueryItem(QStringLiteral("nullValue"), nullSentinel());
    auto parse = [](int status, const QByteArray &body) {
        return parsers::parseOpenFile(status, body, nullSentinel());
    };
    return dispatch(newCall("GET", QStringLiteral("filesystem/openFile"), query, {}, context,
                            LINKIS_ADAPT(ResultPage, callback, parse)));
}

RequestHandle LinkisClient::openLog(const QString &logPath, QObject *context,
                                    Callback<LogChunk> callback)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("path"), logPath);
    return dispatch(newCall("GET", QStringLiteral("filesystem/openLog"), query, {}, context,
                            LINKIS_ADAPT(LogChunk, callback, parsers::parseOpenLog)));
}

RequestHandle LinkisClient::openLogPage(const QString &logPath, QObject *context,
                                        Callback<LogPage> callback)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("path"), logPath);
    return dispatchLogPage(
        newCall("GET", QStringLiteral("filesystem/openLog"), query, {}, context, {}),
        LogDecoder::Kind::File, std::move(callback));
}

} // namespace linkisdesk
