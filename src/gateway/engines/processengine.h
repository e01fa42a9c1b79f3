// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engines/engine.h"
#include "engines/processoutput.h"
#include "engines/processtree.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QProcess>
#include <QTimer>

namespace linkisdesk::gateway {

// Runs python (unbuffered) or bash as a child process in its own session and process group.
// A kill ends everything it started, even processes that left the group (ProcessTree): SIGTERM,
// SIGKILL after a short grace, and the job is Cancelled only when none of them is left. stdout and
// stderr go to the job log line by line as they come; stdout is also the job's text result set
// (_0.dolphin).
class ProcessEngine : public Engine
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcessEngine)

public:
    enum class Language { Python, Shell };

    ProcessEngine(EngineContext context, Language language, QObject *parent = nullptr);
    ~ProcessEngine() override;

    void start() override;
    void cancel() override;
    bool waitForDone(int ms) override;

    // The process group id of the running child (0 when none); for tests and logs.
    qint64 processGroup() const { return m_pgid; }

private:
    void readOutput(QProcess::ProcessChannel channel);
    void onFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void onError(QProcess::ProcessError error);
    void sweep();
    void finish(const EngineOutcome &outcome);

    Language m_language;
    QProcess m_process;
    ProcessOutput m_output;
    bool m_stoppedForOutput = false; // the log or the result could not be written
    static constexpr int SweepIntervalMs = 20;
    static constexpr int KillGraceMs = 300; // SIGTERM, then SIGKILL
    static constexpr int GiveUpMs = 5000; // processes still alive then: the job failed
    QTimer m_sweepTimer;
    QElapsedTimer m_sinceKill;
    ProcessTree m_tree {0, {}};
    EngineOutcome m_exitOutcome;
    qint64 m_pgid = 0;
    bool m_rootExited = false;
    bool m_cancelled = false;
    bool m_done = false;
};

} // namespace linkisdesk::gateway
