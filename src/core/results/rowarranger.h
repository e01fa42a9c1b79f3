// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "results/columnkind.h"

#include <QBitArray>
#include <QList>
#include <QString>

namespace linkisdesk {

// What the user asked the grid to show: rows whose filter column equals a value (or is NULL),
// ordered by a sort column. Column -1: no filter / no sort.
struct RowArrangement
{
    int sortColumn = -1;
    Qt::SortOrder sortOrder = Qt::AscendingOrder;
    int filterColumn = -1;
    QString filterValue; // the cell's exact text
    bool filterNull = false; // match SQL NULL instead of filterValue

    bool isActive() const { return sortColumn >= 0 || filterColumn >= 0; }
    bool operator==(const RowArrangement &) const = default;
};

// One column of the rows being arranged: cell texts and NULL flags, indexed by row.
struct ArrangeColumn
{
    ColumnKind kind = ColumnKind::Text;
    QList<QString> cells;
    QBitArray nulls;
};

// The rows 0 .. rows-1 that pass the filter, in sort order. Pure and thread-safe: runs on a
// worker thread with its own copies.
//
// Order by the column's kind: integers and decimals exactly as decimal numbers (any length, no
// rounding), floating point by value, dates, timestamps, booleans and text by their text
// (ISO dates and timestamps sort correctly that way). NULLs sort together, first when ascending
// and last when descending; cells of a numeric column that are not numbers (NaN, text) come
// after the numbers. Equal cells keep their original order (stable), in both directions.
QList<int> arrangeRows(int rows, const RowArrangement &arrangement, const ArrangeColumn &sort,
                       const ArrangeColumn &filter);

} // namespace linkisdesk
