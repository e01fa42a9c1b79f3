// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/logpage.h"

#include "api/loglevel.h"

namespace linkisdesk {

LogPage LogPage::fromUtf8(QByteArrayView text)
{
    LogPage page;
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype nl = text.indexOf('\n', pos);
        if (nl < 0)
            nl = text.size();
        qsizetype end = nl;
        if (end > pos && text[end - 1] == '\r')
            --end;
        page.append(text.sliced(pos, end - pos));
        pos = nl + 1;
    }
    return page;
}

LogPage LogPage::fromLines(const QStringList &lines)
{
    LogPage page;
    for (const QString &line : lines) {
        const QByteArray utf8 = line.toUtf8();
        if (utf8.contains('\n')) {
            const LogPage inner = fromUtf8(utf8);
            for (qsizetype i = 0; i < inner.size(); ++i)
                page.append(inner.lineUtf8(i), inner.statedLevel(i));
        } else {
            page.append(utf8);
        }
    }
    return page;
}

QByteArrayView LogPage::lineUtf8(qsizetype i) const
{
    const qsizetype start = m_starts.at(i);
    const qsizetype end = i + 1 < m_starts.size() ? qsizetype(m_starts.at(i + 1)) : m_text.size();
    return QByteArrayView(m_text.constData() + start, end - start - 1);
}

QStringList LogPage::lines() const
{
    QStringList result;
    result.reserve(size());
    for (qsizetype i = 0; i < size(); ++i)
        result.append(line(i));
    return result;
}

LogPage LogPage::mid(qsizetype first) const
{
    LogPage page;
    first = qBound<qsizetype>(0, first, size());
    if (first == 0) {
        page = *this;
    } else if (first < size()) {
        const quint32 base = m_starts.at(first);
        page.m_text = m_text.sliced(base);
        page.m_starts.reserve(size() - first);
        for (qsizetype i = first; i < size(); ++i)
            page.m_starts.append(m_starts.at(i) - base);
        page.m_levels = m_levels.sliced(first);
    }
    page.nextFromLine = nextFromLine;
    page.logWasNull = logWasNull;
    return page;
}

void LogPage::append(QByteArrayView line, int statedLevel)
{
    if (statedLevel < -1)
        statedLevel = logLevelOf(line);
    noteLine(quint32(m_text.size()), statedLevel);
    m_text.append(line.data(), line.size());
    m_text.append('\n');
}

void LogPage::reserve(qsizetype lines, qsizetype bytes)
{
    m_starts.reserve(lines);
    m_levels.reserve(lines);
    m_text.reserve(bytes);
}

} // namespace linkisdesk
