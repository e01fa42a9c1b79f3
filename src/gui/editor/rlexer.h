// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qsci/qscilexer.h>

namespace linkisdesk {

// R: QScintilla has no R class, but Scintilla's "r" lexer is built in; this names it and
// gives its styles colours and names.
class RLexer : public QsciLexer
{
    Q_OBJECT
public:
    // Scintilla's LexR style numbers.
    enum Style {
        Default = 0,
        Comment = 1,
        Keyword = 2,
        BaseKeyword = 3,
        OtherKeyword = 4,
        Number = 5,
        String = 6,
        String2 = 7,
        Operator = 8,
        Identifier = 9,
        Infix = 10,
        InfixEol = 11,
    };

    explicit RLexer(QObject *parent = nullptr);
    const char *language() const override;
    const char *lexer() const override;
    const char *keywords(int set) const override;
    QString description(int style) const override;
    QColor defaultColor(int style) const override;
    QFont defaultFont(int style) const override;
    int braceStyle() const override;
    const char *wordCharacters() const override;
};

} // namespace linkisdesk
