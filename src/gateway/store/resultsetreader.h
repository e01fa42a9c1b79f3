// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <vector>

namespace linkisdesk::gateway {

// Reads pages of a result set written by ResultSetWriter. A page is two index reads and one
// contiguous read; the JSON rows are copied through, with SQL NULL replaced as asked.
class ResultSetReader
{
public:
    bool open(const QString &path, QString *error);

    int type() const { return m_type; } // 1 text, 2 table
    QByteArray metadataJson() const { return m_metadata; }
    qint64 rowCount() const { return m_rows; }

    // The rows of 1-based `page` as a JSON array; `nullJson` is the JSON text put where the
    // stored value is NULL (e.g. "\"NULL\"").
    QByteArray pageJson(qint64 page, qint64 pageSize, const QByteArray &nullJson, int *rowsInPage);

private:
    qint64 offsetOf(qint64 row);

    QFile m_data;
    QFile m_index;
    int m_type = 0;
    QByteArray m_metadata;
    qint64 m_rows = 0;
    std::vector<qint64> m_scanned; // offsets found by scanning when the index is missing
};

} // namespace linkisdesk::gateway
