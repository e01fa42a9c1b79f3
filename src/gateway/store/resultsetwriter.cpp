// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/resultsetwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

namespace linkisdesk::gateway {

ResultSetWriter::~ResultSetWriter()
{
    close();
}

bool ResultSetWriter::open(const QString &path, Type type, const QList<Column> &columns,
                           QString *error)
{
    m_data.setFileName(path);
    m_index.setFileName(path + QStringLiteral(".idx"));
    if (!m_data.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        !m_index.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error =
                QStringLiteral("cannot write result set %1: %2").arg(path, m_data.errorString());
        return false;
    }
    QByteArray metadata;
    if (type == Type::Table) {
        QJsonArray cols;
        for (const Column &c : columns) {
            cols.append(QJsonObject {{QStringLiteral("columnName"), c.name},
                                     {QStringLiteral("comment"), QStringLiteral("NULL")},
                                     {QStringLiteral("dataType"), c.dataType}});
        }
        metadata = QJsonDocument(cols).toJson(QJsonDocument::Compact);
    } else {
        metadata = "\"NULL\"";
    }
    const QByteArray header =
        kMagic + '\n' + QByteArray::number(int(type)) + '\n' + metadata + '\n';
    m_data.write(header);
    m_pos = header.size();
    m_rows = 0;
    return true;
}

void ResultSetWriter::writeOffset(qint64 offset)
{
    char buf[8];
    qToLittleEndian<qint64>(offset, buf);
    m_index.write(buf, 8);
}

void ResultSetWriter::addRow(const QByteArray &jsonArray)
{
    writeOffset(m_pos);
    m_data.write(jsonArray);
    m_data.write("\n", 1);
    m_pos += jsonArray.size() + 1;
    ++m_rows;
}

void ResultSetWriter::addTextLine(const QString &line)
{
    const QByteArray u = line.toUtf8();
    QByteArray row;
    row.reserve(u.size() + 4);
    row += '[';
    appendJsonString(row, u.constData(), u.size());
    row += ']';
    addRow(row);
}

bool ResultSetWriter::close(QString *error)
{
    if (!m_data.isOpen())
        return true;
    writeOffset(m_pos);
    const bool ok = m_data.flush() && m_index.flush();
    if (!ok && error)
        *error = m_data.errorString();
    m_data.close();
    m_index.close();
    return ok;
}

void ResultSetWriter::appendJsonString(QByteArray &out, const char *utf8, qsizetype size)
{
    static const char hex[] = "0123456789abcdef";
    bool ascii = true;
    for (qsizetype i = 0; i < size && ascii; ++i)
        ascii = uchar(utf8[i]) < 0x80;
    QByteArray repaired;
    if (!ascii) {
        // Round-trip through UTF-16 turns invalid sequences into U+FFFD.
        repaired = QString::fromUtf8(utf8, size).toUtf8();
        utf8 = repaired.constData();
        size = repaired.size();
    }
    out += '"';
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const uchar c = uchar(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(utf8 + runStart, i - runStart);
        runStart = i + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    out.append(utf8 + runStart, size - runStart);
    out += '"';
}

} // namespace linkisdesk::gateway
