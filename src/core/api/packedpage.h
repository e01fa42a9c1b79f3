// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/resultpage.h"

#include <QBitArray>
#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QStringView>

namespace linkisdesk {

// A result page with its cells as UTF-8, back to back in one buffer: the form a page is exported
// from, without a QString per cell (ResultPage holds the same rows as QStringLists).
struct PackedPage
{
    ResultPage::Type type = ResultPage::Type::Table;
    QList<ResultColumn> columns;
    int page = 1;
    QByteArray text; // every cell's bytes, one cell after the other
    QList<qsizetype> cellEnds; // cell i is text[cellEnds[i - 1], cellEnds[i]) (from 0 for i = 0)
    QList<qsizetype> rowEnds; // row r holds cells [rowEnds[r - 1], rowEnds[r]) (from 0 for r = 0)
    QBitArray nulls; // bit i: cell i is SQL NULL (and empty); empty when the page has no NULL

    qsizetype rowCount() const { return rowEnds.size(); }
    bool isEmpty() const { return rowEnds.isEmpty(); }
    qsizetype firstCell(qsizetype row) const { return row == 0 ? 0 : rowEnds.at(row - 1); }
    qsizetype endCell(qsizetype row) const { return rowEnds.at(row); }
    QByteArrayView cell(qsizetype i) const
    {
        const qsizetype begin = i == 0 ? 0 : cellEnds.at(i - 1);
        return QByteArrayView(text.constData() + begin, cellEnds.at(i) - begin);
    }
    bool isNull(qsizetype i) const { return i < nulls.size() && nulls.testBit(i); }

    // The same rows, cells converted as QString::toUtf8() does, NULL flags kept.
    static PackedPage fromPage(const ResultPage &page);
};

// Appends `text` as UTF-8 exactly as QString::toUtf8() would (an unpaired surrogate becomes '?'),
// without a temporary.
void appendUtf8(QByteArray &out, QStringView text);

} // namespace linkisdesk
