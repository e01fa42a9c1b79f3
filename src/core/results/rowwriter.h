// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/resultpage.h"
#include "rowformat.h"

#include <QBitArray>
#include <QByteArray>
#include <QList>
#include <QStringList>

namespace linkisdesk {

// Turns result rows (Linkis sends every cell as a string) into TSV, CSV (RFC 4180) or JSON lines,
// appending UTF-8 bytes to a buffer the caller flushes. SQL NULL cells are flagged by the caller
// (ResultPage::nulls) and written as NULL in TSV/CSV, as Linkis stores them, and null in JSON.
// Holds no rows: it is the streaming end of the CLI and of ResultExporter.
class RowWriter
{
public:
    explicit RowWriter(RowFormat format);

    RowFormat format() const { return m_format; }

    // A table result. types are Linkis dataType names; numeric columns become JSON numbers.
    void setTable(const QStringList &columns, const QStringList &types = {});
    // A text result (type "1"): records are written as they are ({"text": ...} in JSON).
    void setText();
    bool isText() const { return m_text; }
    // setTable or setText as the page says (its type and columns).
    void setLayout(const ResultPage &page);
    qsizetype columnCount() const { return m_columns.size(); }

    // The header line for TSV and CSV tables; nothing for JSON or text results.
    void writeHeader(QByteArray &out) const;
    // nulls: bit i set when cell i is SQL NULL (may be empty: no NULL in the row).
    void writeRow(const QStringList &cells, const QBitArray &nulls, QByteArray &out) const;
    void writeRow(const QStringList &cells, QByteArray &out) const { writeRow(cells, {}, out); }
    // Every row of the page, NULL flags included.
    void writeRows(const ResultPage &page, QByteArray &out) const;
    static bool isNumericType(QStringView linkisType);
    static bool isJsonNumber(const QByteArray &utf8);

    static void appendTsvField(QByteArray &out, const QString &value);
    static void appendCsvField(QByteArray &out, const QString &value);
    static void appendJsonString(QByteArray &out, QStringView value);

private:
    void writeText(const QStringList &cells, QByteArray &out) const;
    void writeJson(const QStringList &cells, const QBitArray &nulls, QByteArray &out) const;

    RowFormat m_format;
    bool m_text = false;
    QStringList m_columns;
    QList<bool> m_numeric;
    QList<QByteArray> m_jsonKeys; // "name": ready to append, duplicates made unique
};

} // namespace linkisdesk
