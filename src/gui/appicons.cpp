// SPDX-License-Identifier: GPL-3.0-or-later
#include "appicons.h"

#include <QString>

// The resources live in a static library: registering them by hand keeps the linker from
// dropping them. Q_INIT_RESOURCE must be used outside any namespace.
static void registerLinkisDeskResources()
{
    Q_INIT_RESOURCE(linkisdesk);
}

namespace linkisdesk {

namespace {

void ensureResources()
{
    static const bool registered = [] {
        registerLinkisDeskResources();
        return true;
    }();
    Q_UNUSED(registered);
}

// :/icons/actions/<name>.png, with its @2x twin for high-DPI screens.
QIcon actionIcon(const char *name)
{
    ensureResources();
    return QIcon(QStringLiteral(":/icons/actions/%1.png").arg(QLatin1String(name)));
}

} // namespace

QIcon AppIcons::app()
{
    ensureResources();
    QIcon bundled;
    for (const int size : {16, 32, 48, 64, 128, 256})
        bundled.addFile(QStringLiteral(":/icons/app/linkis-desk-%1.png").arg(size),
                        QSize(size, size));
    return QIcon::fromTheme(QStringLiteral("linkis-desk"), bundled);
}

QIcon AppIcons::run()
{
    return actionIcon("run");
}

QIcon AppIcons::runAll()
{
    return actionIcon("run-all");
}

QIcon AppIcons::kill()
{
    return actionIcon("kill");
}

} // namespace linkisdesk
