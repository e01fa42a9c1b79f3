// SPDX-License-Identifier: GPL-3.0-or-later
#include "routes/pathguard.h"

#include <QDir>
#include <QFileInfo>

namespace linkisdesk::gateway {

namespace {

bool inside(const QString &path, const QString &root)
{
    return !root.isEmpty() && (path == root || path.startsWith(root + u'/'));
}

ApiError refused(const QString &why)
{
    return ApiError::make(ApiError::Kind::Usage, why);
}

} // namespace

Result<QString> PathGuard::resolve(const QString &uriOrPath, const QStringList &roots)
{
    QString path = uriOrPath.trimmed();
    if (path.isEmpty())
        return refused(QStringLiteral("The path parameter is required."));
    if (path.startsWith(QStringLiteral("file://")))
        path = path.mid(7);
    else if (path.contains(QStringLiteral("://")))
        return refused(QStringLiteral("Only local file:// paths are served by this gateway."));
    if (!path.startsWith(u'/'))
        return refused(QStringLiteral("The path must be absolute."));
    if (path.split(u'/').contains(QStringLiteral("..")))
        return refused(QStringLiteral("The path must not contain \"..\" (path traversal is not "
                                      "allowed)."));
    const QString clean = QDir::cleanPath(path);
    bool lexicallyInside = false;
    for (const QString &root : roots)
        lexicallyInside = lexicallyInside || inside(clean, QDir::cleanPath(root));
    if (!lexicallyInside) {
        return refused(QStringLiteral("You have no permission to read %1: only your own result "
                                      "and log directories are served.")
                           .arg(clean));
    }
    const QFileInfo info(clean);
    if (!info.exists() && !info.isSymLink())
        return clean; // callers decide what a missing path means
    const QString real = info.canonicalFilePath();
    bool reallyInside = false;
    for (const QString &root : roots) {
        const QString realRoot = QFileInfo(root).canonicalFilePath();
        reallyInside = reallyInside || inside(real, realRoot);
    }
    if (real.isEmpty() || !reallyInside) {
        return refused(QStringLiteral("You have no permission to read %1: it leads outside your "
                                      "result and log directories (symbolic link).")
                           .arg(clean));
    }
    return real;
}

} // namespace linkisdesk::gateway
