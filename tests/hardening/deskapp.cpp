// SPDX-License-Identifier: GPL-3.0-or-later
#include "deskapp.h"

#include "localgateway/gatewayruntimefile.h"
#include "toolrun.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTest>

#include <csignal>
#include <sys/types.h>

namespace linkisdesk::hardening {

DeskApp::DeskApp(const QString &root, const QString &display)
    : m_root(root)
    , m_display(display)
{
    for (const char *sub : {"home", "config", "data", "cache", "state", "runtime"})
        QDir(m_root).mkpath(QString::fromLatin1(sub));
    QFile::setPermissions(m_root + QStringLiteral("/runtime"),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

DeskApp::~DeskApp()
{
    if (isRunning())
        kill();
    stopLocalGateway();
}

void DeskApp::stopLocalGateway()
{
    // The local gateway the app started for itself outlives the app by design (its jobs keep
    // running); a test leaves none behind. Only a process that is still that gateway is
    // signalled (a pid can be reused).
    const Result<GatewayRuntimeFile> file = GatewayRuntimeFile::read(runtimeFile());
    if (!file || file->pid <= 0)
        return;
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(file->pid));
    if (!cmdline.open(QIODevice::ReadOnly) ||
        !cmdline.readAll().contains(runtimeFile().toLocal8Bit()))
        return;
    ::kill(pid_t(file->pid), SIGTERM);
}

QString DeskApp::unavailableReason()
{
    if (qEnvironmentVariableIsEmpty("LINKIS_DESK_TEST_DISPLAY"))
        return QStringLiteral("LINKIS_DESK_TEST_DISPLAY is not set (run through .ci/run-tests.sh)");
    if (QStandardPaths::findExecutable(QStringLiteral("xdotool")).isEmpty())
        return QStringLiteral("xdotool is not installed");
    return {};
}

QString DeskApp::appPath()
{
    return QStringLiteral(LINKIS_DESK_HARDENING_BIN_DIR "/linkis-desk");
}

QString DeskApp::configDir() const
{
    return m_root + QStringLiteral("/config/linkis-desk");
}

QString DeskApp::dataDir() const
{
    return m_root + QStringLiteral("/data/linkis-desk");
}

QString DeskApp::runtimeFile() const
{
    return m_root + QStringLiteral("/runtime/linkis-desk/gateway.json");
}

QProcessEnvironment DeskApp::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DISPLAY"), m_display);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    env.insert(QStringLiteral("HOME"), m_root + QStringLiteral("/home"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_root + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_root + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_root + QStringLiteral("/cache"));
    env.insert(QStringLiteral("XDG_STATE_HOME"), m_root + QStringLiteral("/state"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_root + QStringLiteral("/runtime"));
    if (!m_keyring) {
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=/nonexistent"));
    }
    for (const char *name :
         {"LINKIS_DESK_TOKEN", "LINKIS_DESK_PASSWORD", "LINKIS_DESK_VALIDATION_CODE"})
        env.remove(QString::fromLatin1(name));
    return env;
}

bool DeskApp::xdotool(const QStringList &args, QString *out, int timeoutMs) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DISPLAY"), m_display);
    return testsupport::runTool(QStringLiteral("xdotool"), args, env, out, timeoutMs);
}

bool DeskApp::screenshot(const QString &path) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DISPLAY"), m_display);
    return testsupport::runTool(QStringLiteral("import"),
                                {QStringLiteral("-window"), QStringLiteral("root"), path}, env);
}

bool DeskApp::start(const QStringList &args, QString *error)
{
    if (isRunning()) {
        *error = QStringLiteral("the app is already running");
        return false;
    }
    // The X server may still be starting (run-tests.sh does not wait for Xvfb), and right after
    // a client was SIGKILLed Xvfb has been seen to refuse the next connection once: a start
    // that fails on "could not connect to display" is retried.
    for (int attempt = 1; attempt <= 3; ++attempt) {
        if (!QTest::qWaitFor([this] { return xdotool({QStringLiteral("getdisplaygeometry")}); },
                             30000)) {
            *error = QStringLiteral("the X server %1 does not answer").arg(m_display);
            return false;
        }
        if (startOnce(args, error))
            return true;
        if (isRunning() || !error->contains(QStringLiteral("could not connect to display")))
            return false;
        QTest::qWait(500);
    }
    return false;
}

bool DeskApp::startOnce(const QStringList &args, QString *error)
{
    ++m_runs;
    m_process.setProcessEnvironment(environment());
    m_process.setWorkingDirectory(m_root);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(m_root + QStringLiteral("/app-%1.log").arg(m_runs));
    m_process.start(appPath(), args);
    if (!m_process.waitForStarted(10000)) {
        *error = QStringLiteral("linkis-desk did not start: ") + m_process.errorString();
        return false;
    }
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(m_process.processId()));
    if (cmdline.open(QIODevice::ReadOnly))
        m_cmdlines << QString::fromLocal8Bit(cmdline.readAll().replace('\0', ' '));
    m_window = waitForWindow(QStringLiteral("Linkis Desk"), 30000);
    if (m_window.isEmpty()) {
        m_process.waitForFinished(1000);
        QFile log(m_root + QStringLiteral("/app-%1.log").arg(m_runs));
        log.open(QIODevice::ReadOnly);
        *error =
            QStringLiteral("the main window did not appear (exit code %1); its output: %2")
                .arg(isRunning() ? QStringLiteral("none") : QString::number(m_process.exitCode()),
                     QString::fromLocal8Bit(log.readAll().right(2000)));
        return false;
    }
    QTest::qWait(300); // the first paint, before any input
    return true;
}

QString DeskApp::waitForWindow(const QString &name, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (isRunning()) {
        QString out;
        if (xdotool({QStringLiteral("search"), QStringLiteral("--all"),
                     QStringLiteral("--onlyvisible"), QStringLiteral("--pid"),
                     QString::number(pid()), QStringLiteral("--name"), name},
                    &out) &&
            !out.isEmpty()) {
            return out.section(u'\n', 0, 0);
        }
        if (deadline.hasExpired())
            break;
        QTest::qWait(100);
    }
    return {};
}

bool DeskApp::focus(const QString &window)
{
    return xdotool({QStringLiteral("windowfocus"), QStringLiteral("--sync"), window});
}

bool DeskApp::clickEditor()
{
    focus(m_window);
    // The editor fills the left of the 1280x800 window below the toolbar and tab bar.
    return xdotool({QStringLiteral("mousemove"), QStringLiteral("--window"), m_window,
                    QStringLiteral("300"), QStringLiteral("160"), QStringLiteral("click"),
                    QStringLiteral("1")});
}

bool DeskApp::type(const QString &text, int delayMs)
{
    return xdotool(
        {QStringLiteral("type"), QStringLiteral("--delay"), QString::number(delayMs), text},
        nullptr, 120000);
}

bool DeskApp::key(const QString &keys)
{
    return xdotool({QStringLiteral("key"), keys});
}

bool DeskApp::quit(QString *error)
{
    // No window manager gives the focus back after a dialog closed: take it first.
    focus(m_window);
    key(QStringLiteral("ctrl+q"));
    if (!m_process.waitForFinished(15000)) {
        kill();
        *error = QStringLiteral("linkis-desk did not quit on Ctrl+Q");
        return false;
    }
    if (m_process.exitStatus() != QProcess::NormalExit || m_process.exitCode() != 0) {
        *error = QStringLiteral("linkis-desk exited with %1").arg(m_process.exitCode());
        return false;
    }
    return true;
}

void DeskApp::kill()
{
    m_process.kill(); // SIGKILL
    m_process.waitForFinished(10000);
}

} // namespace linkisdesk::hardening
