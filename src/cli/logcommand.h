// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/logchunk.h"
#include "api/loglevel.h"
#include "api/requesthandle.h"
#include "api/taskinfo.h"
#include "commandrunner.h"

namespace linkisdesk {

class JobTracker;
class LinkisClient;

// log TASK [--follow] [--level all|error|warn|info]: the job's log on stdout. Without --follow
// it prints what exists now (the live entrance log, or the log file once the job is over); with
// --follow it keeps printing until the job ends, and exits with the job's status.
class LogCommand : public CommandRunner
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogCommand)
public:
    using CommandRunner::CommandRunner;
    ~LogCommand() override;

    void start() override;

    // The lines of a chunk that --level names (all of them without one).
    static QString slot(const LogChunk &chunk, const QString &level);
    static bool levelMatches(LogLevel level, const QString &wanted);

private:
    void printOnce(LinkisClient *client, const TaskInfo &task);
    void readLive(LinkisClient *client, const TaskInfo &task, int fromLine);
    void readFile(LinkisClient *client, const TaskInfo &task);
    void follow(LinkisClient *client, const TaskInfo &task);
    void printText(const QString &text);

    RequestHandle m_request;
    JobTracker *m_tracker = nullptr;
};

} // namespace linkisdesk
