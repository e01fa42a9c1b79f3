// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QBitArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace linkisdesk {

struct ResultColumn
{
    QString name;
    QString type; // Linkis dataType: string, int, long, double, ...
    QString comment;
};

// One page of filesystem/openFile.
struct ResultPage
{
    enum class Type { Text = 1, Table = 2, Io = 3, Picture = 4, Html = 5 };

    Type type = Type::Table;
    QList<ResultColumn> columns; // empty for text results
    QList<QStringList> rows; // a text result: one cell per record (which may hold '\n')
    // When the client asked with nullValue (LinkisClient always does), SQL NULL cells are null
    // QStrings here AND flagged: nulls[row] is empty when the row has no NULL.
    QList<QBitArray> nulls;
    int page = 1;

    bool isNull(int row, int column) const
    {
        if (row < 0 || row >= nulls.size())
            return false;
        const QBitArray &flags = nulls.at(row);
        return column >= 0 && column < flags.size() && flags.testBit(column);
    }
    bool isEmpty() const { return rows.isEmpty(); }
};

} // namespace linkisdesk
