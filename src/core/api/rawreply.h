// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace linkisdesk {

// An HTTP answer as received: status code and body.
struct RawReply
{
    int httpStatus = 0;
    QByteArray body;
};

} // namespace linkisdesk
