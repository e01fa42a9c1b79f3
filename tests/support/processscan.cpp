// SPDX-License-Identifier: GPL-3.0-or-later
#include "processscan.h"

#include <QDir>
#include <QFile>

namespace linkisdesk::testsupport {

QList<qint64> processesInGroup(qint64 pgid)
{
    QList<qint64> out;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &pid : pids) {
        bool ok = false;
        const qint64 p = pid.toLongLong(&ok);
        if (!ok)
            continue;
        QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray stat = f.readAll();
        const qsizetype close = stat.lastIndexOf(')');
        const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
        // after "pid (comm) ": state ppid pgrp ...; zombies are gone for our purpose
        if (fields.size() > 2 && fields.at(0) != "Z" && fields.at(2).toLongLong() == pgid)
            out << p;
    }
    return out;
}

qint64 findProcess(const QString &needle)
{
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &pid : pids) {
        bool ok = false;
        const qint64 p = pid.toLongLong(&ok);
        if (!ok)
            continue;
        QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (f.open(QIODevice::ReadOnly) && f.readAll().replace('\0', ' ').contains(needle.toUtf8()))
            return p;
    }
    return 0;
}

} // namespace linkisdesk::testsupport
