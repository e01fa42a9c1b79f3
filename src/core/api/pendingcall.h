// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/rawreply.h"
#include "api/result.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>

#include <functional>

class QNetworkReply;

namespace linkisdesk {

class LinkisClient;

// One logical request of LinkisClient, kept across a silent re-login and retry. Internal to the
// client: callers only see it through RequestHandle.
class PendingCall : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PendingCall)
public:
    using Done = std::function<void(Result<RawReply>)>;

    PendingCall(LinkisClient *client, QObject *context, Done done);
    ~PendingCall() override;

    // The request.
    QByteArray method = "GET";
    QString path;
    QUrlQuery query;
    QByteArray body;
    QByteArray contentType; // of a POST body; empty: JSON
    bool isLogin = false; // the login call itself: never triggers a re-login
    // Sent at most once by the network layer (a submit, a kill): Qt may not send it again on a
    // new connection, and a failure after it went out leaves its outcome unknown.
    bool sendOnce = false;
    // user/userInfo answers "not logged in" with status 1 (HTTP 400), not -1 (protocol §12.16).
    bool status1MeansLoggedOut = false;

    // State kept by LinkisClient.
    QPointer<QNetworkReply> reply;
    QElapsedTimer sent; // started when the request goes out on the network
    bool retried = false;
    QString tlsFingerprint;
    QString tlsReason;

    // Replies decoded on a worker (log pages): a successful raw reply goes to `decode` instead
    // of the callback, and the call stays in flight (isActive, cancellable) until the decoded
    // value is handed over with finishDecoded(). Errors take the callback as usual.
    std::function<void(RawReply)> decode;
    // Runs `deliver` once, if the context still lives and nobody cancelled; then deletes itself.
    void finishDecoded(const std::function<void()> &deliver);

    void setDone(Done done) { m_done = std::move(done); }
    bool isFinished() const { return m_finished; }
    void cancel();
    // Calls the callback once, if the context still lives and nobody cancelled; then deletes
    // itself later.
    void complete(Result<RawReply> result);

private:
    QPointer<LinkisClient> m_client;
    QPointer<QObject> m_context;
    bool m_hadContext = false;
    bool m_finished = false;
    Done m_done;
};

} // namespace linkisdesk
