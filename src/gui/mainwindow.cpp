// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "api/linkisclient.h"
#include "appicons.h"
#include "database/databasedock.h"
#include "database/metadatastores.h"
#include "desktop/desktopintegration.h"
#include "editor/editortabs.h"
#include "editor/findbar.h"
#include "editor/paramspanel.h"
#include "editor/scripteditor.h"
#include "editor/scripttab.h"
#include "engines/enginesdock.h"
#include "history/historypanel.h"
#include "jobs/jobjournal.h"
#include "jobs/joboutcomereporter.h"
#include "jobs/jobregistry.h"
#include "jobs/jobsdock.h"
#include "jobs/jobstatusstyle.h"
#include "jobs/jobtracker.h"
#include "jobs/runcontroller.h"
#include "jobs/runpanel.h"
#include "profiles/enginecatalog.h"
#include "profiles/profiledialog.h"
#include "profiles/profilestore.h"
#include "session/sessionstore.h"
#include "settings/appsettings.h"
#include "settings/settingkeys.h"
#include "theme.h"
#include "workspace/workspacedock.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTabBar>
#include <QToolBar>

namespace linkisdesk {

MainWindow::MainWindow(const AppContext &context, QWidget *parent)
    : QMainWindow(parent)
    , m_ctx(context)
    , m_tabs(new EditorTabs(this))
    , m_runs(new RunController(context.clients, context.registry, context.journal, context.profiles,
                               context.settings, this))
    , m_session(
          new SessionStore(m_tabs, m_runs, context.journal, SessionStore::defaultPath(), this))
    , m_outcomes(new JobOutcomeReporter(m_runs, m_tabs, context.settings, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("Linkis Desk"));
    setWindowIcon(AppIcons::app());
    m_runs->setDialogParent(this);
    setCentralWidget(m_tabs);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    buildDocks();
    buildActions();
    buildToolBar();
    // Settings (language, shortcuts) and Help (shortcut sheet on F1, About) menus; applies the
    // saved shortcut remappings to every menu action.
    (new DesktopIntegration(m_ctx.settings, this))->install();

    m_profileLabel = new QLabel(this);
    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionState"));
    m_cursorLabel = new QLabel(this);
    m_cursorLabel->setObjectName(QStringLiteral("cursorPosition"));
    statusBar()->addPermanentWidget(m_cursorLabel);
    statusBar()->addPermanentWidget(m_profileLabel);
    statusBar()->addPermanentWidget(m_connectionLabel);

    connect(m_tabs, &EditorTabs::tabCreated, this, &MainWindow::onTabCreated);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onCurrentTabChanged);
    connect(m_tabs, &EditorTabs::fileError, this,
            [this](const QString &message) { QMessageBox::warning(this, tr("File"), message); });
    connect(m_tabs, &EditorTabs::recentFilesChanged, this, [this](const QStringList &files) {
        m_ctx.settings->setValue(SettingKeys::RecentFiles, files);
        fillRecentMenu(files);
    });
    connect(m_runs, &RunController::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 4000); });
    // A tab's context menu: Reset session (issue 17) for the tab clicked.
    m_tabs->tabBar()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tabs->tabBar(), &QWidget::customContextMenuRequested, this, [this](QPoint at) {
        ScriptTab *tab = m_tabs->scriptTab(m_tabs->tabBar()->tabAt(at));
        if (!tab)
            return;
        QMenu menu(this);
        menu.addAction(tr("Reset &session"), this, [this, tab] { m_runs->resetSession(tab); });
        menu.exec(m_tabs->tabBar()->mapToGlobal(at));
    });
    connect(m_ctx.clients, &ClientPool::stateChanged, this, &MainWindow::onConnectionState);
    connect(m_ctx.profiles, &ProfileStore::changed, this, &MainWindow::fillProfiles);
    m_ctx.profiles->setWatching(true); // a profile the CLI adds shows up at once

    m_tabs->setRecentFiles(m_ctx.settings->value(SettingKeys::RecentFiles));
    m_session->setInterval(m_ctx.settings->value(SettingKeys::AutosaveIntervalMs));
    applyTheme(m_ctx.settings->value(SettingKeys::Theme));
    resize(1280, 800);
    restoreGeometry(m_ctx.settings->value(SettingKeys::WindowGeometry));
    restoreState(m_ctx.settings->value(SettingKeys::WindowState));

    m_quitPrompt = [this](int running) {
        QMessageBox box(QMessageBox::Question, tr("Jobs still running"),
                        tr("%n job(s) are still running. Leave them running on the server, or "
                           "kill them?",
                           nullptr, running),
                        QMessageBox::NoButton, this);
        QPushButton *leave = box.addButton(tr("Leave running"), QMessageBox::AcceptRole);
        QPushButton *kill = box.addButton(tr("Kill them"), QMessageBox::DestructiveRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(leave);
        box.exec();
        if (box.clickedButton() == leave)
            return QuitAnswer::LeaveRunning;
        if (box.clickedButton() == kill)
            return QuitAnswer::KillAll;
        return QuitAnswer::Cancel;
    };
}

MainWindow::~MainWindow() = default;

ScriptTab *MainWindow::current() const
{
    return m_tabs->currentScriptTab();
}

void MainWindow::buildDocks()
{
    auto dock = [this](const QString &title, const QString &name, QWidget *widget) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(widget);
        d->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                       QDockWidget::DockWidgetFloatable);
        addDockWidget(Qt::RightDockWidgetArea, d);
        return d;
    };
    m_jobs =
        new JobsDock(m_ctx.registry, m_runs, m_ctx.clients, m_ctx.profiles, m_ctx.journal, this);
    m_params = new ParamsPanel(this);
    m_history = new HistoryPanel(m_ctx.clients, m_ctx.profiles, this);
    m_history->followJobs(m_ctx.registry);
    QDockWidget *jobsDock = dock(tr("Jobs"), QStringLiteral("jobsDockWidget"), m_jobs);
    QDockWidget *paramsDock = dock(tr("Parameters"), QStringLiteral("paramsDockWidget"), m_params);
    QDockWidget *historyDock = dock(tr("History"), QStringLiteral("historyDockWidget"), m_history);
    QDockWidget *databaseDock =
        dock(tr("Database"), QStringLiteral("databaseDockWidget"),
             new DatabaseDock(new MetadataStores(m_ctx.clients, this), m_tabs, m_runs, this));
    addDockWidget(Qt::LeftDockWidgetArea, databaseDock);
    QDockWidget *workspaceDock =
        dock(tr("Workspace"), QStringLiteral("workspaceDockWidget"),
             new WorkspaceDock(m_ctx.clients, m_ctx.profiles, m_tabs, this));
    addDockWidget(Qt::LeftDockWidgetArea, workspaceDock);
    tabifyDockWidget(databaseDock, workspaceDock);
    databaseDock->raise();
    tabifyDockWidget(jobsDock, paramsDock);
    tabifyDockWidget(paramsDock, historyDock);
    QDockWidget *enginesDock = dock(tr("Engines"), QStringLiteral("enginesDockWidget"),
                                    new EnginesDock(m_ctx.clients, m_ctx.profiles, this));
    tabifyDockWidget(historyDock, enginesDock);
    jobsDock->raise();
    resizeDocks({jobsDock}, {440}, Qt::Horizontal);
    connect(m_history, &HistoryPanel::openCode, this,
            [this](const QString &code, const QString &runType) {
                const ScriptLanguage language =
                    ScriptLanguages::fromRunType(runType).value_or(ScriptLanguage::Sql);
                newScript(language, code);
            });
}

void MainWindow::buildActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QMenu *newMenu = file->addMenu(tr("&New"));
    for (ScriptLanguage language : ScriptLanguages::all()) {
        QAction *a = newMenu->addAction(ScriptLanguages::displayName(language), this,
                                        [this, language] { newScript(language); });
        if (language == ScriptLanguage::Sql)
            a->setShortcut(QKeySequence::New);
    }
    file->addAction(tr("&Open\u2026"), QKeySequence::Open, this, &MainWindow::openFiles);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    file->addAction(tr("&Save"), QKeySequence::Save, this, [this] { m_tabs->save(current()); });
    file->addAction(tr("Save &as\u2026"), QKeySequence::SaveAs, this,
                    [this] { m_tabs->saveAs(current()); });
    file->addAction(tr("&Close tab"), QKeySequence::Close, this,
                    [this] { m_tabs->closeTab(m_tabs->currentIndex()); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Find\u2026"), QKeySequence::Find, this, [this] {
        if (current())
            current()->findBar()->showFind();
    });
    edit->addAction(tr("&Replace\u2026"), QKeySequence(tr("Ctrl+H")), this, [this] {
        if (current())
            current()->findBar()->showReplace();
    });
    edit->addAction(tr("&Go to line\u2026"), QKeySequence(tr("Ctrl+G")), this,
                    &MainWindow::goToLine);
    edit->addAction(tr("Toggle &comment"), QKeySequence(tr("Ctrl+/")), this, [this] {
        if (current())
            current()->editor()->toggleComment();
    });
    edit->addSeparator();
    edit->addAction(tr("Zoom &in"), QKeySequence::ZoomIn, this, [this] {
        if (current())
            current()->editor()->zoomIn();
    });
    edit->addAction(tr("Zoom &out"), QKeySequence::ZoomOut, this, [this] {
        if (current())
            current()->editor()->zoomOut();
    });
    edit->addAction(tr("Reset &zoom"), QKeySequence(tr("Ctrl+0")), this, [this] {
        if (current())
            current()->editor()->zoomTo(0);
    });

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    QAction *runAction = run->addAction(tr("&Run statement or selection"), this, [this] {
        if (current())
            m_runs->run(current(), false);
    });
    runAction->setObjectName(QStringLiteral("runAction"));
    runAction->setIconText(tr("Run"));
    runAction->setToolTip(tr("Run the selection or the statement under the cursor (Ctrl+Enter)"));
    runAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    runAction->setShortcutContext(Qt::WindowShortcut);
    runAction->setIcon(AppIcons::run());
    QAction *runAll = run->addAction(tr("Run &whole script"), this, [this] {
        if (current())
            m_runs->run(current(), true);
    });
    runAll->setObjectName(QStringLiteral("runAllAction"));
    runAll->setIconText(tr("Run all"));
    runAll->setIcon(AppIcons::runAll());
    runAll->setToolTip(tr("Run the whole script (Ctrl+Shift+Enter)"));
    runAll->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Enter)});
    QAction *kill = run->addAction(tr("&Kill job"), this, [this] {
        if (current())
            m_runs->kill(current());
    });
    kill->setObjectName(QStringLiteral("killAction"));
    kill->setIconText(tr("Kill"));
    kill->setToolTip(tr("Kill the job of this tab (Ctrl+Shift+K)"));
    kill->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    kill->setIcon(AppIcons::kill());
    run->addSeparator();
    QAction *reset = run->addAction(tr("Reset &session"), this, [this] {
        if (current())
            m_runs->resetSession(current());
    });
    reset->setObjectName(QStringLiteral("resetSessionAction"));
    reset->setToolTip(tr("Kill the engine of this tab's profile and engine type, so that the "
                         "next run starts with a clean session"));

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        m_viewMenu->addAction(dock->toggleViewAction());
    m_viewMenu->addSeparator();
    QMenu *theme = m_viewMenu->addMenu(tr("&Theme"));
    auto *themes = new QActionGroup(this);
    const QString currentTheme = m_ctx.settings->value(SettingKeys::Theme);
    const std::pair<QString, QString> modes[] = {{QStringLiteral("system"), tr("Follow system")},
                                                 {QStringLiteral("light"), tr("Light")},
                                                 {QStringLiteral("dark"), tr("Dark")}};
    for (const auto &[mode, label] : modes) {
        QAction *a = theme->addAction(label, this, [this, mode = mode] {
            m_ctx.settings->setValue(SettingKeys::Theme, mode);
            applyTheme(mode);
        });
        a->setCheckable(true);
        a->setChecked(mode == currentTheme);
        themes->addAction(a);
    }
    // F6 / Shift+F6 move the focus between the editor, the result grid and the log (remappable
    // in Settings, like every menu action).
    m_viewMenu->addSeparator();
    for (const bool backwards : {false, true}) {
        QAction *pane = m_viewMenu->addAction(
            backwards ? tr("Previous &pane") : tr("Next &pane"), this, [this, backwards] {
                if (current())
                    RunPanel::focusNextPane(current()->editor(),
                                            qobject_cast<RunPanel *>(current()->runPanel()),
                                            backwards);
            });
        pane->setObjectName(backwards ? QStringLiteral("previousPaneAction")
                                      : QStringLiteral("nextPaneAction"));
        pane->setShortcut(backwards ? QKeySequence(Qt::SHIFT | Qt::Key_F6)
                                    : QKeySequence(Qt::Key_F6));
    }

    QMenu *profiles = menuBar()->addMenu(tr("&Profiles"));
    profiles->addAction(tr("&Manage profiles\u2026"), this, &MainWindow::manageProfiles);
}

void MainWindow::buildToolBar()
{
    QToolBar *bar = addToolBar(tr("Run"));
    bar->setObjectName(QStringLiteral("runToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(findChild<QAction *>(QStringLiteral("runAction")));
    bar->addAction(findChild<QAction *>(QStringLiteral("runAllAction")));
    bar->addAction(findChild<QAction *>(QStringLiteral("killAction")));
    bar->addSeparator();
    auto label = [bar, this](const QString &text) {
        auto *l = new QLabel(text, this);
        l->setContentsMargins(8, 0, 4, 0);
        bar->addWidget(l);
    };
    label(tr("Profile"));
    m_profileBox = new QComboBox(this);
    m_profileBox->setObjectName(QStringLiteral("profileBox"));
    m_profileBox->setMinimumContentsLength(10);
    bar->addWidget(m_profileBox);
    label(tr("Engine"));
    m_engineBox = new QComboBox(this);
    m_engineBox->setObjectName(QStringLiteral("engineBox"));
    m_engineBox->setEditable(true);
    m_engineBox->setMinimumContentsLength(8);
    bar->addWidget(m_engineBox);
    label(tr("Run type"));
    m_runTypeBox = new QComboBox(this);
    m_runTypeBox->setObjectName(QStringLiteral("runTypeBox"));
    m_runTypeBox->setEditable(true);
    m_runTypeBox->addItems({QStringLiteral("sql"), QStringLiteral("hql"), QStringLiteral("python"),
                            QStringLiteral("scala"), QStringLiteral("r"), QStringLiteral("sh")});
    bar->addWidget(m_runTypeBox);
    label(tr("Language"));
    m_languageBox = new QComboBox(this);
    for (ScriptLanguage language : ScriptLanguages::all())
        m_languageBox->addItem(ScriptLanguages::displayName(language), int(language));
    bar->addWidget(m_languageBox);
    fillProfiles();

    connect(m_profileBox, &QComboBox::currentTextChanged, this, [this](const QString &name) {
        if (!m_syncing && current()) {
            current()->setProfileName(name);
            syncToolBar();
        }
    });
    connect(m_engineBox, &QComboBox::currentTextChanged, this, [this](const QString &engine) {
        if (!m_syncing && current())
            current()->setEngine(engine);
    });
    connect(m_engineBox->lineEdit(), &QLineEdit::editingFinished, this, [this] {
        // An engine typed for a remote server is offered again (EngineCatalog::choices).
        const QString typed = m_engineBox->currentText().trimmed();
        const std::optional<Profile> p =
            current() ? m_ctx.profiles->profile(m_runs->effectiveProfile(current())) : std::nullopt;
        if (p && !p->isLocal() && EngineCatalog::runsOn(*p, typed)) {
            m_ctx.settings->setValue(
                SettingKeys::TypedEngines,
                EngineCatalog::remember(m_ctx.settings->value(SettingKeys::TypedEngines), typed));
        }
    });
    connect(m_runTypeBox, &QComboBox::currentTextChanged, this, [this](const QString &runType) {
        if (!m_syncing && current())
            current()->setRunType(runType);
    });
    connect(m_languageBox, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_syncing && current()) {
            current()->setLanguage(ScriptLanguage(m_languageBox->currentData().toInt()));
            syncToolBar();
        }
    });
}

void MainWindow::fillProfiles()
{
    m_syncing = true;
    const QString keep = m_profileBox->currentText();
    m_profileBox->clear();
    for (const Profile &p : m_ctx.profiles->profiles()) {
        m_profileBox->addItem(p.production ? JobStatusStyle::icon(JobStatus::Failed) : QIcon(),
                              p.name);
    }
    m_profileBox->setCurrentText(keep);
    m_syncing = false;
    syncToolBar();
}

ScriptTab *MainWindow::newScript(ScriptLanguage language, const QString &text)
{
    return m_tabs->newTab(language, text);
}

void MainWindow::onTabCreated(ScriptTab *tab)
{
    tab->editor()->setDarkTheme(Theme::isDark());
    if (tab->profileName().isEmpty()) {
        tab->setProfileName(m_startProfile.isEmpty() ? m_ctx.profiles->defaultProfileName()
                                                     : m_startProfile);
    }
    connect(tab->editor(), &QsciScintilla::cursorPositionChanged, this, [this, tab] {
        if (tab == current())
            updateCursorLabel();
    });
    connect(tab, &ScriptTab::titleChanged, this, [this, tab] {
        if (tab == current())
            updateTitle();
    });
    connect(tab, &ScriptTab::settingsChanged, this, [this, tab] {
        m_tabs->setTabTint(tab,
                           m_runs->isProduction(m_runs->effectiveProfile(tab))
                               ? JobStatusStyle::productionColour()
                               : QColor());
        if (tab == current())
            syncToolBar();
    });
    m_tabs->setTabTint(tab,
                       m_runs->isProduction(m_runs->effectiveProfile(tab))
                           ? JobStatusStyle::productionColour()
                           : QColor());
}

void MainWindow::onCurrentTabChanged()
{
    m_params->setTab(current());
    syncToolBar();
    updateTitle();
    updateCursorLabel();
}

void MainWindow::updateTitle()
{
    setWindowTitle(current() ? QStringLiteral("%1 \u2014 Linkis Desk").arg(current()->displayName())
                             : QStringLiteral("Linkis Desk"));
}

void MainWindow::updateCursorLabel()
{
    int line = 0;
    int index = 0;
    if (current())
        current()->editor()->getCursorPosition(&line, &index);
    m_cursorLabel->setText(current() ? tr("Ln %1, Col %2").arg(line + 1).arg(index + 1)
                                     : QString());
}

void MainWindow::syncToolBar()
{
    ScriptTab *tab = current();
    if (!tab || !m_profileBox)
        return;
    const QString profile = m_runs->effectiveProfile(tab);
    const Profile p = m_ctx.profiles->profile(profile).value_or(Profile::local());
    const QStringList types = ScriptLanguages::suggestedEngines(tab->language());
    // What the tab's jobs will ask for (the rule RunController submits with).
    const QString engine = EngineCatalog::resolve(p, tab->engine(), types);
    if (engine != tab->engine())
        tab->setEngine(engine);
    m_syncing = true;
    m_profileBox->setCurrentText(profile);
    m_languageBox->setCurrentIndex(m_languageBox->findData(int(tab->language())));
    QStringList engines =
        EngineCatalog::choices(p, types, m_ctx.settings->value(SettingKeys::TypedEngines));
    if (!engines.contains(engine))
        engines.prepend(engine);
    m_engineBox->clear();
    m_engineBox->addItems(engines);
    m_engineBox->setCurrentText(engine);
    m_runTypeBox->setCurrentText(tab->runType());
    m_syncing = false;
    updateStatusBar();
}

void MainWindow::updateStatusBar()
{
    ScriptTab *tab = current();
    const QString profile =
        tab ? m_runs->effectiveProfile(tab) : m_ctx.profiles->defaultProfileName();
    const bool production = m_runs->isProduction(profile);
    m_profileLabel->setText(production ? tr("Profile: %1 (production)").arg(profile)
                                       : tr("Profile: %1").arg(profile));
    m_profileLabel->setStyleSheet(production
                                      ? QStringLiteral("color: %1; font-weight: bold;")
                                            .arg(Theme::colour(Theme::Role::Production).name())
                                      : QString());
    const ClientPool::State state = m_ctx.clients->state(profile);
    QString text;
    QString colour;
    switch (state) {
    case ClientPool::State::Unknown:
        text = tr("not connected");
        colour = Theme::colour(Theme::Role::Muted).name();
        break;
    case ClientPool::State::Connecting:
        text = tr("connecting\u2026");
        colour = Theme::colour(Theme::Role::Warning).name();
        break;
    case ClientPool::State::Ready:
        text = tr("connected");
        colour = Theme::colour(Theme::Role::Success).name();
        break;
    case ClientPool::State::Failed: {
        text = tr("connection failed");
        colour = Theme::colour(Theme::Role::Failure).name();
        const LinkisClient *client = m_ctx.clients->clientIfReady(profile);
        switch (client ? client->connectionState().kind : ConnectionState::Kind::Unchecked) {
        case ConnectionState::Kind::Unreachable: text = tr("no answer"); break;
        case ConnectionState::Kind::NotLinkis: text = tr("not a Linkis gateway"); break;
        case ConnectionState::Kind::Refused: text = tr("sign-in refused"); break;
        default: break;
        }
        break;
    }
    }
    m_connectionLabel->setText(QStringLiteral("<span style='color:%1'>\u25CF</span> %2")
                                   .arg(colour, text.toHtmlEscaped()));
    m_connectionLabel->setToolTip(m_ctx.clients->stateMessage(profile));
}

void MainWindow::onConnectionState(const QString &, ClientPool::State, const QString &)
{
    updateStatusBar();
}

void MainWindow::fillRecentMenu(const QStringList &files)
{
    m_recentMenu->clear();
    for (const QString &f : files)
        m_recentMenu->addAction(f, this, [this, f] { m_tabs->openFile(f); });
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::openFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open scripts"), QString(),
                                                            ScriptLanguages::fileDialogFilter());
    for (const QString &f : files)
        m_tabs->openFile(f);
}

void MainWindow::goToLine()
{
    ScriptTab *tab = current();
    if (!tab)
        return;
    bool ok = false;
    const int line =
        QInputDialog::getInt(this, tr("Go to line"), tr("Line:"),
                             tab->editor()->currentLineNumber(), 1, tab->editor()->lines(), 1, &ok);
    if (ok)
        tab->editor()->goToLine(line);
}

void MainWindow::manageProfiles()
{
    ProfileDialog dialog(m_ctx.profiles, m_ctx.secrets, m_ctx.clients, this);
    dialog.exec();
    fillProfiles();
}

void MainWindow::applyTheme(const QString &mode)
{
    const bool dark = Theme::apply(mode);
    for (ScriptTab *tab : m_tabs->scriptTabs())
        tab->editor()->setDarkTheme(dark);
}

void MainWindow::startUp(const QStringList &files, const QString &profile)
{
    if (!profile.isEmpty() && m_ctx.profiles->contains(profile))
        m_startProfile = profile;
    m_session->restore();
    for (const QString &f : files)
        m_tabs->openFile(f);
    if (m_tabs->count() == 0)
        newScript(ScriptLanguage::Sql);
    if (!profile.isEmpty() && m_ctx.profiles->contains(profile)) {
        for (ScriptTab *tab : m_tabs->scriptTabs())
            tab->setProfileName(profile);
    }
    // Jobs the journal lists that no tab shows: follow them in the jobs dock.
    for (const JobJournal::Entry &e : m_ctx.journal->entries()) {
        if (m_ctx.registry->find(e.profile, e.taskId))
            continue;
        m_ctx.clients->acquire(e.profile, this, [this, e](Result<LinkisClient *> client) {
            if (!client || m_ctx.registry->find(e.profile, e.taskId))
                return;
            JobRef job;
            job.taskId = e.taskId;
            job.execId = e.execId;
            m_ctx.registry->attach(*client, e.profile, job,
                                   int(qMax<qint64>(0, e.nextFromLine - 1)));
        });
    }
    m_session->start();
    onCurrentTabChanged();
}

int MainWindow::runningJobCount() const
{
    int n = 0;
    for (JobTracker *t : m_ctx.registry->trackers()) {
        if (t->taskId() > 0 && !isTerminal(t->status()) &&
            t->state() != JobTracker::State::Failed && t->state() != JobTracker::State::Stopped)
            ++n;
    }
    return n;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    const int running = runningJobCount();
    if (running > 0 && m_quitPrompt) {
        const QuitAnswer answer = m_quitPrompt(running);
        if (answer == QuitAnswer::Cancel) {
            event->ignore();
            return;
        }
        if (answer == QuitAnswer::KillAll) {
            for (JobTracker *t : m_ctx.registry->trackers()) {
                if (!isTerminal(t->status()))
                    t->kill();
            }
        }
    }
    m_session->saveNow();
    m_ctx.settings->setValue(SettingKeys::WindowGeometry, saveGeometry());
    m_ctx.settings->setValue(SettingKeys::WindowState, saveState());
    m_ctx.settings->save();
    m_ctx.journal->flush();
    event->accept();
}

void MainWindow::setTestReportPath(const QString &path)
{
    m_outcomes->setTestReportPath(path);
}

} // namespace linkisdesk
