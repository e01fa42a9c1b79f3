// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/router.h"
#include "jobs/gatewaypaths.h"
#include "routes/workspaceguard.h"

namespace linkisdesk::gateway {

// The workspace scripts of linkis-protocol-2.md §3 over a folder per user in the data folder
// (workspace/<user>, made on first use): getUserRootPath, saveScript, createNewFile,
// createNewDir, rename, move, deleteDirOrFile, isExist, download, upload; getDirFileTrees and
// openFile come through FilesystemRoutes, which hands over the paths outside the results. Every
// path goes through WorkspaceGuard; errors carry Linkis' codes and texts (status 1, HTTP 400).
class WorkspaceRoutes
{
public:
    static constexpr qint64 kMaxOpenBytes = 30LL * 1024 * 1024; // 80032 above

    explicit WorkspaceRoutes(const GatewayPaths &paths)
        : m_paths(paths)
    { }
    void install(Router &router);

    QString rootOf(const QString &user) const;
    ApiReply dirFileTrees(ApiRequest &request);
    ApiReply openFile(ApiRequest &request);

private:
    ApiReply rootPath(ApiRequest &request);
    ApiReply saveScript(ApiRequest &request);
    ApiReply createNewFile(ApiRequest &request);
    ApiReply createNewDir(ApiRequest &request);
    ApiReply rename(ApiRequest &request);
    ApiReply move(ApiRequest &request);
    ApiReply deleteDirOrFile(ApiRequest &request);
    ApiReply isExist(ApiRequest &request);
    ApiReply download(ApiRequest &request);
    ApiReply upload(ApiRequest &request);

    WorkspaceGuard guardFor(const ApiRequest &request) const;
    bool ensureRoot(const QString &user) const;

    GatewayPaths m_paths;
};

} // namespace linkisdesk::gateway
