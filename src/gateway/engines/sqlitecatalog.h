// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/result.h"
#include "jobs/gatewaypaths.h"

#include <QList>
#include <QString>

#include <optional>

namespace linkisdesk::gateway {

// The SQLite databases a user sees, as Linkis databases: `default` (the user's workspace, with
// demo_sales), every file given with --database NAME=FILE, and every NAME.db file in the user's
// data folder (<data-dir>/databases/<user>/). SQL jobs see them as NAME.table (ATTACH); the
// datasource routes list them. A --database name wins over a file of the same name.
class SqliteCatalog
{
public:
    struct Database
    {
        QString name;
        QString file; // absolute path
        bool operator==(const Database &other) const = default;
    };

    SqliteCatalog(const GatewayPaths &paths, QList<Database> extra);

    // "NAME=FILE" as given on the command line; a clear Kind::Usage error otherwise.
    static Result<Database> parseSpec(const QString &spec);
    // Names SQL can use unquoted and SQLite does not reserve (main, temp, default).
    static bool isValidName(const QString &name);

    QString userFolder(const QString &user) const;
    // `default` first, then the others by name.
    QList<Database> databasesFor(const QString &user) const;
    // Case-insensitive, as Hive's names are.
    std::optional<Database> find(const QString &user, const QString &name) const;

private:
    GatewayPaths m_paths;
    QList<Database> m_extra;
};

} // namespace linkisdesk::gateway
