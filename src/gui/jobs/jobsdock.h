// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QPointer>
#include <QWidget>

class QLineEdit;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace linkisdesk {

class ClientPool;
class JobJournal;
class JobRegistry;
class JobTracker;
class ProfileStore;
class RunController;

// Every tracked job of every profile (status icon, profile, engine, first code line, elapsed,
// progress, kill), with a filter and multi-select kill; plus this user's jobs still running on
// the server (listundonetasks), so a runaway task submitted elsewhere can be found and killed.
class JobsDock : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsDock)
public:
    JobsDock(JobRegistry *registry, RunController *runs, ClientPool *clients,
             ProfileStore *profiles, JobJournal *journal, QWidget *parent = nullptr);

    QTreeWidget *tree() const { return m_tree; }
    // Asks each connected profile for its unfinished tasks.
    void refreshServerJobs();
    void killSelected();
    int trackedCount() const;
    int serverCount() const;

private:
    void addTracker(JobTracker *tracker);
    void removeTracker(JobTracker *tracker);
    void updateItem(JobTracker *tracker);
    void updateAll();
    void applyFilter();
    QTreeWidgetItem *serverGroup(const QString &profile);
    QTreeWidgetItem *serverItem(const QString &profile, qint64 taskId) const;
    void syncServerItem(QTreeWidgetItem *item, JobTracker *tracker);
    void updateServerGroup(QTreeWidgetItem *group);

    JobRegistry *m_registry;
    RunController *m_runs;
    ClientPool *m_clients;
    ProfileStore *m_profiles;
    JobJournal *m_journal;
    QTreeWidget *m_tree;
    QLineEdit *m_filter;
    QTreeWidgetItem *m_tracked;
    QTreeWidgetItem *m_server;
    QHash<JobTracker *, QTreeWidgetItem *> m_items;
    QHash<JobTracker *, qint64> m_started;
    QTimer *m_ticker;
};

} // namespace linkisdesk
