// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/jobrequestparser.h"

#include "http/authservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace linkisdesk::gateway {

namespace {

ApiError bad(const QString &message)
{
    return ApiError::make(ApiError::Kind::Usage, message);
}

const QStringList kSqlTypes {QStringLiteral("sql"),  QStringLiteral("hql"),
                             QStringLiteral("jdbc"), QStringLiteral("hive"),
                             QStringLiteral("psql"), QStringLiteral("fql"),
                             QStringLiteral("tsql"), QStringLiteral("sqlite")};
const QStringList kPythonTypes {QStringLiteral("python"), QStringLiteral("py"),
                                QStringLiteral("pyspark"), QStringLiteral("py3")};
const QStringList kShellTypes {QStringLiteral("sh"), QStringLiteral("shell")};
const QStringList kSqlEngines {QStringLiteral("sqlite"), QStringLiteral("spark"),
                               QStringLiteral("hive"),   QStringLiteral("jdbc"),
                               QStringLiteral("presto"), QStringLiteral("trino"),
                               QStringLiteral("flink")};

// An optional string field: absent or null -> `fallback`; present but not a string -> error.
Result<QString> optString(const QJsonObject &o, const QString &key, const QString &where,
                          const QString &fallback = {})
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isString())
        return bad(QStringLiteral("%1%2 must be a string.").arg(where, key));
    return v.toString();
}

Result<QJsonObject> optObject(const QJsonObject &o, const QString &key, const QString &where)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return QJsonObject {};
    if (!v.isObject())
        return bad(QStringLiteral("%1%2 must be a JSON object.").arg(where, key));
    return v.toObject();
}

Result<QMap<QString, QString>> variablesOf(const QJsonObject &params)
{
    QMap<QString, QString> vars;
    const QJsonValue v = params.value(QStringLiteral("variable"));
    if (v.isUndefined() || v.isNull())
        return vars;
    if (!v.isObject())
        return bad(QStringLiteral("params.variable must be a JSON object of name: value."));
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QJsonValue x = it.value();
        if (x.isString())
            vars.insert(it.key(), x.toString());
        else if (x.isDouble())
            vars.insert(it.key(), QString::number(x.toDouble(), 'g', 15));
        else if (x.isBool())
            vars.insert(it.key(), x.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        else
            return bad(
                QStringLiteral("params.variable.%1 must be a string or a number.").arg(it.key()));
    }
    return vars;
}

} // namespace

QString JobRequestParser::defaultVersion(const QString &engineType)
{
    static const QMap<QString, QString> versions {
        {QStringLiteral("sqlite"), QStringLiteral("3")},
        {QStringLiteral("spark"), QStringLiteral("3.2.1")},
        {QStringLiteral("hive"), QStringLiteral("3.1.3")},
        {QStringLiteral("jdbc"), QStringLiteral("4")},
        {QStringLiteral("presto"), QStringLiteral("0.234")},
        {QStringLiteral("trino"), QStringLiteral("371")},
        {QStringLiteral("flink"), QStringLiteral("1.16.2")},
        {QStringLiteral("python"), QStringLiteral("python3")},
        {QStringLiteral("shell"), QStringLiteral("1")}};
    return versions.value(engineType, QStringLiteral("1"));
}

Result<JobRequest::Kind> JobRequestParser::engineFor(const QString &engineType,
                                                     const QString &runType)
{
    const QString rt = runType.toLower();
    const bool sql = kSqlTypes.contains(rt);
    const bool py = kPythonTypes.contains(rt);
    const bool sh = kShellTypes.contains(rt);
    if (!sql && !py && !sh) {
        return bad(QStringLiteral("Unknown runType \"%1\": the local gateway runs sql (sql, hql, "
                                  "jdbc, hive, psql, fql, tsql), python (python, py, pyspark, "
                                  "py3) and shell (sh, shell).")
                       .arg(runType));
    }
    if (kSqlEngines.contains(engineType)) {
        if (sql)
            return JobRequest::Kind::Sqlite;
        if (py && engineType == QStringLiteral("spark"))
            return JobRequest::Kind::Python;
    } else if (engineType == QStringLiteral("python")) {
        if (py)
            return JobRequest::Kind::Python;
    } else if (engineType == QStringLiteral("shell")) {
        if (sh)
            return JobRequest::Kind::Shell;
    } else {
        return bad(QStringLiteral("Unknown engine type \"%1\": the local gateway runs sqlite, "
                                  "spark/hive/jdbc (SQL on the local SQLite workspace), python "
                                  "and shell.")
                       .arg(engineType));
    }
    return bad(QStringLiteral("The %1 engine cannot run runType \"%2\".").arg(engineType, runType));
}

Result<JobRequest> JobRequestParser::parse(const QByteArray &body, const QString &user)
{
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &perr);
    if (perr.error != QJsonParseError::NoError) {
        return bad(QStringLiteral("The request body is not valid JSON: %1 (at byte %2).")
                       .arg(perr.errorString())
                       .arg(perr.offset));
    }
    if (!doc.isObject())
        return bad(QStringLiteral("The request body must be a JSON object."));
    const QJsonObject o = doc.object();
    JobRequest r;
    r.submitUser = user;
    r.executeUser = user;

    auto params = optObject(o, QStringLiteral("params"), {});
    if (!params)
        return params.error();
    r.params = *params;
    auto vars = variablesOf(r.params);
    if (!vars)
        return vars.error();
    r.variables = *vars;
    auto source = optObject(o, QStringLiteral("source"), {});
    if (!source)
        return source.error();
    r.source = *source;
    auto labels = optObject(o, QStringLiteral("labels"), {});
    if (!labels)
        return labels.error();
    r.labels = *labels;

    QString engineLabel;
    if (o.contains(QStringLiteral("executionContent"))) {
        auto content = optObject(o, QStringLiteral("executionContent"), {});
        if (!content)
            return content.error();
        auto code =
            optString(*content, QStringLiteral("code"), QStringLiteral("executionContent."));
        if (!code)
            return code.error();
        r.code = *code;
        auto runType =
            optString(*content, QStringLiteral("runType"), QStringLiteral("executionContent."));
        if (!runType)
            return runType.error();
        auto codeType = optString(r.labels, QStringLiteral("codeType"), QStringLiteral("labels."));
        if (!codeType)
            return codeType.error();
        r.runType = runType->isEmpty() ? *codeType : *runType;
        auto engine = optString(r.labels, QStringLiteral("engineType"), QStringLiteral("labels."));
        if (!engine)
            return engine.error();
        if (engine->isEmpty()) {
            return bad(QStringLiteral("labels.engineType is required, e.g. "
                                      "\"labels\": {\"engineType\": \"sqlite-3\"}."));
        }
        engineLabel = *engine;
        auto userCreator =
            optString(r.labels, QStringLiteral("userCreator"), QStringLiteral("labels."));
        if (!userCreator)
            return userCreator.error();
        if (!userCreator->isEmpty()) {
            const int dash = int(userCreator->indexOf(u'-'));
            if (dash <= 0 || dash == userCreator->size() - 1) {
                return bad(QStringLiteral("labels.userCreator must be written user-creator, "
                                          "e.g. %1-IDE.")
                               .arg(user));
            }
            const QString ucUser = userCreator->left(dash);
            if (ucUser.compare(user, Qt::CaseInsensitive) != 0) {
                return bad(QStringLiteral("LabelCheckException: errCode: 50080 ,desc: SubmitUser "
                                          ": %1 must be the same as ExecuteUser : %1 , and user "
                                          ": %2 in userCreatorLabel.")
                               .arg(user, ucUser));
            }
            r.creator = userCreator->mid(dash + 1);
        }
    } else {
        auto app = optString(o, QStringLiteral("executeApplicationName"), {});
        if (!app)
            return app.error();
        if (app->isEmpty()) {
            return bad(QStringLiteral("executeApplicationName is required (the engine, e.g. "
                                      "spark, sqlite, python or shell)."));
        }
        engineLabel = *app;
        auto code = optString(o, QStringLiteral("executionCode"), {});
        if (!code)
            return code.error();
        r.code = *code;
        auto runType = optString(o, QStringLiteral("runType"), {}, QStringLiteral("sql"));
        if (!runType)
            return runType.error();
        r.runType = runType->isEmpty() ? QStringLiteral("sql") : *runType;
        auto creator = optString(o, QStringLiteral("requestApplicationName"), {});
        if (!creator)
            return creator.error();
        r.creator = *creator;
    }
    if (r.code.trimmed().isEmpty())
        return bad(QStringLiteral("The code to execute is empty."));
    if (r.runType.isEmpty())
        return bad(QStringLiteral("runType is required (executionContent.runType or "
                                  "labels.codeType), e.g. sql, python or shell."));
    if (r.creator.isEmpty())
        r.creator = QStringLiteral("IDE");
    if (!AuthService::validUserName(r.creator))
        return bad(QStringLiteral("Invalid creator \"%1\": use letters, digits, '_', '.' or '-'.")
                       .arg(r.creator));

    // engineType label: "name-version"; the name is what picks the engine.
    const QString lowered = engineLabel.trimmed().toLower();
    const int dash = int(lowered.indexOf(u'-'));
    r.engineType = dash < 0 ? lowered : lowered.left(dash);
    r.engineVersion = dash < 0 ? defaultVersion(r.engineType) : lowered.mid(dash + 1);
    static const QRegularExpression simple(QStringLiteral("^[a-z0-9_.]+$"));
    if (!simple.match(r.engineType).hasMatch())
        return bad(QStringLiteral("Invalid engine type \"%1\".").arg(engineLabel));
    auto kind = engineFor(r.engineType, r.runType);
    if (!kind)
        return kind.error();
    r.kind = *kind;
    r.runType = r.runType.toLower();

    const QJsonValue timeout = r.labels.value(QStringLiteral("jobRunningTimeout"));
    if (timeout.isDouble())
        r.runningTimeoutSec = qMax(0, timeout.toInt());
    else if (timeout.isString())
        r.runningTimeoutSec = qMax(0, timeout.toString().toInt());

    r.labels.insert(QStringLiteral("engineType"), r.engineType + u'-' + r.engineVersion);
    r.labels.insert(QStringLiteral("userCreator"), r.executeUser + u'-' + r.creator);
    r.labels.insert(QStringLiteral("codeType"), r.runType);
    return r;
}

} // namespace linkisdesk::gateway
