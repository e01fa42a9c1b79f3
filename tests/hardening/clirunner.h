// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

#include <functional>

namespace linkisdesk::hardening {

// Runs the real linkis-desk-cli with a given environment (the hardening tests choose the XDG
// folders and the secrets). `whileRunning` is called with the PID once the process started
// (e.g. to read /proc/<pid>/cmdline). The caller's event loop runs while the CLI works.
class CliRunner
{
public:
    struct Run
    {
        int exitCode = -1;
        bool crashed = false;
        QByteArray out;
        QByteArray err;
    };
    static QString cliPath();
    static Run run(const QStringList &args, const QProcessEnvironment &env,
                   const QByteArray &stdinData = {},
                   const std::function<void(qint64 pid)> &whileRunning = {},
                   int timeoutMs = 120000);
};

} // namespace linkisdesk::hardening
