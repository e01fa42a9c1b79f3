// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QList>
#include <QString>

namespace linkisdesk::gateway {

// Writes one result set `_N.dolphin` as the local gateway stores it (the name is what clients
// see; the content is our own): a header line, the type ("1" text, "2" table), the metadata as
// JSON, then one JSON array of strings (null for SQL NULL) per row. Beside it, `_N.dolphin.idx`
// holds the byte offset of every row (little-endian 64-bit) plus the end offset, so any page is
// two seeks away. Rows stream to disk; nothing is kept in memory.
class ResultSetWriter
{
public:
    enum class Type { Text = 1, Table = 2 };
    struct Column
    {
        QString name;
        QString dataType;
    };

    static inline const QByteArray kMagic = QByteArrayLiteral("linkis-desk-resultset 1");

    ResultSetWriter() = default;
    ~ResultSetWriter();
    ResultSetWriter(const ResultSetWriter &) = delete;
    ResultSetWriter &operator=(const ResultSetWriter &) = delete;

    bool open(const QString &path, Type type, const QList<Column> &columns, QString *error);
    // One row given as a JSON array text, e.g. ["a",null]; no newline inside.
    void addRow(const QByteArray &jsonArray);
    void addTextLine(const QString &line);
    bool close(QString *error = nullptr);
    qint64 rowCount() const { return m_rows; }
    bool isOpen() const { return m_data.isOpen(); }

    // Appends `"..."` with JSON escaping of UTF-8 bytes (invalid UTF-8 is repaired).
    static void appendJsonString(QByteArray &out, const char *utf8, qsizetype size);

private:
    void writeOffset(qint64 offset);

    QFile m_data;
    QFile m_index;
    qint64 m_pos = 0;
    qint64 m_rows = 0;
};

} // namespace linkisdesk::gateway
