// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/router.h"
#include "jobs/gatewaypaths.h"

namespace linkisdesk::gateway {

class WorkspaceRoutes;

// filesystem/getDirFileTrees, openFile (result pages) and openLog, restricted to the caller's
// own result and log directories; getDirFileTrees and openFile of any other path go to
// WorkspaceRoutes.
class FilesystemRoutes
{
public:
    static constexpr qint64 kDefaultPageSize = 5000;
    static constexpr qint64 kMaxPageSize = 100000;
    static constexpr qint64 kMaxLogBytes = 30LL * 1024 * 1024;

    explicit FilesystemRoutes(const GatewayPaths &paths)
        : m_paths(paths)
    { }
    void install(Router &router);
    void setWorkspace(WorkspaceRoutes *workspace) { m_workspace = workspace; }

private:
    bool isWorkspacePath(const ApiRequest &request) const;
    ApiReply dirFileTrees(ApiRequest &request);
    ApiReply openFile(ApiRequest &request);
    ApiReply openLog(ApiRequest &request);

    GatewayPaths m_paths;
    WorkspaceRoutes *m_workspace = nullptr;
};

} // namespace linkisdesk::gateway
