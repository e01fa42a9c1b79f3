// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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
};

} // namespace linkisdesk
