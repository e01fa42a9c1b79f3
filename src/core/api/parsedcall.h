// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/linkisclient.h"

#include <QMetaObject>
#include <QPointer>

namespace linkisdesk {

// A request sent through `client` whose reply `parse(httpStatus, body)` turns into a T: the one
// way the clients built on LinkisClient (metadata, engines, workspace) call the server. Errors,
// of the transport or of the parser, are polished by the client as its own calls' are. A client
// already gone answers Cancelled on the next turn of the event loop, as a reply would, so a
// caller never sees its callback inside its own call. An empty contentType sends JSON.
template<typename T, typename Parse>
RequestHandle parsedCall(const QPointer<LinkisClient> &client, const QByteArray &method,
                         const QString &path, const QUrlQuery &query, const QByteArray &body,
                         const QByteArray &contentType, QObject *context, Callback<T> callback,
                         Parse parse)
{
    if (!client) {
        QMetaObject::invokeMethod(
            context,
            [cb = std::move(callback)] {
                cb(ApiError::make(ApiError::Kind::Cancelled,
                                  QStringLiteral("The connection to this server was closed.")));
            },
            Qt::QueuedConnection);
        return {};
    }
    return client->rawPost(
        method, path, query, body, contentType, context,
        [client, cb = std::move(callback), parse = std::move(parse)](Result<RawReply> raw) {
            if (!raw) {
                cb(client ? client->polish(raw.error()) : raw.error());
                return;
            }
            Result<T> typed = parse(raw->httpStatus, raw->body);
            if (!typed && client)
                cb(Result<T>(client->polish(typed.error())));
            else
                cb(std::move(typed));
        });
}

} // namespace linkisdesk
