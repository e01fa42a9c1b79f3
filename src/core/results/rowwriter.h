// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/packedpage.h"
#include "api/resultpage.h"
#include "rowformat.h"

#include <QBitArray>
#include <QByteArray>
#include <QList>
#include <QStringList>

namespace linkisdesk {

class ByteSink;

// Turns result rows (Linkis sends every cell as a string) into TSV, CSV (RFC 4180) or JSON lines,
// appending UTF-8 bytes to a buffer the caller flushes. SQL NULL cells are flagged by the caller
// (ResultPage::nulls) and written as NULL in TSV/CSV, as Linkis stores them, and null in JSON.
// Holds no rows: it is the streaming end of the CLI and of ResultExporter. All escaping works on
// UTF-8 bytes, so QString rows and PackedPage rows come out byte for byte the same.
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
    void writeRows(const PackedPage &page, QByteArray &out) const;
    static bool isNumericType(QStringView linkisType);
    static bool isJsonNumber(QByteArrayView utf8);

    static void appendTsvField(QByteArray &out, const QString &value);
    static void appendCsvField(QByteArray &out, const QString &value);
    static void appendJsonString(QByteArray &out, QStringView value);

private:
    struct Cells; // one row's cells as UTF-8, with their NULL flags
    void writeCells(const Cells &cells, ByteSink &out) const;
    void writeJson(const Cells &cells, ByteSink &out) const;

    RowFormat m_format;
    bool m_text = false;
    QStringList m_columns;
    QList<bool> m_numeric;
    QList<QByteArray> m_jsonKeys; // "name": ready to append, duplicates made unique
    qsizetype m_jsonKeysBytes = 0;
};

} // namespace linkisdesk
