// SPDX-License-Identifier: GPL-3.0-or-later
#include "engines/defaultschema.h"

namespace linkisdesk::gateway {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

// Index of the first non-space character at or after i.
qsizetype skipSpaces(const QString &s, qsizetype i)
{
    while (i < s.size() && s.at(i).isSpace())
        ++i;
    return i;
}

} // namespace

QString mapDefaultSchema(const QString &sql)
{
    static const QString word = QStringLiteral("default");
    if (!sql.contains(word, Qt::CaseInsensitive))
        return sql;
    QString out;
    out.reserve(sql.size());
    const qsizetype n = sql.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = sql.at(i);
        if (c == u'\'' || c == u'"') { // string or quoted identifier: copy to its end
            qsizetype j = i + 1;
            while (j < n) {
                if (sql.at(j) == c) {
                    if (j + 1 < n && sql.at(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            out += sql.mid(i, j + 1 - i);
            i = j + 1;
            continue;
        }
        if (c == u'-' && i + 1 < n && sql.at(i + 1) == u'-') {
            const qsizetype eol = sql.indexOf(u'\n', i);
            const qsizetype end = eol < 0 ? n : eol;
            out += sql.mid(i, end - i);
            i = end;
            continue;
        }
        if (c == u'/' && i + 1 < n && sql.at(i + 1) == u'*') {
            const qsizetype close = sql.indexOf(QStringLiteral("*/"), i + 2);
            const qsizetype end = close < 0 ? n : close + 2;
            out += sql.mid(i, end - i);
            i = end;
            continue;
        }
        const bool startsWord = (c.isLetter() || c == u'_') &&
            (i == 0 || (!isWordChar(sql.at(i - 1)) && sql.at(i - 1) != u'.'));
        if (startsWord) {
            qsizetype j = i;
            while (j < n && isWordChar(sql.at(j)))
                ++j;
            const QString token = sql.mid(i, j - i);
            const qsizetype next = skipSpaces(sql, j);
            if (token.compare(word, Qt::CaseInsensitive) == 0 && next < n && sql.at(next) == u'.')
                out += QStringLiteral("main");
            else
                out += token;
            i = j;
            continue;
        }
        if (c == u'`') {
            const qsizetype close = sql.indexOf(u'`', i + 1);
            const qsizetype end = close < 0 ? n : close + 1;
            const QString token = sql.mid(i, end - i);
            const qsizetype next = skipSpaces(sql, end);
            if (token.compare(QStringLiteral("`default`"), Qt::CaseInsensitive) == 0 && next < n &&
                sql.at(next) == u'.')
                out += QStringLiteral("main");
            else
                out += token;
            i = end;
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}

} // namespace linkisdesk::gateway
