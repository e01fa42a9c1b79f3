// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/scriptmetadata.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace linkisdesk {

// One child of a getDirFileTrees listing (one level; folders have isLeaf false).
struct WorkspaceEntry
{
    QString name;
    QString path; // full URI as the server gives it: file:///..., hdfs:///...
    QString parentPath;
    bool isDir = false;
    qint64 size = -1; // files only; -1 when unknown
    qint64 modifiedMs = 0; // files only; 0 when unknown
};

// A script as openFile gives it: the body without its header, and the header parsed.
struct ScriptFile
{
    QString path;
    QString text; // fileContent[0][0]: every line ends with \n
    ScriptMetadata metadata;
    bool operator==(const ScriptFile &) const = default;
};

// What WorkspaceClient::saveChecked did.
struct ScriptSaveResult
{
    // The server's file was no longer the one opened: nothing was written. `current` is the
    // server's version, for the caller to ask whether to overwrite.
    bool conflict = false;
    // After a save, the file as the server now gives it (the new base for the next save).
    ScriptFile current;
};

} // namespace linkisdesk
