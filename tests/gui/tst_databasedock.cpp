// SPDX-License-Identifier: GPL-3.0-or-later
// The Database dock and the schema completion in the real main window against the real local
// gateway: databases -> tables -> columns one level at a time, the filter, double-click and drop
// insert, Preview 100 rows in a run panel, `select d.` after `from default.demo_sales d` completing
// the columns when they arrive; and the tree model on a cache (no server) with a table without
// grant, checked by QAbstractItemModelTester. And the Workspace dock (issue 18) in the same
// window: create reports/daily.sql, type a query with ${run_date}, save, close, reopen from the
// tree (text and variable back), a changed-on-server conflict, delete asks, and an unsaved
// workspace tab surviving a session restore.
#include "database/databasedock.h"
#include "database/databasetreemodel.h"
#include "database/schemacompleter.h"
#include "editor/editortabs.h"
#include "editor/scripteditor.h"
#include "editor/scripttab.h"
#include "jobs/jobjournal.h"
#include "jobs/jobregistry.h"
#include "jobs/runcontroller.h"
#include "jobs/runpanel.h"
#include "localgateway/localgateway.h"
#include "mainwindow.h"
#include "metadata/metadatastore.h"
#include "profiles/clientpool.h"
#include "profiles/memorysecretstore.h"
#include "profiles/profilestore.h"
#include "results/resultgrid.h"
#include "results/resulttablemodel.h"
#include "session/sessionstore.h"
#include "settings/appsettings.h"
#include "testapp.h"
#include "workspace/workspacedock.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QDropEvent>
#include <QFile>
#include <QGuiApplication>
#include <QLineEdit>
#include <QMimeData>
#include <QPointer>
#include <QScreen>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

#include <memory>

using namespace linkisdesk;
using testsupport::TestApp;

namespace {
constexpr int kWaitMs = 30000;

QStringList childNames(QAbstractItemModel *model, const QModelIndex &parent)
{
    QStringList names;
    for (int r = 0; r < model->rowCount(parent); ++r)
        names << model->index(r, 0, parent).data().toString();
    return names;
}

QModelIndex childNamed(QAbstractItemModel *model, const QModelIndex &parent, const QString &name)
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex i = model->index(r, 0, parent);
        if (i.data().toString() == name)
            return i;
    }
    return {};
}

TableInfo table(const QString &db, const QString &name, bool view = false)
{
    TableInfo t;
    t.database = db;
    t.name = name;
    t.isView = view;
    return t;
}

} // namespace

class TestDatabaseDock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        // A new user: no metadata cached by an earlier run.
        QDir(QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
             QStringLiteral("/linkis-desk"))
            .removeRecursively();
        m_local = TestApp::localGateway(m_dir.path());
        m_app = std::make_unique<TestApp>(m_dir.path(), m_local);
        m_window = testsupport::openMainWindow(m_app->context);
        QVERIFY(m_window);
        m_dock = m_window->findChild<DatabaseDock *>();
        QVERIFY(m_dock);
    }
    void cleanupTestCase()
    {
        m_window.reset();
        m_app.reset();
    }

    void browsesDatabasesTablesAndColumnsLevelByLevel()
    {
        QAbstractItemModelTester tester(m_dock->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(m_dock->profileName(), QStringLiteral("Local"));
        QAbstractItemModel *model = m_dock->model();
        QTRY_VERIFY_WITH_TIMEOUT(childNamed(model, {}, QStringLiteral("default")).isValid(),
                                 kWaitMs);
        const QModelIndex db = childNamed(model, {}, QStringLiteral("default"));
        m_dock->tree()->expand(db);
        QTRY_VERIFY_WITH_TIMEOUT(childNames(model, db).contains(QStringLiteral("demo_sales")),
                                 kWaitMs);
        const QModelIndex demo = childNamed(model, db, QStringLiteral("demo_sales"));
        QCOMPARE(demo.data(DatabaseTreeModel::QualifiedNameRole).toString(),
                 QStringLiteral("default.demo_sales"));
        m_dock->tree()->expand(demo);
        QTRY_VERIFY_WITH_TIMEOUT(childNames(model, demo).contains(QStringLiteral("region")),
                                 kWaitMs);
        const QModelIndex region = childNamed(model, demo, QStringLiteral("region"));
        QVERIFY(!region.siblingAtColumn(1).data().toString().isEmpty()); // the type
        QCOMPARE(region.data(DatabaseTreeModel::KindRole).toInt(),
                 int(DatabaseTreeModel::Kind::Column));
    }

    void filterThenDoubleClickInsertsTheQualifiedName()
    {
        ScriptTab *tab = m_window->tabs()->currentScriptTab();
        tab->editor()->setText(QStringLiteral("select * from "));
        tab->editor()->setCursorPosition(0, 14);
        m_dock->filterEdit()->setText(QStringLiteral("DEMO"));
        QAbstractItemModel *model = m_dock->model();
        const QModelIndex db = childNamed(model, {}, QStringLiteral("default"));
        QVERIFY(db.isValid());
        QCOMPARE(childNames(model, db), QStringList {QStringLiteral("demo_sales")});
        m_dock->filterEdit()->setText(QStringLiteral("no_such_table_anywhere"));
        QVERIFY(!childNamed(model, {}, QStringLiteral("default")).isValid());
        m_dock->filterEdit()->clear();
        const QModelIndex demo = childNamed(model, childNamed(model, {}, QStringLiteral("default")),
                                            QStringLiteral("demo_sales"));
        QVERIFY(demo.isValid());
        // Dragging carries the qualified name as text, which the editor drops at the mouse.
        std::unique_ptr<QMimeData> mime(m_dock->model()->mimeData({demo}));
        QVERIFY(mime);
        QCOMPARE(mime->text(), QStringLiteral("default.demo_sales"));
        emit m_dock->tree()->doubleClicked(demo);
        QCOMPARE(tab->editor()->text(), QStringLiteral("select * from default.demo_sales"));
    }

    void dropFromTheDockLeavesTheCaretAfterTheNameInTheEditor()
    {
        // What a drag from the tree delivers: the model's mime data dropped on the editor,
        // while the tree (where the drag started) has the keyboard.
        ScriptTab *tab = m_window->tabs()->currentScriptTab();
        ScriptEditor *editor = tab->editor();
        editor->setText(QStringLiteral("from "));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_dock->tree()->setFocus();
        QTRY_VERIFY(m_dock->tree()->hasFocus());
        const QModelIndex demo =
            childNamed(m_dock->model(), childNamed(m_dock->model(), {}, QStringLiteral("default")),
                       QStringLiteral("demo_sales"));
        QVERIFY(demo.isValid());
        std::unique_ptr<QMimeData> mime(m_dock->model()->mimeData({demo}));
        QVERIFY(mime);
        // Beyond the end of line 1: the drop lands at its end.
        const QPoint at(editor->viewport()->width() - 4,
                        int(editor->SendScintilla(QsciScintilla::SCI_POINTYFROMPOSITION, 0, 0L)) +
                            editor->textHeight(0) / 2);
        QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(editor->viewport(), &enter);
        QDragMoveEvent move(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(editor->viewport(), &move);
        QDropEvent drop(QPointF(at), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(editor->viewport(), &drop);
        QVERIFY(drop.isAccepted());
        QCOMPARE(editor->text(), QStringLiteral("from default.demo_sales"));
        QVERIFY(!editor->hasSelectedText());
        QTRY_VERIFY(editor->hasFocus());
        QTest::keyClicks(editor, QStringLiteral(" d"));
        QCOMPARE(editor->text(), QStringLiteral("from default.demo_sales d"));
    }

    void previewRunsInARunPanel()
    {
        const QModelIndex db = childNamed(m_dock->model(), {}, QStringLiteral("default"));
        const QModelIndex demo = childNamed(m_dock->model(), db, QStringLiteral("demo_sales"));
        QCOMPARE(m_dock->previewSql(demo),
                 QStringLiteral("select * from default.demo_sales limit 100"));
        const int before = m_window->tabs()->count();
        m_dock->runInNewTab(m_dock->previewSql(demo));
        QCOMPARE(m_window->tabs()->count(), before + 1);
        ScriptTab *tab = m_window->tabs()->scriptTab(before);
        RunPanel *panel = m_window->runs()->panelFor(tab);
        QTRY_COMPARE_WITH_TIMEOUT(panel->status(), JobStatus::Succeed, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(panel->resultGrids().size(), 1, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(panel->resultGrids().first()->model()->rowCount(), 100, kWaitMs);
    }

    void aliasCompletionFillsInWhenTheColumnsArrive()
    {
        // A table whose columns nobody has read yet: the completion asks for them.
        m_dock->runInNewTab(
            QStringLiteral("create table fresh_orders(order_id integer, total real)"));
        ScriptTab *created = m_window->tabs()->scriptTab(m_window->tabs()->count() - 1);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->runs()->panelFor(created)->status(), JobStatus::Succeed,
                                  kWaitMs);
        ScriptTab *tab = m_window->tabs()->newTab(ScriptLanguage::Sql, {});
        m_window->tabs()->setCurrentWidget(tab);
        ScriptEditor *editor = tab->editor();
        auto *completer = editor->findChild<SchemaCompleter *>();
        QVERIFY(completer);
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        editor->setFocus();
        QTRY_VERIFY(editor->hasFocus());

        editor->setText(QStringLiteral(" from default.fresh_orders f"));
        editor->setCursorPosition(0, 0);
        QTest::keyClicks(editor, QStringLiteral("select f."));
        QTRY_VERIFY_WITH_TIMEOUT(completer->lastItems().contains(QStringLiteral("total")), kWaitMs);
        QTRY_VERIFY(editor->isListActive());
        QTest::keyClicks(editor, QStringLiteral("to"));
        QTest::keyClick(editor, Qt::Key_Return);
        QCOMPARE(editor->text(), QStringLiteral("select f.total from default.fresh_orders f"));

        // The README's walk-through: demo_sales, its columns cached by the browse above.
        editor->setText(QStringLiteral(" from default.demo_sales d"));
        editor->setCursorPosition(0, 0);
        QTest::keyClicks(editor, QStringLiteral("select d."));
        QTRY_VERIFY(editor->isListActive());
        QCOMPARE(completer->lastItems().first(), QStringLiteral("amount"));
        QVERIFY(completer->lastItems().contains(QStringLiteral("region")));
        // Under a real X server (README screenshots): the whole screen, popup included.
        const QString shots = qEnvironmentVariable("LINKIS_DESK_SCREENSHOT_DIR");
        if (!shots.isEmpty() && QGuiApplication::platformName() == QStringLiteral("xcb")) {
            QTest::qWait(300);
            const QRect area = m_window->frameGeometry();
            QGuiApplication::primaryScreen()
                ->grabWindow(0, area.x(), area.y(), area.width(), area.height())
                .save(shots + QStringLiteral("/database-completion.png"));
        }
        QTest::keyClicks(editor, QStringLiteral("reg"));
        QTest::keyClick(editor, Qt::Key_Return);
        QCOMPARE(editor->text(), QStringLiteral("select d.region from default.demo_sales d"));

        // A name typed out to its end: the list, left with that name alone, closes (it hid
        // the editor in the README's screenshots); a prefix of two names keeps it open.
        editor->setText(QStringLiteral(" from default.demo_sales d"));
        editor->setCursorPosition(0, 0);
        QTest::keyClicks(editor, QStringLiteral("select d.re"));
        QTRY_VERIFY(editor->isListActive());
        QTest::keyClicks(editor, QStringLiteral("gion"));
        QVERIFY(!editor->isListActive());
        QCOMPARE(editor->text(), QStringLiteral("select d.region from default.demo_sales d"));
        // Typed out before the list opened (from a word's third letter): it does not open.
        editor->setText(QStringLiteral(" from default.demo_sales"));
        editor->setCursorPosition(0, 0);
        QTest::keyClicks(editor, QStringLiteral("select amount"));
        QVERIFY(!editor->isListActive());
        // Ctrl+Space still shows it.
        QVERIFY(completer->complete());
        QVERIFY(editor->isListActive());
        editor->cancelList();

        // Not inside a string.
        editor->setText(QStringLiteral("select 'd.' from default.demo_sales d"));
        editor->setCursorPosition(0, 10);
        QVERIFY(!completer->complete());
        QVERIFY(!editor->isListActive());
    }

    // A tab on a profile whose secret nobody gave yet: the dock follows it without a sign-in
    // dialog (one popping up by itself takes the keys the user types into the editor), says
    // how to sign in, and signs in when the user presses Refresh.
    void followingATabNeverAsksForASecret()
    {
        LocalGateway *local = m_app->clients.localGateway();
        QVERIFY(local && local->isReady());
        Profile p;
        p.name = QStringLiteral("needs-token");
        p.gatewayUrl = local->url();
        p.auth = Profile::AuthMode::Token;
        p.user = QStringLiteral("alice");
        p.engine = QStringLiteral("sqlite");
        const Result<Unit> added = m_app->profiles.add(p);
        QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
        int prompts = 0;
        std::function<void(std::optional<QString>)> answer;
        m_app->clients.setSecretPrompt([&](const Profile &, Profile::SecretKind, const QString &,
                                           QObject *,
                                           std::function<void(std::optional<QString>)> done) {
            ++prompts;
            answer = std::move(done);
        });
        ScriptTab *tab = m_window->findChild<EditorTabs *>()->currentScriptTab();
        QVERIFY(tab);
        const QString before = tab->profileName();
        tab->setProfileName(p.name);
        QTRY_COMPARE_WITH_TIMEOUT(m_dock->profileName(), p.name, kWaitMs);
        QAbstractItemModel *model = m_dock->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == 1 &&
                                     model->index(0, 0).data().toString().contains(
                                         QStringLiteral("Press Refresh to sign in")),
                                 kWaitMs);
        QCOMPARE(prompts, 0);

        auto *refresh = m_dock->findChild<QToolButton *>(QStringLiteral("databaseRefresh"));
        QVERIFY(refresh);
        refresh->click();
        QTRY_COMPARE_WITH_TIMEOUT(prompts, 1, kWaitMs);
        answer(local->token());
        QTRY_VERIFY_WITH_TIMEOUT(childNamed(model, {}, QStringLiteral("default")).isValid(),
                                 kWaitMs);
        QCOMPARE(prompts, 1);
        tab->setProfileName(before);
        m_app->clients.setSecretPrompt({});
    }

    void modelShowsLoadingNoGrantAndFilterWithoutAServer()
    {
        auto cache = std::make_unique<MetadataCache>();
        cache->setDatabases({QStringLiteral("sales"), QStringLiteral("ods")});
        cache->setTables(QStringLiteral("sales"),
                         {table(QStringLiteral("sales"), QStringLiteral("orders")),
                          table(QStringLiteral("sales"), QStringLiteral("secret")),
                          table(QStringLiteral("sales"), QStringLiteral("v_daily"), true)});
        ColumnsLevel denied;
        denied.deniedMessage = QStringLiteral("You have no grant to read sales.secret");
        cache->setColumns(QStringLiteral("sales"), QStringLiteral("secret"), denied);
        ColumnsLevel cols;
        cols.columns = {ColumnInfo {QStringLiteral("id"), QStringLiteral("bigint"), {}, false},
                        ColumnInfo {QStringLiteral("ds"), QStringLiteral("string"), {}, true}};
        cache->setColumns(QStringLiteral("sales"), QStringLiteral("orders"), cols);
        MetadataStore store(nullptr, std::move(cache));
        DatabaseTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(&store);
        QCOMPARE(childNames(&model, {}),
                 (QStringList {QStringLiteral("sales"), QStringLiteral("ods")}));
        const QModelIndex sales = model.index(0, 0);
        QCOMPARE(childNames(&model, sales),
                 (QStringList {QStringLiteral("orders"), QStringLiteral("secret"),
                               QStringLiteral("v_daily")}));
        const QModelIndex ods = model.index(1, 0);
        QCOMPARE(childNames(&model, ods), QStringList {QStringLiteral("Loading\u2026")});
        const QModelIndex secret = model.index(1, 0, sales);
        QCOMPARE(childNames(&model, secret),
                 QStringList {QStringLiteral("You have no grant to read sales.secret")});
        const QModelIndex orders = model.index(0, 0, sales);
        QCOMPARE(model.index(1, 1, orders).data().toString(),
                 QStringLiteral("string, partition key"));
        QCOMPARE(model.index(2, 1, sales).data().toString(), QStringLiteral("view"));
        QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("3 tables"));
        QVERIFY(!model.index(1, 1).data().isValid()); // ods: not read yet, no count
        model.setFilter(QStringLiteral("ORD"));
        QCOMPARE(childNames(&model, model.index(0, 0)), QStringList {QStringLiteral("orders")});
        QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("1 of 3 tables"));
        // ods has not been loaded: it stays, its tables may match.
        QCOMPARE(model.rowCount(), 2);
        model.setFilter({});
        QCOMPARE(model.rowCount(model.index(0, 0)), 3);
    }

    void workspaceScriptRoundTrip()
    {
        auto *dock = m_window->findChild<WorkspaceDock *>();
        auto *tabs = m_window->findChild<EditorTabs *>();
        QVERIFY(dock && tabs);
        QCOMPARE(dock->profileName(), QStringLiteral("Local"));
        QStringList asked;
        bool answer = true;
        dock->setConfirm([&](const QString &q) {
            asked << q;
            return answer;
        });
        // As a new user: show the dock (nothing is loaded before), create reports/daily.sql.
        QVERIFY(dock->rootPath().isEmpty());
        qobject_cast<QDockWidget *>(dock->parentWidget())->raise();
        QTRY_VERIFY_WITH_TIMEOUT(!dock->rootPath().isEmpty(), kWaitMs);
        dock->setAskText(
            [](const QString &, const QString &) { return QStringLiteral("reports/daily.sql"); });
        const int before = tabs->count();
        dock->newFile(dock->rootPath());
        QTRY_COMPARE_WITH_TIMEOUT(tabs->count(), before + 1, kWaitMs);
        ScriptTab *tab = tabs->currentScriptTab();
        QCOMPARE(tab->remoteLabel(), QStringLiteral("reports/daily.sql"));
        QCOMPARE(tabs->tabText(tabs->indexOf(tab)), QStringLiteral("Local:reports/daily.sql"));
        QCOMPARE(tab->language(), ScriptLanguage::Sql);
        const QString query = QStringLiteral("select * from demo_sales where day = '${run_date}';");
        tab->editor()->insert(query);
        ScriptParams params;
        params.variables.insert(QStringLiteral("run_date"), QStringLiteral("20240101"));
        tab->setParams(params);
        QVERIFY(tab->isModified());
        // Ctrl+S (the File > Save action) saves it back with its header.
        QAction *save = nullptr;
        for (QAction *a : m_window->findChildren<QAction *>()) {
            if (a->shortcut() == QKeySequence(QKeySequence::Save))
                save = a;
        }
        QVERIFY(save);
        save->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!tab->isModified(), kWaitMs);
        QFile onDisk(dock->rootPath().mid(7) + QStringLiteral("/reports/daily.sql"));
        QVERIFY(onDisk.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(onDisk.readAll()),
                 QStringLiteral("--@set run_date=20240101\n--\n") + query);
        onDisk.close();

        // Close it, reopen it from the tree: the text and the variable are back.
        QVERIFY(tabs->closeTab(tabs->indexOf(tab)));
        QTreeWidgetItem *reports = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (reports =
                 dock->tree()->findItems(QStringLiteral("reports"), Qt::MatchExactly).value(0)),
            kWaitMs);
        reports->setExpanded(true);
        QTRY_COMPARE_WITH_TIMEOUT(reports->childCount(), 1, kWaitMs);
        QCOMPARE(reports->child(0)->text(0), QStringLiteral("daily.sql"));
        dock->tree()->setCurrentItem(reports->child(0));
        emit dock->tree()->itemActivated(reports->child(0), 0);
        QTRY_COMPARE_WITH_TIMEOUT(tabs->count(), before + 1, kWaitMs);
        tab = tabs->currentScriptTab();
        QCOMPARE(tab->editor()->text(), query + u'\n');
        QCOMPARE(tab->params().variables.value(QStringLiteral("run_date")),
                 QStringLiteral("20240101"));
        QVERIFY(!tab->isModified());

        // Changed on the server since it was opened: saving asks first.
        QVERIFY(onDisk.open(QIODevice::WriteOnly | QIODevice::Truncate));
        onDisk.write("select 'theirs';\n");
        onDisk.close();
        tab->editor()->append(QStringLiteral("select 2;"));
        answer = false;
        tabs->save(tab);
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 1, kWaitMs);
        QVERIFY(asked.first().contains(QStringLiteral("changed on the server")));
        QVERIFY(tab->isModified());
        QVERIFY(onDisk.open(QIODevice::ReadOnly));
        QCOMPARE(onDisk.readAll(), QByteArray("select 'theirs';\n"));
        onDisk.close();
        answer = true;
        tabs->save(tab);
        QTRY_VERIFY_WITH_TIMEOUT(!tab->isModified(), kWaitMs);
        QCOMPARE(asked.size(), 2);
        QVERIFY(onDisk.open(QIODevice::ReadOnly));
        QVERIFY(onDisk.readAll().endsWith("select 2;"));
        onDisk.close();

        // An unsaved workspace tab survives a restore like a local one.
        tab->editor()->append(QStringLiteral("\n-- unsaved"));
        const QString session = m_dir.filePath(QStringLiteral("ws-session.json"));
        SessionStore store(tabs, nullptr, &m_app->journal, session);
        QVERIFY(store.saveNow());
        EditorTabs restoredTabs;
        SessionStore restore(&restoredTabs, nullptr, &m_app->journal, session);
        QVERIFY(restore.restore() >= 1);
        ScriptTab *back = nullptr;
        for (ScriptTab *t : restoredTabs.scriptTabs()) {
            if (t->remotePath() == tab->remotePath())
                back = t;
        }
        QVERIFY(back);
        QVERIFY(back->isModified());
        QCOMPARE(back->editor()->text(), tab->editor()->text());
        QCOMPARE(back->remoteBase(), tab->remoteBase());
        QCOMPARE(back->params().variables.value(QStringLiteral("run_date")),
                 QStringLiteral("20240101"));

        // Closing it with Save: it closes once the server has it.
        const QString remote = tab->remotePath();
        tabs->setClosePrompt([](ScriptTab *) { return EditorTabs::CloseAnswer::Save; });
        QPointer<ScriptTab> closing = tab;
        QVERIFY(!tabs->closeTab(tabs->indexOf(tab))); // not yet: the save is on its way
        QTRY_COMPARE_WITH_TIMEOUT(tabs->indexOf(closing), -1, kWaitMs);
        tabs->setClosePrompt([](ScriptTab *) { return EditorTabs::CloseAnswer::Discard; });
        QVERIFY(onDisk.open(QIODevice::ReadOnly));
        QVERIFY(onDisk.readAll().endsWith("-- unsaved"));
        onDisk.close();

        // Delete asks; "no" keeps the file.
        answer = false;
        dock->deleteEntry(remote);
        QCOMPARE(asked.size(), 3);
        QVERIFY(QFile::exists(onDisk.fileName()));
        answer = true;
        dock->deleteEntry(remote);
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(onDisk.fileName()), kWaitMs);
    }

private:
    QTemporaryDir m_dir;
    LocalGateway::Options m_local;
    std::unique_ptr<TestApp> m_app;
    std::unique_ptr<MainWindow> m_window;
    DatabaseDock *m_dock = nullptr;
};

QTEST_MAIN(TestDatabaseDock)
#include "tst_databasedock.moc"
