// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12: the engine and version of a remote profile reach every job of a tab on it, checked
// on the wire (the submit body a real HTTP server in this test receives): a new tab, a tab
// switched to the profile in the toolbar, --profile, a restored session, a script opened from
// disk. The engines offered for a remote profile are what a Linkis server runs.
#include "api/linkisparsers.h"
#include "editor/editortabs.h"
#include "editor/scripteditor.h"
#include "editor/scripttab.h"
#include "faultserver.h"
#include "jobs/jobjournal.h"
#include "jobs/jobregistry.h"
#include "jobs/runcontroller.h"
#include "jobs/runpanel.h"
#include "localgateway/localgateway.h"
#include "logs/logpanel.h"
#include "logs/logstore.h"
#include "mainwindow.h"
#include "profiles/clientpool.h"
#include "profiles/memorysecretstore.h"
#include "profiles/profilestore.h"
#include "session/sessionstore.h"
#include "settings/appsettings.h"
#include "settings/settingkeys.h"
#include "testapp.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace linkisdesk;
using testsupport::FaultServer;
using testsupport::TestApp;
using Response = FaultServer::Response;

namespace {

QString S(const char *s)
{
    return QString::fromUtf8(s);
}

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(LINKIS_DESK_TEST_DATA "/linkis/") + QLatin1String(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A recorded reply as the server sent it (the HTTP code Linkis uses for its status).
Response recorded(const char *name)
{
    const QByteArray body = fixture(name);
    const int status = QJsonDocument::fromJson(body).object().value(u"status").toInt();
    return Response::json(status == 0 ? 200 : 400, body);
}

QStringList nonBlank(const QStringList &lines)
{
    QStringList out;
    for (const QString &l : lines) {
        if (!l.trimmed().isEmpty())
            out << l;
    }
    return out;
}

} // namespace

class TestRemoteEngine : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    LocalGateway::Options m_local;
    std::unique_ptr<FaultServer> m_server;
    std::unique_ptr<TestApp> m_app;
    int m_taskId = 100;

    void addProd(TestApp &app)
    {
        Profile prod;
        prod.name = S("prod");
        prod.gatewayUrl = m_server->url();
        prod.auth = Profile::AuthMode::Token;
        prod.user = S("alice");
        prod.engine = S("spark"); // as `profile add prod ... --engine spark-3.4.4` stores it
        prod.engineVersion = S("3.4.4");
        QVERIFY(app.profiles.add(prod).ok());
        app.secrets.setValue(Profile::secretKey(S("prod"), Profile::SecretKind::Token), S("tok"));
    }

    std::unique_ptr<MainWindow> open(TestApp &app, const QStringList &files = {},
                                     const QString &profile = {})
    {
        auto w = testsupport::makeMainWindow(app.context);
        w->startUp(files, profile);
        w->show();
        return w;
    }

    // Runs the tab's whole script; returns the submit body's labels.engineType on the wire.
    QString submittedEngine(MainWindow &w, ScriptTab *tab, QString *runType = nullptr)
    {
        if (tab->editor()->text().trimmed().isEmpty())
            tab->editor()->setText(S("select 1"));
        const int before = m_server->countRequests(S("/entrance/submit"));
        w.runs()->run(tab, true);
        if (!QTest::qWaitFor(
                [&] { return m_server->countRequests(S("/entrance/submit")) > before; }, 10000))
            return S("(no submit reached the server)");
        QJsonObject body;
        for (const FaultServer::Request &r : m_server->requests()) {
            if (r.path.endsWith(S("/entrance/submit")))
                body = QJsonDocument::fromJson(r.body).object();
        }
        if (runType)
            *runType = body.value(u"executionContent").toObject().value(u"runType").toString();
        return body.value(u"labels").toObject().value(u"engineType").toString();
    }

    static QStringList linesOf(const LogStore *store)
    {
        QStringList out;
        for (qsizetype i = 0; i < store->lineCount(); ++i)
            out << store->line(i);
        return out;
    }

    static QStringList items(const QComboBox *box)
    {
        QStringList out;
        for (int i = 0; i < box->count(); ++i)
            out << box->itemText(i);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_local = TestApp::localGateway(m_dir.path());
    }

    void init()
    {
        // A fresh session and settings each time.
        QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
             S("/linkis-desk"))
            .removeRecursively();
        const QString dir = m_dir.filePath(QString::number(++m_taskId));
        QDir().mkpath(dir);
        m_server = std::make_unique<FaultServer>();
        QVERIFY(m_server->listen());
        m_server->setKeepAlive(true);
        m_server->setHandler([this](const FaultServer::Request &r) {
            if (r.path.endsWith(S("/entrance/submit")))
                return Response::linkis(0,
                                        QByteArray(R"({"execID":"x","taskID":)") +
                                            QByteArray::number(++m_taskId) + '}');
            if (r.path.endsWith(S("/status")))
                return Response::linkis(0, R"({"status":"Running"})");
            if (r.path.endsWith(S("/listundonetasks")))
                return Response::linkis(0, R"({"tasks":[],"totalPage":0})");
            return Response::linkis(0, R"({})");
        });
        m_app = std::make_unique<TestApp>(dir, m_local);
        addProd(*m_app);
    }

    void cleanup()
    {
        m_app.reset();
        m_server.reset();
    }

    void newTabOnTheDefaultProfile()
    {
        QVERIFY(m_app->profiles.setDefaultProfile(S("prod")).ok());
        auto w = open(*m_app);
        ScriptTab *tab = w->newScript(ScriptLanguage::Sql);
        QCOMPARE(submittedEngine(*w, tab), S("spark-3.4.4"));
        // What the toolbar offers for a Linkis server: its engine first, the usual Linkis
        // engines with their versions, never the local gateway's sqlite.
        const auto *box = w->findChild<QComboBox *>(S("engineBox"));
        QCOMPARE(box->currentText(), S("spark-3.4.4"));
        const QStringList offered = items(box);
        QCOMPARE(offered.first(), S("spark-3.4.4"));
        QVERIFY(offered.contains(S("hive-3.1.3")));
        QVERIFY(offered.contains(S("shell-1")));
        QVERIFY(!offered.contains(S("sqlite")));
        QVERIFY(!offered.contains(S("spark")));
        // Languages the profile's engine runs go to it; a shell script goes to shell.
        QString runType;
        QCOMPARE(submittedEngine(*w, w->newScript(ScriptLanguage::Python, S("print(1)")), &runType),
                 S("spark-3.4.4"));
        QCOMPARE(runType, S("python"));
        QCOMPARE(submittedEngine(*w, w->newScript(ScriptLanguage::Shell, S("echo 1"))),
                 S("shell-1"));
    }

    void tabSwitchedToTheProfileInTheToolbar()
    {
        auto w = open(*m_app);
        ScriptTab *tab = w->tabs()->currentScriptTab();
        QVERIFY(tab);
        auto *engines = w->findChild<QComboBox *>(S("engineBox"));
        QCOMPARE(engines->currentText(), S("sqlite")); // the local gateway
        w->findChild<QComboBox *>(S("profileBox"))->setCurrentText(S("prod"));
        QCOMPARE(tab->profileName(), S("prod"));
        QCOMPARE(engines->currentText(), S("spark-3.4.4"));
        QCOMPARE(submittedEngine(*w, tab), S("spark-3.4.4"));
    }

    void profileOnTheCommandLineAndAScriptOpenedFromDisk()
    {
        const QString path = m_dir.filePath(S("report.sql"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("select count(*) from emp");
        f.close();
        auto w = open(*m_app, {path}, S("prod"));
        ScriptTab *fromDisk = w->tabs()->currentScriptTab();
        QCOMPARE(fromDisk->filePath(), QFileInfo(path).absoluteFilePath());
        QCOMPARE(submittedEngine(*w, fromDisk), S("spark-3.4.4"));
        // Tabs opened later in this window are on the profile too.
        const QString other = m_dir.filePath(S("later.hql"));
        QFile g(other);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write("select 1");
        g.close();
        ScriptTab *later = w->tabs()->openFile(other);
        QVERIFY(later);
        QCOMPARE(later->profileName(), S("prod"));
        QCOMPARE(submittedEngine(*w, later), S("spark-3.4.4"));
        QCOMPARE(submittedEngine(*w, w->newScript(ScriptLanguage::Sql)), S("spark-3.4.4"));
    }

    void scriptOpenedIntoAnEmptyTabKeepsItsProfile()
    {
        auto w = open(*m_app);
        w->findChild<QComboBox *>(S("profileBox"))->setCurrentText(S("prod"));
        const QString path = m_dir.filePath(S("opened.sql"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("select 2");
        f.close();
        ScriptTab *tab = w->tabs()->openFile(path);
        QVERIFY(tab);
        QCOMPARE(tab->profileName(), S("prod"));
        QCOMPARE(submittedEngine(*w, tab), S("spark-3.4.4"));
    }

    void restoredSession()
    {
        {
            // Saved by an older version: a prod tab that kept the local gateway's engine, and
            // one with the engine type but no version.
            auto w = open(*m_app);
            ScriptTab *stale = w->tabs()->currentScriptTab();
            stale->editor()->setText(S("select 'stale'"));
            stale->setProfileName(S("prod"));
            stale->setEngine(S("sqlite"));
            ScriptTab *typeOnly = w->newScript(ScriptLanguage::Sql, S("select 'type only'"));
            typeOnly->setProfileName(S("prod"));
            typeOnly->setEngine(S("spark"));
            w->tabs()->setCurrentWidget(typeOnly);
            QVERIFY(w->session()->saveNow());
        }
        TestApp next(m_app->settings.filePath().section(u'/', 0, -2), m_local);
        next.secrets.setValue(Profile::secretKey(S("prod"), Profile::SecretKind::Token), S("tok"));
        auto w = open(next);
        QList<ScriptTab *> tabs = w->tabs()->scriptTabs();
        QCOMPARE(tabs.size(), 2);
        for (ScriptTab *tab : tabs) {
            QCOMPARE(tab->profileName(), S("prod"));
            QCOMPARE(submittedEngine(*w, tab), S("spark-3.4.4"));
        }
    }

    // Issue 12 §3 in the app: one submit per user action, and the user decides about another.
    void aDroppedSubmitIsLookedUpThenOfferedAgain()
    {
        QVERIFY(m_app->profiles.setDefaultProfile(S("prod")).ok());
        int submits = 0;
        bool listHasIt = false;
        m_server->setHandler([&](const FaultServer::Request &r) {
            if (r.path.endsWith(S("/entrance/submit"))) {
                ++submits;
                return Response::drop(); // read the whole submit, then no answer
            }
            if (r.path.endsWith(S("/jobhistory/list"))) {
                return Response::linkis(
                    0,
                    listHasIt ? QByteArray(R"({"tasks":[{"taskID":900,"status":"Running",)"
                                           R"("executionCode":"select 'once'",)"
                                           R"("executeUser":"alice"}],"totalPage":1})")
                              : QByteArray(R"({"tasks":[],"totalPage":0})"));
            }
            if (r.path.endsWith(S("/status")))
                return Response::linkis(0, R"({"status":"Running"})");
            return Response::linkis(0, R"({})");
        });
        auto w = open(*m_app);
        QStringList asked;
        QList<bool> answers; // the user's answers, in order; no answer left: no
        w->runs()->setResubmitPrompt([&](const QString &, const QString &message) {
            asked << message;
            return answers.isEmpty() ? false : answers.takeFirst();
        });
        ScriptTab *tab = w->tabs()->currentScriptTab();
        tab->editor()->setText(S("select 'once'"));
        // Not in job history: the user is asked, says no, nothing more is sent.
        w->runs()->run(tab, true);
        QTRY_COMPARE(asked.size(), 1);
        QVERIFY2(asked.first().contains(S("outcome is unknown")), qPrintable(asked.first()));
        QCOMPARE(submits, 1);
        QTest::qWait(200);
        QCOMPARE(submits, 1);
        // Asked again and the user says yes once: exactly one more submit, then asked again.
        answers = {true};
        w->runs()->run(tab, true);
        QTRY_COMPARE(asked.size(), 3);
        QCOMPARE(submits, 3); // the run, then the one the user asked for
        // In job history: followed, nobody asked, nothing sent again.
        listHasIt = true;
        w->runs()->run(tab, true);
        QTRY_VERIFY(w->runs()->trackerFor(tab) && w->runs()->trackerFor(tab)->taskId() == 900);
        QCOMPARE(submits, 4);
        QCOMPARE(asked.size(), 3);
        // Every submit on the wire asked for the profile's engine and version.
        int bodies = 0;
        for (const FaultServer::Request &r : m_server->requests()) {
            if (!r.path.endsWith(S("/entrance/submit")))
                continue;
            ++bodies;
            const QJsonObject body = QJsonDocument::fromJson(r.body).object();
            QCOMPARE(body.value(u"labels").toObject().value(u"engineType").toString(),
                     S("spark-3.4.4"));
            QCOMPARE(body.value(u"executionContent").toObject().value(u"code").toString(),
                     S("select 'once'"));
        }
        QCOMPARE(bodies, 4);
    }

    // Issue 12 §2 in the app: the live log drops blank lines but counts them, the log file has
    // them all (empty, spaces, a tab, a lone CR); the run panel shows every line once.
    void aLogWithBlankLinesShowsEveryLineOnceAcrossTheHandOver()
    {
        QVERIFY(m_app->profiles.setDefaultProfile(S("prod")).ok());
        // Running until the live log's first page has been read, however slow the machine (a
        // job that ends first has its whole log from the file, with nothing to splice).
        FaultServer *server = m_server.get();
        m_server->setHandler([server](const FaultServer::Request &r) {
            if (r.path.endsWith(S("/status")))
                return Response::linkis(0,
                                        server->countRequests(S("/log")) > 0
                                            ? R"({"execID":"x","status":"Succeed"})"
                                            : R"({"execID":"x","status":"Running"})");
            return Response::linkis(0, R"({})");
        });
        m_server->on(S("/log"), {recorded("log_blanks_live_1.json"), recorded("log_ended.json")});
        m_server->on(S("/openLog"), {recorded("openlog_blanks.json")});
        m_server->on(S("/progress"),
                     {Response::linkis(0, R"({"progress":0.5,"progressInfo":[]})")});
        m_server->on(S("/submit"), {Response::linkis(0, R"({"execID":"x","taskID":123})")});
        m_server->on(S("/jobhistory/123/get"),
                     {Response::linkis(0,
                                       R"({"task":{"taskID":123,"status":"Succeed",)"
                                       R"("logPath":"hdfs:///logs/123.log",)"
                                       R"("strongerExecId":"x"}})")});
        const auto file = parsers::parseOpenLog(200, fixture("openlog_blanks.json"));
        QVERIFY(file.ok());
        const QStringList fileLines = file->lines();
        auto w = open(*m_app);
        ScriptTab *tab = w->tabs()->currentScriptTab();
        QCOMPARE(submittedEngine(*w, tab), S("spark-3.4.4"));
        QTRY_VERIFY_WITH_TIMEOUT(m_server->countRequests(S("/openLog")) > 0, 10000);
        LogStore *store = qobject_cast<RunPanel *>(tab->runPanel())->logPanel()->store();
        QTRY_COMPARE_WITH_TIMEOUT(nonBlank(linesOf(store)).size(), nonBlank(fileLines).size(),
                                  10000);
        const QStringList shown = linesOf(store);
        QCOMPARE(nonBlank(shown), nonBlank(fileLines)); // every line exactly once, in order
        qInfo("log file: %d lines (%d not blank); the app shows %d lines (%d not blank)",
              int(fileLines.size()), int(nonBlank(fileLines).size()), int(shown.size()),
              int(nonBlank(shown).size()));
        // The one blank line the live log left out of its first page is not brought back; the
        // others come from the file in their place.
        QCOMPARE(shown.size(), fileLines.size() - 1);
    }

    void anEngineTypedForARemoteProfileIsOfferedAgain()
    {
        QVERIFY(m_app->profiles.setDefaultProfile(S("prod")).ok());
        auto w = open(*m_app);
        ScriptTab *tab = w->tabs()->currentScriptTab();
        auto *box = w->findChild<QComboBox *>(S("engineBox"));
        box->lineEdit()->setText(S("hive-2.3.3"));
        emit box->lineEdit()->editingFinished();
        QCOMPARE(tab->engine(), S("hive-2.3.3"));
        QCOMPARE(submittedEngine(*w, tab), S("hive-2.3.3"));
        QCOMPARE(m_app->settings.value(SettingKeys::TypedEngines), QStringList {S("hive-2.3.3")});
        ScriptTab *next = w->newScript(ScriptLanguage::Sql);
        QCOMPARE(tab->engine(), S("hive-2.3.3"));
        QCOMPARE(box->currentText(), S("spark-3.4.4")); // a new tab starts on the profile's
        QVERIFY(items(box).contains(S("hive-2.3.3")));
        QCOMPARE(submittedEngine(*w, next), S("spark-3.4.4"));
    }
};

QTEST_MAIN(TestRemoteEngine)
#include "tst_remoteengine.moc"
