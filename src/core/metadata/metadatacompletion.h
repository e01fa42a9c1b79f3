// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metadata/sqlcompletioncontext.h"

#include <QList>
#include <QStringList>

namespace linkisdesk {

class MetadataCache;

// The names to offer at a cursor, from what a MetadataCache holds: after `x.` the columns of the
// table x names in the statement (an alias or a table), or the tables of database x; after
// `db.t.` the columns of db.t; otherwise keywords, functions, databases and the columns of the
// statement's tables. Levels it needed but the cache lacks come back in `missing`, for the
// caller to fetch; completing again when they arrive fills the list in.
class MetadataCompletion
{
public:
    struct Level
    {
        QString database; // empty: the database list
        QString table; // empty: the tables of `database`
        bool operator==(const Level &other) const = default;
    };
    struct Candidates
    {
        QStringList items; // sorted case-insensitively, no duplicates, at most `limit`
        QList<Level> missing;
        bool qualified = false; // after a dot: only schema names, never keywords
    };

    // `words`: keywords and functions (unqualified completion only); `defaultDatabase` is where
    // an unqualified table lives (Hive's current database, `default` unless USE said otherwise).
    static Candidates complete(const SqlCompletionContext &context, const MetadataCache &cache,
                               const QStringList &words,
                               const QString &defaultDatabase = QStringLiteral("default"),
                               int limit = 1000);
};

} // namespace linkisdesk
