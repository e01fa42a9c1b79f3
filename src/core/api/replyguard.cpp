// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/replyguard.h"

#include <QNetworkReply>

namespace linkisdesk {

namespace {

constexpr qint64 MiB = 1024 * 1024;
// Qt reads in blocks; room past the limit so that a reply over it is seen to be over it.
constexpr qint64 kReadSlack = 1024 * 1024;

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / double(MiB), 'f', bytes % MiB ? 1 : 0);
}

} // namespace

ReplyGuard::ReplyGuard(QNetworkReply *reply, qint64 maxBytes, int windowMs, const QString &what,
                       QObject *parent)
    : QObject(parent)
    , m_reply(reply)
    , m_maxBytes(maxBytes)
    , m_windowMs(qMax(100, windowMs))
    , m_what(what)
{
    // Qt then reads no more than this off the socket until the body is taken, and the count
    // below sees the overflow as it arrives (progress signals come at most every few hundred
    // milliseconds, hundreds of MB apart on loopback).
    reply->setReadBufferSize(maxBytes + kReadSlack);
    connect(reply, &QNetworkReply::readyRead, this,
            [this] { onProgress(m_reply ? m_reply->bytesAvailable() : 0, -1); });
    connect(reply, &QNetworkReply::downloadProgress, this, &ReplyGuard::onProgress);
    connect(reply, &QNetworkReply::uploadProgress, this,
            [this](qint64 sent, qint64) { m_sent = qMax(m_sent, sent); });
    connect(reply, &QNetworkReply::finished, &m_window, &QTimer::stop);
    connect(&m_window, &QTimer::timeout, this, &ReplyGuard::onWindow);
    m_window.start(m_windowMs);
}

qint64 ReplyGuard::maxReplyBytes(const QString &path)
{
    if (path.startsWith(QLatin1String("filesystem/openFile")) ||
        path.startsWith(QLatin1String("filesystem/openLog")) ||
        (path.startsWith(QLatin1String("entrance/")) && path.endsWith(QLatin1String("/log"))))
        return 512 * MiB;
    return 64 * MiB;
}

void ReplyGuard::onProgress(qint64 received, qint64 total)
{
    m_received = qMax(m_received, received);
    if (m_error)
        return;
    const qint64 size = qMax(received, total);
    if (size > m_maxBytes) {
        // A declared size is exact; a counted one is only known to be past the limit.
        const QString amount = total > m_maxBytes
            ? QStringLiteral("%1 MB").arg(megabytes(total))
            : QStringLiteral("more than %1 MB").arg(megabytes(m_maxBytes));
        abortWith(ApiError::make(ApiError::Kind::Parse,
                                 QStringLiteral("%1 sent a reply of %2, more than this request "
                                                "can use (at most %3 MB); it was refused.")
                                     .arg(m_what, amount, megabytes(m_maxBytes))));
    }
}

void ReplyGuard::onWindow()
{
    if (m_error || !m_reply || m_reply->isFinished())
        return;
    const qint64 moved = m_received + m_sent - m_movedAtWindowStart;
    if (moved < kMinBytesPerWindow) {
        abortWith(ApiError::make(
            ApiError::Kind::Timeout,
            moved <= 0 ? QStringLiteral("%1 did not answer within %2 s.")
                             .arg(m_what)
                             .arg(qMax(1, m_windowMs / 1000))
                       : QStringLiteral("%1 did not answer within %2 s (the answer stalled: "
                                        "it came at %3 bytes in %2 s).")
                             .arg(m_what)
                             .arg(qMax(1, m_windowMs / 1000))
                             .arg(moved)));
        return;
    }
    m_movedAtWindowStart = m_received + m_sent;
}

void ReplyGuard::abortWith(ApiError error)
{
    m_error = std::move(error);
    m_window.stop();
    if (m_reply)
        m_reply->abort();
}

} // namespace linkisdesk
