// SPDX-License-Identifier: GPL-3.0-or-later
// The History panel loads itself against the real local gateway (issue 13): when it is first
// shown, also after a restart; when a job of its profile ends; every AutoRefreshMs only while
// it is visible. Nobody calls refresh() here. The Engines dock (issue 17) too: it lists the python
// engine a job left, refreshes only while visible, and kills it.
#include "api/linkisclient.h"
#include "engines/enginesdock.h"
#include "history/historypanel.h"
#include "jobs/jobregistry.h"
#include "jobs/jobtracker.h"
#include "profiles/clientpool.h"
#include "profiles/memorysecretstore.h"
#include "profiles/profilestore.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <memory>

using namespace linkisdesk;

namespace {
constexpr int kJobTimeoutMs = 30000;

// What the app builds for one run of linkis-desk; a second instance is a restart.
struct Session
{
    Session(const QString &dir, const LocalGateway::Options &local)
        : profiles(dir + QStringLiteral("/profiles.json"))
        , clients(&profiles, &secrets, local)
    {
        profiles.load();
    }
    ProfileStore profiles;
    MemorySecretStore secrets;
    ClientPool clients;
    JobRegistry registry;
};

bool lists(const HistoryPanel &panel, qint64 taskId)
{
    const QList<TaskInfo> tasks = panel.tasks();
    return std::any_of(tasks.cbegin(), tasks.cend(),
                       [taskId](const TaskInfo &t) { return t.taskId == taskId; });
}
} // namespace

class TestHistoryAutoload : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    LocalGateway::Options m_local;

    // Runs `select <n>` on the Local profile through the registry, as a tab would.
    static qint64 runJob(Session &s, int n, bool python = false)
    {
        LinkisClient *client = nullptr;
        s.clients.acquire(QStringLiteral("Local"), &s.registry,
                          [&client](Result<LinkisClient *> c) {
                              if (c)
                                  client = *c;
                          });
        if (!QTest::qWaitFor([&client] { return client != nullptr; }, kJobTimeoutMs))
            return 0;
        JobTracker *tracker = s.registry.create(client, QStringLiteral("Local"));
        SubmitRequest request;
        request.code =
            python ? QStringLiteral("x = %1").arg(n) : QStringLiteral("select %1 as n;").arg(n);
        request.runType = python ? QStringLiteral("python") : QStringLiteral("sql");
        request.engineType = python ? QStringLiteral("python") : QStringLiteral("sqlite");
        QSignalSpy finished(tracker, &JobTracker::finished);
        tracker->submit(request);
        if (!QTest::qWaitFor([&finished] { return finished.count() > 0; }, kJobTimeoutMs))
            return 0;
        return tracker->taskId();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_local.executable = QStringLiteral(LINKIS_DESK_BIN_DIR "/linkis-desk-gateway");
        m_local.dataDir = m_dir.filePath(QStringLiteral("gateway"));
        m_local.runtimeFile = m_dir.filePath(QStringLiteral("gateway.json"));
        m_local.reuse = true;
        m_local.detached = false;
    }

    void loadsWhenShownAndWhenJobsEnd()
    {
        Session s(m_dir.path(), m_local);
        HistoryPanel panel(&s.clients, &s.profiles);
        panel.followJobs(&s.registry);
        auto *timer = panel.findChild<QTimer *>(QStringLiteral("historyAutoRefresh"));
        QVERIFY(timer);
        QCOMPARE(timer->interval(), HistoryPanel::AutoRefreshMs);
        QSignalSpy loaded(&panel, &HistoryPanel::loaded);

        // Hidden: a job ends, nothing is asked of the server.
        const qint64 first = runJob(s, 1);
        QVERIFY(first > 0);
        QTest::qWait(200);
        QCOMPARE(loaded.count(), 0);
        QVERIFY(!timer->isActive());

        // Shown: the list loads by itself and shows the job.
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_VERIFY_WITH_TIMEOUT(lists(panel, first), kJobTimeoutMs);
        QVERIFY(timer->isActive()); // the periodic refresh runs only while visible
        QCOMPARE(panel.list()->topLevelItemCount(), panel.tasks().size());

        // Visible: a job of this profile ends, and it is listed without a refresh.
        const int before = loaded.count();
        const qint64 second = runJob(s, 2);
        QVERIFY(second > first);
        QTRY_VERIFY_WITH_TIMEOUT(lists(panel, second), kJobTimeoutMs);
        QVERIFY(loaded.count() > before);

        // Hidden again: the timer stops; a job that ends meanwhile shows when the panel does.
        panel.hide();
        QVERIFY(!timer->isActive());
        const int hiddenCount = loaded.count();
        const qint64 third = runJob(s, 3);
        QVERIFY(third > second);
        QTest::qWait(200);
        QCOMPARE(loaded.count(), hiddenCount);
        panel.show();
        QTRY_VERIFY_WITH_TIMEOUT(lists(panel, third), kJobTimeoutMs);
    }

    void showsTheJobsAfterARestart()
    {
        // A new session on the same gateway data, as after quitting and starting the app again.
        Session s(m_dir.path(), m_local);
        HistoryPanel panel(&s.clients, &s.profiles);
        panel.followJobs(&s.registry);
        QCOMPARE(panel.findChild<QComboBox *>()->currentText(), s.profiles.defaultProfileName());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_VERIFY_WITH_TIMEOUT(panel.tasks().size() >= 3, kJobTimeoutMs);
        QCOMPARE(panel.list()->topLevelItemCount(), panel.tasks().size());
    }

    void enginesDockListsOnlyWhileVisibleAndKills()
    {
        Session s(m_dir.path(), m_local);
        EnginesDock dock(&s.clients, &s.profiles);
        QSignalSpy loaded(&dock, &EnginesDock::loaded);
        QVERIFY(runJob(s, 41, true) > 0);
        QTest::qWait(200);
        QCOMPARE(loaded.count(), 0); // hidden: nothing asked

        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        const auto python = [&dock] {
            const QList<EngineInfo> engines = dock.engines();
            return std::find_if(engines.cbegin(), engines.cend(), [](const EngineInfo &e) {
                       return e.engineType == QStringLiteral("python");
                   }) != engines.cend();
        };
        QTRY_VERIFY_WITH_TIMEOUT(python(), kJobTimeoutMs);
        QCOMPARE(dock.list()->topLevelItemCount(), dock.engines().size());
        int row = 0;
        while (dock.engines().at(row).engineType != QStringLiteral("python"))
            ++row;
        QCOMPARE(dock.list()->topLevelItem(row)->text(2), QStringLiteral("Idle"));
        QVERIFY(dock.list()->topLevelItem(row)->text(0).startsWith(QStringLiteral("python 3.")));
        dock.list()->setCurrentItem(dock.list()->topLevelItem(row));
        dock.killSelected(true);
        QTRY_VERIFY_WITH_TIMEOUT(!python(), kJobTimeoutMs);

        auto *timer = dock.findChild<QTimer *>(QStringLiteral("enginesAutoRefresh"));
        QVERIFY(timer && timer->isActive());
        dock.hide();
        QVERIFY(!timer->isActive()); // no refresh while hidden
    }
};

QTEST_MAIN(TestHistoryAutoload)
#include "tst_historyautoload.moc"
