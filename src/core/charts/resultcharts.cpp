// SPDX-License-Identifier: GPL-3.0-or-later
#include "resultcharts.h"

#include <QJsonObject>

namespace linkisdesk {

std::optional<ResultCharts::Entry> ResultCharts::entryFor(int index,
                                                          const QStringList &columns) const
{
    const auto it = m_entries.constFind(index);
    if (it == m_entries.cend() || it->columns != columns)
        return std::nullopt;
    return *it;
}

void ResultCharts::set(int index, const Entry &entry)
{
    if (index < 0 || index >= kMaxResultSets)
        return;
    m_entries.insert(index, entry);
}

QJsonArray ResultCharts::toJson() const
{
    QJsonArray out;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        QJsonObject o = it->spec.toJson();
        o.insert(QStringLiteral("result"), it.key());
        o.insert(QStringLiteral("columns"), QJsonArray::fromStringList(it->columns));
        o.insert(QStringLiteral("shown"), it->shown);
        out.append(o);
    }
    return out;
}

ResultCharts ResultCharts::fromJson(const QJsonArray &json)
{
    ResultCharts charts;
    for (const QJsonValue &v : json) {
        const QJsonObject o = v.toObject();
        const QJsonValue index = o.value(QStringLiteral("result"));
        const QJsonValue columns = o.value(QStringLiteral("columns"));
        if (!index.isDouble() || !columns.isArray())
            continue;
        Entry entry;
        entry.spec = ChartSpec::fromJson(o);
        for (const QJsonValue &c : columns.toArray())
            entry.columns << c.toString();
        entry.shown = o.value(QStringLiteral("shown")).toBool();
        charts.set(index.toInt(-1), entry);
    }
    return charts;
}

} // namespace linkisdesk
