// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/progressinfo.h"
#include "api/taskinfo.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

namespace linkisdesk {

// How job-history tasks look on the CLI's stdout: one JSON object per line with --json, or a
// tab-separated line under a header.
class TaskFormat
{
public:
    TaskFormat() = delete;

    // The Linkis spelling of the task's status (what the server said when it is unknown).
    static QString statusText(const TaskInfo &task);
    static QJsonObject toJson(const TaskInfo &task);
    static QJsonObject toJson(const ProgressInfo &progress);
    static QByteArray jsonLine(const QJsonObject &object);

    static QByteArray listHeader();
    static QByteArray listLine(const TaskInfo &task);
    // "45%"
    static QString percent(double fraction);
    // The first line of the code, at most `width` characters.
    static QString codeSummary(const QString &code, int width = 60);
};

} // namespace linkisdesk
