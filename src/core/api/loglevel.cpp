// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/loglevel.h"

#include <QByteArray>

#include <algorithm>

namespace linkisdesk {

namespace {

constexpr int kMaxHeaderTokens = 6;
constexpr qsizetype kMaxHeaderBytes = 120;

// Level of one header token ("ERROR", "[WARN]", "INFO:", "WARNING:root:text"), or -1.
int levelOfToken(QByteArrayView token)
{
    while (!token.isEmpty() && (token.front() == '[' || token.front() == '('))
        token = token.sliced(1);
    // Python logging's default format joins level, logger and message with ':'.
    const qsizetype colon = token.indexOf(':');
    if (colon >= 0)
        token.truncate(colon);
    while (!token.isEmpty() && (token.back() == ']' || token.back() == ')' || token.back() == ','))
        token.chop(1);
    if (token.isEmpty() || token.size() > 12)
        return -1;
    if (token == "ERROR" || token == "SYSTEM-ERROR" || token == "FATAL" || token == "SEVERE" ||
        token == "CRITICAL")
        return int(LogLevel::Error);
    if (token == "WARN" || token == "WARNING" || token == "SYSTEM-WARN")
        return int(LogLevel::Warn);
    if (token == "INFO" || token == "DEBUG" || token == "TRACE")
        return int(LogLevel::Info);
    return -1;
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// The level stated in the header of `line`, or -1; *messageStart is where the text after the
// level word begins (one blank skipped).
int headerLevel(QByteArrayView line, qsizetype *messageStart)
{
    if (line.isEmpty())
        return -1;
    const bool timestamped = line.front() >= '0' && line.front() <= '9';
    const qsizetype end = std::min(line.size(), kMaxHeaderBytes);
    const int maxTokens = timestamped ? kMaxHeaderTokens : 1;
    qsizetype pos = 0;
    for (int token = 0; token < maxTokens && pos < end; ++token) {
        while (pos < end && isBlank(line[pos]))
            ++pos;
        const qsizetype begin = pos;
        while (pos < end && !isBlank(line[pos]))
            ++pos;
        if (pos == begin)
            break;
        const int level = levelOfToken(line.sliced(begin, pos - begin));
        if (level >= 0) {
            *messageStart = pos < line.size() ? pos + 1 : pos;
            return level;
        }
    }
    return -1;
}

} // namespace

int logLevelOf(QByteArrayView line)
{
    qsizetype message = 0;
    const int level = headerLevel(line, &message);
    if (level != int(LogLevel::Error))
        return level;
    // The stderr label: a message with a level of its own keeps it.
    qsizetype inner = 0;
    const int own = headerLevel(line.sliced(message), &inner);
    return own >= 0 ? own : level;
}

LogLevel classifyLogLine(QStringView line, LogLevel previous)
{
    // Level words are ASCII and sit in the first bytes of the line and of its message; Latin-1
    // keeps the positions (anything else becomes '?').
    const QByteArray head = line.left(2 * kMaxHeaderBytes + 8).toLatin1();
    const int level = logLevelOf(head);
    return level >= 0 ? LogLevel(level) : previous;
}

QStringView logMessageOf(QStringView line)
{
    // "yyyy-MM-dd HH:mm:ss.SSS " is 24 characters; then the level word and one space.
    constexpr qsizetype kStamp = 24;
    if (line.size() <= kStamp || !line.at(0).isDigit() || line.at(4) != u'-' ||
        line.at(10) != u' ' || line.at(13) != u':' || line.at(kStamp - 1) != u' ')
        return line;
    const QStringView rest = line.mid(kStamp);
    const qsizetype space = rest.indexOf(u' ');
    const QStringView word = space < 0 ? rest : rest.left(space);
    if (levelOfToken(word.toLatin1()) < 0)
        return line;
    return space < 0 ? QStringView() : rest.mid(space + 1);
}

} // namespace linkisdesk
