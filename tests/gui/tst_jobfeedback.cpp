// SPDX-License-Identifier: GPL-3.0-or-later
// What the app says about a run, against the real local gateway (at most one job at once) and
// python3: a new run's log starts on the whole log whatever the last one was filtered to; a
// python warning is a warning and a traceback marks its line in the editor; an SQL error's note
// names the line its marker is on; the jobs dock says why a job waits, shows the first line that
// means something, asks once before killing several jobs, and keeps "Running on the server"
// ticking and counting after kills. Engines (issue 17): the run panel names the engine that
// runs its job and the resources reported; Reset session kills the tab's engine so that the
// next run starts clean; a kill that is not confirmed offers to kill the engine.
#include "api/linkisclient.h"
#include "editor/editortabs.h"
#include "editor/scripteditor.h"
#include "editor/scripttab.h"
#include "engines/engineclient.h"
#include "jobs/jobjournal.h"
#include "jobs/jobregistry.h"
#include "jobs/jobsdock.h"
#include "jobs/runcontroller.h"
#include "jobs/runpanel.h"
#include "logs/logpanel.h"
#include "logs/logview.h"
#include "mainwindow.h"
#include "profiles/clientpool.h"
#include "profiles/memorysecretstore.h"
#include "profiles/profilestore.h"
#include "settings/appsettings.h"
#include "testapp.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
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
constexpr int kStatusCol = 0;
constexpr int kCodeCol = 1;
constexpr int kElapsedCol = 4;

QTreeWidgetItem *itemWithTracker(JobsDock *dock, JobTracker *tracker)
{
    for (QTreeWidgetItemIterator it(dock->tree()); *it; ++it) {
        if ((*it)->data(kStatusCol, Qt::UserRole + 1).value<QObject *>() == tracker)
            return *it;
    }
    return nullptr;
}

QTreeWidgetItem *serverItem(JobsDock *dock, qint64 taskId)
{
    for (QTreeWidgetItemIterator it(dock->tree()); *it; ++it) {
        if ((*it)->text(kStatusCol).endsWith(QStringLiteral("#%1").arg(taskId)))
            return *it;
    }
    return nullptr;
}

QTreeWidgetItem *serverGroup(JobsDock *dock)
{
    for (QTreeWidgetItemIterator it(dock->tree()); *it; ++it) {
        if ((*it)->text(kStatusCol).startsWith(QStringLiteral("Local: ")))
            return *it;
    }
    return nullptr;
}

const QString kSleeper = QStringLiteral("import time\n\n# wait for a kill\ntime.sleep(600)\n");
} // namespace

class TestJobFeedback : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void newRunStartsOnTheWholeLog();
    void pythonWarningIsAWarningAndATracebackMarksItsLine();
    void sqlErrorNoteNamesTheMarkedLine();
    void dockSaysWhyAJobWaitsAndAsksOnceToKill();
    void serverJobsKeepTickingAndCountingAfterKills();
    void runPanelNamesItsEngineAndResetSessionStartsClean();
    void aKillNotConfirmedOffersToKillTheEngine();

private:
    QList<EngineInfo> listEngines();

    RunPanel *runAndWait(ScriptTab *tab, bool whole = true);

    QTemporaryDir m_dir;
    LocalGateway::Options m_local;
    std::unique_ptr<TestApp> m_app;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_killAsked;
    QStringList m_engineKillAsked;
};

void TestJobFeedback::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
         QStringLiteral("/linkis-desk"))
        .removeRecursively();
    m_local = TestApp::localGateway(m_dir.path(), false,
                                    {QStringLiteral("--max-jobs"), QStringLiteral("1")});
    m_app = std::make_unique<TestApp>(m_dir.path(), m_local);
    m_window = testsupport::makeMainWindow(m_app->context);
    m_window->runs()->setKillPrompt(
        [this](const QString &profile, bool, const QString &what, bool *dontAsk) {
            m_killAsked << profile + QStringLiteral(": ") + what;
            *dontAsk = false;
            return true;
        });
    m_window->runs()->setEngineKillPrompt(
        [this](const QString &profile, bool, const QString &question) {
            m_engineKillAsked << profile + QStringLiteral(": ") + question;
            return true;
        });
    QVERIFY(testsupport::showMainWindow(*m_window));
}

void TestJobFeedback::cleanupTestCase()
{
    m_window.reset();
    m_app.reset();
}

RunPanel *TestJobFeedback::runAndWait(ScriptTab *tab, bool whole)
{
    m_window->runs()->run(tab, whole);
    RunPanel *panel = m_window->runs()->panelFor(tab);
    if (!QTest::qWaitFor([&] { return isTerminal(panel->status()); }, kJobTimeoutMs))
        return nullptr;
    JobTracker *tracker = m_window->runs()->trackerFor(tab);
    if (!tracker || !QTest::qWaitFor([&] { return tracker->isFinished(); }, kJobTimeoutMs))
        return nullptr;
    return panel;
}

void TestJobFeedback::newRunStartsOnTheWholeLog()
{
    ScriptTab *tab = m_window->newScript(
        ScriptLanguage::Python, QStringLiteral("for i in range(770, 780):\n    print(i)\n"));
    RunPanel *panel = runAndWait(tab);
    QVERIFY(panel);
    LogPanel *log = panel->logPanel();
    // The user looks for 777 among the errors (there are none).
    log->setSearchText(QStringLiteral("777"));
    log->setFilter(LogStore::Filter::Error);
    QCOMPARE(log->view()->rowCount(), 0);
    QVERIFY(!log->view()->emptyHint().isEmpty()); // says that the filter hides the lines

    QVERIFY(runAndWait(tab));
    QCOMPARE(log->filter(), LogStore::Filter::All);
    QCOMPARE(log->view()->searchText(), QString());
    QCOMPARE(log->findChild<QLineEdit *>()->text(), QString());
    QVERIFY(log->view()->rowCount() > 0);
    QCOMPARE(log->view()->rowCount(), log->store()->lineCount());
    QVERIFY(log->view()->emptyHint().isEmpty());
}

void TestJobFeedback::pythonWarningIsAWarningAndATracebackMarksItsLine()
{
    ScriptTab *tab = m_window->newScript(ScriptLanguage::Python,
                                         QStringLiteral("import logging\n"
                                                        "logging.warning('disk almost full')\n"
                                                        "\n"
                                                        "def divide(a, b):\n"
                                                        "    return a / b\n"
                                                        "\n"
                                                        "print(divide(1, 0))\n"));
    RunPanel *panel = runAndWait(tab);
    QVERIFY(panel);
    QCOMPARE(panel->status(), JobStatus::Failed);
    LogStore *store = panel->logPanel()->store();
    qsizetype warning = -1;
    for (qsizetype i = 0; i < store->lineCount(); ++i) {
        if (store->line(i).contains(QStringLiteral("disk almost full")))
            warning = i;
    }
    QVERIFY(warning >= 0);
    QCOMPARE(store->level(warning), LogStore::Level::Warn);
    QVERIFY(store->firstError() > warning);
    QVERIFY2(store->line(store->firstError()).contains(QStringLiteral("Traceback")),
             qPrintable(store->line(store->firstError())));
    // "First error" lands on the traceback.
    QVERIFY(panel->logPanel()->view()->jumpToFirstError());
    qsizetype first = -1, last = -1;
    QVERIFY(panel->logPanel()->view()->selection(&first, &last));
    QVERIFY(store->line(first).contains(QStringLiteral("Traceback")));

    // The innermost frame of the script is line 5; its note is the exception.
    ScriptEditor *editor = tab->editor();
    QTRY_VERIFY(editor->errorLines().contains(5));
    QCOMPARE(editor->annotation(4), QStringLiteral("ZeroDivisionError: division by zero"));
}

void TestJobFeedback::sqlErrorNoteNamesTheMarkedLine()
{
    ScriptTab *tab = m_window->newScript(
        ScriptLanguage::Sql, QStringLiteral("select 1;\nselect 2;\nselect * from no_such_table;"));
    tab->editor()->setCursorPosition(2, 5); // the statement on line 3 only
    RunPanel *panel = runAndWait(tab, false);
    QVERIFY(panel);
    QCOMPARE(panel->status(), JobStatus::Failed);
    ScriptEditor *editor = tab->editor();
    QTRY_COMPARE(editor->errorLines(), QList<int> {3});
    const QString note = editor->annotation(2);
    QVERIFY2(note.contains(QStringLiteral("no_such_table")), qPrintable(note));
    QVERIFY2(note.contains(QStringLiteral("(line 3)")), qPrintable(note));
    QVERIFY2(!note.contains(QStringLiteral("(line 1)")), qPrintable(note));
}

void TestJobFeedback::dockSaysWhyAJobWaitsAndAsksOnceToKill()
{
    JobsDock *dock = m_window->jobsDock();
    ScriptTab *first = m_window->newScript(ScriptLanguage::Python, kSleeper);
    m_window->runs()->run(first, true);
    JobTracker *running = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((running = m_window->runs()->trackerFor(first)) &&
                                 running->status() == JobStatus::Running,
                             kJobTimeoutMs);
    // The code column shows what the job does, not its imports or comments.
    QTreeWidgetItem *runningItem = itemWithTracker(dock, running);
    QVERIFY(runningItem);
    QTRY_COMPARE(runningItem->text(kCodeCol), QStringLiteral("time.sleep(600)"));

    // The gateway runs one job at once: the second waits, and the dock says why.
    ScriptTab *second = m_window->newScript(ScriptLanguage::Python, kSleeper);
    m_window->runs()->run(second, true);
    JobTracker *waiting = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((waiting = m_window->runs()->trackerFor(second)) &&
                                 waiting->status() == JobStatus::Scheduled,
                             kJobTimeoutMs);
    QTreeWidgetItem *waitingItem = itemWithTracker(dock, waiting);
    QVERIFY(waitingItem);
    QTRY_COMPARE(waitingItem->text(kStatusCol), QStringLiteral("Scheduled: queued"));
    QVERIFY2(waitingItem->toolTip(kStatusCol).contains(QStringLiteral("concurrency limit")),
             qPrintable(waitingItem->toolTip(kStatusCol)));
    // What the server says about it, once its log has been read.
    QTRY_VERIFY_WITH_TIMEOUT(
        waitingItem->toolTip(kStatusCol).contains(QStringLiteral("Waiting for a free job slot")),
        kJobTimeoutMs);

    // Kill both: one question that lists both.
    m_killAsked.clear();
    dock->tree()->clearSelection();
    runningItem->setSelected(true);
    waitingItem->setSelected(true);
    dock->killSelected();
    QCOMPARE(m_killAsked.size(), 1);
    QVERIFY2(m_killAsked.first().contains(QStringLiteral("task %1").arg(running->taskId())) &&
                 m_killAsked.first().contains(QStringLiteral("task %1").arg(waiting->taskId())),
             qPrintable(m_killAsked.first()));
    QTRY_COMPARE_WITH_TIMEOUT(running->status(), JobStatus::Cancelled, kJobTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(waiting->status(), JobStatus::Cancelled, kJobTimeoutMs);
}

void TestJobFeedback::serverJobsKeepTickingAndCountingAfterKills()
{
    JobsDock *dock = m_window->jobsDock();
    QVERIFY(dock->isVisible());
    LinkisClient *client = m_app->clients.clientIfReady(QStringLiteral("Local"));
    QVERIFY(client);
    // Two jobs submitted elsewhere (not by this window).
    QList<qint64> ids;
    for (int i = 0; i < 2; ++i) {
        SubmitRequest request;
        request.code = kSleeper;
        request.runType = QStringLiteral("python");
        request.engineType = QStringLiteral("python");
        client->submit(request, this, [&ids](Result<SubmitResult> r) {
            if (r)
                ids << r->taskId;
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(ids.size(), 2, kJobTimeoutMs);
    dock->refreshServerJobs();
    QTRY_VERIFY_WITH_TIMEOUT(serverItem(dock, ids.at(0)) && serverItem(dock, ids.at(1)),
                             kJobTimeoutMs);
    QTreeWidgetItem *group = serverGroup(dock);
    QVERIFY(group);
    QCOMPARE(group->text(kStatusCol), QStringLiteral("Local: 2 unfinished"));
    QCOMPARE(serverItem(dock, ids.at(0))->text(kCodeCol), QStringLiteral("time.sleep(600)"));

    // Elapsed times move on their own.
    QTreeWidgetItem *item = serverItem(dock, ids.at(1));
    QTRY_VERIFY(!item->text(kElapsedCol).isEmpty());
    const QString before = item->text(kElapsedCol);
    QTRY_VERIFY_WITH_TIMEOUT(item->text(kElapsedCol) != before, 5000);

    // Kill the first: it leaves the list and the count follows, without a refresh.
    dock->tree()->clearSelection();
    serverItem(dock, ids.at(0))->setSelected(true);
    dock->killSelected();
    JobTracker *killed = m_app->registry.find(QStringLiteral("Local"), ids.at(0));
    QVERIFY(killed);
    QTRY_COMPARE_WITH_TIMEOUT(killed->status(), JobStatus::Cancelled, kJobTimeoutMs);
    QTRY_VERIFY(!serverItem(dock, ids.at(0)));
    QCOMPARE(group->text(kStatusCol), QStringLiteral("Local: 1 unfinished"));
    item = serverItem(dock, ids.at(1));
    QVERIFY(item);
    const QString later = item->text(kElapsedCol);
    QTRY_VERIFY_WITH_TIMEOUT(item->text(kElapsedCol) != later, 5000);

    // And the last one.
    dock->tree()->clearSelection();
    item->setSelected(true);
    dock->killSelected();
    JobTracker *last = m_app->registry.find(QStringLiteral("Local"), ids.at(1));
    QVERIFY(last);
    QTRY_COMPARE_WITH_TIMEOUT(last->status(), JobStatus::Cancelled, kJobTimeoutMs);
    QTRY_COMPARE(group->text(kStatusCol), QStringLiteral("Local: 0 unfinished"));
}

QList<EngineInfo> TestJobFeedback::listEngines()
{
    LinkisClient *client = m_app->clients.clientIfReady(QStringLiteral("Local"));
    if (!client)
        return {};
    EngineClient engines(client);
    std::optional<QList<EngineInfo>> out;
    engines.engines(this,
                    [&out](Result<QList<EngineInfo>> r) { out = r ? *r : QList<EngineInfo>(); });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, kJobTimeoutMs))
        return {};
    return out.value_or(QList<EngineInfo>());
}

void TestJobFeedback::runPanelNamesItsEngineAndResetSessionStartsClean()
{
    // The first run waits for a file, so that the panel is seen while the job runs.
    const QString go = m_dir.filePath(QStringLiteral("go"));
    ScriptTab *tab = m_window->newScript(
        ScriptLanguage::Python,
        QStringLiteral("import os, time\nwhile not os.path.exists(%1):\n    time.sleep(0.02)\n"
                       "x = 41\n")
            .arg(QStringLiteral("'%1'").arg(go)));
    QSignalSpy reset(m_window->runs(), &RunController::sessionReset);
    // Start clean: earlier runs left a python engine.
    m_engineKillAsked.clear();
    m_window->runs()->resetSession(tab);
    QTRY_COMPARE_WITH_TIMEOUT(reset.count(), 1, kJobTimeoutMs);
    QVERIFY(reset.at(0).at(2).toBool());
    QCOMPARE(m_engineKillAsked.size(), 1); // asked first
    QVERIFY2(m_engineKillAsked.first().contains(QStringLiteral("python")),
             qPrintable(m_engineKillAsked.first()));

    m_window->runs()->run(tab, true);
    RunPanel *panel = m_window->runs()->panelFor(tab);
    // The local gateway reports no YARN resources (yarnResource: null), and the panel says so.
    QTRY_VERIFY_WITH_TIMEOUT(
        panel->engine() && panel->engineText().contains(QStringLiteral("no resources reported")),
        kJobTimeoutMs);
    QFile file(go);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QTRY_VERIFY_WITH_TIMEOUT(isTerminal(panel->status()), kJobTimeoutMs);
    QCOMPARE(panel->status(), JobStatus::Succeed);
    QVERIFY(panel->engine());
    const QString instance = panel->engine()->instance;
    QVERIFY(!instance.isEmpty());
    QVERIFY(!panel->engine()->reused); // a new engine
    QCOMPARE(panel->engine()->applicationName, QStringLiteral("linkis-cg-engineconn"));
    QVERIFY2(panel->engineText().contains(instance), qPrintable(panel->engineText()));
    QVERIFY2(panel->engineText().startsWith(QStringLiteral("Engine python")),
             qPrintable(panel->engineText()));
    QVERIFY(panel->findChild<QLabel *>(QStringLiteral("runEngine"))->isVisible());

    // The state is kept between runs, in the same engine.
    tab->editor()->setText(QStringLiteral("print(x + 1)\n"));
    QVERIFY(runAndWait(tab));
    QCOMPARE(panel->status(), JobStatus::Succeed);
    QVERIFY(panel->logPanel()->store()->lineCount() > 0);
    bool answered = false;
    for (qsizetype i = 0; i < panel->logPanel()->store()->lineCount(); ++i)
        answered =
            answered || panel->logPanel()->store()->line(i).endsWith(QStringLiteral(" INFO 42"));
    QVERIFY(answered);
    QVERIFY(panel->engine());
    QCOMPARE(panel->engine()->instance, instance);
    QVERIFY(panel->engine()->reused);
    QVERIFY2(panel->engineText().contains(QStringLiteral("(reused)")),
             qPrintable(panel->engineText()));

    // Reset session: the engine is gone once sessionReset says so, and x with it.
    m_window->runs()->resetSession(tab);
    QTRY_COMPARE_WITH_TIMEOUT(reset.count(), 2, kJobTimeoutMs);
    QCOMPARE(reset.at(1).at(1).toInt(), 1);
    QVERIFY(reset.at(1).at(2).toBool());
    const QList<EngineInfo> after = listEngines();
    QVERIFY(std::none_of(after.cbegin(), after.cend(),
                         [&instance](const EngineInfo &e) { return e.instance == instance; }));
    QVERIFY(runAndWait(tab));
    QCOMPARE(panel->status(), JobStatus::Failed);
    bool nameError = false;
    for (qsizetype i = 0; i < panel->logPanel()->store()->lineCount(); ++i)
        nameError =
            nameError || panel->logPanel()->store()->line(i).contains(QStringLiteral("NameError"));
    QVERIFY(nameError);
    QVERIFY(panel->engine());
    QVERIFY(panel->engine()->instance != instance);
    QVERIFY(!panel->engine()->reused);
}

void TestJobFeedback::aKillNotConfirmedOffersToKillTheEngine()
{
    // Code that ignores the interrupt: the job does not stop when killed.
    ScriptTab *tab =
        m_window->newScript(ScriptLanguage::Python,
                            QStringLiteral("import signal, time\n"
                                           "signal.signal(signal.SIGINT, signal.SIG_IGN)\n"
                                           "time.sleep(600)\n"));
    m_window->runs()->setKillSlowMs(0); // "a few seconds" at once, not to wait in a test
    m_window->runs()->run(tab, true);
    RunPanel *panel = m_window->runs()->panelFor(tab);
    QTRY_VERIFY_WITH_TIMEOUT(panel->status() == JobStatus::Running && panel->engine(),
                             kJobTimeoutMs);
    const QString instance = panel->engine()->instance;
    QVERIFY(!panel->killEngineButton()->isVisible()); // nothing offered before a kill
    m_engineKillAsked.clear();
    m_window->runs()->kill(tab);
    QTRY_VERIFY_WITH_TIMEOUT(panel->killEngineButton()->isVisible(), kJobTimeoutMs);
    panel->killEngineButton()->click();
    QCOMPARE(m_engineKillAsked.size(), 1);
    QVERIFY2(m_engineKillAsked.first().contains(instance), qPrintable(m_engineKillAsked.first()));
    QTRY_VERIFY_WITH_TIMEOUT(panel->killStateText().contains(QStringLiteral("killed")),
                             kJobTimeoutMs);
    QVERIFY2(panel->killStateText() == QStringLiteral("Engine %1 killed").arg(instance),
             qPrintable(panel->killStateText()));
    QTRY_VERIFY_WITH_TIMEOUT(isTerminal(panel->status()), kJobTimeoutMs);
    QVERIFY(!panel->killEngineButton()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QList<EngineInfo> engines = listEngines();
            return std::none_of(engines.cbegin(), engines.cend(),
                                [&](const EngineInfo &e) { return e.instance == instance; });
        }(),
        kJobTimeoutMs);
    m_window->runs()->setKillSlowMs(5000);
}

QTEST_MAIN(TestJobFeedback)
#include "tst_jobfeedback.moc"
