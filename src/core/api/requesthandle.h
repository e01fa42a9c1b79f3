// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>

namespace linkisdesk {

class PendingCall;

// A request in flight. Cheap to copy; outliving the request is fine. After cancel() the
// callback is NOT called (neither with a value nor with Kind::Cancelled).
class RequestHandle
{
public:
    RequestHandle() = default;
    explicit RequestHandle(PendingCall *call);

    void cancel();
    // True while the request is in flight (including a silent re-login and retry).
    bool isActive() const;

private:
    QPointer<PendingCall> m_call;
};

} // namespace linkisdesk
