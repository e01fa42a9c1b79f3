// SPDX-License-Identifier: GPL-3.0-or-later
#include "script/statementsplitter.h"

namespace linkisdesk {

namespace {

// Scans one chunk [from, to) and returns the offset of its first code character, or -1 when the
// chunk holds only blanks and comments.
int firstCodeChar(const QString &s, int from, int to)
{
    int i = from;
    while (i < to) {
        const QChar c = s.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == u'-' && i + 1 < to && s.at(i + 1) == u'-') {
            while (i < to && s.at(i) != u'\n')
                ++i;
        } else if (c == u'/' && i + 1 < to && s.at(i + 1) == u'*') {
            const int close = s.indexOf(QStringLiteral("*/"), i + 2);
            i = (close < 0 || close >= to) ? to : close + 2;
        } else {
            return i;
        }
    }
    return -1;
}

int lineOf(const QString &s, int offset, int &cacheOffset, int &cacheLine)
{
    // Lines are counted incrementally: offsets passed in only grow.
    for (int i = cacheOffset; i < offset; ++i) {
        if (s.at(i) == u'\n')
            ++cacheLine;
    }
    cacheOffset = offset;
    return cacheLine;
}

} // namespace

QList<SqlStatement> StatementSplitter::split(const QString &script)
{
    return split(script, Options {});
}

QList<SqlStatement> StatementSplitter::split(const QString &script, const Options &options)
{
    QList<SqlStatement> out;
    const int n = int(script.size());
    int chunkStart = 0;
    int lineCacheOffset = 0;
    int lineCacheLine = 0;

    auto emitChunk = [&](int from, int to) {
        const int start = firstCodeChar(script, from, to);
        if (start < 0)
            return;
        int end = to;
        while (end > start && script.at(end - 1).isSpace())
            --end;
        SqlStatement st;
        st.startOffset = start;
        st.endOffset = end;
        st.text = script.mid(start, end - start);
        st.startLine = lineOf(script, start, lineCacheOffset, lineCacheLine);
        st.endLine = lineOf(script, end, lineCacheOffset, lineCacheLine);
        out.append(st);
    };

    int i = 0;
    while (i < n) {
        const QChar c = script.at(i);
        if (c == u'\'' || c == u'"' || c == u'`') {
            // Quoted text: a doubled quote is an escaped quote; optionally a backslash escapes.
            ++i;
            while (i < n) {
                const QChar q = script.at(i);
                if (options.backslashEscapes && q == u'\\' && c != u'`') {
                    i += 2;
                    continue;
                }
                if (q == c) {
                    if (i + 1 < n && script.at(i + 1) == c) {
                        i += 2;
                        continue;
                    }
                    break;
                }
                ++i;
            }
            ++i; // past the closing quote (or past the end)
        } else if (c == u'-' && i + 1 < n && script.at(i + 1) == u'-') {
            while (i < n && script.at(i) != u'\n')
                ++i;
        } else if (c == u'/' && i + 1 < n && script.at(i + 1) == u'*') {
            const int close = script.indexOf(QStringLiteral("*/"), i + 2);
            i = close < 0 ? n : close + 2;
        } else if (c == u';') {
            emitChunk(chunkStart, i);
            ++i;
            chunkStart = i;
        } else {
            ++i;
        }
    }
    if (chunkStart < n)
        emitChunk(chunkStart, n);
    return out;
}

int StatementSplitter::indexAt(const QList<SqlStatement> &statements, int offset)
{
    int before = -1;
    for (int k = 0; k < statements.size(); ++k) {
        const SqlStatement &st = statements.at(k);
        if (offset >= st.startOffset && offset <= st.endOffset)
            return k;
        if (st.endOffset < offset)
            before = k;
        else
            break;
    }
    if (before >= 0)
        return before;
    return statements.isEmpty() ? -1 : 0;
}

} // namespace linkisdesk
