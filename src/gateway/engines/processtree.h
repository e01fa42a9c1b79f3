// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

namespace linkisdesk::gateway {

// Every process that belongs to one job, wherever it went in the process tree. A process belongs
// to the job when it lives in the session of the job's root process (the root leads it), carries
// the job's mark in its environment, or descends (parent links) from any of those. Parent links
// catch a child that called setsid; the session and the mark survive a double fork that
// reparents a process to init; and ProcessEngine makes the root a child subreaper, so what is
// orphaned while the root lives stays below it. What escapes: a process that leaves the session
// and drops its environment, once the root has exited (it then reparents to init). Linux only
// (reads /proc).
class ProcessTree
{
public:
    // `mark` is an environment entry ("NAME=value") unique to the job.
    ProcessTree(qint64 root, QByteArray mark);

    // Live members (zombies left out), found by scanning /proc. The whole set is collected
    // before anyone is signalled, so a process reparented during the kill is not missed.
    QList<qint64> members() const;
    // Sends `signal` to every live member; returns how many there were.
    qsizetype signalAll(int signal) const;

    // The environment variable that carries a job's mark.
    static QByteArray markVariable() { return QByteArrayLiteral("LINKIS_DESK_JOB_MARK"); }

    // Every job process also carries gatewayVariable()=gatewayMark(dataDir): this gateway run
    // (pid and start time) and its data directory. A gateway killed hard cannot end its jobs'
    // processes (the parent-death signal reaches only the first one); leftBehind() finds them
    // at the next start: marked with this data directory by a run that no longer lives.
    static QByteArray gatewayVariable() { return QByteArrayLiteral("LINKIS_DESK_GATEWAY"); }
    static QByteArray gatewayMark(const QString &dataDir);
    static QList<qint64> leftBehind(const QString &dataDir);

private:
    qint64 m_root;
    QByteArray m_mark;
};

} // namespace linkisdesk::gateway
