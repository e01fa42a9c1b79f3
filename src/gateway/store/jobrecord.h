// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/jobstatus.h"

#include <QJsonObject>
#include <QString>

namespace linkisdesk::gateway {

// One job as job history keeps it. Paths are local absolute paths (the replies add file://).
struct JobRecord
{
    qint64 taskId = 0;
    QString execId; // full 1.x execID
    QString shortExecId; // <creator>_<user>_<engine>_<taskId>
    QString instance; // host:port of the gateway that accepted the job
    QString submitUser;
    QString executeUser;
    QString creator; // requestApplicationName, e.g. IDE
    QString engineType; // without version, e.g. spark
    QString engineVersion; // e.g. 3.2.1
    QString runType; // e.g. sql
    QString code;
    QJsonObject params;
    QJsonObject source;
    QJsonObject labels;
    JobStatus status = JobStatus::Inited; // core's JobStatus; stored by its Linkis name
    double progress = 0.0;
    int errCode = 0; // 0 = none
    QString errDesc;
    QString logPath;
    QString resultLocation;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    qint64 startedMs = 0; // 0 until Running
    qint64 endedMs = 0; // 0 until completed
};

} // namespace linkisdesk::gateway
