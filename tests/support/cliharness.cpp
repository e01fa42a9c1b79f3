// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliharness.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

namespace linkisdesk::testsupport {

QStringList CliRun::errLines() const
{
    return QString::fromUtf8(err).split(u'\n', Qt::SkipEmptyParts);
}

CliHarness::CliHarness()
{
    for (const char *sub : {"config", "data", "cache", "runtime"})
        QDir(m_home.path()).mkpath(QString::fromLatin1(sub));
    QFile::setPermissions(m_home.path() + QStringLiteral("/runtime"),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

CliHarness::~CliHarness()
{
    stopGateway();
}

QString CliHarness::cliPath()
{
    return QStringLiteral(LINKIS_DESK_CLI_BIN);
}

bool CliHarness::startGateway(QString *error)
{
    m_gateway = std::make_unique<TestGateway>();
    return m_gateway->start(error);
}

void CliHarness::stopGateway()
{
    if (m_gateway) {
        m_gateway->stop();
        m_gateway.reset();
    }
}

QString CliHarness::server() const
{
    return m_gateway ? m_gateway->url().toString() : QString();
}

QStringList CliHarness::connection(const QString &user) const
{
    return {QStringLiteral("--server"), server(),
            QStringLiteral("--user"),   user,
            QStringLiteral("--auth"),   QStringLiteral("token")};
}

QProcessEnvironment CliHarness::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString home = m_home.path();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home + QStringLiteral("/runtime"));
    // No keyring: a secret must come from the environment or stdin in these tests.
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=/nonexistent"));
    env.insert(QStringLiteral("LINKIS_DESK_TOKEN"), QString::fromLatin1(TestGateway::Token));
    env.remove(QStringLiteral("LINKIS_DESK_PASSWORD"));
    env.remove(QStringLiteral("LINKIS_DESK_VALIDATION_CODE"));
    return env;
}

std::unique_ptr<QProcess> CliHarness::start(const QStringList &args) const
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(environment());
    process->start(cliPath(), args);
    process->waitForStarted();
    return process;
}

CliRun CliHarness::finish(QProcess &process, int timeoutMs)
{
    CliRun run;
    // The event loop keeps running while the CLI works.
    QSignalSpy finished(&process, &QProcess::finished);
    if (process.state() != QProcess::NotRunning && !finished.wait(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        run.crashed = true;
    }
    run.crashed = run.crashed || process.exitStatus() != QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

CliRun CliHarness::runProcess(const QStringList &args, const QProcessEnvironment &env,
                              const QByteArray &stdinData,
                              const std::function<void(qint64 pid)> &whileRunning, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(cliPath(), args);
    if (!process.waitForStarted())
        return {};
    if (whileRunning)
        whileRunning(process.processId());
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    return finish(process, timeoutMs);
}

CliRun CliHarness::run(const QStringList &args, const QByteArray &stdinData,
                       const QProcessEnvironment &env, int timeoutMs) const
{
    return runProcess(args, env.isEmpty() ? environment() : env, stdinData, {}, timeoutMs);
}

qint64 CliHarness::submitAsync(const QStringList &submitArgs) const
{
    const CliRun r =
        run(connection() + QStringList {QStringLiteral("submit"), QStringLiteral("--async")} +
            submitArgs);
    if (r.exitCode != 0)
        return 0;
    return r.out.trimmed().toLongLong();
}

QString CliHarness::waitForEnd(qint64 taskId, int timeoutMs) const
{
    static const QStringList terminal {QStringLiteral("Succeed"), QStringLiteral("Failed"),
                                       QStringLiteral("Cancelled"), QStringLiteral("Timeout")};
    QElapsedTimer timer;
    timer.start();
    QString status;
    while (timer.elapsed() < timeoutMs) {
        const CliRun r =
            run(connection() + QStringList {QStringLiteral("status"), QString::number(taskId)});
        status = QString::fromUtf8(r.out.trimmed());
        if (terminal.contains(status))
            return status;
        QTest::qWait(100);
    }
    return status;
}

} // namespace linkisdesk::testsupport
