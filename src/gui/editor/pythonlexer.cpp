// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/pythonlexer.h"

namespace linkisdesk {

PythonLexer::PythonLexer(QObject *parent)
    : QsciLexerPython(parent)
{
    setFoldComments(true);
    setFoldQuotes(true);
    setIndentationWarning(QsciLexerPython::Inconsistent);
}

} // namespace linkisdesk
