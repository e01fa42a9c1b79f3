// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/submitrequest.h"

namespace linkisdesk {

namespace {

QJsonObject paramsJson(const SubmitRequest &r)
{
    QJsonObject configuration;
    if (!r.startup.isEmpty())
        configuration.insert(QStringLiteral("startup"), QJsonObject::fromVariantMap(r.startup));
    if (!r.runtime.isEmpty())
        configuration.insert(QStringLiteral("runtime"), QJsonObject::fromVariantMap(r.runtime));
    if (!r.special.isEmpty())
        configuration.insert(QStringLiteral("special"), QJsonObject::fromVariantMap(r.special));
    QJsonObject params;
    params.insert(QStringLiteral("variable"), QJsonObject::fromVariantMap(r.variables));
    params.insert(QStringLiteral("configuration"), configuration);
    return params;
}

QJsonObject sourceJson(const SubmitRequest &r)
{
    QJsonObject source;
    if (!r.scriptPath.isEmpty())
        source.insert(QStringLiteral("scriptPath"), r.scriptPath);
    return source;
}

} // namespace

QString SubmitRequest::engineLabel() const
{
    if (engineVersion.isEmpty())
        return engineType;
    return engineType + u'-' + engineVersion;
}

QJsonObject SubmitRequest::toSubmitJson(const QString &user) const
{
    const QString runAs = executeUser.isEmpty() ? user : executeUser;
    QJsonObject labelObject = QJsonObject::fromVariantMap(labels);
    if (!labelObject.contains(QStringLiteral("engineType")))
        labelObject.insert(QStringLiteral("engineType"), engineLabel());
    if (!labelObject.contains(QStringLiteral("userCreator")) && !runAs.isEmpty())
        labelObject.insert(QStringLiteral("userCreator"),
                           runAs + u'-' + (creator.isEmpty() ? QStringLiteral("IDE") : creator));

    QJsonObject content;
    content.insert(QStringLiteral("code"), code);
    content.insert(QStringLiteral("runType"), runType);

    QJsonObject body;
    body.insert(QStringLiteral("executionContent"), content);
    body.insert(QStringLiteral("params"), paramsJson(*this));
    body.insert(QStringLiteral("source"), sourceJson(*this));
    body.insert(QStringLiteral("labels"), labelObject);
    if (!executeUser.isEmpty())
        body.insert(QStringLiteral("executeUser"), executeUser);
    return body;
}

QJsonObject SubmitRequest::toExecuteJson() const
{
    QJsonObject body;
    body.insert(QStringLiteral("executeApplicationName"), engineType);
    body.insert(QStringLiteral("requestApplicationName"),
                creator.isEmpty() ? QStringLiteral("IDE") : creator);
    body.insert(QStringLiteral("executionCode"), code);
    body.insert(QStringLiteral("runType"), runType);
    body.insert(QStringLiteral("params"), paramsJson(*this));
    body.insert(QStringLiteral("source"), sourceJson(*this));
    if (!labels.isEmpty() || !engineVersion.isEmpty()) {
        QJsonObject labelObject = QJsonObject::fromVariantMap(labels);
        if (!engineVersion.isEmpty() && !labelObject.contains(QStringLiteral("engineType")))
            labelObject.insert(QStringLiteral("engineType"), engineLabel());
        body.insert(QStringLiteral("labels"), labelObject);
    }
    return body;
}

} // namespace linkisdesk
