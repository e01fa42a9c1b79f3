// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace linkisdesk {

// Filters for jobhistory/list. Empty / invalid members are not sent.
struct TaskQuery
{
    QStringList statuses; // e.g. {"Running", "Failed"}
    QDateTime startDate;
    QDateTime endDate;
    int pageNow = 1;
    int pageSize = 20;
    qint64 taskId = 0;
    QString engineType; // executeApplicationName
    QString creator;
};

} // namespace linkisdesk
