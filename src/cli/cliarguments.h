// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/result.h"
#include "results/rowformat.h"

#include <QDate>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace linkisdesk {

using KeyValueList = QList<QPair<QString, QString>>;

enum class CliCommand {
    Help,
    Version,
    Submit,
    Status,
    Progress,
    Log,
    Kill,
    Result,
    Jobs,
    Profile,
    Meta,
    Engines,
    Ws,
};

// Everything the command line said, checked for form (not yet for meaning on a server).
struct CliArguments
{
    // Global options.
    QString profile;
    QString server;
    QString user;
    QString auth; // "password", "token", "proxy" or empty (profile's / token)
    QString proxyUser;
    QString api; // "submit", "execute" or empty (profile's / submit)
    bool passwordStdin = false;
    bool json = false;
    bool quiet = false;
    int timeoutSec = 0; // --timeout; 0: LINKIS_DESK_TIMEOUT, else defaultTimeoutSec

    CliCommand command = CliCommand::Help;
    QString helpTopic; // the command help was asked for, if any

    // submit
    QString file; // a script path, "-" for stdin, empty with -e
    QString code; // from -e
    bool hasCode = false;
    QString engine; // "sqlite" or "spark-3.4.4"
    QString runType;
    QString creator;
    KeyValueList variables;
    KeyValueList startup;
    KeyValueList runtime;
    KeyValueList special;
    bool async = false;
    RowFormat format = RowFormat::Tsv;
    QString outputDir;

    // status, progress, log, kill, result
    qint64 taskId = 0;
    bool follow = false;
    QString level = QStringLiteral("all");
    bool noWait = false;
    int resultSet = -1; // --set N; -1 means every result set

    // jobs
    QStringList statuses;
    QDate since;
    int limit = 20;

    // profile
    QString profileAction; // list, add, remove, test, import-linkis-cli
    QString profileName; // add, remove, test
    QString importFile; // import-linkis-cli
    QString label; // profile add --label
    QString color; // profile add --color

    // meta
    QString metaAction; // dbs, tables, columns
    QString metaDatabase; // tables DB, columns DB.TABLE
    QString metaTable; // columns DB.TABLE

    // engines
    QString enginesAction = QStringLiteral("list"); // list, kill
    QString engineInstance; // kill ID (host:port)
    bool killIdle = false; // kill --idle

    // ws
    QString wsAction; // ls, cat, put, get, rm, mkdir
    QStringList wsArgs; // the action's paths, in order

    // How long one request may wait for the server before the command fails (exit code 5).
    static constexpr int defaultTimeoutSec = 30;
    static constexpr int maxTimeoutSec = 86400;
    // A timeout in seconds as --timeout or LINKIS_DESK_TIMEOUT (`source`) gives it.
    static Result<int> timeoutFrom(const QString &source, const QString &text);

    static Result<CliArguments> parse(const QStringList &arguments);
    static QString usage(const QString &topic = {});

    bool needsServer() const;
};

} // namespace linkisdesk
