// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end smoke test on a real X server: start linkis-desk, type a query with xdotool, press
// Ctrl+Enter, and read the app's --test-report. Runs only when LINKIS_DESK_TEST_DISPLAY names a
// display (.ci/run-tests.sh starts Xvfb and sets it); skipped otherwise.
#include "missingtool.h"
#include "toolrun.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestSmokeXdotool : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void typeQueryAndRun();

private:
    bool xdotool(const QStringList &args, QString *out = nullptr, int timeoutMs = 20000);
    QProcessEnvironment m_env;
};

bool TestSmokeXdotool::xdotool(const QStringList &args, QString *out, int timeoutMs)
{
    return linkisdesk::testsupport::runTool(QStringLiteral("xdotool"), args, m_env, out, timeoutMs);
}

void TestSmokeXdotool::typeQueryAndRun()
{
    const QString display = qEnvironmentVariable("LINKIS_DESK_TEST_DISPLAY");
    if (display.isEmpty())
        LINKISDESK_MISSING_TOOL(
            "LINKIS_DESK_TEST_DISPLAY is not set (run through .ci/run-tests.sh)");
    if (QStandardPaths::findExecutable(QStringLiteral("xdotool")).isEmpty())
        LINKISDESK_MISSING_TOOL("xdotool is not installed");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const char *sub : {"config", "data", "runtime"})
        QVERIFY(QDir(dir.path()).mkpath(QString::fromLatin1(sub)));
    QFile::setPermissions(dir.filePath(QStringLiteral("runtime")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.insert(QStringLiteral("DISPLAY"), display);
    m_env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    m_env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    m_env.insert(QStringLiteral("XDG_RUNTIME_DIR"), dir.filePath(QStringLiteral("runtime")));
    m_env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                 QStringLiteral("unix:path=/nonexistent"));

    // The gateway the app will find through its runtime file and reuse; stopped at the end.
    QProcess gateway;
    gateway.setProcessEnvironment(m_env);
    gateway.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    gateway.start(QStringLiteral(LINKIS_DESK_BIN_DIR "/linkis-desk-gateway"),
                  {QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("gateway")),
                   QStringLiteral("--runtime-file"),
                   dir.filePath(QStringLiteral("runtime/linkis-desk/gateway.json"))});
    QVERIFY(gateway.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(gateway.canReadLine(), 20000);
    QVERIFY(gateway.readLine().contains("\"url\""));

    const QString report = dir.filePath(QStringLiteral("report.json"));
    QProcess app;
    app.setProcessEnvironment(m_env);
    app.setProcessChannelMode(QProcess::ForwardedChannels);
    app.start(QStringLiteral(LINKIS_DESK_BIN_DIR "/linkis-desk"),
              {QStringLiteral("--test-report"), report});
    QVERIFY(app.waitForStarted());

    QString window;
    QVERIFY(xdotool({QStringLiteral("search"), QStringLiteral("--sync"),
                     QStringLiteral("--onlyvisible"), QStringLiteral("--name"),
                     QStringLiteral("Linkis Desk")},
                    &window));
    window = window.section(u'\n', 0, 0);
    QVERIFY(!window.isEmpty());
    QTest::qWait(500); // let the first paint settle before typing
    QVERIFY(xdotool({QStringLiteral("mousemove"), QStringLiteral("--window"), window,
                     QStringLiteral("300"), QStringLiteral("160"), QStringLiteral("click"),
                     QStringLiteral("1")}));
    QVERIFY(
        xdotool({QStringLiteral("type"), QStringLiteral("--delay"), QStringLiteral("5"),
                 QStringLiteral("select region, sum(amount) from demo_sales group by region;")}));
    QVERIFY(xdotool({QStringLiteral("key"), QStringLiteral("ctrl+Return")}));

    QJsonObject outcome;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QFile f(report);
            if (!f.open(QIODevice::ReadOnly))
                return false;
            outcome = QJsonDocument::fromJson(f.readAll()).object();
            return outcome.value(QStringLiteral("rows")).toInt() >= 0;
        }(),
        30000);
    QCOMPARE(outcome.value(QStringLiteral("status")).toString(), QStringLiteral("Succeed"));
    QCOMPARE(outcome.value(QStringLiteral("rows")).toInt(), 5);

    // Quit with the keyboard (no job is running, so nothing is asked).
    xdotool({QStringLiteral("key"), QStringLiteral("ctrl+q")});
    if (!app.waitForFinished(10000)) {
        app.kill();
        app.waitForFinished();
        QFAIL("linkis-desk did not quit on Ctrl+Q");
    }
    QCOMPARE(app.exitCode(), 0);
    gateway.terminate();
    QVERIFY(gateway.waitForFinished(10000));
}

QTEST_GUILESS_MAIN(TestSmokeXdotool)
#include "tst_smoke_xdotool.moc"
