// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/logcursor.h"

#include "api/logchunk.h"

namespace linkisdesk {

void LogCursor::resume(int linesDelivered)
{
    m_delivered = qMax(0, linesDelivered);
    m_nextLine = m_delivered + 1;
    m_handover.setLinesReadBefore(m_delivered);
}

LogBatch LogCursor::takeLivePage(const LogChunk &chunk, int pageSize, bool finishing, bool *more)
{
    const QStringList lines = chunk.lines();
    m_handover.noteShown(lines);
    LogBatch batch = deliver(lines);
    const int next = chunk.nextFromLine > 0 ? chunk.nextFromLine : m_nextLine + int(lines.size());
    // A full page counts the blank lines the server read but left out.
    const bool full = next - m_nextLine >= pageSize;
    m_nextLine = qMax(m_nextLine, next);
    if (finishing && !full)
        m_liveDone = true;
    if (more)
        *more = full;
    return batch;
}

void LogCursor::liveRefused()
{
    m_liveDone = true;
    m_needWhole = true;
}

LogBatch LogCursor::takeWholeLog(const QStringList &fileLines)
{
    m_wholeDone = true;
    return deliver(m_handover.rest(fileLines));
}

void LogCursor::wholeLogLost()
{
    m_wholeDone = true;
}

LogBatch LogCursor::deliver(const QStringList &lines)
{
    LogBatch batch;
    if (lines.isEmpty())
        return batch;
    batch.lines = lines;
    batch.levels.reserve(lines.size());
    for (const QString &line : lines) {
        m_lastLevel = classifyLogLine(line, m_lastLevel);
        batch.levels.append(m_lastLevel);
    }
    m_delivered += int(lines.size());
    return batch;
}

} // namespace linkisdesk
