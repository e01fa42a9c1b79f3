// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>

namespace linkisdesk {

// The app's own icons, from resources/linkisdesk.qrc (built into the GUI library), so that a
// build-tree run has them as well as an installed one. The app icon prefers the desktop theme's.
class AppIcons
{
public:
    static QIcon app();
    static QIcon run();
    static QIcon runAll();
    static QIcon kill();
};

} // namespace linkisdesk
