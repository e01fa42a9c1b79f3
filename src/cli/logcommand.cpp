// SPDX-License-Identifier: GPL-3.0-or-later
#include "logcommand.h"

#include "api/linkisclient.h"
#include "cliexit.h"
#include "clioutput.h"
#include "clisession.h"
#include "jobs/jobtracker.h"
#include "reconnectwatch.h"

namespace linkisdesk {

namespace {
constexpr int livePageLines = 10000;
} // namespace

LogCommand::~LogCommand()
{
    m_request.cancel();
}

QString LogCommand::slot(const LogChunk &chunk, const QString &level)
{
    if (level != u"error" && level != u"warn" && level != u"info")
        return chunk.all;
    // The lines of that level by the client's rule (api/loglevel), as --follow filters them:
    // the server's own level arrays file a program's stderr under error, warnings included.
    QString out;
    LogLevel current = LogLevel::Info;
    for (const QString &line : chunk.lines()) {
        current = classifyLogLine(line, current);
        if (levelMatches(current, level)) {
            out += line;
            out += u'\n';
        }
    }
    return out;
}

bool LogCommand::levelMatches(LogLevel level, const QString &wanted)
{
    if (wanted == u"error")
        return level == LogLevel::Error;
    if (wanted == u"warn")
        return level == LogLevel::Warn;
    if (wanted == u"info")
        return level == LogLevel::Info;
    return true;
}

void LogCommand::start()
{
    withTask(m_request, [this](LinkisClient *c, const TaskInfo &task) {
        if (m_args.follow)
            follow(c, task);
        else
            printOnce(c, task);
    });
}

void LogCommand::printText(const QString &text)
{
    if (text.isEmpty())
        return;
    QByteArray bytes = text.toUtf8();
    if (!bytes.endsWith('\n'))
        bytes.append('\n');
    m_out.write(bytes);
}

void LogCommand::printOnce(LinkisClient *client, const TaskInfo &task)
{
    if (isTerminal(task.status) && !task.logPath.isEmpty())
        readFile(client, task);
    else
        readLive(client, task, 1);
}

void LogCommand::readLive(LinkisClient *client, const TaskInfo &task, int fromLine)
{
    const JobRef job {task.taskId, task.pathExecId()};
    m_request = client->log(job, fromLine, livePageLines, this,
                            [this, client, task, fromLine](Result<LogChunk> chunk) {
                                if (!chunk) {
                                    // Gone from the entrance: the log file has it all.
                                    if (fromLine == 1 && !task.logPath.isEmpty())
                                        readFile(client, task);
                                    else
                                        fail(chunk.error());
                                    return;
                                }
                                printText(slot(*chunk, m_args.level));
                                const int next = chunk->nextFromLine;
                                const bool more = !chunk->all.isEmpty() && next > fromLine;
                                if (more)
                                    readLive(client, task, next);
                                else
                                    finish(ExitOk);
                            });
}

void LogCommand::readFile(LinkisClient *client, const TaskInfo &task)
{
    m_request = client->openLog(task.logPath, this, [this](Result<LogChunk> chunk) {
        if (!chunk) {
            fail(chunk.error());
            return;
        }
        printText(slot(*chunk, m_args.level));
        finish(ExitOk);
    });
}

void LogCommand::follow(LinkisClient *client, const TaskInfo &task)
{
    JobTracker::Options options;
    options.firstIntervalMs = 5;
    options.maxIntervalMs = 2000;
    options.fetchResultSets = false;
    m_tracker = new JobTracker(client, m_session->profile().name, options, this);
    m_tracker->setWatched(true); // the log and progress are shown as they come
    connect(m_tracker, &JobTracker::logLines, this,
            [this](const QStringList &lines, const QList<LogLevel> &levels) {
                QByteArray bytes;
                for (qsizetype i = 0; i < lines.size(); ++i) {
                    const LogLevel level = i < levels.size() ? levels.at(i) : LogLevel::Info;
                    if (!levelMatches(level, m_args.level))
                        continue;
                    bytes.append(lines.at(i).toUtf8());
                    bytes.append('\n');
                }
                m_out.write(bytes);
                m_out.flush();
            });
    connect(m_tracker, &JobTracker::finished, this,
            [this](JobStatus status) { finish(exitCodeForStatus(status)); });
    connect(m_tracker, &JobTracker::failed, this, [this](const ApiError &error) { fail(error); });
    connect(new ReconnectWatch(m_tracker, m_out, this), &ReconnectWatch::gaveUp, this,
            [this](const ApiError &error) { fail(error); });
    m_tracker->attach(JobRef {task.taskId, task.pathExecId()});
}

} // namespace linkisdesk
