// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/apierror.h"
#include "api/requesthandle.h"
#include "metadata/metadatacache.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace linkisdesk {

class MetadataClient;

// One profile's metadata as the app sees it: the cache answers at once, the server is asked in
// the background. A level is fetched when it is missing, re-read when it is older than
// refreshAfterSeconds() (or when asked to), and one request per level is ever in flight. The
// Database dock and the completion share one store per profile, so what one loads the other
// shows. The cache is saved to disk a moment after it changes.
class MetadataStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetadataStore)
public:
    enum class Fetch {
        IfMissing, // only when nothing is cached
        IfStale, // also when the cached level is older than refreshAfterSeconds()
        Always, // Refresh
    };

    // `client` may be null until the profile's connection is ready (setClient).
    MetadataStore(MetadataClient *client, std::unique_ptr<MetadataCache> cache,
                  QObject *parent = nullptr);
    ~MetadataStore() override;

    void setClient(MetadataClient *client);
    MetadataClient *client() const;
    const MetadataCache &cache() const { return *m_cache; }
    void setRefreshAfterSeconds(int seconds) { m_refreshAfter = seconds; }
    int refreshAfterSeconds() const { return m_refreshAfter; }

    void requestDatabases(Fetch fetch = Fetch::IfStale);
    void requestTables(const QString &database, Fetch fetch = Fetch::IfStale);
    void requestColumns(const QString &database, const QString &table,
                        Fetch fetch = Fetch::IfStale);
    // True while that level is being read from the server (db empty: the database list).
    bool isLoading(const QString &database = {}, const QString &table = {}) const;

    // Writes the cache now if it changed (also done on a short timer and on destruction).
    void flush();

signals:
    void databasesLoaded();
    void tablesLoaded(const QString &database);
    // Also emitted for a table the user may not read: its level says isDenied().
    void columnsLoaded(const QString &database, const QString &table);
    // A level could not be read; the cached one (if any) stays. database empty: the list.
    void requestFailed(const QString &database, const QString &table,
                       const linkisdesk::ApiError &error);

private:
    bool shouldFetch(const QDateTime &fetchedAt, bool cached, Fetch fetch) const;
    QString loadingKey(const QString &database, const QString &table) const;
    void changed();

    QPointer<MetadataClient> m_client;
    std::unique_ptr<MetadataCache> m_cache;
    QHash<QString, RequestHandle> m_inFlight; // by loadingKey
    QTimer m_saveTimer;
    int m_refreshAfter = 600;
};

} // namespace linkisdesk
