// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/loghandover.h"

#include <QHash>

namespace linkisdesk {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

QByteArrayView trimmed(QByteArrayView line)
{
    qsizetype begin = 0;
    qsizetype end = line.size();
    while (begin < end && isSpace(line[begin]))
        ++begin;
    while (end > begin && isSpace(line[end - 1]))
        --end;
    return line.sliced(begin, end - begin);
}

// A shown line missing from the file more often than this means the file is not the log the
// live side showed (or was rewritten): stop looking and keep what was matched.
constexpr int kMaxMisses = 8;

} // namespace

bool LogHandover::isBlank(QStringView line)
{
    return line.trimmed().isEmpty();
}

bool LogHandover::isBlank(QByteArrayView line)
{
    return trimmed(line).isEmpty();
}

void LogHandover::noteShown(const LogPage &page)
{
    for (qsizetype i = 0; i < page.size(); ++i) {
        ++m_shownTotal;
        const QByteArrayView line = trimmed(page.lineUtf8(i));
        if (line.isEmpty()) {
            ++m_blanksAfterLast;
            continue;
        }
        m_shown.append(qHash(line));
        m_blanksAfterLast = 0;
    }
}

LogPage LogHandover::rest(const LogPage &file) const
{
    const qsizetype count = file.size();
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
            for (; j < count; ++j) {
                const QByteArrayView line = trimmed(file.lineUtf8(j));
                if (!line.isEmpty() && qHash(line) == hash)
                    break;
            }
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
            return file.mid(resume);
        }
        resume = matchedEnd;
    }
    // The blank lines the live side showed after its last non-blank line.
    for (int blanks = m_blanksAfterLast; blanks > 0 && resume < count; --blanks) {
        if (!isBlank(file.lineUtf8(resume)))
            break;
        ++resume;
    }
    return file.mid(resume);
}

} // namespace linkisdesk
