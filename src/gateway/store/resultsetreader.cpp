// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/resultsetreader.h"

#include "store/resultsetwriter.h"

#include <QtEndian>

namespace linkisdesk::gateway {

bool ResultSetReader::open(const QString &path, QString *error)
{
    m_data.setFileName(path);
    if (!m_data.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open the result set: %1").arg(m_data.errorString());
        return false;
    }
    if (m_data.readLine().trimmed() != ResultSetWriter::kMagic) {
        *error = QStringLiteral("not a result set written by this gateway");
        return false;
    }
    m_type = m_data.readLine().trimmed().toInt();
    m_metadata = m_data.readLine().trimmed();
    const qint64 firstRow = m_data.pos();

    m_index.setFileName(path + QStringLiteral(".idx"));
    const qint64 indexEntries = m_index.open(QIODevice::ReadOnly) ? m_index.size() / 8 : 0;
    if (indexEntries >= 1 && offsetOf(indexEntries - 1) == m_data.size()) {
        m_rows = indexEntries - 1;
        return true;
    }
    // No complete index (the writer never finished): find the rows by scanning once.
    m_index.close();
    m_scanned.clear();
    m_data.seek(firstRow);
    qint64 pos = firstRow;
    while (!m_data.atEnd()) {
        const QByteArray line = m_data.readLine();
        if (!line.endsWith('\n'))
            break;
        m_scanned.push_back(pos);
        pos += line.size();
    }
    m_rows = qint64(m_scanned.size());
    m_scanned.push_back(pos);
    return true;
}

qint64 ResultSetReader::offsetOf(qint64 row)
{
    if (!m_index.isOpen())
        return m_scanned[size_t(row)];
    char buf[8];
    if (!m_index.seek(row * 8) || m_index.read(buf, 8) != 8)
        return -1;
    return qFromLittleEndian<qint64>(buf);
}

QByteArray ResultSetReader::pageJson(qint64 page, qint64 pageSize, const QByteArray &nullJson,
                                     int *rowsInPage)
{
    *rowsInPage = 0;
    const qint64 first = (qMax<qint64>(page, 1) - 1) * pageSize;
    if (first >= m_rows || pageSize <= 0)
        return QByteArrayLiteral("[]");
    const qint64 last = qMin(m_rows, first + pageSize);
    const qint64 begin = offsetOf(first);
    const qint64 end = offsetOf(last);
    if (begin < 0 || end < begin || !m_data.seek(begin))
        return QByteArrayLiteral("[]");
    QByteArray rows = m_data.read(end - begin);
    *rowsInPage = int(last - first);

    QByteArray out;
    out.reserve(rows.size() + 2 + (rows.contains("null") ? rows.size() / 4 : 0));
    out += '[';
    const char *p = rows.constData();
    const qsizetype n = rows.size();
    bool inString = false;
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const char c = p[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '\n') {
            out.append(p + runStart, i - runStart);
            if (i + 1 < n)
                out += ',';
            runStart = i + 1;
        } else if (c == 'n' && i + 3 < n && p[i + 1] == 'u') { // a bare null
            out.append(p + runStart, i - runStart);
            out += nullJson;
            i += 3;
            runStart = i + 1;
        }
    }
    out.append(p + runStart, n - runStart);
    out += ']';
    return out;
}

} // namespace linkisdesk::gateway
