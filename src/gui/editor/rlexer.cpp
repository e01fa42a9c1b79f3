// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/rlexer.h"

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
    switch (style) {
    case Comment: return QColor(0x00, 0x7f, 0x00);
    case Keyword: return QColor(0x00, 0x00, 0x7f);
    case BaseKeyword: return QColor(0x7f, 0x00, 0x7f);
    case OtherKeyword: return QColor(0x7f, 0x00, 0x7f);
    case Number: return QColor(0x00, 0x7f, 0x7f);
    case String:
    case String2: return QColor(0x7f, 0x00, 0x7f).darker(110);
    case Operator: return QColor(0x30, 0x30, 0x30);
    case Infix:
    case InfixEol: return QColor(0x7f, 0x4f, 0x00);
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
