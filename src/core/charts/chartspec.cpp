// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartspec.h"

#include <QJsonArray>

namespace linkisdesk {

namespace {

constexpr ChartSpec::Kind kKinds[] = {ChartSpec::Kind::Bar, ChartSpec::Kind::Line,
                                      ChartSpec::Kind::Area, ChartSpec::Kind::Scatter,
                                      ChartSpec::Kind::Pie};
constexpr ChartSpec::Aggregation kAggregations[] = {
    ChartSpec::Aggregation::Sum, ChartSpec::Aggregation::Average, ChartSpec::Aggregation::Count,
    ChartSpec::Aggregation::Min, ChartSpec::Aggregation::Max};

} // namespace

QString ChartSpec::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Bar: return QStringLiteral("bar");
    case Kind::Line: return QStringLiteral("line");
    case Kind::Area: return QStringLiteral("area");
    case Kind::Scatter: return QStringLiteral("scatter");
    case Kind::Pie: return QStringLiteral("pie");
    }
    return QString();
}

QString ChartSpec::aggregationName(Aggregation aggregation)
{
    switch (aggregation) {
    case Aggregation::Sum: return QStringLiteral("sum");
    case Aggregation::Average: return QStringLiteral("average");
    case Aggregation::Count: return QStringLiteral("count");
    case Aggregation::Min: return QStringLiteral("min");
    case Aggregation::Max: return QStringLiteral("max");
    }
    return QString();
}

QJsonObject ChartSpec::toJson() const
{
    QJsonArray ys;
    for (int y : yColumns)
        ys.append(y);
    return {{QStringLiteral("kind"), kindName(kind)},
            {QStringLiteral("x"), xColumn},
            {QStringLiteral("y"), ys},
            {QStringLiteral("aggregation"), aggregationName(aggregation)}};
}

ChartSpec ChartSpec::fromJson(const QJsonObject &json)
{
    ChartSpec spec;
    const QString kind = json.value(QStringLiteral("kind")).toString();
    for (Kind k : kKinds) {
        if (kindName(k) == kind)
            spec.kind = k;
    }
    const QString aggregation = json.value(QStringLiteral("aggregation")).toString();
    for (Aggregation a : kAggregations) {
        if (aggregationName(a) == aggregation)
            spec.aggregation = a;
    }
    spec.xColumn = qMax(0, json.value(QStringLiteral("x")).toInt());
    for (const QJsonValue &y : json.value(QStringLiteral("y")).toArray()) {
        if (y.isDouble() && y.toInt() >= 0)
            spec.yColumns << y.toInt();
    }
    return spec;
}

} // namespace linkisdesk
