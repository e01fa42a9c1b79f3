// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/result.h"

#include <QString>
#include <QStringList>

namespace linkisdesk::gateway {

// Decides whether a path from a request may be served: it must be absolute (optionally a
// file:// URI), contain no "..", and lie inside one of the allowed roots both as written and
// after resolving symlinks.
class PathGuard
{
public:
    // Returns the local path to use, or an error a person understands.
    static Result<QString> resolve(const QString &uriOrPath, const QStringList &roots);
};

} // namespace linkisdesk::gateway
