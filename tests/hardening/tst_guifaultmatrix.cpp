// SPDX-License-Identifier: GPL-3.0-or-later
// The fault matrix, GUI side (issue 7): the real MainWindow (offscreen) runs a python job on the
// real gateway through FaultProxy; in the middle of polling a fault is armed and held until the
// run panel reacts, then cleared. For each fault the panel must say what is going on
// ("Reconnecting in N s — <the error>", never an HTML page), the job must stay in the jobs dock,
// the log lines already shown must stay, and once the fault stops the panel must recover (the
// notice goes away) and follow the job to its end with every log line exactly once.
#include "api/linkisclient.h"
#include "editor/scripttab.h"
#include "faultproxy.h"
#include "jobs/jobjournal.h"
#include "jobs/jobregistry.h"
#include "jobs/jobsdock.h"
#include "jobs/jobtracker.h"
#include "jobs/runcontroller.h"
#include "jobs/runpanel.h"
#include "logs/logpanel.h"
#include "mainwindow.h"
#include "profiles/clientpool.h"
#include "profiles/memorysecretstore.h"
#include "profiles/profilestore.h"
#include "settings/appsettings.h"
#include "settings/settingkeys.h"
#include "testgateway.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace linkisdesk;
using hardening::FaultProxy;
using testsupport::TestGateway;
using Fault = FaultProxy::Fault;

Q_DECLARE_METATYPE(linkisdesk::hardening::FaultProxy::Fault)

namespace {

constexpr int kSteps = 40;
const QString kProfile = QStringLiteral("faulty");

// Prints steps 1..20, waits until the test creates `release`, prints 21..40: the fault is
// armed while the job is certainly running, whatever the speed of the machine.
QString gatedJob(const QString &release)
{
    return QStringLiteral("import os, time\n"
                          "for i in range(1, 21):\n"
                          "    print('step', i, flush=True)\n"
                          "while not os.path.exists(%1):\n"
                          "    time.sleep(0.05)\n"
                          "for i in range(21, %2):\n"
                          "    print('step', i, flush=True)\n")
        .arg(QStringLiteral("'%1'").arg(release))
        .arg(kSteps + 1);
}

QStringList steps(const LogStore *store)
{
    QStringList out;
    for (qsizetype i = 0; i < store->lineCount(); ++i) {
        const QString line = store->line(i);
        const qsizetype at = line.indexOf(QStringLiteral("step "));
        if (at >= 0)
            out << line.mid(at + 5).trimmed();
    }
    return out;
}

} // namespace

class TestGuiFaultMatrix : public QObject
{
    Q_OBJECT

private:
    TestGateway m_gateway;
    QTemporaryDir m_dir;
    std::unique_ptr<FaultProxy> m_proxy;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    MemorySecretStore m_secrets;
    std::unique_ptr<JobJournal> m_journal;
    JobRegistry m_registry;
    std::unique_ptr<ClientPool> m_clients;
    std::unique_ptr<MainWindow> m_window;
    int m_run = 0;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
             QStringLiteral("/linkis-desk"))
            .removeRecursively();
        QString error;
        QVERIFY2(m_gateway.start(&error), qPrintable(error));
        m_proxy = std::make_unique<FaultProxy>(m_gateway.url());
        QVERIFY(m_proxy->listen());
        m_proxy->setStallMs(1500); // the "30 s stall", shortened: the proxy hangs up after it

        m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("settings.json")));
        m_settings->setValue(SettingKeys::PollFirstMs, 100);
        m_settings->setValue(SettingKeys::PollMaxMs, 300);
        m_profiles =
            std::make_unique<ProfileStore>(m_dir.filePath(QStringLiteral("profiles.json")));
        QVERIFY(m_profiles->load());
        Profile p;
        p.name = kProfile;
        p.gatewayUrl = m_proxy->url();
        p.auth = Profile::AuthMode::Token;
        p.user = QStringLiteral("alice");
        p.engine = QStringLiteral("python");
        QVERIFY(m_profiles->add(p));
        bool written = false;
        m_secrets.write(Profile::secretKey(kProfile, Profile::SecretKind::Token),
                        QString::fromLatin1(TestGateway::Token), this,
                        [&](Result<Unit> r) { written = bool(r); });
        QTRY_VERIFY(written);
        m_journal = std::make_unique<JobJournal>(m_dir.filePath(QStringLiteral("jobs.json")));
        LocalGateway::Options local;
        local.executable = QStringLiteral(LINKIS_DESK_BIN_DIR "/linkis-desk-gateway");
        m_clients = std::make_unique<ClientPool>(m_profiles.get(), &m_secrets, local);
        m_clients->setSecretPrompt({}); // the token is stored; a prompt would be a bug here

        AppContext context;
        context.settings = m_settings.get();
        context.profiles = m_profiles.get();
        context.secrets = &m_secrets;
        context.clients = m_clients.get();
        context.registry = &m_registry;
        context.journal = m_journal.get();
        m_window = std::make_unique<MainWindow>(context);
        m_window->startUp({}, kProfile);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_clients.reset();
    }

private:
    // The file a gated job waits for (gatedJob), a new one per run.
    QString nextGate() { return m_dir.filePath(QStringLiteral("release-%1").arg(++m_run)); }
    // Lets the gated job finish.
    static bool openGate(const QString &path)
    {
        QFile gate(path);
        return gate.open(QIODevice::WriteOnly);
    }
    struct Run
    {
        RunPanel *panel = nullptr;
        JobTracker *tracker = nullptr;
    };
    // Runs the gated python job in a new tab; its panel and tracker once 20 lines are shown
    // (both null if that does not happen within 30 s).
    Run runGatedJob(const QString &release)
    {
        ScriptTab *tab = m_window->newScript(ScriptLanguage::Python, gatedJob(release));
        tab->setProfileName(kProfile);
        tab->setEngine(QStringLiteral("python"));
        m_window->runs()->run(tab, true);
        RunPanel *panel = m_window->runs()->panelFor(tab);
        const bool shown = panel &&
            QTest::qWaitFor([panel] { return steps(panel->logPanel()->store()).size() >= 20; },
                            30000);
        if (!shown)
            return {};
        return {panel, m_window->runs()->trackerFor(tab)};
    }

private slots:
    void aSilentServerIsSaidBeforeTheTimeout()
    {
        // Every request hangs for 8 s (then the proxy hangs up); the request timeout is 30 s.
        const QString release = nextGate();
        const std::shared_ptr<void> cleanup(nullptr, [this, release](void *) {
            m_proxy->clearFault();
            m_proxy->setStallMs(1500);
            openGate(release);
        });
        const Run run = runGatedJob(release);
        QVERIFY2(run.panel && run.tracker, "the job did not show 20 log lines within 30 s");
        RunPanel *panel = run.panel;
        JobTracker *tracker = run.tracker;
        QVERIFY(panel->killStateText().isEmpty());

        m_proxy->setStallMs(8000);
        m_proxy->setFault(Fault::Stall, QByteArray());
        QTRY_VERIFY_WITH_TIMEOUT(
            panel->killStateText().startsWith(QStringLiteral("No answer from the server for")),
            8000);
        QVERIFY(!isTerminal(panel->status()));

        m_proxy->clearFault();
        QVERIFY(openGate(release));
        QTRY_VERIFY_WITH_TIMEOUT(tracker->isFinished(), 60000);
        QCOMPARE(panel->status(), JobStatus::Succeed);
        QVERIFY2(panel->killStateText().isEmpty(), qPrintable(panel->killStateText()));
    }

    void faultWhileTheRunPanelPolls_data()
    {
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<QByteArray>("fragment");
        QTest::newRow("connection refused") << Fault::Refuse << QByteArray();
        QTest::newRow("reset mid-body") << Fault::ResetMidBody << QByteArray("/log");
        QTest::newRow("502 html") << Fault::Html502 << QByteArray();
        // Every request: the jobs of a registry have their status polled in one batch call.
        QTest::newRow("spring 500 json") << Fault::Spring500 << QByteArray();
        QTest::newRow("401 mid-poll") << Fault::SessionLost401 << QByteArray();
        QTest::newRow("truncated json") << Fault::TruncatedJson << QByteArray("/log");
        QTest::newRow("stall") << Fault::Stall << QByteArray();
    }

    void faultWhileTheRunPanelPolls()
    {
        QFETCH(Fault, fault);
        QFETCH(QByteArray, fragment);
        const QString release = nextGate();
        // Whatever happens, the job ends and the proxy forwards again before the next row.
        const std::shared_ptr<void> cleanup(nullptr, [this, release](void *) {
            m_proxy->clearFault();
            openGate(release);
        });

        const Run run = runGatedJob(release);
        QVERIFY2(run.panel && run.tracker, "the job did not show 20 log lines within 30 s");
        RunPanel *panel = run.panel;
        JobTracker *tracker = run.tracker;
        QVERIFY(tracker->taskId() > 0);
        const int shownBefore = int(panel->logPanel()->store()->lineCount());
        const int dockedBefore = m_window->jobsDock()->trackedCount();
        QVERIFY(dockedBefore >= 1);

        m_proxy->setFault(fault, fragment);
        const bool reacted = QTest::qWaitFor(
            [&] {
                return panel->killStateText().startsWith(QStringLiteral("Reconnecting")) ||
                    !panel->errorText().isEmpty();
            },
            30000);
        QVERIFY2(reacted, "the run panel said nothing while the fault was on");
        QVERIFY2(panel->errorText().isEmpty(),
                 qPrintable(QStringLiteral("the panel gave up: ") + panel->errorText()));
        const QString notice = panel->killStateText();
        // "Reconnecting in N s — <why>": a reason a user can read, no HTML page.
        QVERIFY2(notice.contains(QStringLiteral(" \u2014 ")) &&
                     notice.section(QStringLiteral(" \u2014 "), 1).trimmed().size() > 5,
                 qPrintable(notice));
        QVERIFY2(!notice.contains(QStringLiteral("<html"), Qt::CaseInsensitive),
                 qPrintable(notice));
        QVERIFY(!isTerminal(panel->status()));
        QVERIFY(!isTerminal(tracker->status()));
        QCOMPARE(m_window->jobsDock()->trackedCount(), dockedBefore);
        QVERIFY(m_registry.find(kProfile, tracker->taskId()));
        QVERIFY(panel->logPanel()->store()->lineCount() >= shownBefore);

        m_proxy->clearFault();
        QVERIFY(openGate(release));
        // The end of the run (log, info and results read), not only the Succeed status.
        QTRY_VERIFY_WITH_TIMEOUT(tracker->isFinished(), 60000);
        QCOMPARE(panel->status(), JobStatus::Succeed);
        QVERIFY2(panel->killStateText().isEmpty(), qPrintable(panel->killStateText()));
        QVERIFY2(panel->errorText().isEmpty(), qPrintable(panel->errorText()));
        QStringList expected;
        for (int i = 1; i <= kSteps; ++i)
            expected << QString::number(i);
        const LogStore *store = panel->logPanel()->store();
        if (steps(store) != expected) {
            for (qsizetype i = 0; i < store->lineCount(); ++i)
                qWarning("log %d: %s", int(i), qPrintable(store->line(i)));
        }
        QCOMPARE(steps(store), expected); // nothing lost, nothing twice
    }
};

QTEST_MAIN(TestGuiFaultMatrix)
#include "tst_guifaultmatrix.moc"
