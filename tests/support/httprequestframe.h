// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace linkisdesk::testsupport {

// One HTTP/1.1 request as the test servers (FaultServer, the hardening FaultProxy) read it off a
// socket: request line, headers, and a body of Content-Length bytes (no chunked bodies).
struct HttpRequestFrame
{
    QByteArray method;
    QByteArray target; // as sent: path and query
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    // Takes the first complete request off the front of `buffer` into `out`; false (buffer
    // untouched) while the headers or the body are still incomplete.
    static bool take(QByteArray &buffer, HttpRequestFrame *out);
};

} // namespace linkisdesk::testsupport
