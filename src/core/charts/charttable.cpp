// SPDX-License-Identifier: GPL-3.0-or-later
#include "charttable.h"

#include "results/isodate.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace linkisdesk {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

} // namespace

ChartTable::ChartTable(int xColumn, const QList<int> &yColumns, ColumnKind xKind)
    : xColumn(xColumn)
    , yColumns(yColumns)
    , xKind(xKind)
    , y(size_t(yColumns.size()))
{ }

double ChartTable::parseNumber(QByteArrayView text)
{
    const char *begin = text.data();
    const char *end = begin + text.size();
    while (begin != end && *begin == ' ')
        ++begin;
    while (end != begin && end[-1] == ' ')
        --end;
    if (begin != end && *begin == '+')
        ++begin;
    double value = 0;
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    return ec == std::errc() && ptr == end && begin != end && std::isfinite(value) ? value : kNaN;
}

void ChartTable::append(const PackedPage &page, const QList<ColumnKind> &kinds)
{
    if (columnNames.isEmpty()) {
        for (const ResultColumn &c : page.columns)
            columnNames << c.name;
    }
    const qsizetype n = page.rowCount();
    const bool numericX = xNumeric();
    const bool dateX = xIsDate();
    if (numericX)
        x.reserve(x.size() + size_t(n));
    else
        xCategory.reserve(xCategory.size() + size_t(n));
    for (auto &column : y)
        column.reserve(column.size() + size_t(n));
    for (qsizetype r = 0; r < n; ++r) {
        const qsizetype first = page.firstCell(r);
        const qsizetype cells = page.endCell(r) - first;
        const bool xNull = xColumn >= cells || page.isNull(first + xColumn);
        if (numericX) {
            const QByteArrayView cell = xNull ? QByteArrayView() : page.cell(first + xColumn);
            x.push_back(xNull ? kNaN : (dateX ? parseIsoDateMs(cell) : parseNumber(cell)));
        } else if (xNull) {
            xCategory.push_back(-1);
        } else {
            const QByteArrayView cell = page.cell(first + xColumn);
            const QString text = QString::fromUtf8(cell.data(), cell.size());
            auto it = categoryIndex.constFind(text);
            if (it == categoryIndex.cend()) {
                it = categoryIndex.insert(text, int(categories.size()));
                categories << text;
            }
            xCategory.push_back(*it);
        }
        for (qsizetype i = 0; i < yColumns.size(); ++i) {
            const int c = yColumns.at(i);
            const bool null = c >= cells || page.isNull(first + c) || !isNumeric(kinds.value(c));
            y[size_t(i)].push_back(null ? kNaN : parseNumber(page.cell(first + c)));
        }
    }
    rows += n;
}

void ChartTable::append(ChartTable &&other)
{
    if (columnNames.isEmpty())
        columnNames = other.columnNames;
    if (rows == 0 && categories.isEmpty()) {
        other.columnNames = columnNames;
        *this = std::move(other);
        return;
    }
    x.insert(x.end(), other.x.begin(), other.x.end());
    if (!other.xCategory.empty()) {
        std::vector<int> map(size_t(other.categories.size()));
        for (int i = 0; i < other.categories.size(); ++i) {
            auto it = categoryIndex.constFind(other.categories.at(i));
            if (it == categoryIndex.cend()) {
                it = categoryIndex.insert(other.categories.at(i), int(categories.size()));
                categories << other.categories.at(i);
            }
            map[size_t(i)] = *it;
        }
        xCategory.reserve(xCategory.size() + other.xCategory.size());
        for (int c : other.xCategory)
            xCategory.push_back(c < 0 ? -1 : map[size_t(c)]);
    }
    for (size_t i = 0; i < y.size() && i < other.y.size(); ++i)
        y[i].insert(y[i].end(), other.y[i].begin(), other.y[i].end());
    rows += other.rows;
}

} // namespace linkisdesk
