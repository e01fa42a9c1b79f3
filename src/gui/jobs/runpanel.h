// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/jobstatus.h"
#include "api/progressinfo.h"
#include "api/resultsetref.h"
#include "api/taskinfo.h"
#include "engines/enginemention.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QProgressBar;
class QSplitter;
class QTableWidget;
class QTabWidget;
class QTimer;
class QToolButton;

namespace linkisdesk {

class JobTracker;
class LogPanel;
class ResultCharts;
class ResultGrid;

// The live panel of one run, under the editor: status and elapsed time, errCode / errDesc of a
// failed job on top, overall progress and the progressInfo table, the log, one tab per result
// set above the log. The kill button asks the owner (killRequested) so the confirmation policy
// lives in one place; "kill sent / confirmed / not confirmed" are shown distinctly.
class RunPanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunPanel)
public:
    explicit RunPanel(QWidget *parent = nullptr);

    // Starts showing a new run; clears the previous one.
    void begin(const QString &profileName, bool production, const QString &what);
    void attach(JobTracker *tracker);
    // The engine type the run asked for ("python-3"), named beside the engine instance.
    void setEngineType(const QString &engineType);
    JobTracker *tracker() const { return m_tracker; }
    // Shows an error that happened before a job existed (e.g. the profile cannot connect).
    void showError(const QString &title, const QString &detail);

    JobStatus status() const { return m_status; }
    QString statusText() const;
    QString killStateText() const;
    QString errorText() const;
    LogPanel *logPanel() const { return m_log; }
    QTabWidget *tabs() const { return m_tabs; }
    QList<ResultGrid *> resultGrids() const;
    // Where the charts of the result grids are kept (the tab's); they come back from there.
    void setResultCharts(ResultCharts *charts) { m_charts = charts; }
    // The panes that take the keyboard focus, in order: the result on screen, the log.
    QList<QWidget *> focusPanes() const;
    // F6 / Shift+F6: moves the focus to the next (previous) of the editor and the panel's panes,
    // from the one that has it; to the editor when the focus is elsewhere. False when nothing
    // could take it.
    static bool focusNextPane(QWidget *editor, const RunPanel *panel, bool backwards = false);
    QProgressBar *progressBar() const { return m_progress; }
    QTableWidget *progressTable() const { return m_progressTable; }
    QToolButton *killButton() const { return m_kill; }
    // The engine the job's log named (Linkis: "Succeed to create new ec / reuse ec"), if any.
    std::optional<EngineMention> engine() const { return m_engine; }
    // "Engine python-3 at host:port (reused) · resources"; empty until something is known.
    QString engineText() const;
    // Offered when a kill is not confirmed within a few seconds and the engine is known.
    QToolButton *killEngineButton() const { return m_killEngine; }
    // What became of "Kill its engine" (shown where the kill state is).
    void showEngineKill(bool killed, const QString &detail);
    qint64 elapsedMs() const;

    // The 1-based line a failure message names ("line 3", "Line 3:", 'File "...", line 3'),
    // or 0.
    static int lineFromError(const QString &message);

Q_SIGNALS:
    void killRequested();
    // "Kill its engine" was clicked: the owner asks and kills it.
    void killEngineRequested(const linkisdesk::EngineMention &engine);
    // A failed job's message names a line of the code that ran (1-based, in that code).
    void errorLine(int line, const QString &message);
    void finished(linkisdesk::JobStatus status);

private:
    void setStatus(JobStatus status);
    void setProgress(double progress, const QList<ProgressItem> &items);
    void setKillText(const QString &text, const QColor &colour);
    void setResources(const JobResources &resources);
    void updateEngineLine();
    void updateWaitNotice();
    void onTaskInfo(const TaskInfo &info);
    void onResultSets(const QList<ResultSetRef> &sets);
    void onFinished(JobStatus status);
    void tick();

    QPointer<JobTracker> m_tracker;
    JobStatus m_status = JobStatus::Unknown;
    bool m_production = false;
    QElapsedTimer m_clock;
    qint64 m_finalElapsed = -1;
    QLabel *m_statusIcon;
    QLabel *m_statusLabel;
    QLabel *m_elapsed;
    QLabel *m_what;
    QLabel *m_killState;
    QLabel *m_error;
    QToolButton *m_kill;
    QToolButton *m_killEngine;
    QLabel *m_engineLine;
    QProgressBar *m_progress;
    QToolButton *m_details;
    QTableWidget *m_progressTable;
    QSplitter *m_split;
    QTabWidget *m_tabs;
    ResultCharts *m_charts = nullptr;
    LogPanel *m_log;
    QTimer *m_ticker;
    QString m_engineType;
    std::optional<EngineMention> m_engine;
    std::optional<JobResources> m_resources;
    bool m_waitShown = false; // m_killState says the server has not answered for a while
};

} // namespace linkisdesk
