// SPDX-License-Identifier: GPL-3.0-or-later
#include "gateway.h"

#include "engines/enginemanager.h"
#include "engines/processtree.h"
#include "engines/sqlitecatalog.h"
#include "http/authservice.h"
#include "http/httpserver.h"
#include "http/router.h"
#include "jobs/jobmanager.h"
#include "routes/datasourceroutes.h"
#include "routes/entranceroutes.h"
#include "routes/filesystemroutes.h"
#include "routes/jobhistoryroutes.h"
#include "routes/linkismanagerroutes.h"
#include "routes/userroutes.h"
#include "routes/workspaceroutes.h"
#include "store/jobstore.h"

#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QThread>

#include <csignal>

namespace linkisdesk::gateway {

Gateway::Gateway(GatewayOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    if (m_options.dataDir.isEmpty())
        m_options.dataDir = defaultDataDir();
    if (m_options.token.isEmpty())
        m_options.token = newToken();
    if (m_options.maxJobs <= 0)
        m_options.maxJobs = qMax(1, QThread::idealThreadCount());
}

Gateway::~Gateway()
{
    stop();
    m_http.reset(); // before the routes it calls
}

QString Gateway::defaultDataDir()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return base + QStringLiteral("/linkis-desk/gateway");
}

QString Gateway::newToken()
{
    QByteArray raw(24, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(raw.data()),
                                         reinterpret_cast<quint32 *>(raw.data() + raw.size()));
    return QString::fromLatin1(raw.toHex());
}

Result<HttpServer *> Gateway::open()
{
    auto fail = [](const QString &message) { return ApiError::make(ApiError::Kind::Io, message); };
    // Private: history, results and logs are the user's alone (an existing directory too).
    if (!QDir().mkpath(m_options.dataDir))
        return fail(QStringLiteral("cannot create the data directory %1").arg(m_options.dataDir));
    QFile::setPermissions(m_options.dataDir,
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const GatewayPaths paths(m_options.dataDir);

    Result<std::unique_ptr<JobStore>> store = openStore(paths);
    if (!store)
        return store.error();
    m_store = std::move(store).value();
    const auto orphans = m_store->failOrphans(
        QStringLiteral("The gateway stopped while this job was running (it was restarted or "
                       "killed), so the job did not finish."));
    if (!orphans.isEmpty())
        qInfo("marked %d job(s) left running by an earlier run as Failed", int(orphans.size()));
    // A gateway killed hard leaves what its python and shell jobs started running.
    const QList<qint64> leftBehind = ProcessTree::leftBehind(paths.dataDir());
    for (qint64 pid : leftBehind)
        ::kill(pid_t(pid), SIGKILL);
    if (!leftBehind.isEmpty()) {
        qInfo("ended %d process(es) left running by jobs of an earlier run",
              int(leftBehind.size()));
    }

    QString error;
    m_auth = std::make_unique<AuthService>(m_options.token);
    if (!m_options.usersFile.isEmpty() && !m_auth->loadUsers(m_options.usersFile, &error))
        return fail(error);
    if (!m_options.proxyConfigFile.isEmpty() &&
        !m_auth->loadProxyConfig(m_options.proxyConfigFile, &error))
        return fail(error);

    m_router = std::make_unique<Router>();
    m_engines = std::make_unique<EngineManager>(
        paths.dataDir(),
        EngineManager::Limits {m_options.engineIdleTimeoutMs, m_options.maxEnginesPerUser});
    m_jobs = std::make_unique<JobManager>(*m_store, paths, m_options.maxJobs);
    m_jobs->setEngines(m_engines.get());
    m_linkisManager = std::make_unique<LinkisManagerRoutes>(*m_engines);
    m_linkisManager->install(*m_router);
    m_entrance = std::make_unique<EntranceRoutes>(*m_jobs);
    m_user = std::make_unique<UserRoutes>(*m_auth);
    m_history = std::make_unique<JobHistoryRoutes>(*m_jobs, *m_store);
    m_filesystem = std::make_unique<FilesystemRoutes>(paths);
    m_entrance->install(*m_router);
    m_user->install(*m_router);
    m_history->install(*m_router);
    m_filesystem->install(*m_router);
    m_workspace = std::make_unique<WorkspaceRoutes>(paths);
    m_workspace->install(*m_router);
    m_filesystem->setWorkspace(m_workspace.get());
    QList<SqliteCatalog::Database> databases;
    for (const QString &spec : std::as_const(m_options.databases)) {
        const auto parsed = SqliteCatalog::parseSpec(spec);
        if (!parsed)
            return parsed.error();
        databases.append(*parsed);
    }
    m_catalog = std::make_unique<SqliteCatalog>(paths, databases);
    m_jobs->setCatalog(m_catalog.get());
    m_datasource = std::make_unique<DatasourceRoutes>(*m_catalog);
    m_datasource->install(*m_router);
    m_http = std::make_unique<HttpServer>(*m_router, *m_auth, m_options.http);
    return m_http.get();
}

Result<std::unique_ptr<JobStore>> Gateway::openStore(const GatewayPaths &paths)
{
    const QString db = paths.historyDb();
    const QString recovery =
        QStringLiteral("The gateway did not start, so that nothing more is lost. To recover, stop "
                       "any gateway using %1, move the damaged file aside (for example: mv %2 "
                       "%2.damaged, and %2-wal and %2-shm with it if they exist) and start again: "
                       "a new, empty job history is created, new task IDs continue after the "
                       "highest one found in %1, and the result and log files stay where they "
                       "are.")
            .arg(paths.dataDir(), db);
    auto damaged = [&](const QString &what) {
        return ApiError::make(ApiError::Kind::Io, what + QStringLiteral(". ") + recovery);
    };
    // Files of earlier tasks: their IDs must not be handed out again, whatever the store says.
    const qint64 highestOnDisk = paths.highestTaskIdOnDisk();
    if (highestOnDisk > 0 && JobStore::isEmptyFile(db)) {
        return damaged(QStringLiteral("the job history %1 is empty (0 bytes), but %2 holds the "
                                      "files of tasks up to %3")
                           .arg(db, paths.dataDir())
                           .arg(highestOnDisk));
    }
    auto store = std::make_unique<JobStore>();
    QString error;
    bool isDamaged = false;
    if (!store->open(db, &error, &isDamaged))
        return isDamaged ? damaged(error) : ApiError::make(ApiError::Kind::Io, error);
    if (!store->keepTaskIdsAbove(highestOnDisk, &error)) {
        return ApiError::make(
            ApiError::Kind::Io,
            QStringLiteral("the job history %1 cannot be written (%2)").arg(db, error));
    }
    return store;
}

Result<QUrl> Gateway::start()
{
    auto fail = [](const QString &message) { return ApiError::make(ApiError::Kind::Io, message); };
    const Result<HttpServer *> opened = open();
    if (!opened)
        return opened.error();

    const QHostAddress address = m_options.host == QStringLiteral("localhost")
        ? QHostAddress(QHostAddress::LocalHost)
        : QHostAddress(m_options.host);
    if (address.isNull())
        return fail(QStringLiteral("--host %1 is not an IP address").arg(m_options.host));
    if (!address.isLoopback()) {
        qWarning("WARNING: listening on %s, which is not a loopback address: anyone who can "
                 "reach it and knows the token can run code as you.",
                 qPrintable(m_options.host));
    }
    const quint16 port = m_http->start(address, m_options.port);
    if (port == 0) {
        return fail(QStringLiteral("cannot listen on %1:%2 (is the port in use?)")
                        .arg(m_options.host)
                        .arg(m_options.port));
    }
    // A wildcard bind is still reached locally through loopback; advertise that.
    QString hostForUrl = address.toString();
    if (address == QHostAddress::AnyIPv4 || address == QHostAddress::Any)
        hostForUrl = QStringLiteral("127.0.0.1");
    else if (address == QHostAddress::AnyIPv6)
        hostForUrl = QStringLiteral("[::1]");
    else if (address.protocol() == QAbstractSocket::IPv6Protocol)
        hostForUrl = u'[' + hostForUrl + u']';
    m_jobs->setInstance(hostForUrl + u':' + QString::number(port));
    m_engines->setHost(hostForUrl);
    m_url = QUrl(QStringLiteral("http://%1:%2").arg(hostForUrl).arg(port));
    return m_url;
}

void Gateway::stop()
{
    if (m_http)
        m_http->stopAccepting();
    if (m_jobs)
        m_jobs->shutdown();
    if (m_engines)
        m_engines->shutdown();
}

} // namespace linkisdesk::gateway
