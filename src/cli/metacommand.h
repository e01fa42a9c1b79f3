// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/requesthandle.h"
#include "commandrunner.h"
#include "metadata/metadataclient.h"

#include <memory>

namespace linkisdesk {

// meta dbs | tables DB | columns DB.TABLE: the server's datasource/* levels, one line each
// (TSV), or one JSON object per line with --json.
class MetaCommand : public CommandRunner
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetaCommand)
public:
    using CommandRunner::CommandRunner;
    ~MetaCommand() override;

    void start() override;

private:
    void run(MetadataClient *client);

    std::unique_ptr<MetadataClient> m_client;
    RequestHandle m_request;
};

} // namespace linkisdesk
