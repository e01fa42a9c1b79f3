// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/jobregistry.h"

#include "jobs/statusbatcher.h"

namespace linkisdesk {

JobRegistry::JobRegistry(QObject *parent)
    : QObject(parent)
{ }

JobRegistry::~JobRegistry()
{
    // Trackers first: they leave their batchers as they go.
    const QList<JobTracker *> trackers = std::exchange(m_trackers, {});
    qDeleteAll(trackers);
    qDeleteAll(std::exchange(m_batchers, {}));
}

StatusBatcher *JobRegistry::batcher(LinkisClient *client)
{
    if (!client)
        return nullptr;
    StatusBatcher *&b = m_batchers[client];
    if (!b) {
        b = new StatusBatcher(client, this);
        connect(client, &QObject::destroyed, this,
                [this, client] { delete m_batchers.take(client); });
    }
    return b;
}

JobTracker *JobRegistry::create(LinkisClient *client, const QString &profileName,
                                const JobTracker::Options &options)
{
    auto *tracker = new JobTracker(client, profileName, options, this);
    tracker->setStatusBatcher(batcher(client));
    m_trackers.append(tracker);
    connect(tracker, &QObject::destroyed, this, [this, tracker] { m_trackers.removeAll(tracker); });
    emit trackerAdded(tracker);
    return tracker;
}

JobTracker *JobRegistry::attach(LinkisClient *client, const QString &profileName, const JobRef &job,
                                int logLinesDelivered)
{
    if (JobTracker *known = find(profileName, job.taskId))
        return known;
    JobTracker *tracker = create(client, profileName);
    tracker->attach(job, logLinesDelivered);
    return tracker;
}

JobTracker *JobRegistry::find(const QString &profileName, qint64 taskId) const
{
    if (taskId <= 0)
        return nullptr;
    for (JobTracker *t : m_trackers) {
        if (t->taskId() == taskId && t->profileName() == profileName)
            return t;
    }
    return nullptr;
}

QList<JobTracker *> JobRegistry::trackers(const QString &profileName) const
{
    QList<JobTracker *> result;
    for (JobTracker *t : m_trackers) {
        if (t->profileName() == profileName)
            result.append(t);
    }
    return result;
}

void JobRegistry::remove(JobTracker *tracker)
{
    if (!m_trackers.removeAll(tracker))
        return;
    tracker->stop();
    emit trackerRemoved(tracker);
    tracker->deleteLater();
}

} // namespace linkisdesk
