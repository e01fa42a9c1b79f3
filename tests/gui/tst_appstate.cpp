// SPDX-License-Identifier: GPL-3.0-or-later
// Stale or misleading state in the main window (issue 13): the status bar says "connected" only
// once the profile's last request was answered (real sockets: a server that never answers, one
// that answers 404); "Ln, Col" and the window title follow the current tab; a profile the real
// linkis-desk-cli adds shows up in the running window; the secret field tells the truth without
// a keyring; seven tabs stay readable.
#include "api/linkisclient.h"
#include "editor/editortabs.h"
#include "editor/scripteditor.h"
#include "editor/scripttab.h"
#include "faultserver.h"
#include "history/historypanel.h"
#include "jobs/jobjournal.h"
#include "jobs/jobregistry.h"
#include "mainwindow.h"
#include "profiles/clientpool.h"
#include "profiles/memorysecretstore.h"
#include "profiles/profiledialog.h"
#include "profiles/profilestore.h"
#include "settings/appsettings.h"
#include "testapp.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace linkisdesk;
using testsupport::FaultServer;
using testsupport::TestApp;
using Response = FaultServer::Response;

namespace {

QString statusText(MainWindow &w)
{
    auto *label = w.findChild<QLabel *>(QStringLiteral("connectionState"));
    return label ? label->text() : QString();
}

// The status bar's "Ln, Col" label.
QString cursorText(MainWindow &w)
{
    for (const QLabel *label : w.statusBar()->findChildren<QLabel *>()) {
        if (label->text().startsWith(QStringLiteral("Ln ")))
            return label->text();
    }
    return {};
}

bool saysConnected(MainWindow &w)
{
    return statusText(w).endsWith(QStringLiteral(" connected"));
}

} // namespace

class TestAppState : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    LocalGateway::Options m_local;
    std::unique_ptr<TestApp> m_app;

    std::unique_ptr<MainWindow> window()
    {
        auto w = testsupport::makeMainWindow(m_app->context);
        w->resize(1000, 700);
        return w;
    }

    void addProfile(const QString &name, const QUrl &url)
    {
        Profile p;
        p.name = name;
        p.gatewayUrl = url;
        p.auth = Profile::AuthMode::Token;
        p.user = QStringLiteral("alice");
        QVERIFY(m_app->profiles.add(p));
        bool written = false;
        m_app->secrets.write(Profile::secretKey(name, Profile::SecretKind::Token),
                             QStringLiteral("tok-1"), this,
                             [&written](Result<Unit> r) { written = r.ok(); });
        QTRY_VERIFY(written);
    }

    LinkisClient *acquire(const QString &profile)
    {
        LinkisClient *client = nullptr;
        m_app->clients.acquire(profile, this, [&client](Result<LinkisClient *> c) {
            if (c)
                client = *c;
        });
        return QTest::qWaitFor([&client] { return client != nullptr; }, 10000) ? client : nullptr;
    }

    // Asks for the job list and waits for the answer (the request that decides the state).
    static bool listJobs(LinkisClient *client)
    {
        bool done = false;
        QObject context;
        client->jobList(TaskQuery {}, &context, [&done](Result<TaskPage>) { done = true; });
        return QTest::qWaitFor([&done] { return done; }, 20000);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_local = TestApp::localGateway(m_dir.path());
        // The profiles file where linkis-desk-cli looks for it with XDG_CONFIG_HOME=<dir>/config.
        m_app = std::make_unique<TestApp>(
            m_dir.path(), m_local,
            m_dir.filePath(QStringLiteral("config/linkis-desk/profiles.json")));
    }
    void cleanupTestCase() { m_app.reset(); }

    void connectedOnlyAfterAnAnswer()
    {
        // A real socket server that accepts the connection and never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> accepted;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = silent.nextPendingConnection())
                accepted.append(s);
        });
        FaultServer notFound;
        QVERIFY(notFound.listen());
        notFound.setHandler([](const FaultServer::Request &) {
            Response r = Response::json(404, "<html><body><h1>404 Not Found</h1></body></html>");
            r.contentType = "text/html";
            return r;
        });
        FaultServer linkis;
        QVERIFY(linkis.listen());
        linkis.setHandler([](const FaultServer::Request &) {
            return Response::linkis(0, R"({"tasks":[],"totalPage":0})");
        });
        addProfile(QStringLiteral("Silent"),
                   QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())));
        addProfile(QStringLiteral("NotFound"), notFound.url());
        addProfile(QStringLiteral("Good"), linkis.url());

        auto w = window();
        w->show();
        ScriptTab *tab = w->newScript(ScriptLanguage::Sql);

        tab->setProfileName(QStringLiteral("Silent"));
        LinkisClient *client = acquire(QStringLiteral("Silent"));
        QVERIFY(client);
        QVERIFY2(!saysConnected(*w), qPrintable(statusText(*w))); // built is not connected
        QObject pending;
        client->jobList(TaskQuery {}, &pending, [](Result<TaskPage>) {});
        QTRY_VERIFY(!accepted.isEmpty());
        QTest::qWait(50);
        QVERIFY2(!saysConnected(*w), qPrintable(statusText(*w)));
        QVERIFY(m_app->clients.state(QStringLiteral("Silent")) != ClientPool::State::Ready);

        tab->setProfileName(QStringLiteral("NotFound"));
        client = acquire(QStringLiteral("NotFound"));
        QVERIFY(client);
        QVERIFY(listJobs(client));
        QCOMPARE(m_app->clients.state(QStringLiteral("NotFound")), ClientPool::State::Failed);
        QVERIFY2(statusText(*w).endsWith(QStringLiteral(" not a Linkis gateway")),
                 qPrintable(statusText(*w)));
        auto *label = w->findChild<QLabel *>(QStringLiteral("connectionState"));
        QVERIFY2(label->toolTip().contains(QStringLiteral("404")), qPrintable(label->toolTip()));

        tab->setProfileName(QStringLiteral("Good"));
        client = acquire(QStringLiteral("Good"));
        QVERIFY(client);
        QVERIFY(!saysConnected(*w));
        QVERIFY(listJobs(client));
        QVERIFY2(saysConnected(*w), qPrintable(statusText(*w)));
        // The same server now answers 404: no longer connected.
        linkis.setHandler([](const FaultServer::Request &) {
            return Response::json(404, R"({"status":404,"error":"Not Found","path":"/x"})");
        });
        QVERIFY(listJobs(client));
        QVERIFY2(!saysConnected(*w), qPrintable(statusText(*w)));
    }

    void cursorPositionFollowsTheCurrentTab()
    {
        auto w = window();
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        ScriptTab *first =
            w->newScript(ScriptLanguage::Sql, QStringLiteral("select 1;\nselect 22;\nx"));
        first->editor()->setCursorPosition(1, 7); // reported when Scintilla updates its UI
        QTRY_COMPARE(cursorText(*w), QStringLiteral("Ln 2, Col 8"));
        ScriptTab *second = w->newScript(ScriptLanguage::Python, QStringLiteral("print(1)\n"));
        QCOMPARE(w->tabs()->currentScriptTab(), second);
        QTRY_COMPARE(cursorText(*w), QStringLiteral("Ln 1, Col 1"));
        w->tabs()->setCurrentWidget(first);
        QTRY_COMPARE(cursorText(*w), QStringLiteral("Ln 2, Col 8"));
        second->editor()->setCursorPosition(0, 5); // not the current tab: no change
        QTest::qWait(100);
        QCOMPARE(cursorText(*w), QStringLiteral("Ln 2, Col 8"));
        w->tabs()->setCurrentWidget(second);
        QTRY_COMPARE(cursorText(*w), QStringLiteral("Ln 1, Col 6"));
    }

    void windowTitleFollowsTheCurrentTabsName()
    {
        auto w = window();
        w->show();
        ScriptTab *tab = w->newScript(ScriptLanguage::Sql);
        const QString before = tab->displayName();
        QVERIFY(before.endsWith(QStringLiteral(".sql")));
        QVERIFY(w->windowTitle().startsWith(before));
        tab->setLanguage(ScriptLanguage::Python);
        QVERIFY(tab->displayName().endsWith(QStringLiteral(".py")));
        QCOMPARE(w->windowTitle(), tab->displayName() + QStringLiteral(" \u2014 Linkis Desk"));
        tab->editor()->setText(QStringLiteral("print(2)")); // unsaved changes: the same name
        QVERIFY(w->windowTitle().startsWith(tab->displayName()));
        // Another tab's rename does not touch the title.
        ScriptTab *other = w->newScript(ScriptLanguage::Sql);
        w->tabs()->setCurrentWidget(tab);
        other->setLanguage(ScriptLanguage::Shell);
        QVERIFY(w->windowTitle().startsWith(tab->displayName()));
    }

    void aProfileAddedByTheCliAppearsAtOnce()
    {
        auto w = window();
        w->show();
        QComboBox *box = w->profileBox();
        QCOMPARE(box->findText(QStringLiteral("from-cli")), -1);
        auto cli = [this](const QString &name) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
            env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(LINKIS_DESK_BIN_DIR "/linkis-desk-cli"),
                    {QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:9"),
                     QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("--auth"),
                     QStringLiteral("token"), QStringLiteral("profile"), QStringLiteral("add"),
                     name});
            return p.waitForFinished(60000) && p.exitCode() == 0
                ? QString()
                : QString::fromUtf8(p.readAllStandardError());
        };
        const QString error = cli(QStringLiteral("from-cli"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QTRY_VERIFY(box->findText(QStringLiteral("from-cli")) >= 0);
        auto *historyProfiles = w->historyPanel()->findChild<QComboBox *>();
        QVERIFY(historyProfiles);
        QTRY_VERIFY(historyProfiles->findText(QStringLiteral("from-cli")) >= 0);
        // The CLI replaced the file atomically; the watch survives it.
        const QString again = cli(QStringLiteral("from-cli-2"));
        QVERIFY2(again.isEmpty(), qPrintable(again));
        QTRY_VERIFY(box->findText(QStringLiteral("from-cli-2")) >= 0);

        // A file still being written in place (not JSON yet) is neither read nor set aside.
        const QString path = m_app->profiles.filePath();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray whole = file.readAll();
        file.close();
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(whole.left(whole.size() / 2));
        file.close();
        QTest::qWait(300);
        QVERIFY(box->findText(QStringLiteral("from-cli-2")) >= 0);
        QVERIFY(!QFileInfo::exists(path + QStringLiteral(".bad")));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QByteArray(whole).replace("from-cli-2", "renamed-2"));
        file.close();
        QTRY_VERIFY(box->findText(QStringLiteral("renamed-2")) >= 0);
        QCOMPARE(box->findText(QStringLiteral("from-cli-2")), -1);
    }

    void theSecretFieldSaysWhereTheSecretIs()
    {
        // MemorySecretStore: no system keyring, secrets last for this session.
        addProfile(QStringLiteral("KeyringLess"), QUrl(QStringLiteral("http://127.0.0.1:9")));
        ProfileDialog dialog(&m_app->profiles, &m_app->secrets, &m_app->clients);
        QVERIFY(dialog.select(QStringLiteral("KeyringLess")));
        auto *secret = dialog.findChild<QLineEdit *>(QStringLiteral("secretEdit"));
        QVERIFY(secret);
        QTRY_VERIFY(!secret->placeholderText().isEmpty());
        QVERIFY2(!secret->placeholderText().contains(QStringLiteral("keyring \u2014")),
                 qPrintable(secret->placeholderText()));
        QVERIFY2(secret->placeholderText().contains(QStringLiteral("this session only")),
                 qPrintable(secret->placeholderText()));
        QVERIFY(secret->placeholderText().contains(QStringLiteral("no system keyring")));
    }

    void sevenTabsStayReadable()
    {
        EditorTabs tabs;
        tabs.resize(520, 300);
        tabs.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tabs));
        for (int i = 0; i < 6; ++i)
            tabs.newTab(ScriptLanguage::Sql);
        // A file with a Chinese name: more than an ellipsis must show.
        const QString dir = m_dir.filePath(QStringLiteral("scripts/quarterly"));
        QVERIFY(QDir().mkpath(dir));
        const QString path =
            dir + QStringLiteral("/\u9500\u552e\u62a5\u8868_\u4e8c\u5b63\u5ea6.sql");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("select 1;\n");
        f.close();
        ScriptTab *opened = tabs.openFile(path);
        QVERIFY(opened);
        QCOMPARE(tabs.count(), 7);
        QTabBar *bar = tabs.tabBar();
        QVERIFY(bar->usesScrollButtons());
        QCOMPARE(bar->elideMode(), Qt::ElideMiddle);
        const QFontMetrics metrics = bar->fontMetrics();
        for (int i = 0; i < tabs.count(); ++i) {
            const QString name = tabs.scriptTab(i)->displayName();
            // Room for the whole name of an untitled tab, and for the first six characters of
            // the long Chinese one (plus the ellipsis).
            const int needed = metrics.horizontalAdvance(name.size() > 14 ? name.left(6) : name);
            QVERIFY2(bar->tabRect(i).width() >= needed,
                     qPrintable(QStringLiteral("tab %1 (%2) is %3 px wide, needs %4")
                                    .arg(i)
                                    .arg(name)
                                    .arg(bar->tabRect(i).width())
                                    .arg(needed)));
            // The full path (or the untitled name) in the tooltip.
            const ScriptTab *tab = tabs.scriptTab(i);
            QCOMPARE(tabs.tabToolTip(i),
                     tab->filePath().isEmpty() ? tab->displayName() : tab->filePath());
        }
        QCOMPARE(tabs.tabToolTip(tabs.indexOf(opened)), QFileInfo(path).absoluteFilePath());
    }
};

QTEST_MAIN(TestAppState)
#include "tst_appstate.moc"
