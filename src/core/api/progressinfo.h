// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace linkisdesk {

// One item of progressInfo (a stage, or on the local gateway one statement).
struct ProgressItem
{
    QString id;
    int succeedTasks = 0;
    int failedTasks = 0;
    int runningTasks = 0;
    int totalTasks = 0;
};

// The reply to entrance/{execID}/progress or progressWithResource.
struct ProgressInfo
{
    double progress = 0.0; // 0..1
    QList<ProgressItem> items;
    QString execId;
    QJsonObject yarnMetrics; // progressWithResource only; empty otherwise
};

} // namespace linkisdesk
