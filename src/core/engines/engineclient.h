// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/linkisclient.h"
#include "engines/engineinfo.h"

#include <QObject>
#include <QPointer>

namespace linkisdesk {

// The linkisManager/* area of a Linkis gateway (real or local): the user's engines, killing
// one, resource shares. Shaped like LinkisClient and MetadataClient: a context object plus a
// callback, a cancellable RequestHandle, sent through the LinkisClient it is given. Kills are
// asynchronous on the server: the engine stays listed (ShuttingDown) until it is gone, so a
// caller that must know polls engines().
class EngineClient : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineClient)
public:
    explicit EngineClient(LinkisClient *client, QObject *parent = nullptr);

    LinkisClient *linkisClient() const { return m_client; }

    // GET linkisManager/listUserEngines: the caller's engines with start and update times.
    RequestHandle engines(QObject *context, Callback<QList<EngineInfo>> callback);
    // POST linkisManager/killEngineConn: the server checks that the engine is the caller's.
    RequestHandle kill(const EngineInfo &engine, QObject *context, Callback<bool> callback);
    // POST linkisManager/rm/enginekill with a bare array (unknown instances are skipped).
    RequestHandle killMany(const QList<EngineInfo> &engines, QObject *context,
                           Callback<bool> callback);
    // POST linkisManager/rm/userresources.
    RequestHandle userResources(QObject *context, Callback<QList<UserResourceShare>> callback);

private:
    template<typename T, typename Parse>
    RequestHandle call(const QByteArray &method, const QString &path, const QByteArray &body,
                       QObject *context, Callback<T> callback, Parse parse);

    QPointer<LinkisClient> m_client;
};

} // namespace linkisdesk
