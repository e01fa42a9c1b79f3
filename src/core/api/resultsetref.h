// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace linkisdesk {

// One result set file of a job (_0.dolphin, alias_1.dolphin ...).
struct ResultSetRef
{
    QString name;
    QString path;
    int index = -1; // the number in the file name; -1 when there is none
    qint64 size = -1; // bytes, -1 when unknown

    // Sorts by the number in the name (_2 before _10), then by name.
    static void sort(QList<ResultSetRef> &sets);
};

} // namespace linkisdesk
