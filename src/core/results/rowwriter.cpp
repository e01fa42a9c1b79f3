// SPDX-License-Identifier: GPL-3.0-or-later
#include "rowwriter.h"

#include "columnkind.h"

#include <QSet>
#include <QVarLengthArray>

#include <cstring>

namespace linkisdesk {

// Appends to a QByteArray through a plain pointer: room is made once per row (reserve), and every
// put after that is a store without a size check. The array is cut to what was written at the end.
class ByteSink
{
public:
    explicit ByteSink(QByteArray &out)
        : m_out(out)
    {
        const qsizetype used = out.size();
        out.resize(qMax(out.capacity(), used)); // the reserved room, without reallocating
        m_base = out.data();
        m_p = m_base + used;
        m_end = m_base + out.size();
    }
    ~ByteSink() { m_out.resize(m_p - m_base); }
    Q_DISABLE_COPY_MOVE(ByteSink)

    void reserve(qsizetype n)
    {
        if (m_end - m_p >= n)
            return;
        const qsizetype used = m_p - m_base;
        m_out.resize(qMax(used + n, 2 * used + 256));
        m_base = m_out.data();
        m_p = m_base + used;
        m_end = m_base + m_out.size();
    }
    void put(char c) { *m_p++ = c; }
    void put(const char *s, qsizetype n)
    {
        if (n > 0) {
            std::memcpy(m_p, s, size_t(n));
            m_p += n;
        }
    }
    void put(QByteArrayView v) { put(v.data(), v.size()); }
    template<qsizetype N> void put(const char (&literal)[N]) { put(literal, N - 1); }
    // Takes back the last n bytes put.
    void unput(qsizetype n) { m_p -= n; }

private:
    QByteArray &m_out;
    char *m_base = nullptr;
    char *m_p = nullptr;
    char *m_end = nullptr;
};

namespace {

constexpr char hexDigits[] = "0123456789abcdef";

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// The most any format makes of `bytes` bytes in `cells` cells (JSON's \u00XX is the worst case,
// six bytes for one), keys aside.
qsizetype worstCase(qsizetype bytes, qsizetype cells)
{
    return 6 * bytes + 40 * cells + 16;
}

// The escaping below works on UTF-8 bytes: every character a format escapes is ASCII, and the
// bytes of a multi-byte character are all >= 0x80, so they are copied as they are. Each format
// has a table of the bytes it treats specially; the common cell has none and is copied in one
// pass.
enum Special : unsigned char { Plain = 0, ForTsv = 1, ForCsv = 2, ForJson = 4 };

struct SpecialBytes
{
    unsigned char of[256] = {};
    constexpr SpecialBytes()
    {
        for (const char c : {'\t', '\n', '\r', '\\'})
            of[static_cast<unsigned char>(c)] |= ForTsv;
        for (const char c : {',', '"', '\n', '\r'})
            of[static_cast<unsigned char>(c)] |= ForCsv;
        for (int c = 0; c < 0x20; ++c)
            of[c] |= ForJson;
        of[static_cast<unsigned char>('"')] |= ForJson;
        of[static_cast<unsigned char>('\\')] |= ForJson;
    }
};
constexpr SpecialBytes specialBytes;

bool isSpecial(char c, Special format)
{
    return (specialBytes.of[static_cast<unsigned char>(c)] & format) != 0;
}

void putTsv(ByteSink &out, QByteArrayView value)
{
    for (const char c : value) {
        if (!isSpecial(c, ForTsv)) {
            out.put(c);
            continue;
        }
        switch (c) {
        case '\t': out.put("\\t"); break;
        case '\n': out.put("\\n"); break;
        case '\r': out.put("\\r"); break;
        default: out.put("\\\\"); break;
        }
    }
}

void putCsv(ByteSink &out, QByteArrayView value)
{
    qsizetype copied = 0;
    for (const char c : value) {
        if (isSpecial(c, ForCsv))
            break;
        out.put(c);
        ++copied;
    }
    if (copied == value.size())
        return;
    // Quoted after all: start the field again.
    out.unput(copied);
    out.put('"');
    for (const char c : value) {
        if (c == '"')
            out.put('"');
        out.put(c);
    }
    out.put('"');
}

void putJson(ByteSink &out, QByteArrayView value)
{
    out.put('"');
    for (const char c : value) {
        if (!isSpecial(c, ForJson)) {
            out.put(c);
            continue;
        }
        switch (c) {
        case '"': out.put("\\\""); break;
        case '\\': out.put("\\\\"); break;
        case '\n': out.put("\\n"); break;
        case '\r': out.put("\\r"); break;
        case '\t': out.put("\\t"); break;
        case '\b': out.put("\\b"); break;
        case '\f': out.put("\\f"); break;
        default: {
            const auto u = static_cast<unsigned char>(c);
            out.put("\\u00");
            out.put(hexDigits[u >> 4]);
            out.put(hexDigits[u & 0xf]);
            break;
        }
        }
    }
    out.put('"');
}

// One field in a format, for the single-field helpers.
template<typename Put> void appendField(QByteArray &out, QStringView value, Put put)
{
    QByteArray bytes;
    appendUtf8(bytes, value);
    ByteSink sink(out);
    sink.reserve(worstCase(bytes.size(), 1));
    put(sink, bytes);
}

} // namespace

struct RowWriter::Cells
{
    const char *text = nullptr; // the bytes the offsets below point into
    const qsizetype *ends = nullptr; // end offset of each cell
    qsizetype begin = 0; // where the first cell starts
    qsizetype count = 0;
    const QBitArray *nulls = nullptr; // NULL flags, bit nullBase + i for cell i
    qsizetype nullBase = 0;

    QByteArrayView at(qsizetype i) const
    {
        const qsizetype from = i == 0 ? begin : ends[i - 1];
        return QByteArrayView(text + from, ends[i] - from);
    }
    bool isNull(qsizetype i) const
    {
        return nulls && nullBase + i < nulls->size() && nulls->testBit(nullBase + i);
    }
};

RowWriter::RowWriter(RowFormat format)
    : m_format(format)
{ }

void RowWriter::setTable(const QStringList &columns, const QStringList &types)
{
    m_text = false;
    m_columns = columns;
    m_numeric.clear();
    m_jsonKeys.clear();
    m_jsonKeysBytes = 0;
    QSet<QString> used;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        m_numeric.append(i < types.size() && isNumericType(types.at(i)));
        QString key = columns.at(i);
        for (int n = 2; used.contains(key); ++n)
            key = columns.at(i) + u'_' + QString::number(n);
        used.insert(key);
        QByteArray encoded;
        appendJsonString(encoded, key);
        encoded.append(':');
        m_jsonKeysBytes += encoded.size();
        m_jsonKeys.append(encoded);
    }
}

void RowWriter::setText()
{
    m_text = true;
    m_columns.clear();
    m_numeric.clear();
    m_jsonKeys.clear();
    m_jsonKeysBytes = 0;
}

void RowWriter::setLayout(const ResultPage &page)
{
    if (page.type != ResultPage::Type::Table) {
        setText();
        return;
    }
    QStringList names;
    QStringList types;
    names.reserve(page.columns.size());
    types.reserve(page.columns.size());
    for (const ResultColumn &column : page.columns) {
        names.append(column.name);
        types.append(column.type);
    }
    setTable(names, types);
}

void RowWriter::writeRows(const ResultPage &page, QByteArray &out) const
{
    static const QBitArray noNulls;
    for (qsizetype r = 0; r < page.rows.size(); ++r)
        writeRow(page.rows.at(r), r < page.nulls.size() ? page.nulls.at(r) : noNulls, out);
}

void RowWriter::writeRows(const PackedPage &page, QByteArray &out) const
{
    ByteSink sink(out);
    Cells cells;
    cells.text = page.text.constData();
    cells.nulls = &page.nulls;
    for (qsizetype r = 0; r < page.rowCount(); ++r) {
        const qsizetype first = page.firstCell(r);
        cells.begin = first == 0 ? 0 : page.cellEnds.at(first - 1);
        cells.ends = page.cellEnds.constData() + first;
        cells.count = page.endCell(r) - first;
        cells.nullBase = first;
        writeCells(cells, sink);
    }
}

void RowWriter::writeHeader(QByteArray &out) const
{
    if (m_text || m_format == RowFormat::Json)
        return;
    const bool csv = m_format == RowFormat::Csv;
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        if (i > 0)
            out.append(csv ? ',' : '\t');
        if (csv)
            appendCsvField(out, m_columns.at(i));
        else
            appendTsvField(out, m_columns.at(i));
    }
    out.append(csv ? "\r\n" : "\n");
}

void RowWriter::writeRow(const QStringList &cells, const QBitArray &nulls, QByteArray &out) const
{
    QByteArray text;
    QVarLengthArray<qsizetype, 32> ends;
    for (const QString &cell : cells) {
        appendUtf8(text, cell);
        ends.append(text.size());
    }
    Cells row;
    row.text = text.constData();
    row.ends = ends.constData();
    row.count = ends.size();
    row.nulls = &nulls;
    ByteSink sink(out);
    writeCells(row, sink);
}

void RowWriter::writeCells(const Cells &cells, ByteSink &out) const
{
    const qsizetype bytes = cells.count > 0 ? cells.ends[cells.count - 1] - cells.begin : 0;
    out.reserve(worstCase(bytes, cells.count) + m_jsonKeysBytes);
    if (m_text) {
        const QByteArrayView line = cells.count > 0 ? cells.at(0) : QByteArrayView();
        if (m_format == RowFormat::Json) {
            out.put("{\"text\":");
            putJson(out, line);
            out.put("}\n");
            return;
        }
        out.put(line);
        if (!line.endsWith('\n'))
            out.put('\n');
        return;
    }
    if (m_format == RowFormat::Json) {
        writeJson(cells, out);
        return;
    }
    const bool csv = m_format == RowFormat::Csv;
    for (qsizetype i = 0; i < cells.count; ++i) {
        if (i > 0)
            out.put(csv ? ',' : '\t');
        if (cells.isNull(i))
            out.put("NULL");
        else if (csv)
            putCsv(out, cells.at(i));
        else
            putTsv(out, cells.at(i));
    }
    if (csv)
        out.put("\r\n");
    else
        out.put('\n');
}

void RowWriter::writeJson(const Cells &cells, ByteSink &out) const
{
    out.put('{');
    for (qsizetype i = 0; i < cells.count; ++i) {
        if (i > 0)
            out.put(',');
        if (i < m_jsonKeys.size()) {
            out.put(m_jsonKeys.at(i));
        } else {
            // Past the known columns (within the row's reserve: worstCase allows 40 per cell).
            out.put("\"column_");
            out.put(QByteArray::number(i + 1));
            out.put("\":");
        }
        if (cells.isNull(i)) {
            out.put("null");
            continue;
        }
        const QByteArrayView cell = cells.at(i);
        if (i < m_numeric.size() && m_numeric.at(i) && isJsonNumber(cell))
            out.put(cell);
        else
            putJson(out, cell);
    }
    out.put("}\n");
}

bool RowWriter::isNumericType(QStringView type)
{
    return isNumeric(columnKind(type));
}

bool RowWriter::isJsonNumber(QByteArrayView s)
{
    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    qsizetype i = 0;
    const qsizetype n = s.size();
    if (i < n && s.at(i) == '-')
        ++i;
    if (i >= n || !isDigit(s.at(i)))
        return false;
    if (s.at(i) == '0') {
        ++i;
    } else {
        while (i < n && isDigit(s.at(i)))
            ++i;
    }
    if (i < n && s.at(i) == '.') {
        ++i;
        if (i >= n || !isDigit(s.at(i)))
            return false;
        while (i < n && isDigit(s.at(i)))
            ++i;
    }
    if (i < n && (s.at(i) == 'e' || s.at(i) == 'E')) {
        ++i;
        if (i < n && (s.at(i) == '+' || s.at(i) == '-'))
            ++i;
        if (i >= n || !isDigit(s.at(i)))
            return false;
        while (i < n && isDigit(s.at(i)))
            ++i;
    }
    return i == n;
}

void RowWriter::appendTsvField(QByteArray &out, const QString &value)
{
    appendField(out, value, putTsv);
}

void RowWriter::appendCsvField(QByteArray &out, const QString &value)
{
    appendField(out, value, putCsv);
}

void RowWriter::appendJsonString(QByteArray &out, QStringView value)
{
    appendField(out, value, putJson);
}

} // namespace linkisdesk
