// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/requesthandle.h"
#include "commandrunner.h"

namespace linkisdesk {

// jobs [--status S,...] [--since YYYY-MM-DD] [--limit N]: the user's jobs from job history.
class JobsCommand : public CommandRunner
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsCommand)
public:
    using CommandRunner::CommandRunner;
    ~JobsCommand() override;

    void start() override;

private:
    RequestHandle m_request;
};

} // namespace linkisdesk
