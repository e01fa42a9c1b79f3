// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace linkisdesk {

// An error as a value: what went wrong, in words a person understands, plus the facts
// (HTTP code, Linkis status) a caller needs to decide what to do next.
struct ApiError
{
    enum class Kind {
        None, // no error
        Network, // connection refused, reset, DNS, timeout at the socket level
        Timeout, // the request took longer than allowed
        Http, // an HTTP error with no usable Linkis envelope (proxy page, Spring 500)
        Linkis, // a Linkis envelope with status 1, 2, 3 or 4
        SessionExpired, // HTTP 401 or status -1 after the one allowed re-login
        Auth, // bad credentials (login refused, token rejected)
        Parse, // the body is not what the protocol says
        Tls, // certificate not trusted and not pinned
        Cancelled, // the caller cancelled the request
        Usage, // wrong arguments from the caller (CLI, dialogs)
        Io, // reading or writing a local file failed
        Forbidden, // the server answered, but this user may not see it (a table without grant)
    };

    Kind kind = Kind::None;
    QString message; // one line for people
    int httpStatus = 0; // 0 when no HTTP reply was received
    int linkisStatus = 0;
    QString detail; // extra context for logs (URL, body excerpt), never secrets
    QString peerCertificateSha256; // Kind::Tls: the refused certificate (hex), to offer pinning
    // A call that must run at most once (a submit, a kill) failed after it went out: the server
    // may have carried it out. It was not sent again; find out before acting again.
    bool outcomeUnknown = false;

    bool isError() const { return kind != Kind::None; }
    // The one retry rule (JobTracker, StatusBatcher, the submit look-up): true when the same
    // request, sent again later, may well succeed, because the failure was on the way or in the
    // server's state rather than in the request:
    //   Network, Timeout            the path to the server failed;
    //   Http 5xx, 408, 429          the server or a proxy in front of it is unwell or busy;
    //   Parse                       the body came damaged (cut short, garbled by a proxy);
    //   SessionExpired, Auth        the session is gone: the job runs on, and the same request
    //                               works once the user signs in again.
    // Not retryable: any other Http status (the request itself is refused: a missing route, a
    // forbidden path), Linkis (the server understood and said no), Tls (needs the user's
    // decision), Cancelled, Usage, Io, Forbidden and None. Whether to retry at all is the
    // caller's decision (a submit or a kill is never re-sent: outcomeUnknown).
    bool isRetryable() const;
    static ApiError make(Kind kind, const QString &message, int httpStatus = 0,
                         int linkisStatus = 0, const QString &detail = {})
    {
        ApiError error;
        error.kind = kind;
        error.message = message;
        error.httpStatus = httpStatus;
        error.linkisStatus = linkisStatus;
        error.detail = detail;
        return error;
    }
    static QString kindName(Kind kind);
};

} // namespace linkisdesk
