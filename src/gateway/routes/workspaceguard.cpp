// SPDX-License-Identifier: GPL-3.0-or-later
#include "routes/workspaceguard.h"

#include <QDir>
#include <QFileInfo>

namespace linkisdesk::gateway {

namespace {

bool inside(const QString &path, const QString &root)
{
    return !root.isEmpty() && (path == root || path.startsWith(root + u'/'));
}

WorkspaceGuard::Resolved refused(int code, const QString &desc)
{
    WorkspaceGuard::Resolved r;
    r.errorCode = code;
    r.desc = desc;
    return r;
}

} // namespace

WorkspaceGuard::Resolved WorkspaceGuard::resolve(const QString &uri) const
{
    const QString trimmed = uri.trimmed();
    if (trimmed.isEmpty())
        return refused(80004, QStringLiteral("The path cannot be empty(路径不能为空)"));
    if (!trimmed.contains(QStringLiteral("://")))
        return refused(80025, QStringLiteral("the path should contain schema(路径需要包含schema)"));
    auto noPermission = [this, &trimmed] {
        return refused(80010,
                       QStringLiteral("The user: %1 has no permission to view the contents of the "
                                      "directory:%2(该用户:%1无权限查看该目录:%2的内容)")
                           .arg(m_user, trimmed));
    };
    if (!trimmed.startsWith(QStringLiteral("file://")))
        return noPermission();
    const QString path = trimmed.mid(7);
    if (path.split(u'/').contains(QStringLiteral("..")))
        return refused(80026, QStringLiteral("The path cannot contain ../ (路径不能包含../)"));
    if (!path.startsWith(u'/'))
        return noPermission();
    const QString clean = QDir::cleanPath(path);
    const QString root = QDir::cleanPath(m_root);
    if (!inside(clean, root))
        return noPermission();
    // Symbolic links: the path (or the nearest part of it that exists) must really be inside.
    const QString realRoot = QFileInfo(root).canonicalFilePath();
    QString probe = clean;
    while (true) {
        const QFileInfo info(probe);
        if (info.exists() || info.isSymLink()) {
            const QString real = info.canonicalFilePath();
            if (real.isEmpty() || realRoot.isEmpty() || !inside(real, realRoot))
                return noPermission();
            break;
        }
        if (probe == root || !inside(probe, root))
            break;
        probe = QFileInfo(probe).path();
    }
    Resolved r;
    r.local = clean;
    return r;
}

} // namespace linkisdesk::gateway
