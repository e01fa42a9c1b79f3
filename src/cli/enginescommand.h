// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/requesthandle.h"
#include "commandrunner.h"
#include "engines/engineclient.h"

#include <QSet>
#include <QTimer>

#include <memory>

namespace linkisdesk {

// engines [list | kill ID | kill --idle]: the user's engines on the server, one line each (TSV)
// or one JSON object per line with --json. A kill waits until the server no longer lists the
// engine (kills are asynchronous in Linkis).
class EnginesCommand : public CommandRunner
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnginesCommand)
public:
    using CommandRunner::CommandRunner;
    ~EnginesCommand() override;

    void start() override;

private:
    void list(const QList<EngineInfo> &engines);
    void kill(const QList<EngineInfo> &engines);
    void pollUntilGone();

    std::unique_ptr<EngineClient> m_client;
    RequestHandle m_request;
    QSet<QString> m_killing;
    int m_polls = 0;
};

} // namespace linkisdesk
