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
    LogPage page = LogPage::fromLines(chunk.lines());
    page.nextFromLine = chunk.nextFromLine;
    return takeLivePage(page, pageSize, finishing, more);
}

LogBatch LogCursor::takeLivePage(const LogPage &page, int pageSize, bool finishing, bool *more)
{
    m_handover.noteShown(page);
    LogBatch batch = deliver(page);
    const int next = page.nextFromLine > 0 ? page.nextFromLine : m_nextLine + int(page.size());
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

LogBatch LogCursor::takeWholeLog(const LogPage &file)
{
    m_wholeDone = true;
    return deliver(m_handover.rest(file));
}

void LogCursor::wholeLogLost()
{
    m_wholeDone = true;
}

LogBatch LogCursor::deliver(const LogPage &page)
{
    LogBatch batch;
    if (page.isEmpty())
        return batch;
    batch.page = page;
    batch.levels.reserve(page.size());
    for (qsizetype i = 0; i < page.size(); ++i) {
        const int stated = page.statedLevel(i);
        if (stated >= 0)
            m_lastLevel = LogLevel(stated);
        batch.levels.append(m_lastLevel);
    }
    m_delivered += int(page.size());
    return batch;
}

} // namespace linkisdesk
