// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/router.h"
#include "jobs/gatewaypaths.h"

namespace linkisdesk::gateway {

// filesystem/getDirFileTrees, openFile (result pages) and openLog, restricted to the caller's
// own result and log directories.
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

private:
    ApiReply dirFileTrees(ApiRequest &request);
    ApiReply openFile(ApiRequest &request);
    ApiReply openLog(ApiRequest &request);

    GatewayPaths m_paths;
};

} // namespace linkisdesk::gateway
