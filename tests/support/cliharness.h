// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testgateway.h"

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace linkisdesk::testsupport {

// What one run of linkis-desk-cli produced.
struct CliRun
{
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;

    QStringList errLines() const;
    QString outText() const { return QString::fromUtf8(out); }
};

// The one way the tests run the real linkis-desk-cli binary: with temporary XDG folders (so
// profiles are private to the test), no D-Bus (no keyring), and a real gateway started per test
// case; or, through runProcess(), with an environment the test chose (the hardening tests). The
// caller's event loop runs while the CLI works (a fault proxy in the test process answers it).
class CliHarness
{
public:
    CliHarness();
    ~CliHarness();

    static QString cliPath();

    bool startGateway(QString *error = nullptr);
    void stopGateway();
    TestGateway *gateway() const { return m_gateway.get(); }
    QString server() const;
    // --server URL --user USER --auth token (the token goes in the environment).
    QStringList connection(const QString &user = QStringLiteral("alice")) const;

    // The environment every run gets: temp XDG dirs, no keyring, LINKIS_DESK_TOKEN.
    QProcessEnvironment environment() const;
    QString configHome() const { return m_home.path() + QStringLiteral("/config"); }

    CliRun run(const QStringList &args, const QByteArray &stdinData = {},
               const QProcessEnvironment &env = QProcessEnvironment(),
               int timeoutMs = 120000) const;
    // Runs the CLI with exactly `env`; `whileRunning` is called with the PID once it started
    // (e.g. to read /proc/<pid>/cmdline).
    static CliRun runProcess(const QStringList &args, const QProcessEnvironment &env,
                             const QByteArray &stdinData = {},
                             const std::function<void(qint64 pid)> &whileRunning = {},
                             int timeoutMs = 120000);
    // Starts the CLI without waiting (for signals); the caller owns the process.
    std::unique_ptr<QProcess> start(const QStringList &args) const;
    static CliRun finish(QProcess &process, int timeoutMs = 120000);

    // Runs submit --async and returns the taskID (0 on failure).
    qint64 submitAsync(const QStringList &submitArgs) const;
    // Polls `status TASK` until it prints a terminal status; returns it.
    QString waitForEnd(qint64 taskId, int timeoutMs = 60000) const;

private:
    QTemporaryDir m_home;
    std::unique_ptr<TestGateway> m_gateway;
};

} // namespace linkisdesk::testsupport
