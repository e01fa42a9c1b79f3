// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/loglevel.h"
#include "api/logpage.h"
#include "jobs/loghandover.h"

#include <QList>
#include <QStringList>

namespace linkisdesk {

struct LogChunk;

// Lines of a job log ready to be delivered (UTF-8, api/logpage.h), each with its level (same
// length). lines() decodes them; log views take the page as it is.
struct LogBatch
{
    LogPage page;
    QList<LogLevel> levels;

    bool isEmpty() const { return page.isEmpty(); }
    QStringList lines() const { return page.lines(); }
};

// Where a job's log has been read to, and what is left: the live log (entrance/{id}/log) is read
// from nextLine() page by page; once it is refused after the end, the rest comes from the whole
// file (openLog), spliced on by content (LogHandover). Every line is delivered once, in order,
// with a level that carries on from the line before (a traceback's lines stay errors).
// No I/O: the tracker asks, the cursor decides what the answer means.
class LogCursor
{
public:
    // Reattached: the live log was read up to linesDelivered in an earlier session (the
    // journal's position); reading goes on from the next line, and those lines are not
    // delivered again.
    void resume(int linesDelivered);

    // A page of the live log, read from nextLine() with pageSize lines asked for. Returns the
    // lines to deliver. *more: the page was full (the server read pageSize lines, counting the
    // blank lines a real Linkis leaves out of the text), so read on at once. While finishing,
    // a page that is not full ends the live log.
    LogBatch takeLivePage(const LogPage &page, int pageSize, bool finishing, bool *more);
    LogBatch takeLivePage(const LogChunk &chunk, int pageSize, bool finishing, bool *more);
    // The live log was refused ("the job has ended"): it is done, and the rest comes from the
    // whole file.
    void liveRefused();
    // The whole file (openLog): the lines after what the live log showed. The log is complete.
    LogBatch takeWholeLog(const LogPage &file);
    LogBatch takeWholeLog(const QStringList &fileLines)
    {
        return takeWholeLog(LogPage::fromLines(fileLines));
    }
    // The whole file could not be read: the log is complete with what was shown.
    void wholeLogLost();

    // The live log's fromLine for the next read: it counts the blank lines a real Linkis leaves
    // out of the text, so it can be ahead of the lines delivered.
    int nextLine() const { return m_nextLine; }
    int linesDelivered() const { return m_delivered; }
    LogLevel lastLevel() const { return m_lastLevel; }
    bool isLiveDone() const { return m_liveDone; }
    // The live log was refused before it ended, and the file was not read yet.
    bool needsWholeLog() const { return m_needWhole && !m_wholeDone; }

private:
    LogBatch deliver(const LogPage &page);

    LogHandover m_handover; // what the live log showed, to splice openLog on by content
    int m_nextLine = 1;
    int m_delivered = 0;
    LogLevel m_lastLevel = LogLevel::Info;
    bool m_liveDone = false;
    bool m_needWhole = false;
    bool m_wholeDone = false;
};

} // namespace linkisdesk
