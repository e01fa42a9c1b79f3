// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/scriptmetadata.h"

#include "api/linkisparsers.h"

namespace linkisdesk {

namespace {

QJsonObject toObject(const QMap<QString, QString> &map)
{
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

// Scalars only; nested objects are the caller's business.
QMap<QString, QString> scalars(const QJsonObject &object)
{
    QMap<QString, QString> map;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it->isObject() && !it->isArray() && !it->isNull() && !it->isUndefined())
            map.insert(it.key(), parsers::toText(*it));
    }
    return map;
}

} // namespace

bool ScriptMetadata::isEmpty() const
{
    bool groupsEmpty = true;
    for (const auto &group : specialGroups)
        groupsEmpty = groupsEmpty && group.isEmpty();
    return variables.isEmpty() && startup.isEmpty() && runtime.isEmpty() && special.isEmpty() &&
        groupsEmpty;
}

QJsonObject ScriptMetadata::toParams() const
{
    QJsonObject specialObject = toObject(special);
    for (auto it = specialGroups.cbegin(); it != specialGroups.cend(); ++it) {
        if (!it->isEmpty())
            specialObject.insert(it.key(), toObject(*it));
    }
    return QJsonObject {{QStringLiteral("variable"), toObject(variables)},
                        {QStringLiteral("configuration"),
                         QJsonObject {{QStringLiteral("startup"), toObject(startup)},
                                      {QStringLiteral("runtime"), toObject(runtime)},
                                      {QStringLiteral("special"), specialObject}}}};
}

ScriptMetadata ScriptMetadata::fromJson(const QJsonObject &object)
{
    ScriptMetadata meta;
    meta.variables = scalars(object.value(QStringLiteral("variable")).toObject());
    const QJsonObject conf = object.value(QStringLiteral("configuration")).toObject();
    meta.startup = scalars(conf.value(QStringLiteral("startup")).toObject());
    meta.runtime = scalars(conf.value(QStringLiteral("runtime")).toObject());
    const QJsonObject special = conf.value(QStringLiteral("special")).toObject();
    meta.special = scalars(special);
    for (auto it = special.begin(); it != special.end(); ++it) {
        if (it->isObject()) {
            const auto group = scalars(it->toObject());
            if (!group.isEmpty())
                meta.specialGroups.insert(it.key(), group);
        }
    }
    return meta;
}

} // namespace linkisdesk
