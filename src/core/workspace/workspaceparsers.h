// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/result.h"
#include "workspace/workspacetypes.h"

#include <QByteArray>

// Turns filesystem/* replies on the workspace into typed values. Pure functions, tested on
// recorded replies of real Linkis with the quirks of linkis-protocol-2.md §3 and §9: root keys
// userLocalRootPath / userHDFSRootPath with or without a trailing slash, one-level listings with
// sizes and times as strings, the script text in fileContent[0][0], download errors as plain
// text "error(错误):...".
namespace linkisdesk::workspace {

// pathType "file" or "hdfs"; the root comes back without a trailing slash.
Result<QString> parseRootPath(int httpStatus, const QByteArray &body, const QString &pathType);
// Folders first, then files, each by name (case-insensitive). `dirFileTrees: null` (the path
// does not exist) is an error naming `path`.
Result<QList<WorkspaceEntry>> parseListing(int httpStatus, const QByteArray &body,
                                           const QString &path);
Result<ScriptFile> parseScript(int httpStatus, const QByteArray &body, const QString &path);
Result<bool> parseExists(int httpStatus, const QByteArray &body);
// The raw bytes of a download, or its error (plain text, or an envelope).
Result<QByteArray> parseDownload(int httpStatus, const QByteArray &body);

} // namespace linkisdesk::workspace
