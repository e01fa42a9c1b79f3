// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace linkisdesk::gateway {

// A multipart/form-data body (RFC 7578) taken apart: what filesystem/upload receives.
struct MultipartForm
{
    struct Part
    {
        QString name;
        QString fileName; // empty for plain fields
        QByteArray data;
    };
    QList<Part> parts;

    // nullopt when the content type has no boundary or the body does not follow it.
    static std::optional<MultipartForm> parse(const QByteArray &contentType,
                                              const QByteArray &body);
    QString field(const QString &name) const;
};

} // namespace linkisdesk::gateway
