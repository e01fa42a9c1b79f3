// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/shelllexer.h"

namespace linkisdesk {

ShellLexer::ShellLexer(QObject *parent)
    : QsciLexerBash(parent)
{
    setFoldComments(true);
    setFoldCompact(false);
}

const char *ShellLexer::language() const
{
    return "Shell";
}

} // namespace linkisdesk
