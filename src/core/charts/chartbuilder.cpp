// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartbuilder.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace linkisdesk {

namespace {

using Aggregation = ChartSpec::Aggregation;

struct Aggregate
{
    double sum = 0;
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    qint64 count = 0;

    void add(double v)
    {
        if (std::isnan(v))
            return;
        sum += v;
        min = qMin(min, v);
        max = qMax(max, v);
        ++count;
    }
    // NaN: nothing to show for this x.
    double value(Aggregation a) const
    {
        if (a == Aggregation::Count)
            return double(count);
        if (count == 0)
            return std::numeric_limits<double>::quiet_NaN();
        switch (a) {
        case Aggregation::Sum: return sum;
        case Aggregation::Average: return sum / double(count);
        case Aggregation::Min: return min;
        case Aggregation::Max: return max;
        case Aggregation::Count: break;
        }
        return double(count);
    }
};

QString numberLabel(double v, bool date, ColumnKind kind)
{
    if (date) {
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(qint64(v), Qt::UTC);
        return kind == ColumnKind::Date ? t.date().toString(Qt::ISODate)
                                        : t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    }
    return QString::number(v, 'g', 15);
}

} // namespace

QList<QPointF> downsampleLttb(const QList<QPointF> &points, int threshold)
{
    const qsizetype n = points.size();
    if (threshold >= n || threshold < 3)
        return points;
    QList<QPointF> out;
    out.reserve(threshold);
    out.append(points.first());
    const double every = double(n - 2) / double(threshold - 2);
    qsizetype a = 0;
    for (int i = 0; i < threshold - 2; ++i) {
        // The next bucket's mean point.
        qsizetype avgStart = qsizetype(std::floor((i + 1) * every)) + 1;
        qsizetype avgEnd = qMin<qsizetype>(qsizetype(std::floor((i + 2) * every)) + 1, n);
        if (avgStart >= avgEnd)
            avgStart = avgEnd - 1;
        double avgX = 0, avgY = 0;
        for (qsizetype j = avgStart; j < avgEnd; ++j) {
            avgX += points.at(j).x();
            avgY += points.at(j).y();
        }
        const double len = double(avgEnd - avgStart);
        avgX /= len;
        avgY /= len;
        // This bucket: the point with the largest triangle.
        const qsizetype start = qsizetype(std::floor(i * every)) + 1;
        const qsizetype end = qMin<qsizetype>(qsizetype(std::floor((i + 1) * every)) + 1, n - 1);
        const QPointF pa = points.at(a);
        double best = -1;
        qsizetype pick = start;
        for (qsizetype j = start; j < end; ++j) {
            const QPointF &p = points.at(j);
            const double area =
                std::abs((pa.x() - avgX) * (p.y() - pa.y()) - (pa.x() - p.x()) * (avgY - pa.y()));
            if (area > best) {
                best = area;
                pick = j;
            }
        }
        out.append(points.at(pick));
        a = pick;
    }
    out.append(points.last());
    return out;
}

ChartData buildChart(const ChartTable &table, const ChartSpec &spec, int maxPoints,
                     int maxCategories, int maxSlices)
{
    ChartData data;
    data.rows = table.rows;
    data.xTitle = table.columnNames.value(table.xColumn);
    data.categorical = spec.isCategorical() || !table.xNumeric();
    data.xIsDate = !data.categorical && table.xIsDate();
    const qsizetype ys = qMax<qsizetype>(1, qsizetype(table.y.size()));
    const bool noY = table.y.empty();
    const Aggregation aggregation = noY ? Aggregation::Count : spec.aggregation;
    for (qsizetype i = 0; i < ys; ++i) {
        data.seriesNames << (noY ? QStringLiteral("count")
                                 : table.columnNames.value(table.yColumns.value(i)));
    }
    auto yAt = [&table, noY](qsizetype series, size_t row) {
        return noY ? 0.0 : table.y[size_t(series)][row];
    };

    // The groups: one per distinct x, each with one Aggregate per series.
    QList<double> groupX; // numeric x of each group
    std::vector<Aggregate> aggregates; // group * ys + series
    if (table.xNumeric()) {
        const size_t n = table.x.size();
        std::vector<size_t> order(n);
        std::iota(order.begin(), order.end(), size_t(0));
        const bool sorted = std::is_sorted(table.x.begin(), table.x.end());
        if (!sorted) {
            std::stable_sort(order.begin(), order.end(),
                             [&table](size_t a, size_t b) { return table.x[a] < table.x[b]; });
        }
        for (size_t k = 0; k < n; ++k) {
            const size_t r = order[k];
            const double x = table.x[r];
            if (std::isnan(x))
                continue; // NULL x: nowhere to draw it
            if (groupX.isEmpty() || groupX.last() != x) {
                groupX << x;
                aggregates.resize(aggregates.size() + size_t(ys));
            }
            Aggregate *g = &aggregates[aggregates.size() - size_t(ys)];
            for (qsizetype s = 0; s < ys; ++s)
                g[s].add(yAt(s, r));
        }
        if (data.categorical) {
            // Bars of numbers or dates: one category per value, named by it, in order.
            for (qsizetype i = 0; i < groupX.size(); ++i) {
                data.categories << numberLabel(groupX.at(i), table.xIsDate(), table.xKind);
                groupX[i] = double(i);
            }
        }
    } else {
        // Text x: categories in order of first appearance (the query's ORDER BY), NULL last.
        const qsizetype categories = table.categories.size();
        aggregates.resize(size_t((categories + 1) * ys));
        std::vector<bool> used(size_t(categories + 1));
        for (size_t r = 0; r < table.xCategory.size(); ++r) {
            const int c = table.xCategory[r] < 0 ? int(categories) : table.xCategory[r];
            used[size_t(c)] = true;
            for (qsizetype s = 0; s < ys; ++s)
                aggregates[size_t(c * ys + s)].add(yAt(s, r));
        }
        data.categories = table.categories;
        if (used[size_t(categories)])
            data.categories << QStringLiteral("NULL");
        else
            aggregates.resize(size_t(categories * ys));
        for (qsizetype i = 0; i < data.categories.size(); ++i)
            groupX << double(i);
    }
    data.groups = groupX.size();

    if (spec.kind == ChartSpec::Kind::Pie) {
        // The first series; the largest slices, the rest summed as "Other".
        QList<QPair<double, QString>> slices;
        for (qsizetype g = 0; g < groupX.size(); ++g) {
            const double v = aggregates[size_t(g * ys)].value(aggregation);
            if (!std::isnan(v) && v > 0)
                slices << qMakePair(v, data.categories.value(g));
        }
        std::stable_sort(slices.begin(), slices.end(),
                         [](const auto &a, const auto &b) { return a.first > b.first; });
        QStringList names;
        QList<QPointF> points;
        double other = 0;
        for (qsizetype i = 0; i < slices.size(); ++i) {
            if (i < maxSlices - 1 || slices.size() <= maxSlices) {
                names << slices.at(i).second;
                points << QPointF(double(points.size()), slices.at(i).first);
            } else {
                other += slices.at(i).first;
            }
        }
        if (other > 0) {
            names << QStringLiteral("Other");
            points << QPointF(double(points.size()), other);
            data.categoriesCut = true;
        }
        data.categories = names;
        data.categoriesShown = int(names.size());
        data.series = {points};
        data.seriesNames = data.seriesNames.mid(0, 1);
        return data;
    }

    qsizetype groups = groupX.size();
    if (data.categorical && groups > maxCategories) {
        groups = maxCategories;
        data.categoriesCut = true;
        data.categories = data.categories.mid(0, maxCategories);
    }
    data.categoriesShown = data.categorical ? int(groups) : 0;
    for (qsizetype s = 0; s < ys; ++s) {
        QList<QPointF> points;
        points.reserve(groups);
        for (qsizetype g = 0; g < groups; ++g) {
            const double v = aggregates[size_t(g * ys + s)].value(aggregation);
            if (!std::isnan(v))
                points << QPointF(groupX.at(g), v);
            else if (spec.kind == ChartSpec::Kind::Bar)
                points << QPointF(groupX.at(g), 0); // a bar per category, even an empty one
        }
        if (spec.kind != ChartSpec::Kind::Bar && points.size() > maxPoints) {
            points = downsampleLttb(points, maxPoints);
            data.sampled = true;
        }
        data.series << points;
    }
    return data;
}

} // namespace linkisdesk
