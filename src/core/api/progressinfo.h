// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <limits>

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

// One YARN application of a job (progressWithResource's yarnMetrics.yarnResource).
struct YarnApplication
{
    QString applicationId;
    QString queue;
    qint64 memoryBytes = 0; // queueMemory: bytes
    int cores = 0; // queueCores
    int instances = 0; // queueInstances
    QString jobStatus; // "RUNNING", "COMPLETED", ...

    bool operator==(const YarnApplication &) const = default;
};

// The resources the server reports for a job (progressWithResource): yarnMetrics, or nothing
// (a top-level "yarnResource": null, as Linkis sends without YARN data and the local gateway
// always does). Percents are fractions 0..1 of the entrance's queue limits, -1 when not sent;
// numbers may come as strings.
struct JobResources
{
    bool reported = false; // yarnMetrics was there
    QList<YarnApplication> applications;
    double corePercent = -1.0;
    double memoryPercent = -1.0;
    QString coreRGB; // "green", "yellow", "red"
    QString memoryRGB;

    // Totals over the applications (each count is 0 or more, the sums saturate).
    qint64 memoryBytes() const
    {
        qint64 sum = 0;
        for (const YarnApplication &a : applications)
            sum = a.memoryBytes > std::numeric_limits<qint64>::max() - sum ? sum
                                                                           : sum + a.memoryBytes;
        return sum;
    }
    int cores() const
    {
        int sum = 0;
        for (const YarnApplication &a : applications)
            sum = a.cores > std::numeric_limits<int>::max() - sum ? sum : sum + a.cores;
        return sum;
    }
    bool operator==(const JobResources &) const = default;
};

// The reply to entrance/{execID}/progress or progressWithResource.
struct ProgressInfo
{
    double progress = 0.0; // 0..1
    QList<ProgressItem> items;
    QString execId;
    JobResources resources; // progressWithResource only; not reported otherwise
};

} // namespace linkisdesk
