// SPDX-License-Identifier: GPL-3.0-or-later
#include "engines/processengine.h"

#include "store/errorcodes.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QStandardPaths>
#include <QStringList>
#include <QThread>
#include <QUuid>

#include <csignal>
#include <sys/prctl.h>
#include <sys/types.h>
#include <unistd.h>

namespace linkisdesk::gateway {

namespace {

using Level = JobLog::Level;

QJsonArray singleStep(const QString &id, bool running, bool succeeded)
{
    return QJsonArray {QJsonObject {{QStringLiteral("id"), id},
                                    {QStringLiteral("succeedTasks"), succeeded ? 1 : 0},
                                    {QStringLiteral("failedTasks"), 0},
                                    {QStringLiteral("runningTasks"), running ? 1 : 0},
                                    {QStringLiteral("totalTasks"), 1}}};
}

} // namespace

ProcessEngine::ProcessEngine(EngineContext context, Language language, QObject *parent)
    : Engine(std::move(context), parent)
    , m_language(language)
{
    m_sweepTimer.setInterval(SweepIntervalMs);
    connect(&m_sweepTimer, &QTimer::timeout, this, &ProcessEngine::sweep);
    connect(&m_process, &QProcess::readyReadStandardOutput, this,
            [this] { readOutput(QProcess::StandardOutput); });
    connect(&m_process, &QProcess::readyReadStandardError, this,
            [this] { readOutput(QProcess::StandardError); });
    connect(&m_process, &QProcess::finished, this, &ProcessEngine::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &ProcessEngine::onError);
}

ProcessEngine::~ProcessEngine()
{
    m_process.disconnect(this);
    waitForDone(2000);
}

void ProcessEngine::start()
{
    const bool python = m_language == Language::Python;
    const QString program =
        QStandardPaths::findExecutable(python ? QStringLiteral("python3") : QStringLiteral("bash"));
    if (program.isEmpty()) {
        const QString why = QStringLiteral("%1 was not found on PATH.")
                                .arg(python ? QStringLiteral("python3") : QStringLiteral("bash"));
        m_ctx.log->append(Level::Error, why);
        QMetaObject::invokeMethod(
            this,
            [this, why] {
                finish(
                    EngineOutcome {EngineOutcome::Kind::Failed, ErrorCodes::EngineStart, why, 0});
            },
            Qt::QueuedConnection);
        return;
    }
    QDir().mkpath(m_ctx.workDir);
    const QString script =
        m_ctx.workDir + (python ? QStringLiteral("/script.py") : QStringLiteral("/script.sh"));
    // A script cut short by a full disk must not run: only the whole script or nothing.
    QString error;
    QFile f(script);
    const QByteArray code = m_ctx.code.toUtf8();
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate, QFile::ReadOwner | QFile::WriteOwner) ||
        f.write(code) != code.size() || !f.flush()) {
        error = QStringLiteral("cannot write the script file %1: %2").arg(script, f.errorString());
    }
    f.close();
    if (error.isEmpty())
        m_output.open(m_ctx, &error);
    if (!error.isEmpty()) {
        m_ctx.log->append(Level::Error, error);
        QMetaObject::invokeMethod(
            this,
            [this, error] {
                finish(EngineOutcome {EngineOutcome::Kind::Failed, ErrorCodes::OutputNotWritten,
                                      error, 0});
            },
            Qt::QueuedConnection);
        return;
    }

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    env.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8"));
    env.insert(QStringLiteral("LINKIS_USER"), m_ctx.user);
    // Marks every process of this job, even one that leaves the session and the process tree.
    const QString mark = QUuid::createUuid().toString(QUuid::Id128);
    env.insert(QString::fromLatin1(ProcessTree::markVariable()), mark);
    env.insert(QString::fromLatin1(ProcessTree::gatewayVariable()),
               QFile::decodeName(m_ctx.gatewayMark));
    m_process.setProcessEnvironment(env);
    m_process.setWorkingDirectory(m_ctx.workDir);
    m_process.setProgram(program);
    m_process.setArguments(python ? QStringList {QStringLiteral("-u"), script}
                                  : QStringList {script});
    // A new session makes the child the leader of its own session and process group (see
    // ProcessTree for how a kill finds everything it started); as a child subreaper (kept
    // across exec) it adopts what its descendants orphan, so a double fork stays in its tree;
    // the parent-death signal ends it if the gateway itself is killed hard.
    m_process.setChildProcessModifier([] {
        ::setsid();
        ::prctl(PR_SET_CHILD_SUBREAPER, 1);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    });
    m_ctx.log->append(
        Level::Info,
        QStringLiteral("Starting %1 (%2).")
            .arg(python ? QStringLiteral("python3 -u") : QStringLiteral("bash"), program));
    emit progressChanged(0.0, singleStep(m_ctx.runType, true, false));
    m_process.start();
    m_process.closeWriteChannel(); // input() sees end of file instead of waiting forever
    m_pgid = m_process.processId();
    m_tree = ProcessTree(m_pgid, ProcessTree::markVariable() + '=' + mark.toLatin1());
}

void ProcessEngine::readOutput(QProcess::ProcessChannel channel)
{
    m_process.setReadChannel(channel);
    m_output.add(channel == QProcess::StandardOutput ? ProcessOutput::Stdout
                                                     : ProcessOutput::Stderr,
                 m_process.readAll());
    // Output that cannot be kept (a full disk): stop the job rather than let it run on and
    // lose the rest; it ends Failed with the reason.
    if (!m_stoppedForOutput && !m_output.outputError().isEmpty()) {
        m_stoppedForOutput = true;
        m_ctx.log->append(Level::Error,
                          m_output.outputError() + QStringLiteral("; stopping the job."));
        cancel();
    }
}

void ProcessEngine::cancel()
{
    if (m_done || m_cancelled)
        return;
    m_cancelled = true;
    const qsizetype count = m_tree.signalAll(SIGTERM);
    m_ctx.log->append(Level::Warn,
                      QStringLiteral("Kill requested: stopping process %1 and everything it "
                                     "started (%2 process(es)).")
                          .arg(m_pgid)
                          .arg(count));
    m_sinceKill.start();
    m_sweepTimer.start();
}

bool ProcessEngine::waitForDone(int ms)
{
    QElapsedTimer waited;
    waited.start();
    m_tree.signalAll(SIGKILL);
    if (m_process.state() != QProcess::NotRunning && !m_process.waitForFinished(ms))
        return false;
    // The root is gone; what it started may still be dying.
    while (m_tree.signalAll(SIGKILL) > 0) {
        if (waited.elapsed() >= ms)
            return false;
        QThread::msleep(SweepIntervalMs);
    }
    return true;
}

void ProcessEngine::sweep()
{
    if (m_done) {
        m_sweepTimer.stop();
        return;
    }
    // SIGTERM first (sent by cancel()); whatever is still there after the grace gets SIGKILL,
    // and so does anything left behind by a script that ended on its own.
    const bool hard = !m_cancelled || m_sinceKill.elapsed() >= KillGraceMs;
    const QList<qint64> left = m_tree.members();
    if (hard) {
        for (qint64 pid : left)
            ::kill(pid_t(pid), SIGKILL);
    }
    if (!m_rootExited)
        return;
    if (left.isEmpty()) {
        m_sweepTimer.stop();
        finish(m_exitOutcome);
        return;
    }
    if (m_sinceKill.elapsed() >= GiveUpMs) {
        m_sweepTimer.stop();
        QStringList pids;
        for (qint64 pid : left)
            pids << QString::number(pid);
        const QString why = QStringLiteral("%1 process(es) of the job could not be stopped: %2")
                                .arg(left.size())
                                .arg(pids.join(u' '));
        m_ctx.log->append(Level::Error, why);
        finish(EngineOutcome {EngineOutcome::Kind::Failed, ErrorCodes::ProcessFailed, why, 1});
    }
}

void ProcessEngine::onFinished(int exitCode, QProcess::ExitStatus exitStatus)
{
    readOutput(QProcess::StandardOutput);
    readOutput(QProcess::StandardError);
    m_output.flush(ProcessOutput::Stdout);
    m_output.flush(ProcessOutput::Stderr);
    const QString name =
        m_language == Language::Python ? QStringLiteral("python3") : QStringLiteral("bash");
    if (!m_output.outputError().isEmpty()) {
        m_exitOutcome = EngineOutcome {EngineOutcome::Kind::Failed, ErrorCodes::OutputNotWritten,
                                       m_output.outputError(), 1};
    } else if (m_cancelled) {
        m_exitOutcome = EngineOutcome {EngineOutcome::Kind::Cancelled, ErrorCodes::Cancelled,
                                       QStringLiteral("Killed on request."), 1};
    } else if (exitStatus == QProcess::NormalExit && exitCode == 0) {
        m_exitOutcome = EngineOutcome {EngineOutcome::Kind::Succeed, 0, {}, 1};
    } else {
        QString why = exitStatus == QProcess::CrashExit
            ? QStringLiteral("%1 was killed by a signal").arg(name)
            : QStringLiteral("%1 exited with code %2").arg(name).arg(exitCode);
        if (!m_output.lastError().isEmpty())
            why += QStringLiteral(": ") + m_output.lastError();
        m_ctx.log->append(Level::Error, why);
        m_exitOutcome =
            EngineOutcome {EngineOutcome::Kind::Failed, ErrorCodes::ProcessFailed, why, 1};
    }
    // The outcome is reported once nothing of the job is left: whatever the script left
    // running in the background goes with it (SIGKILL), and a kill is Cancelled only when
    // every process it reached is gone.
    m_rootExited = true;
    if (!m_cancelled)
        m_sinceKill.start();
    m_sweepTimer.start();
    sweep(); // stops the timer when it reports; touches nothing after that
}

void ProcessEngine::onError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart)
        return;
    const QString why =
        QStringLiteral("Cannot start the engine process: %1").arg(m_process.errorString());
    m_ctx.log->append(Level::Error, why);
    finish(EngineOutcome {EngineOutcome::Kind::Failed, ErrorCodes::EngineStart, why, 0});
}

void ProcessEngine::finish(const EngineOutcome &outcome)
{
    if (m_done)
        return;
    m_done = true;
    QString resultError;
    EngineOutcome result = outcome;
    if (!m_output.close(&resultError) && result.kind == EngineOutcome::Kind::Succeed) {
        m_ctx.log->append(Level::Error, resultError);
        result = EngineOutcome {EngineOutcome::Kind::Failed, ErrorCodes::OutputNotWritten,
                                resultError, 1};
    }
    QFile::remove(m_ctx.workDir + QStringLiteral("/script.py"));
    QFile::remove(m_ctx.workDir + QStringLiteral("/script.sh"));
    QDir().rmdir(m_ctx.workDir);
    emit progressChanged(
        1.0, singleStep(m_ctx.runType, false, result.kind == EngineOutcome::Kind::Succeed));
    emit finished(result);
}

} // namespace linkisdesk::gateway
