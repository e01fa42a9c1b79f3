// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/linkisclient.h"
#include "metadata/metadatatypes.h"

#include <QObject>
#include <QPointer>

namespace linkisdesk {

// The datasource/* area of a Linkis gateway (real or local): databases, tables, columns,
// partitions and size, each one GET, parsed by the functions in metadataparsers.h. Shaped like
// LinkisClient: a context object plus a callback, a cancellable RequestHandle. It sends through
// the LinkisClient it is given (one network entry point, same login and re-login) and never
// uses getByAccessTime, whose replies give each database the previous one's tables.
class MetadataClient : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetadataClient)
public:
    explicit MetadataClient(LinkisClient *client, QObject *parent = nullptr);

    LinkisClient *linkisClient() const { return m_client; }

    RequestHandle databases(QObject *context, Callback<QStringList> callback);
    RequestHandle tables(const QString &database, QObject *context,
                         Callback<QList<TableInfo>> callback);
    // A table without grant fails with Kind::Forbidden (the server sends columns: null).
    RequestHandle columns(const QString &database, const QString &table, QObject *context,
                          Callback<QList<ColumnInfo>> callback);
    RequestHandle partitions(const QString &database, const QString &table, QObject *context,
                             Callback<PartitionInfo> callback);
    // partition: "ds=20240102/hour=00" or empty for the whole table.
    RequestHandle size(const QString &database, const QString &table, const QString &partition,
                       QObject *context, Callback<TableSize> callback);

private:
    template<typename T, typename Parse>
    RequestHandle get(const QString &path, const QUrlQuery &query, QObject *context,
                      Callback<T> callback, Parse parse);

    QPointer<LinkisClient> m_client;
};

} // namespace linkisdesk
