// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace linkisdesk {

// A piece of a job log: the four Linkis slots [error, warn, info, all] (newline-joined text),
// and the fromLine to send next time (entrance log only; 0 for openLog).
struct LogChunk
{
    QString error;
    QString warn;
    QString info;
    QString all;
    int nextFromLine = 0;
    bool logWasNull = false; // the server answered "log": null (nothing to read right now)

    // The lines of the ALL slot: split on '\n', one trailing newline does not make an extra
    // empty line, blank lines in the middle are kept.
    QStringList lines() const;
};

} // namespace linkisdesk
