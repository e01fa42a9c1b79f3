// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringView>

namespace linkisdesk {

// What a result column holds, from the Linkis dataType in the result set's metadata ("int",
// "bigint", "double", "decimal(10,2)", "date", "timestamp", "string", ...). The one place that
// reads type names: sorting, number display, alignment, JSON numbers and SQL literals ask here.
enum class ColumnKind {
    Text, // string, varchar, char, binary, map, array, anything unknown
    Integer, // tinyint, smallint, short, int, integer, long, bigint
    Decimal, // decimal, numeric, number, bigdecimal: exact decimal text
    Real, // float, double, real: binary floating point
    Date, // date (ISO text, sorts as text)
    Timestamp, // timestamp, datetime (ISO text, sorts as text)
    Boolean,
};

// "decimal(10,2)" and "int unsigned" count as their base type; case does not matter.
ColumnKind columnKind(QStringView linkisType);
bool isNumeric(ColumnKind kind);

} // namespace linkisdesk
