// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "script/sqlstatement.h"

#include <QList>
#include <QString>

namespace linkisdesk {

// Splits a SQL script on ';' outside quotes ('...', "...", `...`) and comments (-- and /* */).
// Chunks holding only blanks and comments are dropped.
class StatementSplitter
{
public:
    struct Options
    {
        // Hive/Spark treat a backslash inside quotes as an escape; SQLite does not.
        bool backslashEscapes = false;
    };

    static QList<SqlStatement> split(const QString &script);
    static QList<SqlStatement> split(const QString &script, const Options &options);

    // Index of the statement under the cursor at `offset`: the statement containing it (the
    // position right after its last character counts), else the last one ending before it,
    // else the first one; -1 when there are no statements.
    static int indexAt(const QList<SqlStatement> &statements, int offset);
};

} // namespace linkisdesk
