// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace linkisdesk {

// The reply to entrance/submit or entrance/execute.
struct SubmitResult
{
    QString execId;
    qint64 taskId = 0;
};

} // namespace linkisdesk
