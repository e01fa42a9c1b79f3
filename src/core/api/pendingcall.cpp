// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/pendingcall.h"

#include "api/linkisclient.h"

#include <QNetworkReply>

namespace linkisdesk {

PendingCall::PendingCall(LinkisClient *client, QObject *context, Done done)
    : QObject(client)
    , m_client(client)
    , m_context(context)
    , m_hadContext(context != nullptr)
    , m_done(std::move(done))
{ }

PendingCall::~PendingCall()
{
    if (reply) {
        reply->disconnect(this);
        reply->deleteLater(); // deleting the reply closes its connection (see cancel())
    }
}

void PendingCall::cancel()
{
    if (m_finished)
        return;
    m_finished = true;
    m_done = nullptr;
    if (reply) {
        QNetworkReply *r = reply;
        reply = nullptr;
        r->disconnect(this);
        // No abort(): when the connection has just failed, the reply's error is already queued
        // from the network thread while error() still says NoError, and abort() would make it
        // fail twice (Qt warns "QNetworkReplyImplPrivate::error: Internal problem, this method
        // must only be called once"). Deleting a reply closes its connection all the same.
        r->deleteLater();
    }
    deleteLater();
}

void PendingCall::complete(Result<RawReply> result)
{
    if (m_finished)
        return;
    if (decode && result) {
        auto decodeNow = std::move(decode);
        decode = nullptr;
        if (reply) {
            reply->disconnect(this);
            reply->deleteLater();
            reply = nullptr;
        }
        decodeNow(std::move(result).value());
        return;
    }
    m_finished = true;
    Done done = std::move(m_done);
    m_done = nullptr;
    if (reply) {
        reply->disconnect(this);
        reply->deleteLater();
        reply = nullptr;
    }
    deleteLater();
    if (done && (!m_hadContext || m_context))
        done(std::move(result));
}

void PendingCall::finishDecoded(const std::function<void()> &deliver)
{
    if (m_finished)
        return;
    m_finished = true;
    m_done = nullptr;
    deleteLater();
    if (!m_hadContext || m_context)
        deliver();
}

} // namespace linkisdesk
