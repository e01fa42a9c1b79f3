// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/requesthandle.h"
#include "api/taskinfo.h"
#include "commandrunner.h"

namespace linkisdesk {

class LinkisClient;

// status TASK and progress TASK: one look at job history (and, for a live job's progress, at
// the entrance).
class StatusCommand : public CommandRunner
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusCommand)
public:
    using CommandRunner::CommandRunner;
    ~StatusCommand() override;

    void start() override;

private:
    void printStatus(const TaskInfo &task);
    void printProgress(LinkisClient *client, const TaskInfo &task);

    RequestHandle m_request;
};

} // namespace linkisdesk
