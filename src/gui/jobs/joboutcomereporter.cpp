// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/joboutcomereporter.h"

#include "desktop/notifier.h"
#include "editor/editortabs.h"
#include "editor/scripteditor.h"
#include "editor/scripttab.h"
#include "jobs/jobstatusstyle.h"
#include "jobs/jobtracker.h"
#include "jobs/runcontroller.h"
#include "jobs/runpanel.h"
#include "logs/logpanel.h"
#include "results/resultgrid.h"
#include "results/resulttablemodel.h"
#include "settings/appsettings.h"
#include "settings/settingkeys.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QWidget>

namespace linkisdesk {

JobOutcomeReporter::JobOutcomeReporter(RunController *runs, EditorTabs *tabs, AppSettings *settings,
                                       QWidget *window)
    : QObject(window)
    , m_runs(runs)
    , m_tabs(tabs)
    , m_settings(settings)
    , m_window(window)
    , m_notifier(new Notifier(window, this))
{
    connect(runs, &RunController::jobFinished, this, &JobOutcomeReporter::onJobFinished);
}

void JobOutcomeReporter::notify(const QString &title, const QString &text)
{
    m_notifier->notify(title, text); // also marks the window as wanting attention
}

void JobOutcomeReporter::onJobFinished(JobTracker *tracker, JobStatus status, qint64 elapsedMs)
{
    const int threshold = m_settings->value(SettingKeys::NotifyAfterSeconds);
    if (threshold > 0 && elapsedMs >= threshold * 1000LL && m_window &&
        !m_window->isActiveWindow()) {
        notify(tr("Job %1").arg(JobStatusStyle::label(status)),
               tr("Task %1 on %2 ended after %3 s")
                   .arg(tracker->taskId())
                   .arg(tracker->profileName())
                   .arg(elapsedMs / 1000));
    }
    if (m_reportPath.isEmpty())
        return;
    writeReport(tracker, status, -1);
    for (ScriptTab *tab : m_tabs->scriptTabs()) {
        if (m_runs->trackerFor(tab) != tracker)
            continue;
        QPointer<JobTracker> guard(tracker);
        RunPanel *panel = m_runs->panelFor(tab);
        auto hook = [this, guard, status, panel] {
            const QList<ResultGrid *> grids = panel->resultGrids();
            if (!guard || grids.isEmpty())
                return;
            ResultGrid *grid = grids.first();
            connect(grid->model(), &ResultTableModel::pageLoaded, this,
                    [this, guard, status, grid] {
                        if (guard)
                            writeReport(guard, status, grid->model()->rowCount());
                    });
        };
        if (!panel->resultGrids().isEmpty())
            hook();
        else
            connect(tracker, &JobTracker::resultSetsReady, this, hook, Qt::QueuedConnection);
    }
}

void JobOutcomeReporter::writeReport(JobTracker *tracker, JobStatus status, int rows)
{
    QJsonObject o;
    o.insert(QStringLiteral("status"), jobStatusName(status));
    o.insert(QStringLiteral("taskId"), QString::number(tracker->taskId()));
    o.insert(QStringLiteral("rows"), rows);
    // The state a restarted app shows: every tab's text, and the log of the job's panel.
    QJsonArray tabs;
    for (ScriptTab *tab : m_tabs->scriptTabs()) {
        QJsonObject t;
        t.insert(QStringLiteral("title"), tab->displayName());
        t.insert(QStringLiteral("text"), tab->editor()->text());
        tabs.append(t);
        if (m_runs->trackerFor(tab) != tracker)
            continue;
        const LogStore *store = m_runs->panelFor(tab)->logPanel()->store();
        QJsonArray log;
        for (qsizetype i = 0; i < store->lineCount(); ++i)
            log.append(store->line(i));
        o.insert(QStringLiteral("log"), log);
        o.insert(QStringLiteral("panelStatus"), m_runs->panelFor(tab)->statusText());
    }
    o.insert(QStringLiteral("tabs"), tabs);
    QSaveFile file(m_reportPath);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
        file.commit();
    }
}

} // namespace linkisdesk
