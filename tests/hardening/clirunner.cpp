// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"

#include <QSignalSpy>

namespace linkisdesk::hardening {

QString CliRunner::cliPath()
{
    return QStringLiteral(LINKIS_DESK_HARDENING_BIN_DIR "/linkis-desk-cli");
}

CliRunner::Run CliRunner::run(const QStringList &args, const QProcessEnvironment &env,
                              const QByteArray &stdinData,
                              const std::function<void(qint64 pid)> &whileRunning, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(cliPath(), args);
    Run result;
    if (!process.waitForStarted(10000))
        return result;
    if (whileRunning)
        whileRunning(process.processId());
    process.write(stdinData);
    process.closeWriteChannel();
    // The event loop keeps running while the CLI works (the proxy and the gateway client in the
    // test process must answer it).
    QSignalSpy finished(&process, &QProcess::finished);
    if (process.state() != QProcess::NotRunning && !finished.wait(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        result.crashed = true;
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    result.crashed = result.crashed || process.exitStatus() != QProcess::NormalExit;
    result.exitCode = process.exitCode();
    return result;
}

} // namespace linkisdesk::hardening
