// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace linkisdesk::gateway {

// A Linkis envelope {method, status, message, data} ready to send, with the HTTP code Linkis
// derives from the status (0->200, 1->400, -1->401, 2->412, 3->403, 4->206).
struct ApiReply
{
    int httpStatus = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    enum Status { NotLoggedIn = -1, Ok = 0, Error = 1, ValidationFailed = 2, Forbidden = 3 };

    static int httpFor(int linkisStatus);

    static ApiReply ok(const QString &method, const QJsonObject &data,
                       const QString &message = QStringLiteral("OK"));
    // `dataJson` must be a serialized JSON object (used for big pages built without QJson).
    static ApiReply okRaw(const QString &method, const QByteArray &dataJson,
                          const QString &message = QStringLiteral("OK"));
    static ApiReply error(const QString &method, int status, const QString &message,
                          const QJsonObject &data = {});
    static ApiReply envelope(const QString &method, int status, const QString &message,
                             const QByteArray &dataJson);

    // JSON text of a string, quotes included.
    static QByteArray jsonString(const QString &s);
};

} // namespace linkisdesk::gateway
