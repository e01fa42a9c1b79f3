// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/rlexer.h"

#include "theme.h"

#include <QColor>
#include <QFont>

namespace linkisdesk {

RLexer::RLexer(QObject *parent)
    : QsciLexer(parent)
{ }

const char *RLexer::language() const
{
    return "R";
}

const char *RLexer::lexer() const
{
    return "r";
}

const char *RLexer::keywords(int set) const
{
    switch (set) {
    case 1:
        return "if else repeat while function for in next break TRUE FALSE NULL Inf NaN NA "
               "NA_integer_ NA_real_ NA_character_ return";
    case 2:
        return "abs all any apply c cat class colnames data.frame dim factor head is.na "
               "lapply length library list matrix max mean min names ncol nrow paste paste0 "
               "print rbind cbind rep require rownames sapply seq sort sum summary tail "
               "unique vector which";
    default: return nullptr;
    }
}

QString RLexer::description(int style) const
{
    switch (style) {
    case Default: return QStringLiteral("Default");
    case Comment: return QStringLiteral("Comment");
    case Keyword: return QStringLiteral("Keyword");
    case BaseKeyword: return QStringLiteral("Base keyword");
    case OtherKeyword: return QStringLiteral("Other keyword");
    case Number: return QStringLiteral("Number");
    case String: return QStringLiteral("String");
    case String2: return QStringLiteral("String (single quotes)");
    case Operator: return QStringLiteral("Operator");
    case Identifier: return QStringLiteral("Identifier");
    case Infix: return QStringLiteral("Infix operator");
    case InfixEol: return QStringLiteral("Unclosed infix operator");
    default: return {};
    }
}

QColor RLexer::defaultColor(int style) const
{
    const Theme::RColours c = Theme::rColours();
    switch (style) {
    case Comment: return c.comment;
    case Keyword: return c.keyword;
    case BaseKeyword: return c.baseKeyword;
    case OtherKeyword: return c.otherKeyword;
    case Number: return c.number;
    case String:
    case String2: return c.string;
    case Operator: return c.operatorInk;
    case Infix:
    case InfixEol: return c.infix;
    default: return QsciLexer::defaultColor(style);
    }
}

QFont RLexer::defaultFont(int style) const
{
    QFont font = QsciLexer::defaultFont(style);
    if (style == Keyword)
        font.setBold(true);
    return font;
}

int RLexer::braceStyle() const
{
    return Operator;
}

const char *RLexer::wordCharacters() const
{
    return "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._";
}

} // namespace linkisdesk
