// SPDX-License-Identifier: GPL-3.0-or-later
#include "gatewayoptions.h"

#include "engines/sqlitecatalog.h"

#include <QCommandLineParser>

namespace linkisdesk::gateway {

Result<GatewayOptions> GatewayOptions::parse(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "A local Apache Linkis-compatible gateway: runs SQL (SQLite), python and shell jobs "
        "behind the Linkis REST API under /api/rest_j/v1."));
    p.addHelpOption();
    const QCommandLineOption version(QStringLiteral("version"),
                                     QStringLiteral("Print the version and exit."));
    const QCommandLineOption host(QStringLiteral("host"),
                                  QStringLiteral("Address to listen on (default 127.0.0.1)."),
                                  QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Port to listen on (default 0: any free port)."),
                                  QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Where job history, logs, results and "
                                                    "workspaces are kept."),
                                     QStringLiteral("dir"));
    const QCommandLineOption token(QStringLiteral("token"),
                                   QStringLiteral("The Token-Code clients must send (default: a "
                                                  "new random token)."),
                                   QStringLiteral("token"));
    const QCommandLineOption users(QStringLiteral("users"),
                                   QStringLiteral("Accounts for user/login, one name=password "
                                                  "line each."),
                                   QStringLiteral("file"));
    const QCommandLineOption proxy(QStringLiteral("proxy-config"),
                                   QStringLiteral("proxy.properties: validationCode=user1,user2 "
                                                  "or validationCode=*."),
                                   QStringLiteral("file"));
    const QCommandLineOption maxJobs(QStringLiteral("max-jobs"),
                                     QStringLiteral("Jobs run at once; more are queued "
                                                    "(default: the CPU count)."),
                                     QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption runtime(QStringLiteral("runtime-file"),
                                     QStringLiteral("Write {\"url\",\"token\",\"pid\"} there "
                                                    "(mode 0600) while running."),
                                     QStringLiteral("path"));
    const QCommandLineOption database(
        QStringLiteral("database"),
        QStringLiteral("Serve the SQLite file FILE as the database NAME (SQL sees NAME.table); "
                       "repeatable. NAME.db files in <data-dir>/databases/<user>/ are served "
                       "too."),
        QStringLiteral("NAME=FILE"));
    const HttpLimits defaults;
    const QCommandLineOption maxConnections(
        QStringLiteral("max-connections"),
        QStringLiteral("HTTP connections open at once; more are answered 503 (default %1).")
            .arg(defaults.maxConnections),
        QStringLiteral("n"), QString::number(defaults.maxConnections));
    const QCommandLineOption idleTimeout(
        QStringLiteral("idle-timeout"),
        QStringLiteral("Close a connection that has no request in progress after this many "
                       "seconds (default %1).")
            .arg(defaults.idleTimeoutMs / 1000),
        QStringLiteral("seconds"), QString::number(defaults.idleTimeoutMs / 1000));
    const QCommandLineOption requestTimeout(
        QStringLiteral("request-timeout"),
        QStringLiteral("A request's headers and body must arrive within this many seconds, or "
                       "it gets 408 (default %1).")
            .arg(defaults.requestTimeoutMs / 1000),
        QStringLiteral("seconds"), QString::number(defaults.requestTimeoutMs / 1000));
    const QCommandLineOption engineIdle(
        QStringLiteral("engine-idle-timeout"),
        QStringLiteral("End a reused python or SQL engine after this many idle seconds "
                       "(default 1800)."),
        QStringLiteral("seconds"), QStringLiteral("1800"));
    const QCommandLineOption maxEngines(
        QStringLiteral("max-engines-per-user"),
        QStringLiteral("Reused engines a user may have at once (default 4); beyond, a job runs "
                       "in an engine of its own."),
        QStringLiteral("n"), QStringLiteral("4"));
    p.addOptions({version, host, port, dataDir, token, users, proxy, maxJobs, runtime, database,
                  maxConnections, idleTimeout, requestTimeout, engineIdle, maxEngines});
    if (!p.parse(arguments))
        return ApiError::make(ApiError::Kind::Usage, p.errorText());
    if (p.isSet(QStringLiteral("help")))
        p.showHelp(0);
    if (!p.positionalArguments().isEmpty()) {
        return ApiError::make(
            ApiError::Kind::Usage,
            QStringLiteral("unexpected argument: %1").arg(p.positionalArguments().constFirst()));
    }
    GatewayOptions o;
    o.showVersion = p.isSet(version);
    o.host = p.value(host);
    bool ok = false;
    const uint portValue = p.value(port).toUInt(&ok);
    if (!ok || portValue > 65535)
        return ApiError::make(ApiError::Kind::Usage, QStringLiteral("--port must be 0..65535"));
    o.port = quint16(portValue);
    o.dataDir = p.value(dataDir);
    o.token = p.value(token);
    o.usersFile = p.value(users);
    o.proxyConfigFile = p.value(proxy);
    o.maxJobs = p.value(maxJobs).toInt(&ok);
    if (!ok || o.maxJobs < 0)
        return ApiError::make(ApiError::Kind::Usage, QStringLiteral("--max-jobs must be >= 0"));
    o.runtimeFile = p.value(runtime);
    o.databases = p.values(database);
    QStringList names;
    for (const QString &spec : std::as_const(o.databases)) {
        const auto parsed = SqliteCatalog::parseSpec(spec);
        if (!parsed)
            return parsed.error();
        if (names.contains(parsed->name, Qt::CaseInsensitive)) {
            return ApiError::make(ApiError::Kind::Usage,
                                  QStringLiteral("--database %1: the name %2 is given twice")
                                      .arg(spec, parsed->name));
        }
        names.append(parsed->name);
    }
    o.http.maxConnections = p.value(maxConnections).toInt(&ok);
    if (!ok || o.http.maxConnections < 1)
        return ApiError::make(ApiError::Kind::Usage,
                              QStringLiteral("--max-connections must be >= 1"));
    // Seconds, fractions allowed; at most a day.
    const auto milliseconds = [&p](const QCommandLineOption &option, int *out) {
        bool valid = false;
        const double seconds = p.value(option).toDouble(&valid);
        if (!valid || seconds < 0.1 || seconds > 86400)
            return false;
        *out = int(seconds * 1000);
        return true;
    };
    if (!milliseconds(idleTimeout, &o.http.idleTimeoutMs))
        return ApiError::make(ApiError::Kind::Usage,
                              QStringLiteral("--idle-timeout must be 0.1..86400 seconds"));
    if (!milliseconds(requestTimeout, &o.http.requestTimeoutMs))
        return ApiError::make(ApiError::Kind::Usage,
                              QStringLiteral("--request-timeout must be 0.1..86400 seconds"));
    if (!milliseconds(engineIdle, &o.engineIdleTimeoutMs))
        return ApiError::make(ApiError::Kind::Usage,
                              QStringLiteral("--engine-idle-timeout must be 0.1..86400 seconds"));
    o.maxEnginesPerUser = p.value(maxEngines).toInt(&ok);
    if (!ok || o.maxEnginesPerUser < 1)
        return ApiError::make(ApiError::Kind::Usage,
                              QStringLiteral("--max-engines-per-user must be >= 1"));
    if (p.isSet(token) && o.token.isEmpty())
        return ApiError::make(ApiError::Kind::Usage, QStringLiteral("--token must not be empty"));
    return o;
}

} // namespace linkisdesk::gateway
