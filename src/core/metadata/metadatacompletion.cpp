// SPDX-License-Identifier: GPL-3.0-or-later
#include "metadata/metadatacompletion.h"

#include "metadata/metadatacache.h"

#include <QSet>

#include <algorithm>

namespace linkisdesk {

namespace {

class Collector
{
public:
    Collector(const QString &prefix, int limit)
        : m_prefix(prefix)
        , m_limit(limit)
    { }
    void add(const QString &name)
    {
        if (name.isEmpty() || !name.startsWith(m_prefix, Qt::CaseInsensitive))
            return;
        const QString key = name.toLower();
        if (m_seen.contains(key))
            return;
        m_seen.insert(key);
        m_items.append(name);
    }
    QStringList take()
    {
        std::sort(m_items.begin(), m_items.end(), [](const QString &a, const QString &b) {
            const int c = a.compare(b, Qt::CaseInsensitive);
            return c != 0 ? c < 0 : a < b;
        });
        if (m_items.size() > m_limit)
            m_items.resize(m_limit);
        return m_items;
    }

private:
    QString m_prefix;
    int m_limit;
    QSet<QString> m_seen;
    QStringList m_items;
};

bool same(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

MetadataCompletion::Candidates
MetadataCompletion::complete(const SqlCompletionContext &context, const MetadataCache &cache,
                             const QStringList &words, const QString &defaultDatabase, int limit)
{
    Candidates out;
    if (context.inCommentOrString)
        return out;
    Collector names(context.prefix, limit);
    auto addColumns = [&](const QString &db, const QString &table) {
        const auto level = cache.columns(db, table);
        if (!level) {
            out.missing.append({db, table});
            return;
        }
        for (const ColumnInfo &c : level->value.columns)
            names.add(c.name);
    };
    auto addTables = [&](const QString &db) {
        const auto level = cache.tables(db);
        if (!level) {
            out.missing.append({db, {}});
            return;
        }
        for (const TableInfo &t : level->value)
            names.add(t.name);
    };
    auto databaseOf = [&](const SqlTableRef &ref) {
        return ref.database.isEmpty() ? defaultDatabase : ref.database;
    };
    const auto databases = cache.databases();
    auto isDatabase = [&](const QString &name) {
        if (databases) {
            for (const QString &db : databases->value) {
                if (same(db, name))
                    return true;
            }
        }
        return cache.tables(name).has_value();
    };

    const QStringList &q = context.qualifier;
    if (q.size() == 1) {
        out.qualified = true;
        const QString &name = q.first();
        // An alias wins over a table of the same name, and both over a database.
        const SqlTableRef *match = nullptr;
        for (const SqlTableRef &ref : context.tables) {
            if (!ref.alias.isEmpty() && same(ref.alias, name)) {
                match = &ref;
                break;
            }
        }
        if (!match) {
            for (const SqlTableRef &ref : context.tables) {
                if (ref.alias.isEmpty() && same(ref.table, name)) {
                    match = &ref;
                    break;
                }
            }
        }
        if (match)
            addColumns(databaseOf(*match), match->table);
        else if (isDatabase(name) || !databases)
            addTables(name);
        else if (cache.columns(defaultDatabase, name)) // a table of the default database
            addColumns(defaultDatabase, name);
        else
            addTables(name);
    } else if (q.size() >= 2) {
        out.qualified = true;
        addColumns(q.at(q.size() - 2), q.last());
    } else {
        for (const SqlTableRef &ref : context.tables)
            addColumns(databaseOf(ref), ref.table);
        if (databases) {
            for (const QString &db : databases->value)
                names.add(db);
        } else {
            out.missing.append(Level {});
        }
        if (!context.prefix.isEmpty()) {
            for (const QString &word : words)
                names.add(word);
        }
    }
    out.items = names.take();
    return out;
}

} // namespace linkisdesk
