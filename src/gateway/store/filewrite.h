// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace linkisdesk::gateway {

// Writing that says what went wrong. QFile reports a write cut short by a full disk as
// "Unknown error"; these keep the system's reason ("No space left on device").
struct FileWrite
{
    // Writes `data` at `offset` of the open file `fd` (retrying short writes and EINTR).
    // Returns how many bytes reached the file; `why` gets the reason when it is not all.
    static qint64 writeAt(int fd, qint64 offset, const QByteArray &data, QString *why);
};

} // namespace linkisdesk::gateway
