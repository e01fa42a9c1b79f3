// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/result.h"
#include "metadata/metadatatypes.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>

namespace linkisdesk {

// A cached level and when it was read from the server.
template<typename T> struct Stamped
{
    T value;
    QDateTime fetchedAt;

    qint64 ageSeconds(const QDateTime &now = QDateTime::currentDateTimeUtc()) const
    {
        return fetchedAt.isValid() ? qMax<qint64>(0, fetchedAt.secsTo(now)) : -1;
    }
};

// The columns level of one table: its columns, or the server's refusal (no grant).
struct ColumnsLevel
{
    QList<ColumnInfo> columns;
    QString deniedMessage; // not empty: the user may not read this table

    bool isDenied() const { return !deniedMessage.isEmpty(); }
};

// What one profile's server has shown of its databases, tables and columns, kept between runs
// in one file under the cache folder. Bounded: at most Limits::tableLevels table lists and
// Limits::columnLevels column lists; the least recently used go first. Names are looked up
// without regard to case (Hive's are case-insensitive) and kept as the server spelled them.
// Not thread-safe; owned by one MetadataStore.
class MetadataCache
{
public:
    struct Limits
    {
        int tableLevels;
        int columnLevels;
    };
    static constexpr Limits defaultLimits() { return {256, 20000}; }

    // An empty path keeps everything in memory only.
    explicit MetadataCache(QString path = {}, Limits limits = defaultLimits());

    // <cache folder>/metadata/<profile>.json, the profile name made safe for a file name.
    static QString pathForProfile(const QString &profileName);
    QString path() const { return m_path; }

    // A missing file is an empty cache; an unreadable one is moved aside (JsonFile) and reported.
    Result<Unit> load();
    Result<Unit> save();
    bool isDirty() const { return m_dirty; }

    std::optional<Stamped<QStringList>> databases() const;
    std::optional<Stamped<QList<TableInfo>>> tables(const QString &database) const;
    std::optional<Stamped<ColumnsLevel>> columns(const QString &database,
                                                 const QString &table) const;

    void setDatabases(const QStringList &names, const QDateTime &at = now());
    void setTables(const QString &database, const QList<TableInfo> &tables,
                   const QDateTime &at = now());
    void setColumns(const QString &database, const QString &table, const ColumnsLevel &level,
                    const QDateTime &at = now());
    // Forgets one database's tables and the columns of its tables (after a Refresh that failed
    // with "no such database", for example).
    void forgetDatabase(const QString &database);
    void clear();

    int tableLevelCount() const { return int(m_tables.size()); }
    int columnLevelCount() const { return int(m_columns.size()); }

    static QDateTime now() { return QDateTime::currentDateTimeUtc(); }
    static QString key(const QString &database, const QString &table = {});

private:
    template<typename T> struct Entry
    {
        Stamped<T> level;
        quint64 used = 0;
    };
    template<typename T> void evict(QHash<QString, Entry<T>> &levels, int limit);

    QString m_path;
    Limits m_limits;
    std::optional<Stamped<QStringList>> m_databases;
    mutable QHash<QString, Entry<QList<TableInfo>>> m_tables; // by key(db)
    mutable QHash<QString, Entry<ColumnsLevel>> m_columns; // by key(db, table)
    mutable quint64 m_tick = 0;
    bool m_dirty = false;
};

} // namespace linkisdesk
