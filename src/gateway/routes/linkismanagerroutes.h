// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/router.h"

#include <QJsonObject>

namespace linkisdesk::gateway {

class EngineManager;
class JobManager;
class ReusableEngine;

// The engines of the caller, with the shapes and quirks of the Linkis manager (protocol part 2
// §2): rm/engines (no `engines` key when there are none, method null), rm/enginekill (a bare
// JSON array, asynchronous), listUserEngines, killEngineConn (owner checked),
// rm/userresources ("(user,creator)" keys, string percents), rm/engineType. Memory in bytes.
// Unlike Linkis, rm/enginekill skips other users' engines: engines are never shared.
class LinkisManagerRoutes
{
public:
    explicit LinkisManagerRoutes(EngineManager &engines)
        : m_engines(engines)
    { }
    void install(Router &router);

    static QJsonObject resourceJson(const ReusableEngine &engine);

private:
    ApiReply engines(ApiRequest &request);
    ApiReply engineKill(ApiRequest &request);
    ApiReply listUserEngines(ApiRequest &request);
    ApiReply killEngineConn(ApiRequest &request);
    ApiReply userResources(ApiRequest &request);

    EngineManager &m_engines;
};

} // namespace linkisdesk::gateway
