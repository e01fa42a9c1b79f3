// SPDX-License-Identifier: GPL-3.0-or-later
#include "metadata/metadataclient.h"

#include "api/parsedcall.h"
#include "metadata/metadataparsers.h"

namespace linkisdesk {

namespace {

QUrlQuery tableQuery(const QString &database, const QString &table)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("database"), database);
    if (!table.isNull())
        query.addQueryItem(QStringLiteral("table"), table);
    return query;
}

} // namespace

MetadataClient::MetadataClient(LinkisClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

template<typename T, typename Parse>
RequestHandle MetadataClient::get(const QString &path, const QUrlQuery &query, QObject *context,
                                  Callback<T> callback, Parse parse)
{
    return parsedCall<T>(m_client, "GET", path, query, {}, {}, context, std::move(callback),
                         std::move(parse));
}

RequestHandle MetadataClient::databases(QObject *context, Callback<QStringList> callback)
{
    return get<QStringList>(QStringLiteral("datasource/dbs"), {}, context, std::move(callback),
                            metadata::parseDatabases);
}

RequestHandle MetadataClient::tables(const QString &database, QObject *context,
                                     Callback<QList<TableInfo>> callback)
{
    return get<QList<TableInfo>>(QStringLiteral("datasource/tables"), tableQuery(database, {}),
                                 context, std::move(callback),
                                 [database](int status, const QByteArray &body) {
                                     return metadata::parseTables(status, body, database);
                                 });
}

RequestHandle MetadataClient::columns(const QString &database, const QString &table,
                                      QObject *context, Callback<QList<ColumnInfo>> callback)
{
    return get<QList<ColumnInfo>>(QStringLiteral("datasource/columns"), tableQuery(database, table),
                                  context, std::move(callback),
                                  [database, table](int status, const QByteArray &body) {
                                      return metadata::parseColumns(status, body, database, table);
                                  });
}

RequestHandle MetadataClient::partitions(const QString &database, const QString &table,
                                         QObject *context, Callback<PartitionInfo> callback)
{
    return get<PartitionInfo>(QStringLiteral("datasource/partitions"), tableQuery(database, table),
                              context, std::move(callback), metadata::parsePartitions);
}

RequestHandle MetadataClient::size(const QString &database, const QString &table,
                                   const QString &partition, QObject *context,
                                   Callback<TableSize> callback)
{
    QUrlQuery query = tableQuery(database, table);
    if (!partition.isEmpty())
        query.addQueryItem(QStringLiteral("partition"), partition);
    return get<TableSize>(QStringLiteral("datasource/size"), query, context, std::move(callback),
                          metadata::parseSize);
}

} // namespace linkisdesk
