// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace linkisdesk {

// One table or view of datasource/tables. Times are the metastore's epoch SECONDS (0: unknown);
// lastAccessAt is nearly always 0 on Hive.
struct TableInfo
{
    QString database;
    QString name;
    bool isView = false;
    QString createdBy;
    qint64 createdAtSecs = 0;
    qint64 lastAccessAtSecs = 0;

    QString qualifiedName() const { return database + u'.' + name; }
    bool operator==(const TableInfo &other) const = default;
};

// One column of datasource/columns: data columns first, then partition keys.
struct ColumnInfo
{
    QString name;
    QString type; // as the server spells it: bigint, string, decimal(10,2)...
    QString comment; // empty when the server sent null
    bool partitioned = false;

    bool operator==(const ColumnInfo &other) const = default;
};

// One node of datasource/partitions ("ds=20240102" with its "hour=00" children).
struct PartitionNode
{
    QString label; // hour=00
    QString path; // ds=20240102/hour=00
    std::vector<PartitionNode> children;
};

struct PartitionInfo
{
    QString tableName; // db.table
    bool isPartitioned = false;
    std::vector<PartitionNode> partitions; // names sorted descending, as the server sends them
};

// datasource/size: the server's display text ("12.3 MB"; empty when HDFS failed).
struct TableSize
{
    QString tableName;
    QString partitionName;
    QString size;
};

} // namespace linkisdesk
