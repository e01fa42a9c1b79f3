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
// two seeks away. Rows stream to disk; nothing is kept in memory. Every write is checked: after
// the first failure (e.g. a full disk) nothing more is written, error() says why, and close()
// leaves the rows written before readable (without an index) and returns false.
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
    // One row given as a JSON array text, e.g. ["a",null]; no newline inside. False once
    // a write has failed.
    bool addRow(const QByteArray &jsonArray);
    bool addTextLine(const QString &line);
    bool close(QString *error = nullptr);
    // "cannot write result set PATH: REASON" after a failed write; empty before.
    QString error() const { return m_error; }
    qint64 rowCount() const { return m_rows; }
    // Rows complete on disk: all of them after a successful close(), fewer after a failure.
    qint64 rowsOnDisk() const { return m_rowsOnDisk; }
    bool isOpen() const { return m_data.isOpen(); }

    // Appends `"..."` with JSON escaping of UTF-8 bytes (invalid UTF-8 is repaired).
    static void appendJsonString(QByteArray &out, const char *utf8, qsizetype size);

private:
    static constexpr qsizetype kBufferBytes = 64 * 1024;
    void appendOffset(qint64 offset);
    bool flush();
    bool failed(const QString &why); // records the first error; returns false

    QFile m_data;
    QFile m_index;
    QByteArray m_dataBuffer;
    QByteArray m_indexBuffer;
    qint64 m_dataOnDisk = 0; // bytes
    qint64 m_indexOnDisk = 0;
    qint64 m_pos = 0; // where the next row starts
    qint64 m_rows = 0;
    qint64 m_rowsOnDisk = 0;
    QString m_error;
};

} // namespace linkisdesk::gateway
