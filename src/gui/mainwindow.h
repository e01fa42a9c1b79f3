// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/jobstatus.h"
#include "appcontext.h"
#include "editor/scriptlanguage.h"
#include "profiles/clientpool.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QMenu;

namespace linkisdesk {

class EditorTabs;
class HistoryPanel;
class JobOutcomeReporter;
class JobTracker;
class JobsDock;
class ParamsPanel;
class RunController;
class ScriptTab;
class SessionStore;

// The main window: composition only. It builds the panels (editor tabs, jobs dock, parameters,
// history), the toolbar (profile / engine / runType of the current tab), menus and status bar,
// and routes actions to the objects that do the work.
class MainWindow : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    enum class QuitAnswer { LeaveRunning, KillAll, Cancel };
    using QuitPrompt = std::function<QuitAnswer(int runningJobs)>;

    explicit MainWindow(const AppContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    EditorTabs *tabs() const { return m_tabs; }
    RunController *runs() const { return m_runs; }
    JobsDock *jobsDock() const { return m_jobs; }
    ParamsPanel *paramsPanel() const { return m_params; }
    HistoryPanel *historyPanel() const { return m_history; }
    SessionStore *session() const { return m_session; }
    QComboBox *profileBox() const { return m_profileBox; }

    // Restores the last session, opens files, or starts with one empty SQL tab.
    void startUp(const QStringList &files, const QString &profile);
    ScriptTab *newScript(ScriptLanguage language, const QString &text = {});
    void setQuitPrompt(QuitPrompt prompt) { m_quitPrompt = std::move(prompt); }
    // Writes {"status","taskId","rows"} to the file whenever a job ends (the smoke test).
    void setTestReportPath(const QString &path);
    void applyTheme(const QString &mode);
    int runningJobCount() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildToolBar();
    void buildDocks();
    void onCurrentTabChanged();
    void onTabCreated(ScriptTab *tab);
    void syncToolBar();
    void updateStatusBar();
    void updateTitle();
    void updateCursorLabel();
    void onConnectionState(const QString &profile, ClientPool::State state, const QString &message);
    void fillRecentMenu(const QStringList &files);
    void fillProfiles();
    void openFiles();
    void goToLine();
    void manageProfiles();
    ScriptTab *current() const;

    AppContext m_ctx;
    EditorTabs *m_tabs;
    RunController *m_runs;
    SessionStore *m_session = nullptr;
    JobOutcomeReporter *m_outcomes = nullptr;
    JobsDock *m_jobs = nullptr;
    ParamsPanel *m_params = nullptr;
    HistoryPanel *m_history = nullptr;
    QComboBox *m_profileBox = nullptr;
    QComboBox *m_engineBox = nullptr;
    QComboBox *m_runTypeBox = nullptr;
    QComboBox *m_languageBox = nullptr;
    QLabel *m_profileLabel = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_cursorLabel = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QuitPrompt m_quitPrompt;
    bool m_syncing = false;
    QString m_startProfile; // --profile: the profile of every tab of this window, later ones too
    bool m_quitting = false;
};

} // namespace linkisdesk
