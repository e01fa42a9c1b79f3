// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QIODevice>

namespace linkisdesk {

// The body of a request that must reach the server at most once (a submit, a kill). Qt 6.4's
// QNetworkAccessManager sends a request again on a new connection when the old one closed
// before any reply, POST included, but only if it can rewind the upload data: this device
// cannot be rewound (reset() fails), so Qt reports QNetworkReply::ContentReSendError instead
// of sending it twice. Sent with a Content-Length and DoNotBufferUploadDataAttribute, so that
// QNetworkAccessManager reads it directly rather than from a copy it could rewind.
class OneShotBody : public QIODevice
{
    Q_DISABLE_COPY_MOVE(OneShotBody)
public:
    explicit OneShotBody(const QByteArray &data, QObject *parent = nullptr);

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    bool atEnd() const override;
    bool reset() override { return false; } // never read a second time

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

} // namespace linkisdesk
