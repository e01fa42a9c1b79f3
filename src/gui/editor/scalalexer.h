// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qsci/qscilexerjava.h>

namespace linkisdesk {

// Scala: Scintilla has no Scala lexer, but its C-family lexer fits once it knows Scala's words.
class ScalaLexer : public QsciLexerJava
{
    Q_OBJECT
public:
    explicit ScalaLexer(QObject *parent = nullptr);
    const char *language() const override;
    const char *keywords(int set) const override;
};

} // namespace linkisdesk
