// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/jobtracker.h"

#include <QHash>
#include <QList>
#include <QObject>

namespace linkisdesk {

// Owns the trackers of all profiles (the GUI's jobs dock, the CLI), and one StatusBatcher per
// LinkisClient through which its trackers learn their status. A job is identified by
// (profile name, taskID).
class JobRegistry : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobRegistry)
public:
    explicit JobRegistry(QObject *parent = nullptr);
    ~JobRegistry() override;

    // A new tracker owned by the registry; call submit() or attach() on it.
    JobTracker *create(LinkisClient *client, const QString &profileName,
                       const JobTracker::Options &options = {});
    // The tracker of an already known job, or a new one attached to it.
    JobTracker *attach(LinkisClient *client, const QString &profileName, const JobRef &job,
                       int logLinesDelivered = 0);
    JobTracker *find(const QString &profileName, qint64 taskId) const;
    QList<JobTracker *> trackers() const { return m_trackers; }
    QList<JobTracker *> trackers(const QString &profileName) const;
    // Stops and deletes the tracker (later, with deleteLater).
    void remove(JobTracker *tracker);
    // The shared status poller of this client's trackers (created on first use, deleted with the
    // client).
    StatusBatcher *batcher(LinkisClient *client);

signals:
    void trackerAdded(linkisdesk::JobTracker *tracker);
    void trackerRemoved(linkisdesk::JobTracker *tracker);

private:
    QList<JobTracker *> m_trackers;
    QHash<const LinkisClient *, StatusBatcher *> m_batchers;
};

} // namespace linkisdesk
