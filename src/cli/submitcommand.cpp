// SPDX-License-Identifier: GPL-3.0-or-later
#include "submitcommand.h"

#include "api/linkisclient.h"
#include "cliexit.h"
#include "clioutput.h"
#include "clisession.h"
#include "jobs/jobtracker.h"
#include "jobs/submitlookup.h"
#include "profiles/enginecatalog.h"
#include "reconnectwatch.h"
#include "resultprinter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace linkisdesk {

namespace {

// How long Ctrl+C waits for the gateway to confirm the kill.
constexpr int killWaitMs = 10000;

QVariantMap toMap(const KeyValueList &list)
{
    QVariantMap map;
    for (const auto &[key, value] : list)
        map.insert(key, value);
    return map;
}

Result<QString> readCode(const CliArguments &args)
{
    if (args.hasCode)
        return args.code;
    QFile file;
    bool opened = false;
    if (args.file == u'-')
        opened = file.open(stdin, QIODevice::ReadOnly);
    else {
        file.setFileName(args.file);
        opened = file.open(QIODevice::ReadOnly);
    }
    if (!opened)
        return ApiError::make(ApiError::Kind::Usage,
                              QCoreApplication::translate("SubmitCommand", "cannot read %1: %2")
                                  .arg(args.file, file.errorString()));
    const QByteArray bytes = file.readAll();
    // A NUL byte means a binary file, and no engine runs one.
    if (const qsizetype nul = bytes.indexOf('\0'); nul >= 0)
        return ApiError::make(ApiError::Kind::Usage,
                              QCoreApplication::translate("SubmitCommand",
                                                          "the script %1 contains a NUL byte "
                                                          "(at byte %2); is it a binary file?")
                                  .arg(args.file)
                                  .arg(nul));
    const QString code = QString::fromUtf8(bytes);
    if (code.trimmed().isEmpty())
        return ApiError::make(
            ApiError::Kind::Usage,
            QCoreApplication::translate("SubmitCommand", "the script %1 is empty").arg(args.file));
    return code;
}

} // namespace

SubmitCommand::~SubmitCommand() = default;

QString SubmitCommand::guessRunType(const QString &engineType)
{
    static const QStringList sql {QStringLiteral("sqlite"), QStringLiteral("hive"),
                                  QStringLiteral("jdbc"),   QStringLiteral("presto"),
                                  QStringLiteral("trino"),  QStringLiteral("mysql"),
                                  QStringLiteral("doris"),  QStringLiteral("starrocks")};
    const QString e = engineType.toLower();
    if (sql.contains(e))
        return QStringLiteral("sql");
    if (e == u"python" || e == u"py")
        return QStringLiteral("python");
    if (e == u"shell" || e == u"sh")
        return QStringLiteral("sh");
    return {};
}

Result<SubmitRequest> SubmitCommand::buildRequest(const QString &code)
{
    const Profile &profile = m_session->profile();
    SubmitRequest request;
    request.code = code;
    QString engine = m_args.engine;
    if (engine.isEmpty()) {
        engine = profile.engine;
        if (!profile.engineVersion.isEmpty())
            engine += u'-' + profile.engineVersion;
    }
    if (engine.isEmpty())
        return ApiError::make(ApiError::Kind::Usage,
                              tr("submit needs --engine ENGINE[-VERSION] (the profile has no "
                                 "default engine)"));
    const auto [type, version] = EngineCatalog::split(engine);
    request.engineType = type;
    request.engineVersion = version;
    request.runType = m_args.runType.isEmpty() ? guessRunType(type) : m_args.runType;
    if (request.runType.isEmpty())
        return ApiError::make(ApiError::Kind::Usage,
                              tr("submit needs --run-type for engine %1 (e.g. sql, python, "
                                 "scala, sh)")
                                  .arg(type));
    request.creator = !m_args.creator.isEmpty() ? m_args.creator
        : !profile.creator.isEmpty()            ? profile.creator
                                                : QStringLiteral("IDE");
    request.variables = toMap(m_args.variables);
    request.startup = toMap(m_args.startup);
    request.runtime = toMap(m_args.runtime);
    request.special = toMap(m_args.special);
    if (!m_args.file.isEmpty() && m_args.file != u'-')
        request.scriptPath = QFileInfo(m_args.file).absoluteFilePath();
    return request;
}

void SubmitCommand::start()
{
    auto code = readCode(m_args);
    if (!code) {
        fail(code.error());
        return;
    }
    m_session->open(this, [this, code = *code](Result<LinkisClient *> client) {
        if (!client) {
            fail(client.error());
            return;
        }
        auto request = buildRequest(code);
        if (!request) {
            fail(request.error());
            return;
        }
        if (m_args.async)
            submitAsync(*client, *request);
        else
            follow(*client, *request);
    });
}

void SubmitCommand::submitAsync(LinkisClient *client, const SubmitRequest &request)
{
    const qint64 sentAt = QDateTime::currentMSecsSinceEpoch();
    m_submit =
        client->submit(request, this, [this, client, request, sentAt](Result<SubmitResult> r) {
            if (!r && r.error().outcomeUnknown) {
                findSubmitted(client, request, sentAt, r.error());
                return;
            }
            if (!r) {
                fail(r.error());
                return;
            }
            printTask(JobRef {r->taskId, r->execId});
        });
}

void SubmitCommand::findSubmitted(LinkisClient *client, const SubmitRequest &request,
                                  qint64 sentAtMs, const ApiError &cause)
{
    // The same look-up JobTracker makes when it follows a job.
    m_submit = SubmitLookup::find(
        client, request, sentAtMs, this, [this, cause](Result<std::optional<TaskInfo>> r) {
            ApiError unknown = cause;
            if (!r) {
                unknown.message = tr("the submit's outcome is unknown: %1 Job history could not "
                                     "be checked either (%2); look for the job there before "
                                     "submitting again.")
                                      .arg(cause.message, r.error().message);
                fail(unknown);
                return;
            }
            if (!r.value()) {
                unknown.message = tr("the submit's outcome is unknown: %1 No job with this code "
                                     "was found in job history, so the server most likely did "
                                     "not run it; run the command again to submit it.")
                                      .arg(cause.message);
                fail(unknown);
                return;
            }
            const TaskInfo &task = *r.value();
            reportRecovered(task.taskId);
            printTask(JobRef {task.taskId, task.pathExecId()});
        });
}

void SubmitCommand::reportRecovered(qint64 taskId)
{
    m_out.notice(tr("the connection dropped before the server answered the submit; job history "
                    "has it as task %1 (it was not submitted again)")
                     .arg(taskId));
}

void SubmitCommand::printTask(const JobRef &job)
{
    if (m_out.json()) {
        QJsonObject o {{QStringLiteral("taskID"), job.taskId},
                       {QStringLiteral("execID"), job.execId}};
        m_out.write(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n');
    } else {
        m_out.writeLine(QString::number(job.taskId));
    }
    finish(ExitOk);
}

void SubmitCommand::follow(LinkisClient *client, const SubmitRequest &request)
{
    JobTracker::Options options;
    options.firstIntervalMs = 5; // a quick job is done before a human notices
    options.maxIntervalMs = 2000;
    options.killResendMs = 3000;
    options.killGiveUpMs = killWaitMs;
    m_tracker = new JobTracker(client, m_session->profile().name, options, this);
    m_tracker->setWatched(true); // the log and progress are shown as they come
    connect(m_tracker, &JobTracker::submitted, this, [this](const JobRef &job) {
        if (!m_out.quiet())
            m_out.logLines({tr("Task %1 submitted (execID %2)").arg(job.taskId).arg(job.execId)});
        if (m_interrupted && !m_killSent) {
            m_killSent = true;
            m_tracker->kill();
        }
    });
    connect(m_tracker, &JobTracker::submitRecovered, this,
            [this](const JobRef &job) { reportRecovered(job.taskId); });
    connect(m_tracker, &JobTracker::logLines, this,
            [this](const QStringList &lines) { m_out.logLines(lines); });
    connect(m_tracker, &JobTracker::statusChanged, this, [this](JobStatus status) {
        m_statusText = jobStatusName(status);
        m_out.progress(qMax(0.0, m_tracker->progress()), m_statusText);
    });
    connect(m_tracker, &JobTracker::progressChanged, this,
            [this](double progress) { m_out.progress(progress, m_statusText); });
    connect(new ReconnectWatch(m_tracker, m_out, this), &ReconnectWatch::gaveUp, this,
            [this](const ApiError &error) { fail(error); });
    connect(m_tracker, &JobTracker::killConfirmed, this, &SubmitCommand::reportKilled);
    connect(m_tracker, &JobTracker::killNotConfirmed, this, [this](int seconds) {
        fail(tr("task %1: kill not confirmed after %2 s").arg(m_tracker->taskId()).arg(seconds),
             ExitServer);
    });
    connect(m_tracker, &JobTracker::finished, this, &SubmitCommand::onFinished);
    connect(m_tracker, &JobTracker::failed, this, [this](const ApiError &error) { fail(error); });
    m_tracker->submit(request);
}

void SubmitCommand::onFinished(JobStatus status)
{
    if (isDone())
        return;
    if (m_interrupted) {
        reportKilled();
        return;
    }
    m_out.clearProgress();
    const qint64 task = m_tracker->taskId();
    if (status != JobStatus::Succeed) {
        const TaskInfo &info = m_tracker->taskInfo();
        QString message = tr("task %1 %2").arg(task).arg(jobStatusName(status));
        if (info.errCode)
            message += tr(": error %1").arg(*info.errCode);
        if (!info.errDesc.isEmpty())
            message += (info.errCode ? QStringLiteral(" ") : QStringLiteral(": ")) + info.errDesc;
        fail(message, ExitJobFailed);
        return;
    }
    m_printer =
        new ResultPrinter(m_tracker->client(), m_out, m_args.format, m_args.outputDir, task, this);
    connect(m_printer, &ResultPrinter::finished, this, [this] { finish(ExitOk); });
    connect(m_printer, &ResultPrinter::failed, this,
            [this](const ApiError &error) { fail(error); });
    m_printer->print(m_tracker->resultSets());
}

void SubmitCommand::interrupt(int count)
{
    if (count > 1 || !m_tracker) {
        CommandRunner::interrupt(count);
        return;
    }
    if (m_interrupted)
        return;
    m_interrupted = true;
    if (m_printer) {
        // The job is over; only the printing is stopped.
        m_printer->cancel();
        CommandRunner::interrupt(count);
        return;
    }
    m_out.notice(tr("interrupted: killing task %1 (Ctrl+C again to leave it running)")
                     .arg(m_tracker->taskId()));
    if (m_tracker->taskId() > 0) {
        m_killSent = true;
        m_tracker->kill();
    }
    m_killTimer = new QTimer(this);
    m_killTimer->setSingleShot(true);
    connect(m_killTimer, &QTimer::timeout, this, [this] {
        fail(tr("task %1: kill not confirmed after %2 s")
                 .arg(m_tracker->taskId())
                 .arg(killWaitMs / 1000 + 2),
             ExitServer);
    });
    m_killTimer->start(killWaitMs + 2000);
}

void SubmitCommand::reportKilled()
{
    if (isDone())
        return;
    fail(tr("task %1 killed (%2)").arg(m_tracker->taskId()).arg(jobStatusName(m_tracker->status())),
         ExitJobFailed);
}

} // namespace linkisdesk
