// SPDX-License-Identifier: GPL-3.0-or-later
#include "metadata/metadataparsers.h"

#include "api/linkisparsers.h"

#include <QJsonArray>

namespace linkisdesk::metadata {

namespace {

using parsers::toInt64;
using parsers::toText;

ApiError shapeError(const QString &what, int httpStatus, const QByteArray &body)
{
    return ApiError::make(
        ApiError::Kind::Parse,
        QStringLiteral("The server's %1 reply has an unexpected shape.").arg(what), httpStatus, 0,
        QString::fromUtf8(body.left(300)).simplified());
}

// Metastore times are epoch seconds. A value that can only be milliseconds (after the year
// 5000 as seconds) is converted, so a gateway that sends ms does not show dates far ahead.
qint64 toSeconds(const QJsonValue &value)
{
    const qint64 n = toInt64(value, 0);
    constexpr qint64 secondsLimit = 100000000000LL;
    return n > secondsLimit ? n / 1000 : qMax<qint64>(0, n);
}

bool toBool(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool();
    if (value.isString())
        return value.toString().compare(QStringLiteral("true"), Qt::CaseInsensitive) == 0;
    return toInt64(value, 0) != 0;
}

PartitionNode toNode(const QJsonObject &object)
{
    PartitionNode node;
    node.label = toText(object.value(QStringLiteral("label")));
    node.path = toText(object.value(QStringLiteral("path")));
    const QJsonArray children = object.value(QStringLiteral("children")).toArray();
    node.children.reserve(size_t(children.size()));
    for (const QJsonValue &child : children)
        node.children.push_back(toNode(child.toObject()));
    return node;
}

} // namespace

ApiError noGrantError(const QString &database, const QString &table, int httpStatus)
{
    return ApiError::make(ApiError::Kind::Forbidden,
                          QStringLiteral("You have no grant to read %1.%2: the server returned no "
                                         "columns for it.")
                              .arg(database, table),
                          httpStatus);
}

Result<QStringList> parseDatabases(int httpStatus, const QByteArray &body)
{
    const auto data = parsers::parseEnvelope(httpStatus, body);
    if (!data)
        return data.error();
    const QJsonValue dbs = data->value(QStringLiteral("dbs"));
    if (dbs.isNull() || dbs.isUndefined())
        return QStringList {};
    if (!dbs.isArray())
        return shapeError(QStringLiteral("database list"), httpStatus, body);
    QStringList names;
    const QJsonArray array = dbs.toArray();
    names.reserve(array.size());
    for (const QJsonValue &db : array) {
        const QString name =
            db.isObject() ? toText(db.toObject().value(QStringLiteral("dbName"))) : toText(db);
        if (!name.isEmpty())
            names.append(name);
    }
    return names;
}

Result<QList<TableInfo>> parseTables(int httpStatus, const QByteArray &body,
                                     const QString &database)
{
    const auto data = parsers::parseEnvelope(httpStatus, body);
    if (!data)
        return data.error();
    const QJsonValue tables = data->value(QStringLiteral("tables"));
    if (tables.isNull() || tables.isUndefined())
        return QList<TableInfo> {};
    if (!tables.isArray())
        return shapeError(QStringLiteral("table list"), httpStatus, body);
    QList<TableInfo> out;
    const QJsonArray array = tables.toArray();
    out.reserve(array.size());
    for (const QJsonValue &value : array) {
        TableInfo t;
        if (value.isString()) { // metadataQuery's plain names
            t.name = value.toString();
            t.database = database;
        } else {
            const QJsonObject o = value.toObject();
            t.name = toText(o.value(QStringLiteral("tableName")));
            t.database = toText(o.value(QStringLiteral("databaseName")));
            if (t.database.isEmpty())
                t.database = database;
            t.isView = toBool(o.value(QStringLiteral("isView")));
            t.createdBy = toText(o.value(QStringLiteral("createdBy")));
            t.createdAtSecs = toSeconds(o.value(QStringLiteral("createdAt")));
            t.lastAccessAtSecs = toSeconds(o.value(QStringLiteral("lastAccessAt")));
        }
        if (!t.name.isEmpty())
            out.append(std::move(t));
    }
    return out;
}

Result<QList<ColumnInfo>> parseColumns(int httpStatus, const QByteArray &body,
                                       const QString &database, const QString &table)
{
    const auto data = parsers::parseEnvelope(httpStatus, body);
    if (!data)
        return data.error();
    const QJsonValue columns = data->value(QStringLiteral("columns"));
    // status 0 with columns null (or missing): Hive gave this user no grant on the table.
    if (columns.isNull() || columns.isUndefined())
        return noGrantError(database, table, httpStatus);
    if (!columns.isArray())
        return shapeError(QStringLiteral("column list"), httpStatus, body);
    QList<ColumnInfo> out;
    const QJsonArray array = columns.toArray();
    out.reserve(array.size());
    for (const QJsonValue &value : array) {
        const QJsonObject o = value.toObject();
        ColumnInfo c;
        c.name = toText(o.value(QStringLiteral("columnName")));
        if (c.name.isEmpty()) // metadataQuery spelling
            c.name = toText(o.value(QStringLiteral("name")));
        c.type = toText(o.value(QStringLiteral("columnType")));
        if (c.type.isEmpty())
            c.type = toText(o.value(QStringLiteral("type")));
        c.comment = toText(o.value(QStringLiteral("columnComment")));
        if (c.comment.isEmpty())
            c.comment = toText(o.value(QStringLiteral("colComment")));
        c.partitioned = toBool(o.value(QStringLiteral("partitioned")));
        if (!c.name.isEmpty())
            out.append(std::move(c));
    }
    return out;
}

Result<PartitionInfo> parsePartitions(int httpStatus, const QByteArray &body)
{
    const auto data = parsers::parseEnvelope(httpStatus, body);
    if (!data)
        return data.error();
    const QJsonValue infoValue = data->value(QStringLiteral("partitionInfo"));
    if (!infoValue.isObject())
        return shapeError(QStringLiteral("partition"), httpStatus, body);
    const QJsonObject info = infoValue.toObject();
    PartitionInfo out;
    out.tableName = toText(info.value(QStringLiteral("tableName")));
    out.isPartitioned = toBool(info.value(QStringLiteral("isPartition")));
    const QJsonArray nodes = info.value(QStringLiteral("partitions")).toArray();
    out.partitions.reserve(size_t(nodes.size()));
    for (const QJsonValue &node : nodes)
        out.partitions.push_back(toNode(node.toObject()));
    return out;
}

Result<TableSize> parseSize(int httpStatus, const QByteArray &body)
{
    const auto data = parsers::parseEnvelope(httpStatus, body);
    if (!data)
        return data.error();
    const QJsonValue infoValue = data->value(QStringLiteral("sizeInfo"));
    if (!infoValue.isObject())
        return shapeError(QStringLiteral("size"), httpStatus, body);
    const QJsonObject info = infoValue.toObject();
    TableSize out;
    out.tableName = toText(info.value(QStringLiteral("tableName")));
    out.partitionName = toText(info.value(QStringLiteral("partitionName")));
    out.size = toText(info.value(QStringLiteral("size")));
    return out;
}

} // namespace linkisdesk::metadata
