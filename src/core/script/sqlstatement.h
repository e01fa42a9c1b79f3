// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace linkisdesk {

// One statement of a SQL script, as found by StatementSplitter.
// Offsets are QChar indexes into the script; lines are 0-based (as QScintilla counts them).
// The range starts at the first code character (leading blanks and comments are skipped) and
// ends before the terminating ';' (trailing blanks trimmed); text == script.mid(start, end-start).
struct SqlStatement
{
    QString text;
    int startOffset = 0;
    int endOffset = 0; // exclusive
    int startLine = 0;
    int endLine = 0;
};

} // namespace linkisdesk
