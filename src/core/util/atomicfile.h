// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/result.h"

#include <QByteArray>
#include <QFileDevice>
#include <QString>

namespace linkisdesk {

// Whole-file reads and atomic whole-file writes. A write goes to a temporary file beside the
// target and is renamed over it only when every byte is on disk, so readers (and a crash)
// see either the old content or the new one, never a partial file.
class AtomicFile
{
public:
    AtomicFile() = delete;

    // Creates the parent directory if needed. `permissions` applies to the new file (use
    // ReadOwner | WriteOwner for files only the user may read).
    static Result<Unit> write(const QString &path, const QByteArray &data,
                              QFileDevice::Permissions permissions = {});
    // Reads the whole file. A missing file is an error of kind Io.
    static Result<QByteArray> read(const QString &path);
};

} // namespace linkisdesk
