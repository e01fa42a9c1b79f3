// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandrunner.h"
#include "workspace/workspaceclient.h"

#include <memory>

namespace linkisdesk {

// ws ls [PATH] | cat PATH | put LOCAL PATH | get PATH LOCAL | rm PATH | mkdir PATH: the user's
// workspace scripts. PATH is relative to the workspace root the server names (or a full URI).
class WsCommand : public CommandRunner
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WsCommand)
public:
    using CommandRunner::CommandRunner;
    ~WsCommand() override;

    void start() override;

private:
    void run(const QString &root);
    void list(const QString &path);
    void cat(const QString &path);
    void put(const QString &local, const QString &path);
    void get(const QString &path, const QString &local);
    // Fails the command for an error, or ends it with ExitOk.
    void done(const Result<Unit> &result);

    std::unique_ptr<WorkspaceClient> m_client;
};

} // namespace linkisdesk
