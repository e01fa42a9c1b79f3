// SPDX-License-Identifier: GPL-3.0-or-later
#include "engines/pythonsession.h"

#include "engines/pythondriver.h"
#include "store/errorcodes.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QThread>
#include <QUuid>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace linkisdesk::gateway {

namespace {

using Level = JobLog::Level;
constexpr int kSweepMs = 20;
constexpr int kGiveUpMs = 5000;

QJsonArray singleStep(bool running, bool succeeded)
{
    return QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("python")},
                                    {QStringLiteral("succeedTasks"), succeeded ? 1 : 0},
                                    {QStringLiteral("failedTasks"), 0},
                                    {QStringLiteral("runningTasks"), running ? 1 : 0},
                                    {QStringLiteral("totalTasks"), 1}}};
}

} // namespace

PythonSession::PythonSession(Identity identity, QString workDir, QByteArray gatewayMark,
                             QObject *parent)
    : ReusableEngine(std::move(identity), parent)
    , m_workDir(std::move(workDir))
    , m_gatewayMark(std::move(gatewayMark))
    , m_nonce(QUuid::createUuid().toString(QUuid::Id128).toLatin1())
{
    m_sweepTimer.setInterval(kSweepMs);
    connect(&m_sweepTimer, &QTimer::timeout, this, &PythonSession::sweep);
    connect(&m_process, &QProcess::readyReadStandardOutput, this,
            [this] { read(QProcess::StandardOutput); });
    connect(&m_process, &QProcess::readyReadStandardError, this,
            [this] { read(QProcess::StandardError); });
    connect(&m_process, &QProcess::finished, this, &PythonSession::onProcessFinished);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            failStart(QStringLiteral("Cannot start python3: %1").arg(m_process.errorString()));
    });
}

PythonSession::~PythonSession()
{
    m_process.disconnect(this);
    if (m_process.state() != QProcess::NotRunning) {
        m_tree.signalAll(SIGKILL);
        m_process.waitForFinished(2000);
    }
    m_tree.signalAll(SIGKILL);
    QDir(m_workDir).removeRecursively();
}

qint64 PythonSession::memoryBytes() const
{
    if (status() == Status::Ended || m_pid == 0)
        return 0;
    static const qint64 page = ::sysconf(_SC_PAGESIZE);
    qint64 total = 0;
    for (qint64 pid : m_tree.members()) {
        QFile statm(QStringLiteral("/proc/%1/statm").arg(pid));
        if (!statm.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> fields = statm.readAll().split(' ');
        if (fields.size() > 1)
            total += fields.at(1).toLongLong() * page; // resident pages
    }
    return total;
}

void PythonSession::start()
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (program.isEmpty()) {
        failStart(QStringLiteral("python3 was not found on PATH."));
        return;
    }
    QDir().mkpath(m_workDir);
    const QString driver = m_workDir + QStringLiteral("/linkis-desk-python-engine.py");
    QFile f(driver);
    const QByteArray source = PythonDriver::source();
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate, QFile::ReadOwner | QFile::WriteOwner) ||
        f.write(source) != source.size() || !f.flush()) {
        failStart(QStringLiteral("Cannot write %1: %2").arg(driver, f.errorString()));
        return;
    }
    f.close();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    env.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8"));
    env.insert(QStringLiteral("LINKIS_USER"), user());
    const QString mark = QUuid::createUuid().toString(QUuid::Id128);
    env.insert(QString::fromLatin1(ProcessTree::markVariable()), mark);
    env.insert(QString::fromLatin1(ProcessTree::gatewayVariable()),
               QFile::decodeName(m_gatewayMark));
    m_process.setProcessEnvironment(env);
    m_process.setWorkingDirectory(m_workDir);
    m_process.setProgram(program);
    m_process.setArguments({QStringLiteral("-u"), driver, QString::fromLatin1(m_nonce)});
    // As ProcessEngine: its own session, a child subreaper, ended with the gateway.
    m_process.setChildProcessModifier([] {
        ::setsid();
        ::prctl(PR_SET_CHILD_SUBREAPER, 1);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    });
    m_process.start();
    m_pid = m_process.processId();
    m_tree = ProcessTree(m_pid, ProcessTree::markVariable() + '=' + mark.toLatin1());
}

void PythonSession::failStart(const QString &why)
{
    qWarning("python engine %s: %s", qPrintable(instance()), qPrintable(why));
    m_exitWhy = why;
    if (m_job) {
        m_job->log->append(Level::Error, why);
        m_job.reset();
        QMetaObject::invokeMethod(
            this,
            [this, why] {
                jobLost(
                    EngineOutcome {EngineOutcome::Kind::Failed, ErrorCodes::EngineStart, why, 0});
            },
            Qt::QueuedConnection);
    }
    m_rootExited = true;
    setStatus(Status::ShuttingDown);
    m_sweepTimer.start();
}

void PythonSession::run(const EngineContext &context)
{
    m_job = context;
    m_jobSent = false;
    m_interrupted = false;
    jobStarted(context.taskId);
    if (m_rootExited) { // it could not start
        failStart(m_exitWhy);
        return;
    }
    emit progressChanged(0.0, singleStep(true, false));
    if (!version().isEmpty())
        sendJob(); // else when the driver says it is ready
}

void PythonSession::sendJob()
{
    QString error;
    if (!m_output.open(*m_job, &error)) {
        m_job->log->append(Level::Error, error);
        m_job.reset();
        jobEnded(
            EngineOutcome {EngineOutcome::Kind::Failed, ErrorCodes::OutputNotWritten, error, 0});
        return;
    }
    m_jobSent = true;
    m_marked[0] = m_marked[1] = false;
    if (jobsRun() == 0) {
        m_job->log->append(Level::Info,
                           QStringLiteral("Python %1 engine %2 started (pid %3).")
                               .arg(version(), instance())
                               .arg(m_pid));
    }
    const QJsonObject job {{QStringLiteral("id"), double(m_job->taskId)},
                           {QStringLiteral("code"), m_job->code}};
    m_process.write(QJsonDocument(job).toJson(QJsonDocument::Compact) + '\n');
}

void PythonSession::read(QProcess::ProcessChannel channel)
{
    const auto ch =
        channel == QProcess::StandardOutput ? ProcessOutput::Stdout : ProcessOutput::Stderr;
    m_process.setReadChannel(channel);
    QByteArray &buf = m_buffer[ch];
    buf += m_process.readAll();
    const QByteArray prefix = PythonDriver::markerPrefix(m_nonce);
    auto output = [this, ch](const QByteArray &data) {
        if (data.isEmpty() || !m_job || !m_jobSent || m_marked[ch])
            return; // nothing runs: stray output of a background thread is dropped
        m_output.add(ch, data);
        if (!m_interrupted && !m_output.outputError().isEmpty()) {
            m_job->log->append(Level::Error,
                               m_output.outputError() + QStringLiteral("; stopping the job."));
            interrupt();
        }
    };
    while (!buf.isEmpty()) {
        const qsizetype at = buf.indexOf(prefix);
        if (at < 0) {
            // Keep what may be the start of a marker cut by the pipe.
            qsizetype keep = qMin(prefix.size() - 1, buf.size());
            while (keep > 0 && !prefix.startsWith(buf.right(keep)))
                --keep;
            output(buf.left(buf.size() - keep));
            buf = buf.right(keep);
            return;
        }
        output(buf.left(at));
        const qsizetype nl = buf.indexOf('\n', at);
        if (nl < 0) {
            buf.remove(0, at);
            return;
        }
        const QByteArray json = buf.mid(at + prefix.size(), nl - at - prefix.size());
        buf.remove(0, nl + 1);
        onMarker(ch, QJsonDocument::fromJson(json).object());
    }
}

void PythonSession::onMarker(ProcessOutput::Channel channel, const QJsonObject &marker)
{
    m_marked[channel] = true;
    if (channel == ProcessOutput::Stdout)
        m_endMarker = marker;
    if (!m_marked[0] || !m_marked[1])
        return;
    m_marked[0] = m_marked[1] = false;
    if (m_endMarker.value(QStringLiteral("ready")).toBool()) {
        setVersion(m_endMarker.value(QStringLiteral("version")).toString());
        setStatus(m_job ? Status::Busy : Status::Idle);
        if (m_job)
            sendJob();
        return;
    }
    if (m_job && m_jobSent)
        endJob(m_endMarker);
}

void PythonSession::endJob(const QJsonObject &marker)
{
    m_output.flush(ProcessOutput::Stdout);
    m_output.flush(ProcessOutput::Stderr);
    killChildren();
    const QString result = marker.value(QStringLiteral("result")).toString();
    const QString lastError = m_output.lastError();
    EngineOutcome outcome {EngineOutcome::Kind::Succeed, 0, {}, 1};
    auto failed = [&](const QString &why) {
        m_job->log->append(Level::Error, why);
        outcome = EngineOutcome {EngineOutcome::Kind::Failed, ErrorCodes::ProcessFailed, why, 1};
    };
    if (!m_output.outputError().isEmpty()) {
        outcome = EngineOutcome {EngineOutcome::Kind::Failed, ErrorCodes::OutputNotWritten,
                                 m_output.outputError(), 1};
    } else if (result == QStringLiteral("interrupted")) {
        if (m_interrupted) {
            m_job->log->append(Level::Warn,
                               QStringLiteral("The job was interrupted (KeyboardInterrupt); the "
                                              "python engine and its variables are kept."));
            outcome = EngineOutcome {EngineOutcome::Kind::Cancelled, ErrorCodes::Cancelled,
                                     QStringLiteral("Killed on request."), 1};
        } else {
            failed(QStringLiteral("KeyboardInterrupt"));
        }
    } else if (result == QStringLiteral("exit")) {
        QString why = QStringLiteral("python3 exited with code %1")
                          .arg(marker.value(QStringLiteral("code")).toInt());
        if (!lastError.isEmpty())
            why += QStringLiteral(": ") + lastError;
        failed(why);
    } else if (result == QStringLiteral("error")) {
        const QString error = marker.value(QStringLiteral("error")).toString();
        failed(error.isEmpty() ? lastError : error);
    } else if (result != QStringLiteral("ok")) {
        failed(QStringLiteral("The python engine answered something unexpected: %1")
                   .arg(QString::fromUtf8(QJsonDocument(marker).toJson(QJsonDocument::Compact))));
    }
    QString closeError;
    if (!m_output.close(&closeError) && outcome.kind == EngineOutcome::Kind::Succeed) {
        m_job->log->append(Level::Error, closeError);
        outcome = EngineOutcome {EngineOutcome::Kind::Failed, ErrorCodes::OutputNotWritten,
                                 closeError, 1};
    }
    emit progressChanged(1.0, singleStep(false, outcome.kind == EngineOutcome::Kind::Succeed));
    m_job.reset();
    m_jobSent = false;
    m_interrupted = false;
    jobEnded(outcome);
}

void PythonSession::killChildren()
{
    for (qint64 pid : m_tree.members()) {
        if (pid != m_pid)
            ::kill(pid_t(pid), SIGKILL);
    }
}

void PythonSession::interrupt()
{
    if (!m_job || m_interrupted)
        return;
    m_interrupted = true;
    if (!m_jobSent) {
        // Still waiting for the engine to start: the job never ran.
        m_job->log->append(Level::Warn, QStringLiteral("The job was killed before it started."));
        m_job.reset();
        jobEnded(EngineOutcome {EngineOutcome::Kind::Cancelled, ErrorCodes::Cancelled,
                                QStringLiteral("Killed on request."), 0});
        return;
    }
    m_job->log->append(Level::Warn,
                       QStringLiteral("Interrupting the job (SIGINT: KeyboardInterrupt in "
                                      "python engine %1, pid %2).")
                           .arg(instance())
                           .arg(m_pid));
    ::kill(pid_t(m_pid), SIGINT);
    killChildren();
}

void PythonSession::terminate()
{
    if (m_terminating || status() == Status::Ended)
        return;
    m_terminating = true;
    setStatus(Status::ShuttingDown);
    m_sinceTerminate.start();
    m_tree.signalAll(SIGKILL);
    if (m_process.state() == QProcess::NotRunning)
        m_rootExited = true;
    m_sweepTimer.start();
}

void PythonSession::onProcessFinished(int exitCode, QProcess::ExitStatus exitStatus)
{
    read(QProcess::StandardOutput);
    read(QProcess::StandardError);
    m_rootExited = true;
    if (!m_sinceTerminate.isValid())
        m_sinceTerminate.start();
    const QString how = exitStatus == QProcess::CrashExit
        ? QStringLiteral("was killed by a signal")
        : QStringLiteral("exited with code %1").arg(exitCode);
    if (m_job) {
        EngineContext job = *m_job;
        m_job.reset();
        m_output.flush(ProcessOutput::Stdout);
        m_output.flush(ProcessOutput::Stderr);
        QString closeError;
        m_output.close(&closeError);
        EngineOutcome outcome;
        if (m_terminating) {
            const QString why = QStringLiteral("The python engine %1 was ended; its session "
                                               "state (variables, imports) is gone.")
                                    .arg(instance());
            job.log->append(Level::Warn, why);
            outcome = EngineOutcome {EngineOutcome::Kind::Cancelled, ErrorCodes::Cancelled, why, 1};
        } else {
            const QString why = QStringLiteral("The python engine %1 %2 while it ran the job; its "
                                               "session state (variables, imports) is gone.")
                                    .arg(instance(), how);
            job.log->append(Level::Error, why);
            outcome =
                EngineOutcome {EngineOutcome::Kind::Failed, ErrorCodes::ProcessFailed, why, 1};
        }
        emit progressChanged(1.0, singleStep(false, false));
        m_jobSent = false;
        m_lostOutcome = outcome;
    } else if (!m_terminating) {
        qWarning("python engine %s %s", qPrintable(instance()), qPrintable(how));
    }
    setStatus(Status::ShuttingDown);
    m_sweepTimer.start();
    sweep();
}

void PythonSession::sweep()
{
    if (status() == Status::Ended) {
        m_sweepTimer.stop();
        return;
    }
    const QList<qint64> left = m_tree.members();
    if (m_terminating) {
        for (qint64 pid : left)
            ::kill(pid_t(pid), SIGKILL);
    }
    if (!m_rootExited)
        return;
    // The root is gone: whatever it left behind goes too.
    for (qint64 pid : left)
        ::kill(pid_t(pid), SIGKILL);
    if (!left.isEmpty() && m_sinceTerminate.elapsed() < kGiveUpMs)
        return;
    if (!left.isEmpty())
        qWarning("python engine %s: %d process(es) could not be ended", qPrintable(instance()),
                 int(left.size()));
    m_sweepTimer.stop();
    QDir(m_workDir).removeRecursively();
    setStatus(Status::Ended);
    if (m_lostOutcome) {
        const EngineOutcome outcome = *m_lostOutcome;
        m_lostOutcome.reset();
        jobLost(outcome);
    }
    emit ended();
}

bool PythonSession::waitForEnded(int ms)
{
    QElapsedTimer waited;
    waited.start();
    terminate();
    if (m_process.state() != QProcess::NotRunning && !m_process.waitForFinished(ms))
        return false;
    while (m_tree.signalAll(SIGKILL) > 0) {
        if (waited.elapsed() >= ms)
            return false;
        QThread::msleep(kSweepMs);
    }
    sweep();
    return status() == Status::Ended;
}

} // namespace linkisdesk::gateway
