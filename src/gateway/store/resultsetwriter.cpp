// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/resultsetwriter.h"

#include "store/filewrite.h"

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
    close();
    m_data.setFileName(path);
    m_index.setFileName(path + QStringLiteral(".idx"));
    m_error.clear();
    m_dataBuffer.clear();
    m_indexBuffer.clear();
    m_dataOnDisk = m_indexOnDisk = 0;
    m_rows = m_rowsOnDisk = 0;
    // Unbuffered: this class buffers, so that it sees every write the system refuses.
    const auto mode = QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered;
    const auto privateFile = QFile::ReadOwner | QFile::WriteOwner;
    if (!m_data.open(mode, privateFile) || !m_index.open(mode, privateFile)) {
        if (error)
            *error =
                QStringLiteral("cannot write result set %1: %2").arg(path, m_data.errorString());
        m_data.close();
        m_index.close();
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
    QString why;
    m_dataOnDisk = FileWrite::writeAt(m_data.handle(), 0, header, &why);
    m_pos = m_dataOnDisk;
    if (m_dataOnDisk != header.size()) {
        failed(why);
        if (error)
            *error = m_error;
        close();
        return false;
    }
    return true;
}

bool ResultSetWriter::failed(const QString &why)
{
    if (m_error.isEmpty())
        m_error = QStringLiteral("cannot write result set %1: %2").arg(m_data.fileName(), why);
    return false;
}

bool ResultSetWriter::flush()
{
    if (!m_error.isEmpty())
        return false;
    QString why;
    const qint64 written = FileWrite::writeAt(m_data.handle(), m_dataOnDisk, m_dataBuffer, &why);
    m_dataOnDisk += written;
    // Every row ends with '\n': the rows on disk are the complete lines that made it.
    const qint64 rowsInBuffer = m_dataBuffer.count('\n');
    m_rowsOnDisk +=
        written == m_dataBuffer.size() ? rowsInBuffer : m_dataBuffer.left(written).count('\n');
    m_dataBuffer.clear();
    if (!why.isEmpty())
        return failed(why);
    const qint64 indexWritten =
        FileWrite::writeAt(m_index.handle(), m_indexOnDisk, m_indexBuffer, &why);
    m_indexOnDisk += indexWritten;
    m_indexBuffer.clear();
    return why.isEmpty() || failed(why);
}

void ResultSetWriter::appendOffset(qint64 offset)
{
    char buf[8];
    qToLittleEndian<qint64>(offset, buf);
    m_indexBuffer.append(buf, 8);
}

bool ResultSetWriter::addRow(const QByteArray &jsonArray)
{
    if (!m_error.isEmpty() || !m_data.isOpen())
        return false;
    appendOffset(m_pos);
    m_dataBuffer += jsonArray;
    m_dataBuffer += '\n';
    m_pos += jsonArray.size() + 1;
    ++m_rows;
    return m_dataBuffer.size() < kBufferBytes || flush();
}

bool ResultSetWriter::addTextLine(const QString &line)
{
    const QByteArray u = line.toUtf8();
    QByteArray row;
    row.reserve(u.size() + 4);
    row += '[';
    appendJsonString(row, u.constData(), u.size());
    row += ']';
    return addRow(row);
}

bool ResultSetWriter::close(QString *error)
{
    if (!m_data.isOpen())
        return m_error.isEmpty();
    appendOffset(m_pos);
    flush();
    m_data.close();
    m_index.close();
    if (!m_error.isEmpty()) {
        // Keep what reached the disk readable: without an index the reader takes the complete
        // rows of the data file (a row cut off by the failure is left out).
        QFile::remove(m_index.fileName());
        if (error)
            *error = m_error;
        return false;
    }
    return true;
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
