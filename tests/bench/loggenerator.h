// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

namespace linkisdesk::bench {

// Deterministic Linkis/Spark-style log text: timestamped INFO lines (about 90 bytes), a WARN
// every 20 lines, an ERROR every 100 lines followed by three stack-trace lines, and one line
// holding needle() at 99% of the log. Cut into chunks of chunkLines lines (UTF-8, joined by
// '\n'), the way the job poller hands them over (1000 lines per log request).
class LogGenerator
{
public:
    explicit LogGenerator(qsizetype lines, qsizetype chunkLines = 1000);

    const QList<QByteArray> &chunks() const { return m_chunks; }
    qsizetype lineCount() const { return m_lines; }
    qsizetype textBytes() const { return m_textBytes; } // without newlines
    qsizetype needleLine() const { return m_needleLine; }
    static QByteArray needle() { return QByteArrayLiteral("XYZZY-needle-7"); }

    // The reply bodies a gateway sends for the chunks: entrance/{id}/log pages (the 4-slot
    // array error, warn, info, all; every line followed by '\n'; fromLine of the next page),
    // byte for byte as the local gateway's ApiReply builds them.
    QList<QByteArray> liveReplies() const;
    // The whole log as one filesystem/openLog reply (4 slots).
    QByteArray openLogReply() const;

private:
    QList<QByteArray> m_chunks;
    qsizetype m_lines = 0;
    qsizetype m_textBytes = 0;
    qsizetype m_needleLine = -1;
};

} // namespace linkisdesk::bench
