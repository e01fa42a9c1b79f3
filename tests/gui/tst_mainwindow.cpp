// SPDX-License-Identifier: GPL-3.0-or-later
// The app against the real local gateway: type, Ctrl+Enter, the job succeeds and the grid shows
// the rows; kill a running python job from its panel; a ${variable} asks before the run;
// restore tabs and reattach a running job after a simulated crash; profile dialog round trip.
#include "api/linkisclient.h"
#include "editor/editortabs.h"
#include "editor/scripteditor.h"
#include "editor/scripttab.h"
#include "history/historypanel.h"
#include "jobs/jobjournal.h"
#include "jobs/jobregistry.h"
#include "jobs/jobsdock.h"
#include "jobs/jobstatusstyle.h"
#include "jobs/runcontroller.h"
#include "jobs/runpanel.h"
#include "localgateway/localgateway.h"
#include "logs/logpanel.h"
#include "logs/logview.h"
#include "mainwindow.h"
#include "profiles/clientpool.h"
#include "profiles/memorysecretstore.h"
#include "profiles/profiledialog.h"
#include "profiles/profilestore.h"
#include "results/resultexporter.h"
#include "results/resultgrid.h"
#include "results/resulttablemodel.h"
#include "session/sessionstore.h"
#include "settings/appsettings.h"
#include "testapp.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

#include <memory>

using namespace linkisdesk;
using testsupport::TestApp;

namespace {
constexpr int kJobTimeoutMs = 30000;

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void runSqlStatementUnderCursor();
    void variablePromptBeforeRun();
    void killPythonFromPanel();
    void restoreAfterCrash();
    void profileDialogRoundTrip();
    void historyAndServerJobs();
    void f6MovesTheFocusBetweenEditorResultAndLog();
    void buildTreeWindowHasItsIcons();

private:
    std::unique_ptr<MainWindow> openWindow(TestApp &app);
    static RunPanel *panelOf(MainWindow &w, ScriptTab *tab) { return w.runs()->panelFor(tab); }

    QTemporaryDir m_dir;
    LocalGateway::Options m_local;
    std::unique_ptr<TestApp> m_app;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    // Test mode points AppPaths (autosave) at ~/.qttest; start from nothing.
    QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
         QStringLiteral("/linkis-desk"))
        .removeRecursively();
    m_local = TestApp::localGateway(m_dir.path());
    m_app = std::make_unique<TestApp>(m_dir.path(), m_local);
}

void TestMainWindow::cleanupTestCase()
{
    m_app.reset();
}

std::unique_ptr<MainWindow> TestMainWindow::openWindow(TestApp &app)
{
    return testsupport::openMainWindow(app.context);
}

void TestMainWindow::runSqlStatementUnderCursor()
{
    auto w = openWindow(*m_app);
    QVERIFY(w);
    ScriptTab *tab = w->tabs()->currentScriptTab();
    QVERIFY(tab);
    QCOMPARE(w->runs()->effectiveProfile(tab), QStringLiteral("Local"));
    ScriptEditor *editor = tab->editor();
    editor->setFocus();
    editor->selectAll();
    editor->removeSelectedText();
    QTest::keyClicks(editor, QStringLiteral("select 1 as one;"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClicks(editor,
                     QStringLiteral("select region, sum(amount) from demo_sales group by region;"));
    editor->setCursorPosition(1, 10); // inside the second statement
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(editor->isFlashing());

    RunPanel *panel = panelOf(*w, tab);
    QTRY_COMPARE_WITH_TIMEOUT(panel->status(), JobStatus::Succeed, kJobTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(panel->resultGrids().size(), 1, kJobTimeoutMs);
    ResultGrid *grid = panel->resultGrids().first();
    QTRY_COMPARE_WITH_TIMEOUT(grid->model()->rowCount(), 5, kJobTimeoutMs);
    QCOMPARE(grid->model()->columnCount(), 2);
    QCOMPARE(grid->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("region"));
    QStringList regions;
    for (int r = 0; r < 5; ++r)
        regions << grid->model()->index(r, 0).data().toString();
    regions.sort();
    QCOMPARE(
        regions,
        QStringList({QStringLiteral("Central"), QStringLiteral("East"), QStringLiteral("North"),
                     QStringLiteral("South"), QStringLiteral("West")}));
    QTRY_COMPARE(grid->summaryText(), QStringLiteral("5 rows"));
    const QString copied = grid->copyText(true);
    QVERIFY(copied.startsWith(QStringLiteral("region\tsum(amount)\n")));
    QCOMPARE(copied.count(u'\n'), 6);
    // The log of the run is in its panel, and the job is listed in the jobs dock.
    QVERIFY(panel->logPanel()->store()->lineCount() > 0);
    QVERIFY(panel->statusText().contains(QStringLiteral("Succeeded")));
    QVERIFY(panel->errorText().isEmpty());

    // Export the whole set to CSV (header + 5 rows, RFC 4180 line ends).
    const QString csv = m_dir.filePath(QStringLiteral("regions.csv"));
    QVERIFY(grid->exportTo(csv));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(csv) && !grid->exporter()->isRunning(), kJobTimeoutMs);
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QCOMPARE(lines.first().trimmed(), QByteArray("region,sum(amount)"));
    QCOMPARE(lines.size(), 7); // 6 lines + the empty piece after the last CRLF

    // The job is listed in the jobs dock.
    QVERIFY(w->jobsDock()->trackedCount() >= 1);
}

void TestMainWindow::variablePromptBeforeRun()
{
    auto w = openWindow(*m_app);
    QVERIFY(w);
    QStringList asked;
    w->runs()->setVariablePrompt([&asked](const QStringList &names, ScriptTab *) {
        asked = names;
        return std::optional<QMap<QString, QString>>(
            QMap<QString, QString> {{QStringLiteral("limit_n"), QStringLiteral("2")}});
    });
    ScriptTab *tab = w->newScript(ScriptLanguage::Sql,
                                  QStringLiteral("select region from demo_sales group by region "
                                                 "order by region limit ${limit_n};"));
    w->runs()->run(tab, true);
    QCOMPARE(asked, QStringList {QStringLiteral("limit_n")});
    QCOMPARE(tab->params().variables.value(QStringLiteral("limit_n")), QStringLiteral("2"));
    RunPanel *panel = panelOf(*w, tab);
    QTRY_COMPARE_WITH_TIMEOUT(panel->status(), JobStatus::Succeed, kJobTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(panel->resultGrids().size(), 1, kJobTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(panel->resultGrids().first()->model()->rowCount(), 2, kJobTimeoutMs);
    QCOMPARE(panel->resultGrids().first()->model()->index(0, 0).data().toString(),
             QStringLiteral("Central"));
}

void TestMainWindow::killPythonFromPanel()
{
    auto w = openWindow(*m_app);
    QVERIFY(w);
    int asked = 0;
    w->runs()->setKillPrompt(
        [&asked](const QString &profile, bool production, const QString &, bool *dontAsk) {
            ++asked;
            *dontAsk = false;
            return profile == QStringLiteral("Local") && !production;
        });
    ScriptTab *tab = w->newScript(ScriptLanguage::Python,
                                  QStringLiteral("import time\nprint('sleeping')\n"
                                                 "while True:\n    time.sleep(0.2)\n"));
    QCOMPARE(tab->runType(), QStringLiteral("python"));
    QTest::keyClick(tab->editor(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
    RunPanel *panel = panelOf(*w, tab);
    QTRY_COMPARE_WITH_TIMEOUT(panel->status(), JobStatus::Running, kJobTimeoutMs);
    QTRY_VERIFY(panel->killButton()->isEnabled());
    QTest::mouseClick(panel->killButton(), Qt::LeftButton);
    QCOMPARE(asked, 1);
    QTRY_COMPARE_WITH_TIMEOUT(panel->status(), JobStatus::Cancelled, kJobTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(panel->killStateText(), QStringLiteral("Kill confirmed"),
                              kJobTimeoutMs);
    QVERIFY(!panel->killButton()->isEnabled());
    QCOMPARE(w->runningJobCount(), 0);
}

void TestMainWindow::restoreAfterCrash()
{
    QString taskText;
    qint64 taskId = 0;
    ChartSpec charted;
    charted.kind = ChartSpec::Kind::Scatter;
    charted.yColumns = {0};
    {
        auto w = openWindow(*m_app);
        QVERIFY(w);
        ScriptTab *sql = w->newScript(ScriptLanguage::Sql, QStringLiteral("select 42;"));
        sql->editor()->append(QStringLiteral("\n-- not saved yet"));
        sql->setEngine(QStringLiteral("sqlite"));
        sql->resultCharts()->set(0, {charted, {QStringLiteral("n")}, true});
        ScriptTab *py =
            w->newScript(ScriptLanguage::Python, QStringLiteral("import time\ntime.sleep(600)\n"));
        w->runs()->run(py, true);
        RunPanel *panel = panelOf(*w, py);
        QTRY_COMPARE_WITH_TIMEOUT(panel->status(), JobStatus::Running, kJobTimeoutMs);
        taskId = w->runs()->trackerFor(py)->taskId();
        QVERIFY(taskId > 0);
        QTRY_VERIFY(m_app->journal.entry(QStringLiteral("Local"), taskId).has_value());
        QVERIFY(w->session()->saveNow()); // what the autosave timer does every few seconds
        QVERIFY(m_app->journal.flush());
        taskText = sql->editor()->text();
        // The crash: no close event, no save; the window, its trackers and clients vanish.
    }
    // A new process: fresh objects reading the same files (the gateway keeps running).
    TestApp next(m_dir.path(), m_local);
    QVERIFY(next.journal.entry(QStringLiteral("Local"), taskId).has_value());
    auto w = openWindow(next);
    QVERIFY(w);
    ScriptTab *sql = nullptr;
    ScriptTab *py = nullptr;
    for (ScriptTab *tab : w->tabs()->scriptTabs()) {
        if (tab->editor()->text() == taskText)
            sql = tab;
        if (tab->language() == ScriptLanguage::Python)
            py = tab;
    }
    QVERIFY(sql);
    QVERIFY(sql->isModified());
    QCOMPARE(sql->engine(), QStringLiteral("sqlite"));
    QVERIFY(sql->resultCharts()->entryFor(0, {QStringLiteral("n")}).has_value());
    QCOMPARE(sql->resultCharts()->entryFor(0, {QStringLiteral("n")})->spec, charted);
    QVERIFY(py);
    QTRY_VERIFY_WITH_TIMEOUT(w->runs()->trackerFor(py), kJobTimeoutMs);
    QCOMPARE(w->runs()->trackerFor(py)->taskId(), taskId);
    RunPanel *panel = panelOf(*w, py);
    QTRY_COMPARE_WITH_TIMEOUT(panel->status(), JobStatus::Running, kJobTimeoutMs);
    // Clean up: kill the reattached job.
    w->runs()->kill(py);
    QTRY_COMPARE_WITH_TIMEOUT(panel->status(), JobStatus::Cancelled, kJobTimeoutMs);
    QTRY_VERIFY(!next.journal.entry(QStringLiteral("Local"), taskId).has_value());
}

void TestMainWindow::profileDialogRoundTrip()
{
    TestApp &app = *m_app;
    // The local gateway's URL and token make a real "Token" profile to test against.
    QSignalSpy ready(&app.clients, &ClientPool::stateChanged);
    bool connected = false;
    app.clients.acquire(QStringLiteral("Local"), this,
                        [&connected](Result<LinkisClient *> c) { connected = c.ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(connected, kJobTimeoutMs);
    LocalGateway *gateway = app.clients.localGateway();
    QVERIFY(gateway && gateway->isReady());

    ProfileDialog dialog(&app.profiles, &app.secrets, &app.clients);
    dialog.setConfirm([](const QString &) { return true; });
    dialog.startNew();
    dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("Prod"));
    dialog.findChild<QLineEdit *>(QStringLiteral("urlEdit"))->setText(gateway->url().toString());
    auto *auth = dialog.findChild<QComboBox *>(QStringLiteral("authBox"));
    auth->setCurrentIndex(auth->findData(int(Profile::AuthMode::Token)));
    dialog.findChild<QLineEdit *>(QStringLiteral("userEdit"))->setText(QStringLiteral("alice"));
    auto *secret = dialog.findChild<QLineEdit *>(QStringLiteral("secretEdit"));
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    secret->setText(gateway->token());
    dialog.findChild<QCheckBox *>(QStringLiteral("productionCheck"))->setChecked(true);
    QVERIFY2(dialog.save(), qPrintable(dialog.verdict()));

    const std::optional<Profile> saved = app.profiles.profile(QStringLiteral("Prod"));
    QVERIFY(saved);
    QVERIFY(saved->production);
    QCOMPARE(saved->auth, Profile::AuthMode::Token);
    QCOMPARE(saved->user, QStringLiteral("alice"));
    QString stored;
    app.secrets.read(Profile::secretKey(QStringLiteral("Prod"), Profile::SecretKind::Token), this,
                     [&stored](Result<std::optional<QString>> s) {
                         if (s && s->has_value())
                             stored = **s;
                     });
    QTRY_COMPARE(stored, gateway->token());
    QVERIFY(secret->text().isEmpty()); // the secret is never shown again
    QTRY_VERIFY(secret->placeholderText().contains(QStringLiteral("this session only")));

    // Test: a real login against the gateway with the stored token.
    QSignalSpy tested(&dialog, &ProfileDialog::tested);
    dialog.testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 1, kJobTimeoutMs);
    QVERIFY2(tested.at(0).at(0).toBool(), qPrintable(tested.at(0).at(1).toString()));
    // A wrong token gets a clear refusal.
    secret->setText(QStringLiteral("wrong-token"));
    dialog.testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 2, kJobTimeoutMs);
    QVERIFY(!tested.at(1).at(0).toBool());
    secret->clear();

    // Production profiles always ask before a kill, whatever "don't ask again" said.
    app.settings.setAskBeforeKill(QStringLiteral("Prod"), false);
    QVERIFY(app.settings.askBeforeKill(QStringLiteral("Prod"), true));

    QVERIFY(dialog.select(QStringLiteral("Prod")));
    QVERIFY(dialog.removeCurrent());
    QVERIFY(!app.profiles.contains(QStringLiteral("Prod")));
    bool gone = false;
    app.secrets.read(Profile::secretKey(QStringLiteral("Prod"), Profile::SecretKind::Token), this,
                     [&gone](Result<std::optional<QString>> s) { gone = s && !s->has_value(); });
    QTRY_VERIFY(gone);
    // Local cannot be deleted.
    QVERIFY(dialog.select(QStringLiteral("Local")));
    QVERIFY(!dialog.findChild<QWidget *>(QStringLiteral("deleteButton"))->isEnabled());
}

void TestMainWindow::historyAndServerJobs()
{
    auto w = openWindow(*m_app);
    QVERIFY(w);
    // History: the jobs the earlier cases ran are listed; one reopens its code in a new tab.
    HistoryPanel *history = w->historyPanel();
    history->setProfile(QStringLiteral("Local"));
    QSignalSpy loaded(history, &HistoryPanel::loaded);
    history->refresh();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kJobTimeoutMs);
    QVERIFY(loaded.at(0).at(0).toInt() >= 3);
    int row = -1;
    for (int i = 0; i < history->tasks().size(); ++i) {
        if (history->tasks().at(i).executionCode.contains(QStringLiteral("sum(amount)")))
            row = i;
    }
    QVERIFY(row >= 0);
    const int tabsBefore = w->tabs()->count();
    QTreeWidgetItem *item = history->list()->topLevelItem(row);
    history->list()->setCurrentItem(item);
    Q_EMIT history->list()->itemDoubleClicked(item, 0);
    QCOMPARE(w->tabs()->count(), tabsBefore + 1);
    QCOMPARE(w->tabs()->currentScriptTab()->editor()->text(),
             history->tasks().at(row).executionCode);

    // A job submitted elsewhere (not by this window) shows under "Running on the server" and
    // can be killed from the dock.
    LinkisClient *client = m_app->clients.clientIfReady(QStringLiteral("Local"));
    QVERIFY(client);
    SubmitRequest request;
    request.code = QStringLiteral("import time\ntime.sleep(600)\n");
    request.runType = QStringLiteral("python");
    request.engineType = QStringLiteral("python");
    qint64 taskId = 0;
    client->submit(request, this, [&taskId](Result<SubmitResult> r) {
        if (r)
            taskId = r->taskId;
    });
    QTRY_VERIFY_WITH_TIMEOUT(taskId > 0, kJobTimeoutMs);
    JobsDock *dock = w->jobsDock();
    QTreeWidgetItem *found = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            dock->refreshServerJobs();
            QTest::qWait(200);
            found = nullptr;
            QTreeWidgetItemIterator it(dock->tree());
            for (; *it; ++it) {
                if ((*it)->toolTip(0).isEmpty() && (*it)->text(0).contains(u'#') &&
                    (*it)->text(0).endsWith(QStringLiteral("#%1").arg(taskId)))
                    found = *it;
            }
            return found != nullptr;
        }(),
        kJobTimeoutMs);
    dock->tree()->clearSelection();
    found->setSelected(true);
    dock->killSelected();
    JobTracker *tracker = m_app->registry.find(QStringLiteral("Local"), taskId);
    QVERIFY(tracker);
    QTRY_COMPARE_WITH_TIMEOUT(tracker->status(), JobStatus::Cancelled, kJobTimeoutMs);
}

void TestMainWindow::f6MovesTheFocusBetweenEditorResultAndLog()
{
    auto w = openWindow(*m_app);
    QVERIFY(w);
    // F6 / Shift+F6 are menu actions (so Settings can remap them), and nothing else uses them.
    int f6 = 0;
    for (QAction *a : w->findChildren<QAction *>()) {
        for (const QKeySequence &k : a->shortcuts())
            f6 += k == QKeySequence(Qt::Key_F6) || k == QKeySequence(Qt::SHIFT | Qt::Key_F6);
    }
    QCOMPARE(f6, 2);
    QVERIFY(w->findChild<QAction *>(QStringLiteral("nextPaneAction")));

    ScriptTab *tab = w->newScript(ScriptLanguage::Sql, QStringLiteral("select 1 as one;"));
    QVERIFY(tab);
    ScriptEditor *editor = tab->editor();
    w->runs()->run(tab, true);
    RunPanel *panel = panelOf(*w, tab);
    QVERIFY(panel);
    QTRY_COMPARE_WITH_TIMEOUT(panel->resultGrids().size(), 1, kJobTimeoutMs);
    ResultGrid *grid = panel->resultGrids().first();
    QTRY_VERIFY(grid->isVisible());

    editor->setFocus();
    QTRY_VERIFY(editor->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QTRY_COMPARE(QApplication::focusWidget(), grid->view());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(panel->logPanel()->view()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QTRY_VERIFY(editor->isAncestorOf(QApplication::focusWidget()) ||
                QApplication::focusWidget() == editor);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6, Qt::ShiftModifier);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(panel->logPanel()->view()));
}

// Run from the build tree (no icon theme installed), the window still has the app icon, and the
// Run actions show their own icons, not the job-status glyphs (Run showed the "Running" spinner).
void TestMainWindow::buildTreeWindowHasItsIcons()
{
    auto w = openWindow(*m_app);
    QVERIFY(w);
    QVERIFY(!w->windowIcon().isNull());
    QVERIFY(!w->windowIcon().pixmap(32, 32).isNull());
    auto *run = w->findChild<QAction *>(QStringLiteral("runAction"));
    auto *runAll = w->findChild<QAction *>(QStringLiteral("runAllAction"));
    auto *kill = w->findChild<QAction *>(QStringLiteral("killAction"));
    QVERIFY(run && runAll && kill);
    for (QAction *action : {run, runAll, kill}) {
        QVERIFY2(!action->icon().isNull(), qPrintable(action->objectName()));
        QVERIFY2(!action->icon().pixmap(16, 16).isNull(), qPrintable(action->objectName()));
    }
    QVERIFY(run->icon().cacheKey() != JobStatusStyle::icon(JobStatus::Running).cacheKey());
    QVERIFY(runAll->icon().cacheKey() != JobStatusStyle::icon(JobStatus::Scheduled).cacheKey());
    QVERIFY(kill->icon().cacheKey() != JobStatusStyle::icon(JobStatus::Cancelled).cacheKey());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
