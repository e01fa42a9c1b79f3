// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/result.h"
#include "gatewayoptions.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace linkisdesk::gateway {

class AuthService;
class HttpServer;
class JobManager;
class JobStore;
class Router;
class EntranceRoutes;
class UserRoutes;
class JobHistoryRoutes;
class FilesystemRoutes;
class WorkspaceRoutes;
class DatasourceRoutes;
class SqliteCatalog;
class GatewayPaths;
class EngineManager;
class LinkisManagerRoutes;

// The whole local gateway: job history, jobs, routes and the HTTP server. Tests can run it
// in-process; main.cpp runs it as linkis-desk-gateway.
class Gateway : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Gateway)

public:
    explicit Gateway(GatewayOptions options, QObject *parent = nullptr);
    ~Gateway() override;

    // Opens the data directory, marks jobs orphaned by an earlier run Failed, and listens.
    Result<QUrl> start();
    // What start() does before it listens: the data directory, job history, users and every
    // route. The returned server dispatches requests in process (the request fuzz target uses it)
    // and stays owned by the gateway.
    Result<HttpServer *> open();
    // Stops accepting connections and cancels every job (recorded Cancelled).
    void stop();

    QUrl url() const { return m_url; }
    QString token() const { return m_options.token; }
    QString dataDir() const { return m_options.dataDir; }
    JobManager &jobs() { return *m_jobs; }
    EngineManager &engines() { return *m_engines; }

    static QString defaultDataDir();
    static QString newToken();

private:
    // The job history, checked (a damaged or emptied store is refused with how to recover).
    static Result<std::unique_ptr<JobStore>> openStore(const GatewayPaths &paths);

    GatewayOptions m_options;
    QUrl m_url;
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<EngineManager> m_engines; // outlives the jobs that run in its engines
    std::unique_ptr<JobManager> m_jobs;
    std::unique_ptr<EntranceRoutes> m_entrance;
    std::unique_ptr<UserRoutes> m_user;
    std::unique_ptr<JobHistoryRoutes> m_history;
    std::unique_ptr<FilesystemRoutes> m_filesystem;
    std::unique_ptr<WorkspaceRoutes> m_workspace;
    std::unique_ptr<SqliteCatalog> m_catalog;
    std::unique_ptr<DatasourceRoutes> m_datasource;
    std::unique_ptr<LinkisManagerRoutes> m_linkisManager;
    std::unique_ptr<HttpServer> m_http;
};

} // namespace linkisdesk::gateway
