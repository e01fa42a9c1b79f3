// SPDX-License-Identifier: GPL-3.0-or-later
#include "metadata/sqlcompletioncontext.h"

#include <QSet>

namespace linkisdesk {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

struct Token
{
    enum Type { Word, Quoted, Dot, Comma, Open, Close, Semicolon, Other } type;
    QString text; // unquoted for Quoted
    int start = 0;
    int end = 0;
};

// Tokens of SQL text; strings and comments are skipped. `cursorInside` (optional) is set when
// `cursor` falls inside a string or comment.
QList<Token> tokenize(const QString &s, int cursor = -1, bool *cursorInside = nullptr)
{
    QList<Token> out;
    const int n = int(s.size());
    int i = 0;
    // The cursor is inside when it lies after the opening and at or before `last` (the closing
    // quote, the end of the line, the `*` of `*/`, or the end of the text).
    auto inside = [&](int from, int last) {
        if (cursorInside && cursor > from && cursor <= last)
            *cursorInside = true;
    };
    while (i < n) {
        const QChar c = s.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == u'-' && i + 1 < n && s.at(i + 1) == u'-') {
            int j = int(s.indexOf(u'\n', i));
            if (j < 0)
                j = n;
            inside(i, j);
            i = j;
        } else if (c == u'/' && i + 1 < n && s.at(i + 1) == u'*') {
            const int close = int(s.indexOf(QStringLiteral("*/"), i + 2));
            const int end = close < 0 ? n : close + 2;
            inside(i + 1, close < 0 ? n : close);
            i = end;
        } else if (c == u'\'' || c == u'"') {
            int j = i + 1;
            while (j < n && s.at(j) != c) {
                if (s.at(j) == u'\\' && j + 1 < n)
                    ++j;
                ++j;
            }
            const bool closed = j < n;
            inside(i, j);
            if (c == u'"' && closed) // a quoted identifier in some dialects
                out.append({Token::Quoted, s.mid(i + 1, j - i - 1), i, j + 1});
            i = closed ? j + 1 : n;
        } else if (c == u'`') {
            int j = int(s.indexOf(u'`', i + 1));
            if (j < 0)
                j = n;
            out.append({Token::Quoted, s.mid(i + 1, j - i - 1), i, qMin(n, j + 1)});
            i = j + 1;
        } else if (isWordChar(c)) {
            int j = i;
            while (j < n && isWordChar(s.at(j)))
                ++j;
            out.append({Token::Word, s.mid(i, j - i), i, j});
            i = j;
        } else {
            Token::Type type = Token::Other;
            if (c == u'.')
                type = Token::Dot;
            else if (c == u',')
                type = Token::Comma;
            else if (c == u'(')
                type = Token::Open;
            else if (c == u')')
                type = Token::Close;
            else if (c == u';')
                type = Token::Semicolon;
            out.append({type, QString(c), i, i + 1});
            ++i;
        }
    }
    return out;
}

bool isName(const Token &t)
{
    return t.type == Token::Word || t.type == Token::Quoted;
}

bool is(const Token &t, const char *word)
{
    return t.type == Token::Word && t.text.compare(QLatin1String(word), Qt::CaseInsensitive) == 0;
}

// Words that end a table reference instead of naming its alias.
bool isClauseWord(const Token &t)
{
    static const QSet<QString> words {
        QStringLiteral("where"),   QStringLiteral("join"),       QStringLiteral("on"),
        QStringLiteral("using"),   QStringLiteral("group"),      QStringLiteral("order"),
        QStringLiteral("limit"),   QStringLiteral("left"),       QStringLiteral("right"),
        QStringLiteral("inner"),   QStringLiteral("outer"),      QStringLiteral("full"),
        QStringLiteral("cross"),   QStringLiteral("union"),      QStringLiteral("select"),
        QStringLiteral("having"),  QStringLiteral("lateral"),    QStringLiteral("window"),
        QStringLiteral("natural"), QStringLiteral("set"),        QStringLiteral("values"),
        QStringLiteral("except"),  QStringLiteral("intersect"),  QStringLiteral("sort"),
        QStringLiteral("cluster"), QStringLiteral("distribute"), QStringLiteral("partition"),
        QStringLiteral("semi"),    QStringLiteral("anti"),       QStringLiteral("tablesample")};
    return t.type == Token::Word && words.contains(t.text.toLower());
}

// The statement around the cursor: between the ';' before and the ';' after it.
QPair<int, int> statementAround(const QList<Token> &tokens, int cursor, int textSize)
{
    int from = 0;
    int to = textSize;
    for (const Token &t : tokens) {
        if (t.type != Token::Semicolon)
            continue;
        if (t.end <= cursor)
            from = t.end;
        else if (t.start >= cursor) {
            to = t.start;
            break;
        }
    }
    return {from, to};
}

QList<SqlTableRef> tablesIn(const QList<Token> &tokens)
{
    QList<SqlTableRef> refs;
    const int n = int(tokens.size());
    auto parseRef = [&](int i, int *next) -> bool {
        if (i >= n || !isName(tokens[i]) || isClauseWord(tokens[i]))
            return false;
        SqlTableRef ref;
        ref.table = tokens[i].text;
        int j = i + 1;
        if (j + 1 < n && tokens[j].type == Token::Dot && isName(tokens[j + 1])) {
            ref.database = ref.table;
            ref.table = tokens[j + 1].text;
            j += 2;
        }
        if (j < n && is(tokens[j], "as"))
            ++j;
        if (j < n && isName(tokens[j]) && !isClauseWord(tokens[j])) {
            ref.alias = tokens[j].text;
            ++j;
        }
        refs.append(ref);
        *next = j;
        return true;
    };
    for (int i = 0; i < n; ++i) {
        const bool from = is(tokens[i], "from");
        if (!from && !is(tokens[i], "join") && !is(tokens[i], "update") && !is(tokens[i], "into") &&
            !is(tokens[i], "table"))
            continue;
        int j = i + 1;
        int next = j;
        while (parseRef(j, &next)) {
            j = next;
            // FROM a x, b y: more refs after commas.
            if (from && j < n && tokens[j].type == Token::Comma)
                ++j;
            else
                break;
        }
        i = qMax(i, next - 1);
    }
    return refs;
}

} // namespace

QList<SqlTableRef> SqlCompletionContext::tablesOf(const QString &statement)
{
    return tablesIn(tokenize(statement));
}

SqlCompletionContext SqlCompletionContext::at(const QString &text, int cursor)
{
    SqlCompletionContext ctx;
    cursor = qBound(0, cursor, int(text.size()));
    bool inside = false;
    const QList<Token> all = tokenize(text, cursor, &inside);
    ctx.inCommentOrString = inside;
    ctx.prefixStart = cursor;
    if (inside)
        return ctx;
    int start = cursor;
    while (start > 0 && isWordChar(text.at(start - 1)))
        --start;
    ctx.prefix = text.mid(start, cursor - start);
    ctx.prefixStart = start;
    // The dotted chain before the prefix: a.b.prefix, `a`.b.prefix.
    int pos = start;
    while (pos > 0 && text.at(pos - 1) == u'.') {
        int end = pos - 1;
        int begin = end;
        if (begin > 0 && text.at(begin - 1) == u'`') {
            const int open = int(text.lastIndexOf(u'`', begin - 2));
            if (open < 0)
                break;
            ctx.qualifier.prepend(text.mid(open + 1, begin - 2 - open));
            pos = open;
            continue;
        }
        while (begin > 0 && isWordChar(text.at(begin - 1)))
            --begin;
        if (begin == end)
            break;
        ctx.qualifier.prepend(text.mid(begin, end - begin));
        pos = begin;
    }
    const auto [from, to] = statementAround(all, cursor, int(text.size()));
    QList<Token> statement;
    for (const Token &t : all) {
        // The name being typed (a.b.prefix, from `pos` to the end of the word under the
        // cursor) is not a table or alias yet.
        const bool typed = t.start >= pos && t.start < cursor;
        if (t.start >= from && t.end <= to && !typed)
            statement.append(t);
    }
    ctx.tables = tablesIn(statement);
    return ctx;
}

} // namespace linkisdesk
