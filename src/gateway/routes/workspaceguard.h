// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace linkisdesk::gateway {

// Confines a request's path to its user's workspace folder, with the error codes of Linkis
// (linkis-protocol-2.md §3.5): a path must carry its scheme (80025), hold no ".." (80026) and
// lie inside the user's root (80010), as written and after resolving symbolic links, for the
// path itself or, when it does not exist yet, its nearest existing ancestor. Unlike Linkis'
// case-insensitive substring test, the root must match whole path components, so alice gets
// nothing of alice2's.
class WorkspaceGuard
{
public:
    struct Resolved
    {
        QString local; // the local path to use (lexically clean, inside the root)
        int errorCode = 0; // a Linkis errCode when refused
        QString desc; // its description, Linkis' text
        bool ok() const { return errorCode == 0; }
    };

    explicit WorkspaceGuard(QString root, QString user)
        : m_root(std::move(root))
        , m_user(std::move(user))
    { }

    QString root() const { return m_root; }
    Resolved resolve(const QString &uri) const;

private:
    QString m_root;
    QString m_user;
};

} // namespace linkisdesk::gateway
