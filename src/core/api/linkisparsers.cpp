// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/linkisparsers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>
#include <limits>

namespace linkisdesk::parsers {

namespace {

QString excerpt(const QByteArray &body)
{
    constexpr int limit = 300;
    QString text = QString::fromUtf8(body.left(limit)).simplified();
    if (body.size() > limit)
        text += QStringLiteral("…");
    return text;
}

bool looksLikeHtml(const QByteArray &body)
{
    const QByteArray head = body.trimmed().left(200).toLower();
    return head.startsWith('<') || head.contains("<html") || head.contains("<!doctype");
}

ApiError error(ApiError::Kind kind, const QString &message, int httpStatus, int linkisStatus,
               const QByteArray &body)
{
    return ApiError::make(kind, message, httpStatus, linkisStatus, excerpt(body));
}

QString httpText(int httpStatus)
{
    return httpStatus > 0 ? QStringLiteral("HTTP %1").arg(httpStatus) : QStringLiteral("no HTTP");
}

} // namespace

double toDouble(const QJsonValue &value, double fallback, bool *ok)
{
    if (ok)
        *ok = true;
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        QString text = value.toString().trimmed();
        bool percent = false;
        if (text.endsWith(u'%')) {
            percent = true;
            text.chop(1);
        }
        if (text.endsWith(u'f') || text.endsWith(u'F') || text.endsWith(u'd') ||
            text.endsWith(u'D'))
            text.chop(1);
        bool good = false;
        const double number = text.toDouble(&good);
        if (good)
            return percent ? number / 100.0 : number;
    }
    if (value.isBool())
        return value.toBool() ? 1.0 : 0.0;
    if (ok)
        *ok = false;
    return fallback;
}

// A double converts to qint64 only inside the range; outside it (1e30, inf, NaN) the cast is
// undefined behaviour, so such a number is "not a number we can use".
bool fitsInt64(double d)
{
    return std::isfinite(d) && d > -9.2e18 && d < 9.2e18;
}

qint64 toInt64(const QJsonValue &value, qint64 fallback, bool *ok)
{
    if (ok)
        *ok = true;
    if (value.isDouble() && fitsInt64(value.toDouble()))
        return static_cast<qint64>(value.toDouble());
    if (value.isString()) {
        const QString text = value.toString().trimmed();
        bool good = false;
        const qint64 number = text.toLongLong(&good);
        if (good)
            return number;
        const double real = text.toDouble(&good);
        if (good && fitsInt64(real))
            return static_cast<qint64>(real);
    }
    if (ok)
        *ok = false;
    return fallback;
}

QString toText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: return value.toString();
    case QJsonValue::Double: {
        const double d = value.toDouble();
        // Range first: casting a double outside qint64's range is undefined behaviour.
        if (qAbs(d) < 9.0e15 && d == static_cast<double>(static_cast<qint64>(d)))
            return QString::number(static_cast<qint64>(d));
        return QString::number(d, 'g', 17);
    }
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array:
    case QJsonValue::Object: {
        const QJsonDocument doc =
            value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
        return QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined: return {};
    }
    return {};
}

bool isSessionLost(int httpStatus, const QByteArray &body)
{
    if (httpStatus == 401)
        return true;
    // A "not logged in" envelope is a few hundred bytes: never parse a large reply (a result
    // page of several megabytes) twice just to learn that it is not one.
    constexpr qsizetype kMaxSessionLostReply = 4096;
    if (body.size() > kMaxSessionLostReply)
        return false;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return false;
    const QJsonObject object = doc.object();
    // A Spring error carries the HTTP code in "status"; only a Linkis envelope says -1.
    bool ok = false;
    const qint64 status = toInt64(object.value(QStringLiteral("status")), 0, &ok);
    return ok && status == -1;
}

Result<QJsonObject> parseEnvelope(int httpStatus, const QByteArray &body)
{
    using Kind = ApiError::Kind;
    if (body.trimmed().isEmpty()) {
        if (httpStatus == 401)
            return error(Kind::SessionExpired,
                         QStringLiteral("The server says you are not logged in (HTTP 401)."),
                         httpStatus, -1, body);
        return error(httpStatus >= 400 ? Kind::Http : Kind::Parse,
                     QStringLiteral("The server sent an empty reply (%1) instead of a Linkis "
                                    "reply.")
                         .arg(httpText(httpStatus)),
                     httpStatus, 0, body);
    }
    if (looksLikeHtml(body)) {
        return error(Kind::Http,
                     QStringLiteral("The server returned an HTML page (%1) instead of a Linkis "
                                    "reply — is a proxy in the way?")
                         .arg(httpText(httpStatus)),
                     httpStatus, 0, body);
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (httpStatus >= 400)
            return error(Kind::Http,
                         QStringLiteral("The server answered %1 with something that is not a "
                                        "Linkis reply.")
                             .arg(httpText(httpStatus)),
                         httpStatus, 0, body);
        const QString why = parseError.error != QJsonParseError::NoError
            ? parseError.errorString()
            : QStringLiteral("not a JSON object");
        return error(Kind::Parse,
                     QStringLiteral("The server's reply is not valid JSON (%1 at offset %2).")
                         .arg(why)
                         .arg(parseError.offset),
                     httpStatus, 0, body);
    }
    const QJsonObject object = doc.object();
    const bool isEnvelope =
        object.contains(QStringLiteral("data")) || object.contains(QStringLiteral("method"));
    if (!isEnvelope && object.contains(QStringLiteral("error"))) {
        // Spring Boot's default error JSON: status is the HTTP code, not a Linkis status.
        const qint64 code = toInt64(object.value(QStringLiteral("status")), httpStatus);
        const QString reason = object.value(QStringLiteral("error")).toString();
        const QString path = object.value(QStringLiteral("path")).toString();
        QString message = QStringLiteral("The server failed with HTTP %1").arg(code);
        if (!reason.isEmpty())
            message += QStringLiteral(" (%1)").arg(reason);
        const QString text = object.value(QStringLiteral("message")).toString().trimmed();
        if (!text.isEmpty())
            message += QStringLiteral(": ") + text;
        else
            message += u'.';
        if (code == 401 || httpStatus == 401)
            return ApiError::make(Kind::SessionExpired, message, httpStatus, 0, path);
        return ApiError::make(Kind::Http, message, httpStatus ? httpStatus : int(code), 0, path);
    }
    bool statusOk = false;
    const qint64 status = toInt64(object.value(QStringLiteral("status")), 0, &statusOk);
    if (!statusOk) {
        if (httpStatus >= 400)
            return error(Kind::Http,
                         QStringLiteral("The server answered %1 without a Linkis status.")
                             .arg(httpText(httpStatus)),
                         httpStatus, 0, body);
        return error(Kind::Parse,
                     QStringLiteral("The server's reply has no Linkis status; is this a Linkis "
                                    "gateway?"),
                     httpStatus, 0, body);
    }
    const QString serverMessage = object.value(QStringLiteral("message")).toString().trimmed();
    const int linkisStatus = int(status);
    const QJsonObject data = object.value(QStringLiteral("data")).toObject();
    auto withDefault = [&serverMessage](const QString &fallback) {
        return serverMessage.isEmpty() ? fallback : serverMessage;
    };
    switch (linkisStatus) {
    case 0:
    case 4: return data;
    case -1:
        return error(Kind::SessionExpired,
                     withDefault(QStringLiteral("You are not logged in, or the session expired.")),
                     httpStatus, linkisStatus, body);
    case 2:
        return error(Kind::Linkis,
                     withDefault(QStringLiteral("The server refused the request as invalid.")),
                     httpStatus, linkisStatus, body);
    case 3:
        return error(Kind::Auth,
                     withDefault(QStringLiteral("You have no permission for this operation.")),
                     httpStatus, linkisStatus, body);
    default: break;
    }
    QString message =
        withDefault(QStringLiteral("The server reported an error (status %1).").arg(linkisStatus));
    const QString desc = data.value(QStringLiteral("errorMsg"))
                             .toObject()
                             .value(QStringLiteral("desc"))
                             .toString()
                             .trimmed();
    if (!desc.isEmpty() && !message.contains(desc))
        message += QStringLiteral(" — ") + desc;
    return error(Kind::Linkis, message, httpStatus, linkisStatus, body);
}

Result<Unit> parseAck(int httpStatus, const QByteArray &body)
{
    const auto envelope = parseEnvelope(httpStatus, body);
    if (!envelope)
        return envelope.error();
    return Unit {};
}

Result<SubmitResult> parseSubmit(int httpStatus, const QByteArray &body)
{
    const auto envelope = parseEnvelope(httpStatus, body);
    if (!envelope)
        return envelope.error();
    SubmitResult result;
    result.execId = toText(envelope->value(QStringLiteral("execID")));
    bool ok = false;
    result.taskId = toInt64(envelope->value(QStringLiteral("taskID")), 0, &ok);
    if (!ok || result.taskId <= 0)
        result.taskId = toInt64(envelope->value(QStringLiteral("taskId")), 0, &ok);
    if (result.taskId <= 0 && result.execId.isEmpty())
        return error(ApiError::Kind::Parse,
                     QStringLiteral("The server accepted the job but sent neither a taskID nor an "
                                    "execID."),
                     httpStatus, 0, body);
    return result;
}

Result<JobStatus> parseStatus(int httpStatus, const QByteArray &body)
{
    const auto envelope = parseEnvelope(httpStatus, body);
    if (!envelope)
        return envelope.error();
    const QJsonValue value = envelope->value(QStringLiteral("status"));
    if (!value.isString())
        return error(ApiError::Kind::Parse,
                     QStringLiteral("The status reply does not say the job's status."), httpStatus,
                     0, body);
    return parseJobStatus(value.toString());
}

namespace {

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("missing");
}

// `log` is null (no log yet), one string, or an array of strings: four level slots (error,
// warn, info, all) or fewer, the last being all of it. Anything else is a malformed reply, not
// an empty log: the caller gets a Parse error and can retry.
Result<LogChunk> logFromValue(const QJsonValue &log, int httpStatus, const QByteArray &body)
{
    LogChunk chunk;
    if (log.isNull() || log.isUndefined()) {
        chunk.logWasNull = true;
        return chunk;
    }
    if (log.isString()) {
        chunk.all = log.toString();
        return chunk;
    }
    if (!log.isArray()) {
        return error(ApiError::Kind::Parse,
                     QStringLiteral("The log reply's \"log\" is %1, not text or a list of texts.")
                         .arg(jsonTypeName(log)),
                     httpStatus, 0, body);
    }
    const QJsonArray levelSlots = log.toArray();
    for (qsizetype i = 0; i < levelSlots.size(); ++i) {
        const QJsonValue slot = levelSlots.at(i);
        if (!slot.isString() && !slot.isNull()) {
            return error(ApiError::Kind::Parse,
                         QStringLiteral("The log reply's \"log\" list holds %1 at position %2, "
                                        "not text.")
                             .arg(jsonTypeName(slot))
                             .arg(i),
                         httpStatus, 0, body);
        }
    }
    if (levelSlots.size() >= 4) {
        chunk.error = levelSlots.at(0).toString();
        chunk.warn = levelSlots.at(1).toString();
        chunk.info = levelSlots.at(2).toString();
        chunk.all = levelSlots.at(3).toString();
    } else if (!levelSlots.isEmpty()) {
        chunk.all = levelSlots.last().toString();
    }
    return chunk;
}

} // namespace

Result<LogChunk> parseLog(int httpStatus, const QByteArray &body)
{
    const auto envelope = parseEnvelope(httpStatus, body);
    if (!envelope)
        return envelope.error();
    auto chunk = logFromValue(envelope->value(QStringLiteral("log")), httpStatus, body);
    if (chunk)
        chunk->nextFromLine = int(toInt64(envelope->value(QStringLiteral("fromLine")), 0));
    return chunk;
}

Result<LogChunk> parseOpenLog(int httpStatus, const QByteArray &body)
{
    const auto envelope = parseEnvelope(httpStatus, body);
    if (!envelope)
        return envelope.error();
    auto chunk = logFromValue(envelope->value(QStringLiteral("log")), httpStatus, body);
    if (chunk)
        chunk->nextFromLine = 0;
    return chunk;
}

namespace {
// progressWithResource's yarnMetrics (absent or null without YARN data).
JobResources resourcesFrom(const QJsonValue &yarnMetrics)
{
    JobResources r;
    if (!yarnMetrics.isObject())
        return r;
    const QJsonObject m = yarnMetrics.toObject();
    r.reported = true;
    for (const QJsonValue &v : m.value(QStringLiteral("yarnResource")).toArray()) {
        const QJsonObject o = v.toObject();
        YarnApplication a;
        a.applicationId = toText(o.value(QStringLiteral("applicationId")));
        a.queue = toText(o.value(QStringLiteral("queue")));
        if (a.queue.isEmpty())
            a.queue = toText(o.value(QStringLiteral("queueName")));
        const auto count = [&o](const char16_t *key, qint64 max) {
            return qBound<qint64>(0, toInt64(o.value(QString::fromUtf16(key))), max);
        };
        a.memoryBytes = count(u"queueMemory", std::numeric_limits<qint64>::max());
        a.cores = int(count(u"queueCores", std::numeric_limits<int>::max()));
        a.instances = int(count(u"queueInstances", std::numeric_limits<int>::max()));
        a.jobStatus = toText(o.value(QStringLiteral("jobStatus")));
        r.applications.append(a);
    }
    const auto percent = [&m](const char16_t *key) {
        bool ok = false;
        const double p = toDouble(m.value(QString::fromUtf16(key)), -1.0, &ok);
        return ok && p >= 0 ? p : -1.0;
    };
    r.corePercent = percent(u"corePercent");
    r.memoryPercent = percent(u"memoryPercent");
    r.coreRGB = toText(m.value(QStringLiteral("coreRGB")));
    r.memoryRGB = toText(m.value(QStringLiteral("memoryRGB")));
    return r;
}
} // namespace

Result<ProgressInfo> parseProgress(int httpStatus, const QByteArray &body)
{
    const auto envelope = parseEnvelope(httpStatus, body);
    if (!envelope)
        return envelope.error();
    ProgressInfo info;
    bool ok = false;
    const double progress = toDouble(envelope->value(QStringLiteral("progress")), 0.0, &ok);
    if (!ok && envelope->contains(QStringLiteral("progress")) &&
        !envelope->value(QStringLiteral("progress")).isNull())
        return error(ApiError::Kind::Parse, QStringLiteral("The progress reply holds no number."),
                     httpStatus, 0, body);
    info.progress = qBound(0.0, qAbs(progress), 1.0);
    info.execId = toText(envelope->value(QStringLiteral("execID")));
    const QJsonArray items = envelope->value(QStringLiteral("progressInfo")).toArray();
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        ProgressItem item;
        item.id = toText(o.value(QStringLiteral("id")));
        item.succeedTasks = int(toInt64(o.value(QStringLiteral("succeedTasks"))));
        item.failedTasks = int(toInt64(o.value(QStringLiteral("failedTasks"))));
        item.runningTasks = int(toInt64(o.value(QStringLiteral("runningTasks"))));
        item.totalTasks = int(toInt64(o.value(QStringLiteral("totalTasks"))));
        info.items.append(item);
    }
    info.resources = resourcesFrom(envelope->value(QStringLiteral("yarnMetrics")));
    return info;
}

Result<LoginInfo> parseLogin(int httpStatus, const QByteArray &body)
{
    const auto envelope = parseEnvelope(httpStatus, body);
    if (!envelope)
        return envelope.error();
    LoginInfo info;
    for (const auto key : {u"userName", u"username", u"proxyUser", u"user"}) {
        info.userName = toText(envelope->value(QString::fromUtf16(key)));
        if (!info.userName.isEmpty())
            break;
    }
    const QJsonValue admin = envelope->value(QStringLiteral("isAdmin"));
    info.isAdmin = admin.isBool() ? admin.toBool() : toText(admin) == u"true";
    info.sessionTimeoutMs = toInt64(envelope->value(QStringLiteral("sessionTimeOut")), 0);
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    info.message = doc.object().value(QStringLiteral("message")).toString();
    return info;
}

} // namespace linkisdesk::parsers
