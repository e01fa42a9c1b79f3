// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "charts/chartspec.h"
#include "charts/charttable.h"

#include <QList>
#include <QPointF>
#include <QStringList>

#include <vector>

namespace linkisdesk {

// What a chart draws, computed from a ChartTable off the UI thread (pure, thread-safe).
struct ChartData
{
    bool categorical = false; // x of a point is an index into categories
    bool xIsDate = false; // x is milliseconds since the epoch (UTC)
    QString xTitle;
    QStringList categories;
    QStringList seriesNames;
    QList<QList<QPointF>> series;
    qint64 rows = 0; // rows of the result set
    qint64 groups = 0; // distinct x values (points per series before sampling)
    bool sampled = false; // a series has more points than it draws
    int categoriesShown = 0;
    bool categoriesCut = false; // more categories than shown (the first ones, or pie: "Other")
};

// Groups the rows by x (numbers and dates in ascending order; text in order of first appearance),
// combines the y values of each x with the spec's aggregation (NULL y values are left out; count
// counts the non-NULL ones, or the rows when there is no y column), and for line, area and scatter
// charts draws at most maxPoints points a series (downsampleLttb). Bar charts show the first
// maxCategories x values; a pie (its first y column) its largest slices, the rest as a last
// slice "Other" (categoriesCut). Without y columns the one series is named "count". (The view
// translates those two names.)
ChartData buildChart(const ChartTable &table, const ChartSpec &spec, int maxPoints = 2000,
                     int maxCategories = 200, int maxSlices = 12);

// Largest-Triangle-Three-Buckets (Steinarsson 2013): `threshold` points of `points` (sorted by x)
// that keep the shape of the line: always the first and the last point, then per bucket the
// point that makes the largest triangle with the previous pick and the next bucket's mean.
QList<QPointF> downsampleLttb(const QList<QPointF> &points, int threshold);

} // namespace linkisdesk
