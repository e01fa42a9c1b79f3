// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "results/columnkind.h"

#include <QByteArrayView>
#include <QStringView>

#include <unordered_set>

namespace linkisdesk {

// The statistics of a set of cells (the grid's selection): how many, how many NULL, how many
// distinct values, and for numbers the smallest, the largest, the sum and the average.
struct ColumnStats
{
    qint64 count = 0; // cells, NULL included
    qint64 nulls = 0;
    qint64 distinct = 0; // distinct values among the non-NULL cells (exact text)
    bool numeric = false; // every cell came from a numeric column
    qint64 numbers = 0; // non-NULL cells read as numbers (numeric columns only)
    double min = 0;
    double max = 0;
    double sum = 0;
    bool partial = false; // some cells were not available (pages not loaded)

    bool hasNumbers() const { return numeric && numbers > 0; }
    double average() const { return numbers > 0 ? sum / double(numbers) : 0; }
};

// Accumulates ColumnStats cell by cell, in any order: one per worker, merged at the end. Numbers
// are read only from numeric columns (ColumnKind), so "007" in a text column stays text; a numeric
// cell that does not parse as a finite number counts as a value but not as a number. Distinct
// values are counted by a 64-bit hash of their text (a collision needs ~4 billion values).
class ColumnStatsAccumulator
{
public:
    ColumnStatsAccumulator() = default;

    // Once per column kind that takes part (before or between cells).
    void addColumnKind(ColumnKind kind);
    void addNull();
    void add(ColumnKind kind, QStringView text);
    void add(ColumnKind kind, QByteArrayView utf8);
    void markPartial() { m_stats.partial = true; }
    void merge(const ColumnStatsAccumulator &other);

    ColumnStats result() const;

private:
    void addNumber(double value);
    void addHash(quint64 hash) { m_hashes.insert(hash); }

    ColumnStats m_stats;
    bool m_anyColumn = false;
    bool m_allNumeric = true;
    double m_compensation = 0; // Neumaier summation: the sum keeps its low digits
    std::unordered_set<quint64> m_hashes;
};

} // namespace linkisdesk
