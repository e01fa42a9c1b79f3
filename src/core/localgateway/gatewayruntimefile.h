// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/result.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace linkisdesk {

// The local gateway's runtime file: where a running linkis-desk-gateway can be found.
// {"url":"http://127.0.0.1:PORT","token":"...","pid":N}, readable only by the user, in a
// user-only directory. The gateway writes it once it listens (--runtime-file) and removes it on
// exit; LocalGateway, the CLI, the About dialog and the tests read it. This is the one place
// that knows its format.
struct GatewayRuntimeFile
{
    QUrl url;
    QString token;
    qint64 pid = 0; // 0 when unknown

    // A URL with a host and a token: enough to talk to the gateway.
    bool isValid() const;

    // <RuntimeLocation>/linkis-desk/gateway.json (the temp folder when there is no runtime
    // location).
    static QString defaultPath();

    // A missing or unreadable file is an Io error; a file that is not a JSON object with a
    // usable url and token (truncated, edited, empty) is a Parse error. A non-integer pid reads
    // as 0.
    static Result<GatewayRuntimeFile> read(const QString &path);
    // Atomically (a reader sees the old file or the new one, never a part), mode 0600. A
    // parent directory that does not exist yet is created for the user only (0700).
    Result<Unit> write(const QString &path) const;

    QByteArray toJson() const;
    static Result<GatewayRuntimeFile> fromJson(const QByteArray &json);
};

} // namespace linkisdesk
