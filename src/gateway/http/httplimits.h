// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace linkisdesk::gateway {

// What one HTTP connection may cost the gateway. A client that goes past a limit gets an HTTP
// error (408, 413, 431, 503) with a Linkis envelope and the connection is closed; nothing is
// buffered beyond these bounds.
struct HttpLimits
{
    int maxConnections = 256; // open at once; more are answered 503 and closed at once
    int idleTimeoutMs = 60000; // a connection with no request in progress is closed after this
    int requestTimeoutMs = 30000; // a request's head and body must arrive within this
    int lingerMs = 2000; // after the last reply, unread input is drained this long at most
    int maxHeaderBytes = 32 * 1024; // the request line and headers together
    int maxHeaderCount = 100;
    qint64 maxBodyBytes = 10LL * 1024 * 1024;
};

} // namespace linkisdesk::gateway
