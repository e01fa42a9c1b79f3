// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/jobstatus.h"

#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace linkisdesk {

class AppSettings;
class EditorTabs;
class JobTracker;
class Notifier;
class RunController;

// What happens when a job ends outside the panel: a desktop notification for a long job that
// ended while the window was not focused (Notifier: freedesktop notification, else the tray),
// and, for automated tests, a small JSON report file {"status","taskId","rows","tabs","log",
// "panelStatus"}: the outcome, every tab's title and text, and the log lines the job's panel
// shows (the crash-safety test reads a restarted app's state from it).
class JobOutcomeReporter : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobOutcomeReporter)
public:
    JobOutcomeReporter(RunController *runs, EditorTabs *tabs, AppSettings *settings,
                       QWidget *window);

    void setTestReportPath(const QString &path) { m_reportPath = path; }
    void onJobFinished(JobTracker *tracker, JobStatus status, qint64 elapsedMs);

private:
    void notify(const QString &title, const QString &text);
    void writeReport(JobTracker *tracker, JobStatus status, int rows);

    RunController *m_runs;
    EditorTabs *m_tabs;
    AppSettings *m_settings;
    QPointer<QWidget> m_window;
    Notifier *m_notifier = nullptr;
    QString m_reportPath;
};

} // namespace linkisdesk
