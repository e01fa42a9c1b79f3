// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/logchunk.h"

namespace linkisdesk {

QStringList LogChunk::lines() const
{
    if (all.isEmpty())
        return {};
    QStringList result = all.split(u'\n');
    if (result.last().isEmpty())
        result.removeLast();
    for (QString &line : result) {
        if (line.endsWith(u'\r'))
            line.chop(1);
    }
    return result;
}

} // namespace linkisdesk
