// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "charts/chartspec.h"

#include <QJsonArray>
#include <QMap>
#include <QStringList>

#include <optional>

namespace linkisdesk {

// The charts of a script's result sets, kept with its tab and saved in the session: for each
// result set (by its position in the job's output) the chart last set up, the column names it
// was set up on, and whether the chart rather than the grid was on screen. Running the script
// again brings the same chart back; a result whose columns changed gets a fresh one.
class ResultCharts
{
public:
    struct Entry
    {
        ChartSpec spec;
        QStringList columns;
        bool shown = false;
        bool operator==(const Entry &) const = default;
    };

    // Result sets past this position are not remembered (a script with hundreds of statements).
    static constexpr int kMaxResultSets = 64;

    // The chart of result set `index` when it was set up on these same columns.
    std::optional<Entry> entryFor(int index, const QStringList &columns) const;
    void set(int index, const Entry &entry);
    bool isEmpty() const { return m_entries.isEmpty(); }
    bool operator==(const ResultCharts &) const = default;

    QJsonArray toJson() const;
    // Malformed entries are skipped; the rest is kept.
    static ResultCharts fromJson(const QJsonArray &json);

private:
    QMap<int, Entry> m_entries;
};

} // namespace linkisdesk
