// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/result.h"
#include "metadata/metadatatypes.h"

#include <QByteArray>

// Turns datasource/* replies into typed values. Pure functions, tested on recorded replies of
// real Linkis (linkis-protocol-2.md §1 and §9): success is status 0 whatever the message says;
// `columns: null` with status 0 means the user has no grant on the table (Kind::Forbidden);
// table times are seconds. getByAccessTime is deliberately not parsed: it hands each database
// the previous one's tables.
namespace linkisdesk::metadata {

// data.dbs = [{dbName}] (plain strings, as metadataQuery sends them, are accepted too).
Result<QStringList> parseDatabases(int httpStatus, const QByteArray &body);
// data.tables; `database` fills TableInfo::database when a row has no databaseName.
Result<QList<TableInfo>> parseTables(int httpStatus, const QByteArray &body,
                                     const QString &database);
// data.columns; null -> Kind::Forbidden naming database.table.
Result<QList<ColumnInfo>> parseColumns(int httpStatus, const QByteArray &body,
                                       const QString &database, const QString &table);
Result<PartitionInfo> parsePartitions(int httpStatus, const QByteArray &body);
Result<TableSize> parseSize(int httpStatus, const QByteArray &body);

// The error a table without grant gets.
ApiError noGrantError(const QString &database, const QString &table, int httpStatus = 200);

} // namespace linkisdesk::metadata
