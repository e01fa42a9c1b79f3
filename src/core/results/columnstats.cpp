// SPDX-License-Identifier: GPL-3.0-or-later
#include "columnstats.h"

#include <QByteArray>
#include <QHashFunctions>

#include <charconv>
#include <cmath>

namespace linkisdesk {

namespace {

// FNV-1a over the UTF-8 bytes, so QString and UTF-8 cells of the same text hash alike.
quint64 hashUtf8(QByteArrayView utf8)
{
    quint64 h = 14695981039346656037ULL;
    for (const char c : utf8) {
        h ^= quint64(static_cast<unsigned char>(c));
        h *= 1099511628211ULL;
    }
    return h;
}

bool parseNumber(QByteArrayView text, double &value)
{
    const char *begin = text.data();
    const char *end = begin + text.size();
    while (begin != end && *begin == ' ')
        ++begin;
    while (end != begin && end[-1] == ' ')
        --end;
    if (begin != end && *begin == '+')
        ++begin;
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    return ec == std::errc() && ptr == end && begin != end && std::isfinite(value);
}

} // namespace

void ColumnStatsAccumulator::addColumnKind(ColumnKind kind)
{
    m_anyColumn = true;
    if (!isNumeric(kind))
        m_allNumeric = false;
}

void ColumnStatsAccumulator::addNull()
{
    ++m_stats.count;
    ++m_stats.nulls;
}

void ColumnStatsAccumulator::add(ColumnKind kind, QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    add(kind, QByteArrayView(utf8));
}

void ColumnStatsAccumulator::add(ColumnKind kind, QByteArrayView utf8)
{
    ++m_stats.count;
    addHash(hashUtf8(utf8));
    double value = 0;
    if (isNumeric(kind) && parseNumber(utf8, value))
        addNumber(value);
}

void ColumnStatsAccumulator::addNumber(double value)
{
    if (m_stats.numbers == 0) {
        m_stats.min = value;
        m_stats.max = value;
    } else {
        m_stats.min = qMin(m_stats.min, value);
        m_stats.max = qMax(m_stats.max, value);
    }
    ++m_stats.numbers;
    const double t = m_stats.sum + value;
    if (std::abs(m_stats.sum) >= std::abs(value))
        m_compensation += (m_stats.sum - t) + value;
    else
        m_compensation += (value - t) + m_stats.sum;
    m_stats.sum = t;
}

void ColumnStatsAccumulator::merge(const ColumnStatsAccumulator &other)
{
    m_anyColumn = m_anyColumn || other.m_anyColumn;
    m_allNumeric = m_allNumeric && other.m_allNumeric;
    m_stats.count += other.m_stats.count;
    m_stats.nulls += other.m_stats.nulls;
    m_stats.partial = m_stats.partial || other.m_stats.partial;
    if (other.m_stats.numbers > 0) {
        if (m_stats.numbers == 0) {
            m_stats.min = other.m_stats.min;
            m_stats.max = other.m_stats.max;
        } else {
            m_stats.min = qMin(m_stats.min, other.m_stats.min);
            m_stats.max = qMax(m_stats.max, other.m_stats.max);
        }
        m_stats.numbers += other.m_stats.numbers;
        m_stats.sum += other.m_stats.sum;
        m_compensation += other.m_compensation;
    }
    m_hashes.insert(other.m_hashes.begin(), other.m_hashes.end());
}

ColumnStats ColumnStatsAccumulator::result() const
{
    ColumnStats stats = m_stats;
    stats.sum = m_stats.sum + m_compensation;
    stats.distinct = qint64(m_hashes.size());
    stats.numeric = m_anyColumn && m_allNumeric;
    return stats;
}

} // namespace linkisdesk
