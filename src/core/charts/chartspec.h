// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace linkisdesk {

// What a chart of a result set shows: its kind, the x column, one or more y columns and how y
// values of repeated x values are combined. Saved with the result's tab (toJson / fromJson).
struct ChartSpec
{
    enum class Kind { Bar, Line, Area, Scatter, Pie };
    enum class Aggregation { Sum, Average, Count, Min, Max };

    Kind kind = Kind::Bar;
    int xColumn = 0;
    QList<int> yColumns;
    Aggregation aggregation = Aggregation::Sum;

    // Bar and pie charts have categories on x; the others numbers or dates (or the row's
    // position when x is text).
    bool isCategorical() const { return kind == Kind::Bar || kind == Kind::Pie; }
    bool operator==(const ChartSpec &) const = default;

    QJsonObject toJson() const;
    // Unknown or missing fields keep their defaults.
    static ChartSpec fromJson(const QJsonObject &json);

    static QString kindName(Kind kind); // "bar", "line", ...
    static QString aggregationName(Aggregation aggregation); // "sum", "average", ...
};

} // namespace linkisdesk
