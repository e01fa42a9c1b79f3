// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QPair>
#include <QString>

namespace linkisdesk::testsupport {

// One HTTP answer as a test sees it: the code, the body, the Linkis envelope and the headers.
struct HttpResult
{
    int http = 0;
    QByteArray body;
    QJsonObject json;
    QList<QNetworkReply::RawHeaderPair> headers;

    int status() const { return json.value(QStringLiteral("status")).toInt(-99); }
    QString message() const { return json.value(QStringLiteral("message")).toString(); }
    QJsonObject data() const { return json.value(QStringLiteral("data")).toObject(); }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
};

using Headers = QList<QPair<QByteArray, QByteArray>>;

} // namespace linkisdesk::testsupport
