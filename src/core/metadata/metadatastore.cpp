// SPDX-License-Identifier: GPL-3.0-or-later
#include "metadata/metadatastore.h"

#include "metadata/metadataclient.h"

namespace linkisdesk {

MetadataStore::MetadataStore(MetadataClient *client, std::unique_ptr<MetadataCache> cache,
                             QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_cache(cache ? std::move(cache) : std::make_unique<MetadataCache>())
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(1000);
    connect(&m_saveTimer, &QTimer::timeout, this, &MetadataStore::flush);
}

MetadataStore::~MetadataStore()
{
    for (RequestHandle &handle : m_inFlight)
        handle.cancel();
    flush();
}

MetadataClient *MetadataStore::client() const
{
    return m_client.data();
}

void MetadataStore::setClient(MetadataClient *client)
{
    if (client == m_client)
        return;
    for (RequestHandle &handle : m_inFlight)
        handle.cancel();
    m_inFlight.clear();
    m_client = client;
}

void MetadataStore::flush()
{
    m_saveTimer.stop();
    if (m_cache->isDirty()) {
        const auto saved = m_cache->save();
        if (!saved)
            qWarning("metadata cache not saved: %s", qPrintable(saved.error().message));
    }
}

void MetadataStore::changed()
{
    if (!m_saveTimer.isActive())
        m_saveTimer.start();
}

bool MetadataStore::shouldFetch(const QDateTime &fetchedAt, bool cached, Fetch fetch) const
{
    switch (fetch) {
    case Fetch::Always: return true;
    case Fetch::IfMissing: return !cached;
    case Fetch::IfStale:
        return !cached || !fetchedAt.isValid() ||
            fetchedAt.secsTo(MetadataCache::now()) >= m_refreshAfter;
    }
    return !cached;
}

QString MetadataStore::loadingKey(const QString &database, const QString &table) const
{
    if (database.isEmpty())
        return QStringLiteral("\x01dbs");
    return table.isEmpty() ? u'\x02' + MetadataCache::key(database)
                           : MetadataCache::key(database, table);
}

bool MetadataStore::isLoading(const QString &database, const QString &table) const
{
    const auto it = m_inFlight.find(loadingKey(database, table));
    return it != m_inFlight.end() && it->isActive();
}

void MetadataStore::requestDatabases(Fetch fetch)
{
    const auto cached = m_cache->databases();
    if (!shouldFetch(cached ? cached->fetchedAt : QDateTime(), cached.has_value(), fetch) ||
        isLoading() || !m_client)
        return;
    const QString key = loadingKey({}, {});
    m_inFlight.insert(key, m_client->databases(this, [this, key](Result<QStringList> result) {
        m_inFlight.remove(key);
        if (!result) {
            emit requestFailed({}, {}, result.error());
            return;
        }
        m_cache->setDatabases(result.value());
        changed();
        emit databasesLoaded();
    }));
}

void MetadataStore::requestTables(const QString &database, Fetch fetch)
{
    if (database.isEmpty())
        return;
    const auto cached = m_cache->tables(database);
    if (!shouldFetch(cached ? cached->fetchedAt : QDateTime(), cached.has_value(), fetch) ||
        isLoading(database) || !m_client)
        return;
    const QString key = loadingKey(database, {});
    m_inFlight.insert(
        key,
        m_client->tables(database, this, [this, key, database](Result<QList<TableInfo>> result) {
            m_inFlight.remove(key);
            if (!result) {
                emit requestFailed(database, {}, result.error());
                return;
            }
            m_cache->setTables(database, result.value());
            changed();
            emit tablesLoaded(database);
        }));
}

void MetadataStore::requestColumns(const QString &database, const QString &table, Fetch fetch)
{
    if (database.isEmpty() || table.isEmpty())
        return;
    const auto cached = m_cache->columns(database, table);
    if (!shouldFetch(cached ? cached->fetchedAt : QDateTime(), cached.has_value(), fetch) ||
        isLoading(database, table) || !m_client)
        return;
    const QString key = loadingKey(database, table);
    auto done = [this, key, database, table](Result<QList<ColumnInfo>> result) {
        m_inFlight.remove(key);
        ColumnsLevel level;
        if (result) {
            level.columns = result.value();
        } else if (result.error().kind == ApiError::Kind::Forbidden) {
            level.deniedMessage = result.error().message;
        } else {
            emit requestFailed(database, table, result.error());
            return;
        }
        m_cache->setColumns(database, table, level);
        changed();
        emit columnsLoaded(database, table);
    };
    m_inFlight.insert(key, m_client->columns(database, table, this, std::move(done)));
}

} // namespace linkisdesk
