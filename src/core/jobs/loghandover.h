// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/logpage.h"

#include <QByteArrayView>
#include <QList>
#include <QStringList>
#include <QStringView>

namespace linkisdesk {

// Splices the log file (filesystem/openLog) onto the lines the live log (entrance/{id}/log)
// already delivered, so that every line appears exactly once and in order.
//
// The two sides do not count lines alike: a real Linkis drops blank lines from the live log's
// text but counts them in fromLine, and openLog returns every line of the file, blank lines
// written as they are ("", spaces, "\r"). So the splice is made by content, never by a line
// count: the non-blank lines already shown are looked up, in order, in the file's non-blank
// lines, and what follows the last one found is new. Blank lines the live side did show after
// its last non-blank line are not shown a second time.
//
// Lines are compared as UTF-8 bytes with surrounding whitespace trimmed; nothing is decoded.
class LogHandover
{
public:
    // Lines delivered from the live log, in order.
    void noteShown(const LogPage &page);
    void noteShown(const QStringList &lines) { noteShown(LogPage::fromLines(lines)); }
    // The job was reattached with the live log read up to fromLine - 1 in an earlier session:
    // those lines were shown but their content is unknown here. Only used when nothing is
    // shown in this session (the live log's own count is then the best guess left).
    void setLinesReadBefore(int lines) { m_readBefore = qMax(0, lines); }

    // The lines of the file (openLog) that were not shown yet.
    LogPage rest(const LogPage &file) const;
    QStringList rest(const QStringList &fileLines) const
    {
        return rest(LogPage::fromLines(fileLines)).lines();
    }

    int shownNonBlank() const { return int(m_shown.size()); }

    // Blank as Linkis means it (StringUtils.isNotBlank): empty or only whitespace.
    static bool isBlank(QStringView line);
    static bool isBlank(QByteArrayView line);

private:
    QList<size_t> m_shown; // hashes of the shown non-blank lines, trimmed
    int m_shownTotal = 0;
    int m_blanksAfterLast = 0; // blank lines shown after the last non-blank one
    int m_readBefore = 0;
};

} // namespace linkisdesk
