// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/loglevel.h"

namespace linkisdesk {

namespace {

// The level word of a Linkis line comes after "yyyy-MM-dd HH:mm:ss.SSS ". Lines from other
// sources put it in brackets or first; look at the first few words only.
bool startsWithWord(QStringView text, QStringView word)
{
    if (!text.startsWith(word))
        return false;
    if (text.size() == word.size())
        return true;
    const QChar next = text.at(word.size());
    return !next.isLetterOrNumber() && next != u'_';
}

} // namespace

LogLevel classifyLogLine(QStringView line, LogLevel previous)
{
    QStringView rest = line.trimmed();
    if (rest.isEmpty())
        return previous;
    // Skip up to three leading tokens (date, time, thread or bracket) looking for a level word.
    for (int word = 0; word < 4 && !rest.isEmpty(); ++word) {
        QStringView token = rest;
        if (token.startsWith(u'['))
            token = token.mid(1);
        if (startsWithWord(token, u"ERROR") || startsWithWord(token, u"SYSTEM-ERROR") ||
            startsWithWord(token, u"FATAL"))
            return LogLevel::Error;
        if (startsWithWord(token, u"WARN") || startsWithWord(token, u"WARNING"))
            return LogLevel::Warn;
        if (startsWithWord(token, u"INFO") || startsWithWord(token, u"DEBUG") ||
            startsWithWord(token, u"TRACE"))
            return LogLevel::Info;
        const qsizetype space = rest.indexOf(u' ');
        if (space < 0)
            break;
        rest = rest.mid(space + 1).trimmed();
    }
    return previous;
}

} // namespace linkisdesk
