// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/apierror.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

class QNetworkReply;

namespace linkisdesk {

// Watches one QNetworkReply of LinkisClient and aborts it when it goes past what the call can
// use: a body larger than maxBytes (Kind::Parse; declared or counted as it arrives, so it is
// never buffered whole), or a transfer slower than minBytes per window (Kind::Timeout). Qt's
// transfer timeout restarts on every byte, so a server trickling one byte a second would never
// meet it; the window here needs real progress. After the reply finished, error() says why it
// was aborted (nullopt: it was not).
class ReplyGuard : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplyGuard)

public:
    // Least bytes a window must bring (both directions) while the reply is not finished.
    static constexpr qint64 kMinBytesPerWindow = 1024;

    // windowMs is the request timeout. `what` names the server for messages.
    ReplyGuard(QNetworkReply *reply, qint64 maxBytes, int windowMs, const QString &what,
               QObject *parent);

    const std::optional<ApiError> &error() const { return m_error; }

    // The largest reply a call to `path` (relative to /api/rest_j/v1/) needs: result pages and
    // logs may be large, everything else is a small envelope.
    static qint64 maxReplyBytes(const QString &path);

private:
    void onProgress(qint64 received, qint64 total);
    void onWindow();
    void abortWith(ApiError error);

    QPointer<QNetworkReply> m_reply;
    qint64 m_maxBytes;
    int m_windowMs;
    QString m_what;
    QTimer m_window;
    qint64 m_received = 0;
    qint64 m_sent = 0;
    qint64 m_movedAtWindowStart = 0;
    std::optional<ApiError> m_error;
};

} // namespace linkisdesk
