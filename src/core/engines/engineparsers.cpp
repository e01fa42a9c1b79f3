// SPDX-License-Identifier: GPL-3.0-or-later
#include "engines/engineparsers.h"

#include "api/linkisparsers.h"

#include <QJsonArray>

namespace linkisdesk::engines {

namespace {

using parsers::toDouble;
using parsers::toInt64;
using parsers::toText;

ApiError shapeError(const QString &what, int httpStatus, const QByteArray &body)
{
    return ApiError::make(
        ApiError::Kind::Parse,
        QStringLiteral("The server's %1 reply has an unexpected shape.").arg(what), httpStatus, 0,
        QString::fromUtf8(body.left(300)).simplified());
}

QString label(const QJsonArray &labels, const QString &key)
{
    for (const QJsonValue &v : labels) {
        const QJsonObject o = v.toObject();
        if (toText(o.value(QStringLiteral("labelKey"))) == key)
            return toText(o.value(QStringLiteral("stringValue")));
    }
    return {};
}

// A LoadInstanceResource, flat or inside a DriverAndYarnResource.
void readResource(const QJsonObject &resource, EngineInfo *e)
{
    const QJsonObject load = resource.contains(QStringLiteral("loadInstanceResource"))
        ? resource.value(QStringLiteral("loadInstanceResource")).toObject()
        : resource;
    e->memoryBytes = toInt64(load.value(QStringLiteral("memory")), 0);
    e->cores = int(toInt64(load.value(QStringLiteral("cores")), 0));
}

EngineInfo fromObject(const QJsonObject &o)
{
    EngineInfo e;
    const QJsonArray labels = o.value(QStringLiteral("labels")).toArray();
    const auto [type, version] = splitTypeLabel(label(labels, QStringLiteral("engineType")));
    e.engineType = type;
    e.version = version;
    const QString userCreator = label(labels, QStringLiteral("userCreator"));
    const qsizetype dash = userCreator.lastIndexOf(u'-');
    if (o.contains(QStringLiteral("serviceInstance"))) { // listUserEngines: an AMEngineNode
        const QJsonObject si = o.value(QStringLiteral("serviceInstance")).toObject();
        e.instance = toText(si.value(QStringLiteral("instance")));
        const QString app = toText(si.value(QStringLiteral("applicationName")));
        if (!app.isEmpty())
            e.applicationName = app;
        e.status = toText(o.value(QStringLiteral("nodeStatus")));
        e.owner = toText(o.value(QStringLiteral("owner")));
        readResource(o.value(QStringLiteral("nodeResource"))
                         .toObject()
                         .value(QStringLiteral("usedResource"))
                         .toObject(),
                     &e);
        e.startTimeMs = toInt64(o.value(QStringLiteral("startTime")), 0);
        e.updateTimeMs = toInt64(o.value(QStringLiteral("updateTime")), 0);
    } else { // rm/engines
        e.instance = toText(o.value(QStringLiteral("engineInstance")));
        const QString app = toText(o.value(QStringLiteral("applicationName")));
        if (!app.isEmpty())
            e.applicationName = app;
        e.status = toText(o.value(QStringLiteral("engineStatus")));
        const QString t = toText(o.value(QStringLiteral("engineType")));
        if (!t.isEmpty())
            e.engineType = t;
        e.creator = toText(o.value(QStringLiteral("creator")));
        readResource(o.value(QStringLiteral("usedResource")).toObject(), &e);
    }
    if (e.creator.isEmpty() && dash > 0)
        e.creator = userCreator.mid(dash + 1);
    if (e.owner.isEmpty() && dash > 0)
        e.owner = userCreator.left(dash);
    if (e.status.isEmpty())
        e.status = QStringLiteral("Busy"); // Linkis: a null status reads Busy
    return e;
}

// Linkis percents come as strings ("0.35"), sometimes as numbers.
double fraction(const QJsonValue &v)
{
    return qBound(0.0, toDouble(v, 0.0), 1.0);
}

} // namespace

QPair<QString, QString> splitTypeLabel(const QString &label)
{
    QString s = label.trimmed();
    if (s.startsWith(u'(') && s.endsWith(u')')) {
        s = s.mid(1, s.size() - 2);
        const qsizetype comma = s.indexOf(u',');
        return comma < 0 ? qMakePair(s, QString()) : qMakePair(s.left(comma), s.mid(comma + 1));
    }
    const qsizetype dash = s.indexOf(u'-');
    return dash < 0 ? qMakePair(s, QString()) : qMakePair(s.left(dash), s.mid(dash + 1));
}

Result<QList<EngineInfo>> parseEngines(int httpStatus, const QByteArray &body)
{
    const auto data = parsers::parseEnvelope(httpStatus, body);
    if (!data)
        return data.error();
    const QJsonValue engines = data->value(QStringLiteral("engines"));
    if (engines.isUndefined() || engines.isNull())
        return QList<EngineInfo> {}; // rm/engines leaves the key out when there are none
    if (!engines.isArray())
        return shapeError(QStringLiteral("engine list"), httpStatus, body);
    QList<EngineInfo> out;
    const QJsonArray array = engines.toArray();
    for (const QJsonValue &v : array) {
        if (!v.isObject())
            return shapeError(QStringLiteral("engine list"), httpStatus, body);
        EngineInfo e = fromObject(v.toObject());
        if (!e.instance.isEmpty())
            out.append(e);
    }
    return out;
}

Result<QList<UserResourceShare>> parseUserResources(int httpStatus, const QByteArray &body)
{
    const auto data = parsers::parseEnvelope(httpStatus, body);
    if (!data)
        return data.error();
    QList<UserResourceShare> out;
    const QJsonArray list = data->value(QStringLiteral("userResources")).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        UserResourceShare share;
        const auto [user, creator] = splitTypeLabel(toText(o.value(QStringLiteral("userCreator"))));
        share.user = user;
        share.creator = creator;
        share.fraction = fraction(o.value(QStringLiteral("percent")));
        const QJsonArray types = o.value(QStringLiteral("engineTypes")).toArray();
        for (const QJsonValue &t : types) {
            const QJsonObject to = t.toObject();
            const auto [type, version] =
                splitTypeLabel(toText(to.value(QStringLiteral("engineType"))));
            share.engineTypes.append(
                {type, version, fraction(to.value(QStringLiteral("percent")))});
        }
        out.append(share);
    }
    return out;
}

Result<bool> parseKill(int httpStatus, const QByteArray &body)
{
    const auto data = parsers::parseEnvelope(httpStatus, body);
    if (!data)
        return data.error();
    return true;
}

} // namespace linkisdesk::engines
