// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/loghandover.h"

#include <QHash>

namespace linkisdesk {

namespace {

size_t contentHash(QStringView line)
{
    return qHash(line.trimmed());
}

// A shown line missing from the file more often than this means the file is not the log the
// live side showed (or was rewritten): stop looking and keep what was matched.
constexpr int kMaxMisses = 8;

} // namespace

bool LogHandover::isBlank(QStringView line)
{
    return line.trimmed().isEmpty();
}

void LogHandover::noteShown(const QStringList &lines)
{
    for (const QString &line : lines) {
        ++m_shownTotal;
        if (isBlank(line)) {
            ++m_blanksAfterLast;
            continue;
        }
        m_shown.append(contentHash(line));
        m_blanksAfterLast = 0;
    }
}

QStringList LogHandover::rest(const QStringList &fileLines) const
{
    const qsizetype count = fileLines.size();
    qsizetype resume = 0;
    if (m_shown.isEmpty()) {
        resume = qMin<qsizetype>(count, m_readBefore);
    } else {
        // Each shown line, in order, at its first place in the file after the previous one.
        qsizetype pos = 0;
        qsizetype matchedEnd = -1;
        int misses = 0;
        for (const size_t hash : m_shown) {
            qsizetype j = pos;
            while (j < count && (isBlank(fileLines.at(j)) || contentHash(fileLines.at(j)) != hash))
                ++j;
            if (j < count) {
                pos = j + 1;
                matchedEnd = pos;
            } else if (++misses > kMaxMisses) {
                break;
            }
        }
        if (matchedEnd < 0) {
            // Nothing shown is in the file: fall back to the live side's count.
            resume = qMin<qsizetype>(count, m_readBefore + m_shownTotal);
            return fileLines.mid(resume);
        }
        resume = matchedEnd;
    }
    // The blank lines the live side showed after its last non-blank line.
    for (int blanks = m_blanksAfterLast; blanks > 0 && resume < count; --blanks) {
        if (!isBlank(fileLines.at(resume)))
            break;
        ++resume;
    }
    return fileLines.mid(resume);
}

} // namespace linkisdesk
