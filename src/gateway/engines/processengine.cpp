// SPDX-License-Identifier: GPL-3.0-or-later
#include "engines/processengine.h"

#include "store/errorcodes.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QStandardPaths>

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
    m_killTimer.setSingleShot(true);
    m_killTimer.setInterval(300);
    connect(&m_killTimer, &QTimer::timeout, this, [this] { killGroup(SIGKILL); });
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
    if (m_process.state() != QProcess::NotRunning) {
        killGroup(SIGKILL);
        m_process.waitForFinished(2000);
    }
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
    QFile f(script);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(m_ctx.code.toUtf8());
    f.close();

    QDir().mkpath(m_ctx.resultDir);
    QString error;
    m_stdoutResult.open(m_ctx.resultDir + QStringLiteral("/_0.dolphin"),
                        ResultSetWriter::Type::Text, {}, &error);

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    env.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8"));
    env.insert(QStringLiteral("LINKIS_USER"), m_ctx.user);
    m_process.setProcessEnvironment(env);
    m_process.setWorkingDirectory(m_ctx.workDir);
    m_process.setProgram(program);
    m_process.setArguments(python ? QStringList {QStringLiteral("-u"), script}
                                  : QStringList {script});
    // A new session makes the child the leader of its own process group (kill reaches all of
    // it); the parent-death signal ends it if the gateway itself is killed hard.
    m_process.setChildProcessModifier([] {
        ::setsid();
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
}

void ProcessEngine::readOutput(QProcess::ProcessChannel channel)
{
    m_process.setReadChannel(channel);
    m_pending[channel] += m_process.readAll();
    flushLines(channel, false);
}

void ProcessEngine::flushLines(QProcess::ProcessChannel channel, bool atEnd)
{
    QByteArray &buf = m_pending[channel];
    const qsizetype lastNl = buf.lastIndexOf('\n');
    QByteArray complete;
    if (atEnd) {
        complete = buf;
        buf.clear();
        if (complete.isEmpty())
            return;
        if (complete.endsWith('\n'))
            complete.chop(1);
    } else {
        if (lastNl < 0)
            return;
        complete = buf.left(lastNl);
        buf.remove(0, lastNl + 1);
    }
    QStringList lines;
    for (const QByteArray &raw : complete.split('\n')) {
        QString line = QString::fromUtf8(raw);
        if (line.endsWith(u'\r'))
            line.chop(1);
        lines << line;
        if (channel == QProcess::StandardOutput && m_stdoutResult.isOpen())
            m_stdoutResult.addTextLine(line);
    }
    if (channel == QProcess::StandardError && !lines.isEmpty())
        m_lastError = lines.constLast();
    m_ctx.log->appendLines(channel == QProcess::StandardOutput ? Level::Info : Level::Error, lines);
}

void ProcessEngine::cancel()
{
    if (m_done || m_cancelled)
        return;
    m_cancelled = true;
    m_ctx.log->append(Level::Warn,
                      QStringLiteral("Kill requested: stopping process group %1.").arg(m_pgid));
    killGroup(SIGTERM);
    m_killTimer.start();
}

void ProcessEngine::killGroup(int signal)
{
    if (m_pgid > 0)
        ::kill(-pid_t(m_pgid), signal);
}

bool ProcessEngine::waitForDone(int ms)
{
    if (m_process.state() == QProcess::NotRunning)
        return true;
    killGroup(SIGKILL);
    return m_process.waitForFinished(ms);
}

void ProcessEngine::onFinished(int exitCode, QProcess::ExitStatus exitStatus)
{
    m_killTimer.stop();
    readOutput(QProcess::StandardOutput);
    readOutput(QProcess::StandardError);
    flushLines(QProcess::StandardOutput, true);
    flushLines(QProcess::StandardError, true);
    // Whatever the script left running in the background goes with it.
    killGroup(SIGKILL);
    const QString name =
        m_language == Language::Python ? QStringLiteral("python3") : QStringLiteral("bash");
    if (m_cancelled) {
        finish(EngineOutcome {EngineOutcome::Kind::Cancelled, ErrorCodes::Cancelled,
                              QStringLiteral("Killed on request."), 1});
    } else if (exitStatus == QProcess::NormalExit && exitCode == 0) {
        finish(EngineOutcome {EngineOutcome::Kind::Succeed, 0, {}, 1});
    } else {
        QString why = exitStatus == QProcess::CrashExit
            ? QStringLiteral("%1 was killed by a signal").arg(name)
            : QStringLiteral("%1 exited with code %2").arg(name).arg(exitCode);
        if (!m_lastError.isEmpty())
            why += QStringLiteral(": ") + m_lastError;
        m_ctx.log->append(Level::Error, why);
        finish(EngineOutcome {EngineOutcome::Kind::Failed, ErrorCodes::ProcessFailed, why, 1});
    }
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
    const bool printed = m_stdoutResult.rowCount() > 0;
    m_stdoutResult.close();
    if (!printed) {
        // Nothing on stdout: no result set at all, as Linkis reports a job without results.
        const QString file = m_ctx.resultDir + QStringLiteral("/_0.dolphin");
        QFile::remove(file);
        QFile::remove(file + QStringLiteral(".idx"));
        QDir().rmdir(m_ctx.resultDir);
    }
    QFile::remove(m_ctx.workDir + QStringLiteral("/script.py"));
    QFile::remove(m_ctx.workDir + QStringLiteral("/script.sh"));
    QDir().rmdir(m_ctx.workDir);
    emit progressChanged(
        1.0, singleStep(m_ctx.runType, false, outcome.kind == EngineOutcome::Kind::Succeed));
    emit finished(outcome);
}

} // namespace linkisdesk::gateway
