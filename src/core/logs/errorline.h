// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace linkisdesk {

// Where an engine's error message points into the code it ran: "line 3", "(line 3)",
// "Line: 3", Hive's "line 3:7". The number counts lines of the submitted code, not of the editor.
struct ErrorLine
{
    int line = 0; // 0: the message names no line
    qsizetype numberStart = -1; // the digits in the message
    qsizetype numberLength = 0;

    static ErrorLine find(QStringView message);
    // The message with the line it names renumbered to `line` (the editor's numbering), so the
    // note beside the marker says the line it sits on. Unchanged when it names none.
    static QString renumbered(QStringView message, int line);
};

} // namespace linkisdesk
