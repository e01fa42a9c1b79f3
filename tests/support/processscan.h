// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace linkisdesk::testsupport {

// Live (not zombie) processes whose process group is `pgid`, read from /proc.
QList<qint64> processesInGroup(qint64 pgid);

// The pid of a process whose command line contains `needle`, or 0.
qint64 findProcess(const QString &needle);

} // namespace linkisdesk::testsupport
