// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/jobrecord.h"

#include <QJsonObject>

namespace linkisdesk::gateway {

// Job history's QueryTaskVO as Linkis serialises it (section 6.1 of linkis-protocol.md):
// taskID a number, progress a string, dates epoch-ms numbers, labels "key:value" strings.
class TaskJson
{
public:
    static QJsonObject build(const JobRecord &r, bool brief = false);
    static QString progressString(double progress);
};

} // namespace linkisdesk::gateway
