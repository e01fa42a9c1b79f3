// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "results/columnkind.h"

#include <QBitArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace linkisdesk {

// A block of result cells to put on the clipboard: exact texts (as the engine sent them), their
// NULL flags, and the columns' names and kinds.
struct CellBlock
{
    QStringList columns;
    QList<ColumnKind> kinds;
    QList<QStringList> rows;
    QList<QBitArray> nulls; // per row; bit c set when cell c is SQL NULL (may be empty)

    bool isNull(qsizetype row, qsizetype column) const
    {
        return row < nulls.size() && column < nulls.at(row).size() && nulls.at(row).testBit(column);
    }
};

namespace CellCopy {

// Tab-separated, one line per row (RowWriter's TSV: tabs and line breaks in a cell escaped, NULL
// as NULL). One cell without a header is just its text, with no line end.
QString tsv(const CellBlock &block, bool withHeader);
// RFC 4180 CSV with a header line (RowWriter's CSV).
QString csv(const CellBlock &block);
// One INSERT INTO `table` (...) VALUES (...), (...); statement: numbers and booleans bare, NULL as
// NULL, everything else quoted; identifiers that are not plain names in backticks.
QString sqlInsert(const CellBlock &block, const QString &table = QStringLiteral("result"));

} // namespace CellCopy

} // namespace linkisdesk
