// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/apireply.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace linkisdesk::gateway {

int ApiReply::httpFor(int linkisStatus)
{
    switch (linkisStatus) {
    case -1: return 401;
    case 0: return 200;
    case 2: return 412;
    case 3: return 403;
    case 4: return 206;
    default: return 400;
    }
}

QByteArray ApiReply::jsonString(const QString &s)
{
    QByteArray a = QJsonDocument(QJsonArray {s}).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2);
}

ApiReply ApiReply::envelope(const QString &method, int status, const QString &message,
                            const QByteArray &dataJson)
{
    ApiReply r;
    r.httpStatus = httpFor(status);
    QByteArray &b = r.body;
    b.reserve(dataJson.size() + method.size() + message.size() + 64);
    b += "{\"method\":";
    b += method.isNull() ? QByteArray("null") : jsonString(method);
    b += ",\"status\":";
    b += QByteArray::number(status);
    b += ",\"message\":";
    b += jsonString(message);
    b += ",\"data\":";
    b += dataJson.isEmpty() ? QByteArray("{}") : dataJson;
    b += '}';
    return r;
}

ApiReply ApiReply::ok(const QString &method, const QJsonObject &data, const QString &message)
{
    return envelope(method, Ok, message, QJsonDocument(data).toJson(QJsonDocument::Compact));
}

ApiReply ApiReply::okRaw(const QString &method, const QByteArray &dataJson, const QString &message)
{
    return envelope(method, Ok, message, dataJson);
}

ApiReply ApiReply::error(const QString &method, int status, const QString &message,
                         const QJsonObject &data)
{
    return envelope(method, status, message, QJsonDocument(data).toJson(QJsonDocument::Compact));
}

} // namespace linkisdesk::gateway
