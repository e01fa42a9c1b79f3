// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/router.h"

namespace linkisdesk::gateway {

class SqliteCatalog;

// datasource/dbs, tables, columns, partitions, size, all and getByAccessTime on the user's
// SQLite databases (SqliteCatalog), in the shapes of Linkis' DataSourceRestfulApi
// (linkis-protocol-2.md §1, §8.1): `isView` from sqlite_master, createdAt in SECONDS,
// lastAccessAt 0, lower-case column types, null comments, no partitions, size as Linkis' display
// text; a table whose columns cannot be read answers `columns: null` with status 0, as Hive does
// for a table without grant; getByAccessTime maps each database to its own tables.
class DatasourceRoutes
{
public:
    explicit DatasourceRoutes(const SqliteCatalog &catalog)
        : m_catalog(catalog)
    { }
    void install(Router &router);

    // Linkis' ByteTimeUtils text: "%.1f B|KB|MB|GB|TB", a unit used from twice its size up.
    static QString bytesToString(qint64 bytes);

private:
    ApiReply dbs(ApiRequest &request);
    ApiReply tables(ApiRequest &request);
    ApiReply columns(ApiRequest &request);
    ApiReply partitions(ApiRequest &request);
    ApiReply size(ApiRequest &request);
    ApiReply all(ApiRequest &request);

    const SqliteCatalog &m_catalog;
};

} // namespace linkisdesk::gateway
