// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/requesthandle.h"
#include "api/taskinfo.h"

#include <QList>
#include <QWidget>

class QTimer;

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QToolButton;
class QTreeWidget;

namespace linkisdesk {

class ClientPool;
class JobRegistry;
class JobTracker;
class ProfileStore;

// Job history (jobhistory/list) of one profile with status, date and engine filters and
// paging. An entry opens its code, its log (openLog) and its results, and can reopen the code
// in a new tab. The list loads itself: when it is first shown (also right after a restart), when
// a job of its profile ends, when another profile is picked, and every AutoRefreshMs while it is
// visible (never while hidden).
class HistoryPanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPanel)
public:
    HistoryPanel(ClientPool *clients, ProfileStore *profiles, QWidget *parent = nullptr);

    static constexpr int AutoRefreshMs = 30000;

    void refresh();
    // Reloads when a job of the shown profile ends (at once when visible, else when shown).
    void followJobs(JobRegistry *registry);
    QTreeWidget *list() const { return m_list; }
    QList<TaskInfo> tasks() const { return m_tasks; }
    int page() const { return m_page; }
    void setProfile(const QString &name);

Q_SIGNALS:
    void openCode(const QString &code, const QString &runType);
    void loaded(int count);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void fillProfiles();
    void follow(JobTracker *tracker);
    void refreshWhenShown();
    const TaskInfo *selectedTask() const;
    void showLog(const TaskInfo &task);
    void showResults(const TaskInfo &task);

    ClientPool *m_clients;
    ProfileStore *m_profiles;
    QComboBox *m_profile;
    QComboBox *m_status;
    QLineEdit *m_engine;
    QDateEdit *m_since;
    QTreeWidget *m_list;
    QLabel *m_pageLabel;
    QToolButton *m_prev;
    QToolButton *m_next;
    QList<TaskInfo> m_tasks;
    RequestHandle m_request;
    QTimer *m_autoRefresh;
    bool m_stale = true; // the list does not show the server's latest page
    int m_page = 1;
    qint64 m_total = 0;
    static constexpr int PageSize = 25;
};

} // namespace linkisdesk
