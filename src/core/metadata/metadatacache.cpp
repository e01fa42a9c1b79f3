// SPDX-License-Identifier: GPL-3.0-or-later
#include "metadata/metadatacache.h"

#include "util/apppaths.h"
#include "util/jsonfile.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace linkisdesk {

namespace {

constexpr int kFormat = 1;

QJsonValue stamp(const QDateTime &at)
{
    return at.toMSecsSinceEpoch();
}

QDateTime fromStamp(const QJsonValue &value)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(value.toDouble()), Qt::UTC);
}

QJsonArray tablesToJson(const QList<TableInfo> &tables)
{
    QJsonArray rows;
    for (const TableInfo &t : tables)
        rows.append(QJsonArray {t.name, t.isView, t.createdBy, t.createdAtSecs});
    return rows;
}

QList<TableInfo> tablesFromJson(const QString &database, const QJsonArray &rows)
{
    QList<TableInfo> out;
    out.reserve(rows.size());
    for (const QJsonValue &value : rows) {
        const QJsonArray row = value.toArray();
        TableInfo t;
        t.database = database;
        t.name = row.at(0).toString();
        t.isView = row.at(1).toBool();
        t.createdBy = row.at(2).toString();
        t.createdAtSecs = qint64(row.at(3).toDouble());
        if (!t.name.isEmpty())
            out.append(std::move(t));
    }
    return out;
}

QJsonArray columnsToJson(const QList<ColumnInfo> &columns)
{
    QJsonArray rows;
    for (const ColumnInfo &c : columns)
        rows.append(QJsonArray {c.name, c.type, c.comment, c.partitioned});
    return rows;
}

QList<ColumnInfo> columnsFromJson(const QJsonArray &rows)
{
    QList<ColumnInfo> out;
    out.reserve(rows.size());
    for (const QJsonValue &value : rows) {
        const QJsonArray row = value.toArray();
        ColumnInfo c {row.at(0).toString(), row.at(1).toString(), row.at(2).toString(),
                      row.at(3).toBool()};
        if (!c.name.isEmpty())
            out.append(std::move(c));
    }
    return out;
}

} // namespace

MetadataCache::MetadataCache(QString path, Limits limits)
    : m_path(std::move(path))
    , m_limits(limits)
{ }

QString MetadataCache::pathForProfile(const QString &profileName)
{
    QString safe;
    for (const QChar c : profileName)
        safe += (c.isLetterOrNumber() || c == u'-' || c == u'_') ? c : u'_';
    // Two names that differ only in punctuation must not share a file.
    const size_t hash = qHash(profileName.toLower());
    return AppPaths::cacheDir() + QStringLiteral("/metadata/") + safe + u'-' +
        QString::number(quint32(hash), 16) + QStringLiteral(".json");
}

QString MetadataCache::key(const QString &database, const QString &table)
{
    return table.isEmpty() ? database.toLower() : database.toLower() + u'.' + table.toLower();
}

template<typename T> void MetadataCache::evict(QHash<QString, Entry<T>> &levels, int limit)
{
    if (limit <= 0 || levels.size() <= limit)
        return;
    // Drop the least recently used quarter beyond the limit at once, so a scan of many tables
    // does not sort on every insert.
    std::vector<std::pair<quint64, QString>> byUse;
    byUse.reserve(size_t(levels.size()));
    for (auto it = levels.cbegin(); it != levels.cend(); ++it)
        byUse.emplace_back(it->used, it.key());
    std::sort(byUse.begin(), byUse.end());
    const qsizetype target = qMax<qsizetype>(0, limit - limit / 4);
    const qsizetype drop = levels.size() - target;
    for (qsizetype i = 0; i < drop; ++i)
        levels.remove(byUse[size_t(i)].second);
}

std::optional<Stamped<QStringList>> MetadataCache::databases() const
{
    return m_databases;
}

std::optional<Stamped<QList<TableInfo>>> MetadataCache::tables(const QString &database) const
{
    const auto it = m_tables.find(key(database));
    if (it == m_tables.end())
        return std::nullopt;
    it->used = ++m_tick;
    return it->level;
}

std::optional<Stamped<ColumnsLevel>> MetadataCache::columns(const QString &database,
                                                            const QString &table) const
{
    const auto it = m_columns.find(key(database, table));
    if (it == m_columns.end())
        return std::nullopt;
    it->used = ++m_tick;
    return it->level;
}

void MetadataCache::setDatabases(const QStringList &names, const QDateTime &at)
{
    m_databases = Stamped<QStringList> {names, at};
    m_dirty = true;
}

void MetadataCache::setTables(const QString &database, const QList<TableInfo> &tables,
                              const QDateTime &at)
{
    m_tables.insert(key(database), {{tables, at}, ++m_tick});
    evict(m_tables, m_limits.tableLevels);
    m_dirty = true;
}

void MetadataCache::setColumns(const QString &database, const QString &table,
                               const ColumnsLevel &level, const QDateTime &at)
{
    m_columns.insert(key(database, table), {{level, at}, ++m_tick});
    evict(m_columns, m_limits.columnLevels);
    m_dirty = true;
}

void MetadataCache::forgetDatabase(const QString &database)
{
    const QString prefix = key(database) + u'.';
    m_tables.remove(key(database));
    for (auto it = m_columns.begin(); it != m_columns.end();) {
        if (it.key().startsWith(prefix))
            it = m_columns.erase(it);
        else
            ++it;
    }
    m_dirty = true;
}

void MetadataCache::clear()
{
    m_databases.reset();
    m_tables.clear();
    m_columns.clear();
    m_dirty = true;
}

Result<Unit> MetadataCache::load()
{
    clear();
    m_dirty = false;
    if (m_path.isEmpty())
        return Unit {};
    const auto loaded = JsonFile::load(m_path);
    if (!loaded)
        return loaded.error();
    if (!loaded->has_value())
        return Unit {};
    const QJsonObject root = loaded->value();
    if (root.value(QStringLiteral("format")).toInt() != kFormat)
        return Unit {}; // another format: start afresh, the server has it all
    const QJsonObject dbs = root.value(QStringLiteral("databases")).toObject();
    if (!dbs.isEmpty()) {
        QStringList names;
        const QJsonArray array = dbs.value(QStringLiteral("names")).toArray();
        for (const QJsonValue &name : array)
            names.append(name.toString());
        m_databases = Stamped<QStringList> {names, fromStamp(dbs.value(QStringLiteral("at")))};
    }
    const QJsonObject tables = root.value(QStringLiteral("tables")).toObject();
    for (auto it = tables.begin(); it != tables.end(); ++it) {
        const QJsonObject level = it.value().toObject();
        const QString database = level.value(QStringLiteral("database")).toString();
        m_tables.insert(key(database),
                        {{tablesFromJson(database, level.value(QStringLiteral("rows")).toArray()),
                          fromStamp(level.value(QStringLiteral("at")))},
                         quint64(level.value(QStringLiteral("used")).toDouble())});
    }
    const QJsonObject columns = root.value(QStringLiteral("columns")).toObject();
    for (auto it = columns.begin(); it != columns.end(); ++it) {
        const QJsonObject level = it.value().toObject();
        ColumnsLevel value;
        value.columns = columnsFromJson(level.value(QStringLiteral("rows")).toArray());
        value.deniedMessage = level.value(QStringLiteral("denied")).toString();
        m_columns.insert(it.key(),
                         {{value, fromStamp(level.value(QStringLiteral("at")))},
                          quint64(level.value(QStringLiteral("used")).toDouble())});
    }
    for (const auto &entry : std::as_const(m_tables))
        m_tick = qMax(m_tick, entry.used);
    for (const auto &entry : std::as_const(m_columns))
        m_tick = qMax(m_tick, entry.used);
    // A file written with larger limits is brought within these ones.
    evict(m_tables, m_limits.tableLevels);
    evict(m_columns, m_limits.columnLevels);
    return Unit {};
}

Result<Unit> MetadataCache::save()
{
    if (m_path.isEmpty()) {
        m_dirty = false;
        return Unit {};
    }
    QJsonObject root {{QStringLiteral("format"), kFormat}};
    if (m_databases) {
        root.insert(QStringLiteral("databases"),
                    QJsonObject {
                        {QStringLiteral("at"), stamp(m_databases->fetchedAt)},
                        {QStringLiteral("names"), QJsonArray::fromStringList(m_databases->value)}});
    }
    QJsonObject tables;
    for (auto it = m_tables.cbegin(); it != m_tables.cend(); ++it) {
        const QString database =
            it->level.value.isEmpty() ? it.key() : it->level.value.first().database;
        tables.insert(it.key(),
                      QJsonObject {{QStringLiteral("database"), database},
                                   {QStringLiteral("at"), stamp(it->level.fetchedAt)},
                                   {QStringLiteral("used"), double(it->used)},
                                   {QStringLiteral("rows"), tablesToJson(it->level.value)}});
    }
    root.insert(QStringLiteral("tables"), tables);
    QJsonObject columns;
    for (auto it = m_columns.cbegin(); it != m_columns.cend(); ++it) {
        QJsonObject level {{QStringLiteral("at"), stamp(it->level.fetchedAt)},
                           {QStringLiteral("used"), double(it->used)},
                           {QStringLiteral("rows"), columnsToJson(it->level.value.columns)}};
        if (it->level.value.isDenied())
            level.insert(QStringLiteral("denied"), it->level.value.deniedMessage);
        columns.insert(it.key(), level);
    }
    root.insert(QStringLiteral("columns"), columns);
    const auto saved = JsonFile::save(m_path, root);
    if (saved)
        m_dirty = false;
    return saved;
}

} // namespace linkisdesk
