// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/requesthandle.h"
#include "commandrunner.h"

namespace linkisdesk {

class JobTracker;

// kill TASK [--no-wait]: asks the gateway to kill the job and (by default) waits until it
// reports the job Cancelled.
class KillCommand : public CommandRunner
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KillCommand)
public:
    using CommandRunner::CommandRunner;
    ~KillCommand() override;

    void start() override;

private:
    RequestHandle m_request;
    JobTracker *m_tracker = nullptr;
};

} // namespace linkisdesk
