// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/packedpage.h"
#include "results/columnkind.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <vector>

namespace linkisdesk {

// The columns of a result set a chart needs, read from its pages: x and the y columns, every row.
// Numbers and dates are kept as doubles (a date or timestamp as milliseconds since the epoch,
// UTC), text x values as indices into `categories` (first seen first), y values as doubles (NaN:
// NULL or not a number). A million rows of x and one y take 16 MB.
struct ChartTable
{
    int xColumn = 0;
    QList<int> yColumns;
    ColumnKind xKind = ColumnKind::Text;
    QList<QString> columnNames; // every column of the result set
    qint64 rows = 0;
    std::vector<double> x; // xNumeric(): one per row
    std::vector<int> xCategory; // !xNumeric(): one per row, -1 for NULL
    QStringList categories;
    QHash<QString, int> categoryIndex; // categories' positions
    std::vector<std::vector<double>> y; // one vector per y column

    ChartTable() = default;
    ChartTable(int xColumn, const QList<int> &yColumns, ColumnKind xKind);

    bool xNumeric() const { return isNumeric(xKind) || xIsDate(); }
    bool xIsDate() const { return xKind == ColumnKind::Date || xKind == ColumnKind::Timestamp; }

    // Appends the page's rows (kinds: every column's ColumnKind).
    void append(const PackedPage &page, const QList<ColumnKind> &kinds);
    // Appends another table's rows (the same columns), its categories mapped onto these.
    void append(ChartTable &&other);

    static double parseNumber(QByteArrayView text);
};

} // namespace linkisdesk
