// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/requesthandle.h"

#include "api/pendingcall.h"

namespace linkisdesk {

RequestHandle::RequestHandle(PendingCall *call)
    : m_call(call)
{ }

void RequestHandle::cancel()
{
    if (m_call)
        m_call->cancel();
}

bool RequestHandle::isActive() const
{
    return m_call && !m_call->isFinished();
}

} // namespace linkisdesk
