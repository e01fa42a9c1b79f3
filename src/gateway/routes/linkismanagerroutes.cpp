// SPDX-License-Identifier: GPL-3.0-or-later
#include "routes/linkismanagerroutes.h"

#include "engines/enginemanager.h"
#include "jobs/jobmanager.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

namespace linkisdesk::gateway {

namespace {

const QString kApplication = QStringLiteral("linkis-cg-engineconn");

QString apiMethod(const ApiRequest &r)
{
    return QStringLiteral("/api/") + r.path;
}

// "python-3.11.2" ("python" while the version is not known yet).
QString typeLabel(const ReusableEngine &e)
{
    return e.version().isEmpty() ? e.engineType() : e.engineType() + u'-' + e.version();
}

QJsonArray labels(const ReusableEngine &e)
{
    return QJsonArray {
        QJsonObject {{QStringLiteral("labelKey"), QStringLiteral("engineType")},
                     {QStringLiteral("stringValue"), typeLabel(e)}},
        QJsonObject {{QStringLiteral("labelKey"), QStringLiteral("userCreator")},
                     {QStringLiteral("stringValue"), e.user() + u'-' + e.creator()}}};
}

// Linkis writes fractions as Double.toString: "0.25", "1.0".
QString percentText(double fraction)
{
    QString s = QString::number(fraction, 'g', 4);
    if (!s.contains(u'.') && !s.contains(u'e'))
        s += QStringLiteral(".0");
    return s;
}

} // namespace

void LinkisManagerRoutes::install(Router &router)
{
    using A = Router::Access;
    const QStringList post {QStringLiteral("POST")};
    const QStringList get {QStringLiteral("GET")};
    router.add(post, QStringLiteral("linkisManager/rm/engines"), A::Authenticated,
               [this](ApiRequest &r) { return engines(r); });
    router.add(post, QStringLiteral("linkisManager/rm/enginekill"), A::Authenticated,
               [this](ApiRequest &r) { return engineKill(r); });
    router.add(get, QStringLiteral("linkisManager/listUserEngines"), A::Authenticated,
               [this](ApiRequest &r) { return listUserEngines(r); });
    router.add(post, QStringLiteral("linkisManager/killEngineConn"), A::Authenticated,
               [this](ApiRequest &r) { return killEngineConn(r); });
    router.add(post, QStringLiteral("linkisManager/rm/userresources"), A::Authenticated,
               [this](ApiRequest &r) { return userResources(r); });
    router.add(
        get, QStringLiteral("linkisManager/rm/engineType"), A::Authenticated, [](ApiRequest &r) {
            return ApiReply::ok(apiMethod(r),
                                {{QStringLiteral("engineType"),
                                  QJsonArray {QStringLiteral("sqlite"), QStringLiteral("python"),
                                              QStringLiteral("shell")}}});
        });
}

QJsonObject LinkisManagerRoutes::resourceJson(const ReusableEngine &engine)
{
    return QJsonObject {{QStringLiteral("memory"), double(engine.memoryBytes())},
                        {QStringLiteral("cores"), engine.cores()},
                        {QStringLiteral("instances"), 1},
                        {QStringLiteral("instance"), 1}};
}

ApiReply LinkisManagerRoutes::engines(ApiRequest &request)
{
    const QList<ReusableEngine *> mine = m_engines.enginesOf(request.user);
    // RMMonitorRest: method null, and an early return without the key when there are none.
    if (mine.isEmpty())
        return ApiReply::ok(QString(), {});
    QJsonArray list;
    for (const ReusableEngine *e : mine) {
        list.append(QJsonObject {
            {QStringLiteral("applicationName"), kApplication},
            {QStringLiteral("engineInstance"), e->instance()},
            {QStringLiteral("creator"), e->creator()},
            {QStringLiteral("engineType"), e->engineType()},
            {QStringLiteral("engineStatus"), ReusableEngine::statusName(e->status())},
            {QStringLiteral("labels"), labels(*e)},
            {QStringLiteral("usedResource"),
             QJsonObject {{QStringLiteral("loadInstanceResource"), resourceJson(*e)}}}});
    }
    return ApiReply::ok(QString(), {{QStringLiteral("engines"), list}});
}

ApiReply LinkisManagerRoutes::engineKill(ApiRequest &request)
{
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isArray()) {
        return ApiReply::error(apiMethod(request), ApiReply::Error,
                               QStringLiteral("The request body must be a JSON array of "
                                              "{\"engineInstance\", \"applicationName\"}."));
    }
    // Unknown instances (and, here, other users' engines) are skipped without a word.
    const QJsonArray items = doc.array();
    for (const QJsonValue &v : items) {
        const QString instance = v.toObject().value(QStringLiteral("engineInstance")).toString();
        m_engines.kill(instance, request.user);
    }
    return ApiReply::ok(apiMethod(request), {}, QStringLiteral("Kill engineConn succeed."));
}

ApiReply LinkisManagerRoutes::listUserEngines(ApiRequest &request)
{
    QJsonArray list;
    const QList<ReusableEngine *> mine = m_engines.enginesOf(request.user);
    for (const ReusableEngine *e : mine) {
        const QJsonObject used = resourceJson(*e);
        list.append(QJsonObject {
            {QStringLiteral("serviceInstance"),
             QJsonObject {{QStringLiteral("applicationName"), kApplication},
                          {QStringLiteral("instance"), e->instance()},
                          {QStringLiteral("registryTimestamp"), double(e->startedMs())}}},
            {QStringLiteral("nodeStatus"), ReusableEngine::statusName(e->status())},
            {QStringLiteral("owner"), e->user()},
            {QStringLiteral("labels"), labels(*e)},
            {QStringLiteral("nodeResource"),
             QJsonObject {{QStringLiteral("resourceType"), QStringLiteral("LoadInstance")},
                          {QStringLiteral("usedResource"), used},
                          {QStringLiteral("lockedResource"), QJsonValue::Null}}},
            {QStringLiteral("startTime"), double(e->startedMs())},
            {QStringLiteral("updateTime"), double(e->statusSinceMs())}});
    }
    return ApiReply::ok(apiMethod(request), {{QStringLiteral("engines"), list}});
}

ApiReply LinkisManagerRoutes::killEngineConn(ApiRequest &request)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString application = body.value(QStringLiteral("applicationName")).toString();
    const QString instance = body.value(QStringLiteral("instance")).toString();
    if (application.trimmed().isEmpty()) {
        return ApiReply::error(apiMethod(request), ApiReply::Error,
                               QStringLiteral("applicationName cannot be null(请求参数"
                                              "applicationName不能为空)"));
    }
    if (instance.trimmed().isEmpty()) {
        return ApiReply::error(apiMethod(request), ApiReply::Error,
                               QStringLiteral("instance cannot be null(请求参数instance不能为空)"));
    }
    switch (m_engines.kill(instance, request.user)) {
    case EngineManager::KillResult::Killing:
        return ApiReply::ok(apiMethod(request), {}, QStringLiteral("Kill engineConn succeed."));
    case EngineManager::KillResult::NotOwner:
        return ApiReply::error(
            apiMethod(request), ApiReply::Error,
            QStringLiteral("You have no permission to kill EngineConn %1").arg(instance));
    case EngineManager::KillResult::NotFound: break;
    }
    return ApiReply::error(
        apiMethod(request), ApiReply::Error,
        QStringLiteral("operation failed(操作失败)s！No EngineConn %1.").arg(instance));
}

ApiReply LinkisManagerRoutes::userResources(ApiRequest &request)
{
    // Per creator, then per engine type; the share of the per-user engine limit in use.
    const double max = qMax(1, m_engines.limits().maxPerUser);
    QMap<QString, QMap<QString, int>> counts;
    for (const ReusableEngine *e : m_engines.enginesOf(request.user))
        counts[e->creator()][QStringLiteral("(%1,%2)").arg(e->engineType(), e->version())] += 1;
    QJsonArray list;
    for (auto c = counts.cbegin(); c != counts.cend(); ++c) {
        QJsonArray types;
        int total = 0;
        for (auto t = c->cbegin(); t != c->cend(); ++t) {
            total += t.value();
            types.append(QJsonObject {{QStringLiteral("engineType"), t.key()},
                                      {QStringLiteral("percent"), percentText(t.value() / max)}});
        }
        list.append(QJsonObject {
            {QStringLiteral("userCreator"), QStringLiteral("(%1,%2)").arg(request.user, c.key())},
            {QStringLiteral("percent"), percentText(total / max)},
            {QStringLiteral("engineTypes"), types}});
    }
    return ApiReply::ok(QString(), {{QStringLiteral("userResources"), list}});
}

} // namespace linkisdesk::gateway
