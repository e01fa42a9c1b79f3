// SPDX-License-Identifier: GPL-3.0-or-later
#include "rowwriter.h"

#include <QSet>

namespace linkisdesk {

namespace {

constexpr char hexDigits[] = "0123456789abcdef";

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Appends `value` as UTF-8. ASCII characters (the only ones any format escapes) go through
// `ascii` one by one without a temporary; runs of other characters are converted in one go.
template<typename AsciiFn> void appendEscaped(QByteArray &out, QStringView value, AsciiFn ascii)
{
    const qsizetype n = value.size();
    const QChar *data = value.data();
    qsizetype i = 0;
    while (i < n) {
        const char16_t u = data[i].unicode();
        if (u < 0x80) {
            ascii(out, char(u));
            ++i;
            continue;
        }
        qsizetype j = i + 1;
        while (j < n && data[j].unicode() >= 0x80)
            ++j;
        out.append(value.sliced(i, j - i).toUtf8());
        i = j;
    }
}

bool flagged(const QBitArray &nulls, qsizetype i)
{
    return i < nulls.size() && nulls.testBit(i);
}

} // namespace

RowWriter::RowWriter(RowFormat format)
    : m_format(format)
{ }

void RowWriter::setTable(const QStringList &columns, const QStringList &types)
{
    m_text = false;
    m_columns = columns;
    m_numeric.clear();
    m_jsonKeys.clear();
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
        m_jsonKeys.append(encoded);
    }
}

void RowWriter::setText()
{
    m_text = true;
    m_columns.clear();
    m_numeric.clear();
    m_jsonKeys.clear();
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
    if (m_text) {
        writeText(cells, out);
        return;
    }
    if (m_format == RowFormat::Json) {
        writeJson(cells, nulls, out);
        return;
    }
    const bool csv = m_format == RowFormat::Csv;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            out.append(csv ? ',' : '\t');
        const QString &cell = cells.at(i);
        if (flagged(nulls, i))
            out.append("NULL");
        else if (csv)
            appendCsvField(out, cell);
        else
            appendTsvField(out, cell);
    }
    out.append(csv ? "\r\n" : "\n");
}

void RowWriter::writeText(const QStringList &cells, QByteArray &out) const
{
    const QString line = cells.isEmpty() ? QString() : cells.constFirst();
    if (m_format == RowFormat::Json) {
        out.append("{\"text\":");
        appendJsonString(out, line);
        out.append("}\n");
        return;
    }
    out.append(line.toUtf8());
    if (!line.endsWith(u'\n'))
        out.append('\n');
}

void RowWriter::writeJson(const QStringList &cells, const QBitArray &nulls, QByteArray &out) const
{
    out.append('{');
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            out.append(',');
        if (i < m_jsonKeys.size()) {
            out.append(m_jsonKeys.at(i));
        } else {
            appendJsonString(out, QStringLiteral("column_%1").arg(i + 1));
            out.append(':');
        }
        const QString &cell = cells.at(i);
        if (flagged(nulls, i)) {
            out.append("null");
            continue;
        }
        if (i < m_numeric.size() && m_numeric.at(i)) {
            const QByteArray utf8 = cell.toUtf8();
            if (isJsonNumber(utf8)) {
                out.append(utf8);
                continue;
            }
        }
        appendJsonString(out, cell);
    }
    out.append("}\n");
}

bool RowWriter::isNumericType(QStringView type)
{
    static const char *const numeric[] = {"tinyint", "smallint", "short",  "int",       "integer",
                                          "long",    "bigint",   "float",  "double",    "real",
                                          "decimal", "numeric",  "number", "bigdecimal"};
    // "decimal(10,2)" and "int unsigned" count as their base type.
    qsizetype end = 0;
    while (end < type.size() && type.at(end).isLetter())
        ++end;
    const QStringView base = type.left(end);
    for (const char *name : numeric) {
        if (base.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool RowWriter::isJsonNumber(const QByteArray &s)
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
    appendEscaped(out, value, [](QByteArray &o, char c) {
        switch (c) {
        case '\t': o.append("\\t"); break;
        case '\n': o.append("\\n"); break;
        case '\r': o.append("\\r"); break;
        case '\\': o.append("\\\\"); break;
        default: o.append(c); break;
        }
    });
}

void RowWriter::appendCsvField(QByteArray &out, const QString &value)
{
    bool quote = false;
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        if (u == u',' || u == u'"' || u == u'\n' || u == u'\r') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        appendEscaped(out, value, [](QByteArray &o, char c) { o.append(c); });
        return;
    }
    out.append('"');
    appendEscaped(out, value, [](QByteArray &o, char c) {
        if (c == '"')
            o.append('"');
        o.append(c);
    });
    out.append('"');
}

void RowWriter::appendJsonString(QByteArray &out, QStringView value)
{
    out.append('"');
    appendEscaped(out, value, [](QByteArray &o, char c) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && c != '"' && c != '\\') {
            o.append(c);
            return;
        }
        switch (c) {
        case '"': o.append("\\\""); break;
        case '\\': o.append("\\\\"); break;
        case '\n': o.append("\\n"); break;
        case '\r': o.append("\\r"); break;
        case '\t': o.append("\\t"); break;
        case '\b': o.append("\\b"); break;
        case '\f': o.append("\\f"); break;
        default:
            o.append("\\u00");
            o.append(hexDigits[u >> 4]);
            o.append(hexDigits[u & 0xf]);
            break;
        }
    });
    out.append('"');
}

} // namespace linkisdesk
