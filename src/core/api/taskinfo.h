// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/jobstatus.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace linkisdesk {

// A job history task (jobhistory/{id}/get, jobhistory/list).
struct TaskInfo
{
    qint64 taskId = 0;
    QString instance; // entrance host:port
    QString execId; // short form, e.g. IDE_hadoop_spark_0
    QString strongerExecId; // full execID usable in entrance paths
    QString umUser; // submit user
    QString executeUser;
    QString engineType;
    QString runType;
    QString creator; // requestApplicationName
    QString executionCode;
    JobStatus status = JobStatus::Unknown;
    QString statusText; // as the server spelled it
    double progress = 0.0;
    QString logPath;
    QString resultLocation;
    std::optional<int> errCode;
    QString errDesc;
    QDateTime createdTime; // invalid when absent
    QDateTime updatedTime;
    qint64 costTimeMs = -1; // -1 when absent
    QStringList labels; // "key:value"
    bool canRetry = false;

    // The execID to use in entrance paths: strongerExecId, else execId.
    QString pathExecId() const { return strongerExecId.isEmpty() ? execId : strongerExecId; }
};

} // namespace linkisdesk
