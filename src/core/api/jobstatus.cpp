// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/jobstatus.h"
#include "api/jobstatusnames.h"

namespace linkisdesk {

JobStatus parseJobStatus(const QString &text)
{
    const QString s = text.trimmed().toLower();
    if (s == u"inited" || s == u"init")
        return JobStatus::Inited;
    if (s == u"waitforretry" || s == u"wait_for_retry")
        return JobStatus::WaitForRetry;
    if (s == u"scheduled")
        return JobStatus::Scheduled;
    if (s == u"running")
        return JobStatus::Running;
    if (s == u"succeed" || s == u"success" || s == u"succeeded")
        return JobStatus::Succeed;
    if (s == u"failed" || s == u"failure")
        return JobStatus::Failed;
    if (s == u"cancelled" || s == u"canceled")
        return JobStatus::Cancelled;
    if (s == u"timeout")
        return JobStatus::Timeout;
    return JobStatus::Unknown;
}

QString jobStatusName(JobStatus status)
{
    switch (status) {
    case JobStatus::Unknown: return QStringLiteral("Unknown");
    case JobStatus::Inited: return QStringLiteral("Inited");
    case JobStatus::WaitForRetry: return QStringLiteral("WaitForRetry");
    case JobStatus::Scheduled: return QStringLiteral("Scheduled");
    case JobStatus::Running: return QStringLiteral("Running");
    case JobStatus::Succeed: return QStringLiteral("Succeed");
    case JobStatus::Failed: return QStringLiteral("Failed");
    case JobStatus::Cancelled: return QStringLiteral("Cancelled");
    case JobStatus::Timeout: return QStringLiteral("Timeout");
    }
    return QStringLiteral("Unknown");
}

bool isTerminal(JobStatus status)
{
    return status == JobStatus::Succeed || status == JobStatus::Failed ||
        status == JobStatus::Cancelled || status == JobStatus::Timeout;
}

std::optional<JobStatus> jobStatusFromName(const QString &text)
{
    const QString t = text.trimmed();
    for (JobStatus status : allJobStatuses()) {
        if (jobStatusName(status).compare(t, Qt::CaseInsensitive) == 0)
            return status;
    }
    return std::nullopt;
}

const QList<JobStatus> &allJobStatuses()
{
    static const QList<JobStatus> all {
        JobStatus::Inited,  JobStatus::WaitForRetry, JobStatus::Scheduled, JobStatus::Running,
        JobStatus::Succeed, JobStatus::Failed,       JobStatus::Cancelled, JobStatus::Timeout};
    return all;
}

const QList<JobStatus> &undoneJobStatuses()
{
    static const QList<JobStatus> undone {JobStatus::Inited, JobStatus::WaitForRetry,
                                          JobStatus::Scheduled, JobStatus::Running};
    return undone;
}

QStringList jobStatusNames(const QList<JobStatus> &statuses)
{
    QStringList names;
    names.reserve(statuses.size());
    for (JobStatus status : statuses)
        names << jobStatusName(status);
    return names;
}

} // namespace linkisdesk
