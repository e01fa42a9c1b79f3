// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

namespace linkisdesk {

// Light and dark looks on the Fusion style. "system" follows the desktop's palette (or a GTK
// theme name ending in ":dark"), "light" and "dark" force one.
class Theme
{
public:
    // Remembers the desktop's palette; call once after QApplication exists.
    static void captureSystemPalette();
    // Applies the mode to the application; returns true when the result is dark.
    static bool apply(const QString &mode);
    static bool isDark();
    static bool systemPrefersDark();
    static QPalette lightPalette();
    static QPalette darkPalette();

    // The colours that carry a meaning (job states, connection state, warnings, production
    // profiles); the same in the light and the dark look. Every colour of the GUI comes from here.
    enum class Role {
        Success, // succeeded, connected, a good test verdict
        Failure, // failed, connection failed, error markers
        Cancelled,
        Timeout,
        Running,
        Waiting, // queued, scheduled, waiting to retry
        Muted, // unknown, not connected
        Warning, // kill sent, connecting, a partial result
        Production, // production profiles
        Contrast, // glyphs drawn on a Role colour
    };
    static QColor colour(Role role);

    // The script editor's colours.
    struct EditorColours
    {
        QColor paper, ink, margin, marginInk, caretLine, selection, matchedBrace, unmatchedBrace,
            indentGuide, errorMarker, flash, errorPaper, errorInk;
        // A lexer style with the lexer's default (black) colour takes the ink instead.
        QColor lexerDefault;
    };
    static EditorColours editorColours(bool dark);

    // The log view's colours (the rest comes from the palette).
    struct LogColours
    {
        QColor dim, errorInk, warningInk, errorBackground, matchBackground, currentBackground;
    };
    static LogColours logColours(bool dark);

    // The R lexer's colours (for a light background), by style: comment, keyword, base and
    // other keywords, number, string, operator, infix operator.
    struct RColours
    {
        QColor comment, keyword, baseKeyword, otherKeyword, number, string, operatorInk, infix;
    };
    static RColours rColours();
};

} // namespace linkisdesk
