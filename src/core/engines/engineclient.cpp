// SPDX-License-Identifier: GPL-3.0-or-later
#include "engines/engineclient.h"

#include "api/parsedcall.h"
#include "engines/engineparsers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace linkisdesk {

EngineClient::EngineClient(LinkisClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

template<typename T, typename Parse>
RequestHandle EngineClient::call(const QByteArray &method, const QString &path,
                                 const QByteArray &body, QObject *context, Callback<T> callback,
                                 Parse parse)
{
    return parsedCall<T>(m_client, method, path, {}, body, {}, context, std::move(callback),
                         std::move(parse));
}

RequestHandle EngineClient::engines(QObject *context, Callback<QList<EngineInfo>> callback)
{
    return call<QList<EngineInfo>>("GET", QStringLiteral("linkisManager/listUserEngines"), {},
                                   context, std::move(callback), engines::parseEngines);
}

RequestHandle EngineClient::kill(const EngineInfo &engine, QObject *context,
                                 Callback<bool> callback)
{
    const QJsonObject body {{QStringLiteral("applicationName"), engine.applicationName},
                            {QStringLiteral("instance"), engine.instance}};
    return call<bool>("POST", QStringLiteral("linkisManager/killEngineConn"),
                      QJsonDocument(body).toJson(QJsonDocument::Compact), context,
                      std::move(callback), engines::parseKill);
}

RequestHandle EngineClient::killMany(const QList<EngineInfo> &engines, QObject *context,
                                     Callback<bool> callback)
{
    QJsonArray body;
    for (const EngineInfo &e : engines) {
        body.append(QJsonObject {{QStringLiteral("engineInstance"), e.instance},
                                 {QStringLiteral("applicationName"), e.applicationName}});
    }
    return call<bool>("POST", QStringLiteral("linkisManager/rm/enginekill"),
                      QJsonDocument(body).toJson(QJsonDocument::Compact), context,
                      std::move(callback), engines::parseKill);
}

RequestHandle EngineClient::userResources(QObject *context,
                                          Callback<QList<UserResourceShare>> callback)
{
    return call<QList<UserResourceShare>>("POST", QStringLiteral("linkisManager/rm/userresources"),
                                          {}, context, std::move(callback),
                                          engines::parseUserResources);
}

} // namespace linkisdesk
