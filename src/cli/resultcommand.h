// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/requesthandle.h"
#include "commandrunner.h"

namespace linkisdesk {

class ResultPrinter;

// result TASK [--set N] [--format tsv|csv|json] [--output DIR]: a finished job's result sets.
class ResultCommand : public CommandRunner
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultCommand)
public:
    using CommandRunner::CommandRunner;
    ~ResultCommand() override;

    void start() override;

private:
    RequestHandle m_request;
    ResultPrinter *m_printer = nullptr;
};

} // namespace linkisdesk
