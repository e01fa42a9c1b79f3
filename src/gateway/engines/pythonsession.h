// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engines/processoutput.h"
#include "engines/processtree.h"
#include "engines/reusableengine.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QProcess>
#include <QTimer>

#include <optional>

namespace linkisdesk::gateway {

// A reused python engine: one long-lived `python3 -u` running PythonDriver in its own session
// and process group (like ProcessEngine: a child subreaper that dies with the gateway), which
// execs each job's code in globals kept between jobs. A job's output streams to its log and
// result set; its end is the driver's marker on both stdout and stderr. What a job started in
// the background is ended when the job ends (the engine itself stays).
class PythonSession : public ReusableEngine
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PythonSession)

public:
    // `workDir` is the engine's working directory (created, and removed when it ends);
    // `gatewayMark` as EngineContext::gatewayMark.
    PythonSession(Identity identity, QString workDir, QByteArray gatewayMark,
                  QObject *parent = nullptr);
    ~PythonSession() override;

    QString engineType() const override { return QStringLiteral("python"); }
    qint64 memoryBytes() const override;
    qint64 pid() const override { return m_pid; }

    void start() override;
    void run(const EngineContext &context) override;
    void interrupt() override;
    void terminate() override;
    bool waitForEnded(int ms) override;

private:
    void read(QProcess::ProcessChannel channel);
    void onMarker(ProcessOutput::Channel channel, const QJsonObject &marker);
    void sendJob();
    void endJob(const QJsonObject &marker);
    void onProcessFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void failStart(const QString &why);
    void sweep();
    void killChildren();

    QString m_workDir;
    QByteArray m_gatewayMark;
    QByteArray m_nonce;
    QProcess m_process;
    ProcessTree m_tree {0, {}};
    qint64 m_pid = 0;
    QByteArray m_buffer[2];
    bool m_marked[2] = {false, false};
    QJsonObject m_endMarker;
    std::optional<EngineContext> m_job; // the job running or waiting for the engine to start
    bool m_jobSent = false;
    bool m_interrupted = false;
    bool m_terminating = false;
    bool m_rootExited = false;
    QString m_exitWhy;
    // The outcome of a job whose engine ended under it: reported once no process is left.
    std::optional<EngineOutcome> m_lostOutcome;
    ProcessOutput m_output;
    QTimer m_sweepTimer;
    QElapsedTimer m_sinceTerminate;
};

} // namespace linkisdesk::gateway
