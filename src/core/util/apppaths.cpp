// SPDX-License-Identifier: GPL-3.0-or-later
#include "apppaths.h"

#include <QDir>
#include <QStandardPaths>

namespace linkisdesk {

namespace {
QString appFolder(QStandardPaths::StandardLocation base)
{
    QString root = QStandardPaths::writableLocation(base);
    if (root.isEmpty())
        root = QDir::tempPath();
    return root + QStringLiteral("/linkis-desk");
}
} // namespace

QString AppPaths::configDir()
{
    return appFolder(QStandardPaths::GenericConfigLocation);
}

QString AppPaths::dataDir()
{
    return appFolder(QStandardPaths::GenericDataLocation);
}

QString AppPaths::cacheDir()
{
    return appFolder(QStandardPaths::GenericCacheLocation);
}

QString AppPaths::runtimeDir()
{
    return appFolder(QStandardPaths::RuntimeLocation);
}

} // namespace linkisdesk
