// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/scalalexer.h"

namespace linkisdesk {

ScalaLexer::ScalaLexer(QObject *parent)
    : QsciLexerJava(parent)
{
    setFoldComments(true);
    setFoldCompact(false);
}

const char *ScalaLexer::language() const
{
    return "Scala";
}

const char *ScalaLexer::keywords(int set) const
{
    if (set == 1) {
        return "abstract case catch class def do else extends false final finally for forSome "
               "if implicit import lazy match new null object override package private "
               "protected return sealed super this throw trait true try type val var while "
               "with yield given using enum then export";
    }
    if (set == 2) {
        return "Any AnyRef AnyVal Array Boolean Byte Char Double Float Int List Long Map "
               "Nothing Null Option Seq Set Short Some None String Unit Vector DataFrame "
               "Dataset Row SparkSession";
    }
    return QsciLexerJava::keywords(set);
}

} // namespace linkisdesk
