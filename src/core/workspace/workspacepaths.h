// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace linkisdesk {

// Workspace paths as Linkis spells them: full URIs (file:///tmp/linkis/alice/q.sql). The local
// root comes without a trailing slash, the HDFS root with one (protocol-2 §9.10); these helpers
// make both read the same.
class WorkspacePaths
{
public:
    // Drops trailing slashes, keeps "file:///" itself.
    static QString normalized(const QString &uri);
    static QString join(const QString &dir, const QString &name);
    static QString parentOf(const QString &uri);
    static QString fileName(const QString &uri);
    // `relative` ("reports/daily.sql", "/reports", "" for the root) under `root`; a full URI
    // is returned as is. No ".." is accepted: an empty string means refused.
    static QString resolve(const QString &root, const QString &relative);
    // A file or folder name the workspace accepts: not empty, no '/', '\\', not "." or "..",
    // no control characters (Linkis' own name check never fires, protocol-2 §3.5).
    static bool isValidName(const QString &name);
};

} // namespace linkisdesk
