// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace linkisdesk::gateway {

// One HTTP request as the routes see it: copied out of the socket at once, so nothing
// refers back to the connection. `path` is relative to /api/rest_j/v1/ (no leading slash).
struct ApiRequest
{
    QString method; // "GET", "POST", ...
    QString fullPath; // the whole decoded path, e.g. /api/rest_j/v1/entrance/execute
    QString path; // e.g. entrance/execute
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers; // as the client spelled them
    QByteArray body;
    QStringList args; // the {placeholders} of the matched route, in order

    // Filled by authentication.
    QString user;

    // A header looked up with its exact spelling (Linkis compares Token-Code case-sensitively).
    QByteArray exactHeader(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first == name)
                return h.second;
        }
        return {};
    }
    bool hasExactHeader(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first == name)
                return true;
        }
        return false;
    }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    QString cookie(const QString &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare("Cookie", Qt::CaseInsensitive) != 0)
                continue;
            const auto parts = QString::fromUtf8(h.second).split(u';');
            for (const QString &part : parts) {
                const int eq = int(part.indexOf(u'='));
                if (eq > 0 && part.left(eq).trimmed() == name)
                    return part.mid(eq + 1).trimmed();
            }
        }
        return {};
    }
    QString queryValue(const QString &name) const
    {
        return query.queryItemValue(name, QUrl::FullyDecoded);
    }
    bool hasQuery(const QString &name) const { return query.hasQueryItem(name); }
};

} // namespace linkisdesk::gateway
