// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace linkisdesk {

// A table the statement under the cursor reads: FROM / JOIN db.table [AS] alias.
struct SqlTableRef
{
    QString database; // empty: not qualified
    QString table;
    QString alias; // empty: none

    bool operator==(const SqlTableRef &other) const = default;
};

// What the text around the cursor asks to complete. Pure text analysis, no metadata: the
// MetadataCompletion decides what the qualifier names (an alias, a table, a database).
struct SqlCompletionContext
{
    bool inCommentOrString = false; // nothing to complete there
    QString prefix; // the word being typed, left of the cursor
    int prefixStart = 0; // its offset in the text
    // The dotted names before the prefix: "o" in `o.na|`, {"sales","orders"} in
    // `sales.orders.na|`; empty without a dot.
    QStringList qualifier;
    QList<SqlTableRef> tables; // of the statement around the cursor, in order

    // Analyses `text` with the cursor at `cursor` (a QString offset).
    static SqlCompletionContext at(const QString &text, int cursor);
    // The table refs of one statement (no cursor needed).
    static QList<SqlTableRef> tablesOf(const QString &statement);
};

} // namespace linkisdesk
