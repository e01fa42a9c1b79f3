// SPDX-License-Identifier: GPL-3.0-or-later
#include "engines/processtree.h"

#include <QFile>
#include <QHash>
#include <QSet>

#include <csignal>
#include <dirent.h>
#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

namespace linkisdesk::gateway {

namespace {

struct ProcEntry
{
    qint64 pid = 0;
    qint64 ppid = 0;
    qint64 session = 0;
    bool zombie = false;
};

// The whole content of a small /proc file (empty when it cannot be read).
QByteArray readProcFile(const QByteArray &path)
{
    QByteArray data;
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return data;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n <= 0)
            break;
        data.append(buf, qsizetype(n));
    }
    ::close(fd);
    return data;
}

// "pid (comm) S ppid pgrp session ...": comm may hold spaces and parentheses, so the fields are
// read after the last ')'.
bool parseStat(qint64 pid, const QByteArray &stat, ProcEntry *entry)
{
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return false;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    if (fields.size() < 4 || fields.at(0).isEmpty())
        return false;
    bool okParent = false;
    bool okSession = false;
    entry->pid = pid;
    entry->zombie = fields.at(0).at(0) == 'Z' || fields.at(0).at(0) == 'X';
    entry->ppid = fields.at(1).toLongLong(&okParent);
    entry->session = fields.at(3).toLongLong(&okSession);
    return okParent && okSession;
}

QList<ProcEntry> snapshot()
{
    QList<ProcEntry> entries;
    DIR *dir = ::opendir("/proc");
    if (!dir)
        return entries;
    while (const dirent *d = ::readdir(dir)) {
        bool ok = false;
        const qint64 pid = QByteArray(d->d_name).toLongLong(&ok);
        if (!ok || pid <= 0)
            continue;
        ProcEntry entry;
        if (parseStat(pid, readProcFile("/proc/" + QByteArray::number(pid) + "/stat"), &entry))
            entries.append(entry);
    }
    ::closedir(dir);
    return entries;
}

bool environmentHas(qint64 pid, const QByteArray &mark)
{
    const QByteArray env = readProcFile("/proc/" + QByteArray::number(pid) + "/environ");
    return env.startsWith(mark + '\0') || env.contains('\0' + mark + '\0');
}

// Field 22 of /proc/PID/stat: when the process started (clock ticks since boot); 0 if unknown.
QByteArray startTimeOf(qint64 pid)
{
    const QByteArray stat = readProcFile("/proc/" + QByteArray::number(pid) + "/stat");
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return {};
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    return fields.size() > 19 ? fields.at(19) : QByteArray();
}

// The value of `name` in the environment of `pid` (empty when it has none).
QByteArray environmentValue(qint64 pid, const QByteArray &name)
{
    const QByteArray env = readProcFile("/proc/" + QByteArray::number(pid) + "/environ");
    const QByteArray key = name + '=';
    for (const QByteArray &entry : env.split('\0')) {
        if (entry.startsWith(key))
            return entry.mid(key.size());
    }
    return {};
}

// Adds every descendant of the pids in `in` (parent links, to a fixed point); never `self`.
void addDescendants(QSet<qint64> &in, const QList<ProcEntry> &entries, qint64 self)
{
    QHash<qint64, QList<qint64>> children;
    for (const ProcEntry &e : entries)
        children[e.ppid].append(e.pid);
    QList<qint64> todo(in.cbegin(), in.cend());
    while (!todo.isEmpty()) {
        const qint64 pid = todo.takeLast();
        for (qint64 child : children.value(pid)) {
            if (child != self && !in.contains(child)) {
                in.insert(child);
                todo.append(child);
            }
        }
    }
}

QList<qint64> liveOf(const QSet<qint64> &in, const QList<ProcEntry> &entries)
{
    QList<qint64> live;
    for (const ProcEntry &e : entries) {
        if (!e.zombie && in.contains(e.pid))
            live.append(e.pid);
    }
    return live;
}

} // namespace

QByteArray ProcessTree::gatewayMark(const QString &dataDir)
{
    const qint64 self = ::getpid();
    return QByteArray::number(self) + '.' + startTimeOf(self) + '@' + QFile::encodeName(dataDir);
}

QList<qint64> ProcessTree::leftBehind(const QString &dataDir)
{
    const QList<ProcEntry> entries = snapshot();
    const qint64 self = ::getpid();
    const QByteArray dir = '@' + QFile::encodeName(dataDir);
    QSet<qint64> in;
    for (const ProcEntry &e : entries) {
        if (e.pid == self || e.zombie)
            continue;
        const QByteArray mark = environmentValue(e.pid, gatewayVariable());
        if (!mark.endsWith(dir))
            continue;
        // "<pid>.<start time>@<dir>": the gateway run that started the job, if it still lives.
        const QByteArray run = mark.chopped(dir.size());
        const qsizetype dot = run.indexOf('.');
        const QByteArray runPid = run.left(dot);
        if (dot > 0 && startTimeOf(runPid.toLongLong()) == run.mid(dot + 1))
            continue;
        in.insert(e.pid);
    }
    addDescendants(in, entries, self);
    return liveOf(in, entries);
}

ProcessTree::ProcessTree(qint64 root, QByteArray mark)
    : m_root(root)
    , m_mark(std::move(mark))
{ }

QList<qint64> ProcessTree::members() const
{
    const QList<ProcEntry> entries = snapshot();
    const qint64 self = ::getpid();
    QSet<qint64> in;
    for (const ProcEntry &e : entries) {
        if (e.pid == self)
            continue;
        // The root is its session's leader, so the session finds it too; a pid still used as a
        // session id is never given to a new process, so this cannot catch a stranger.
        if ((m_root > 0 && e.session == m_root) ||
            (!e.zombie && !m_mark.isEmpty() && environmentHas(e.pid, m_mark)))
            in.insert(e.pid);
    }
    // Descendants of every member, to a fixed point (a setsid child of a member is a member).
    addDescendants(in, entries, self);
    return liveOf(in, entries);
}

qsizetype ProcessTree::signalAll(int signal) const
{
    const QList<qint64> pids = members();
    for (qint64 pid : pids)
        ::kill(pid_t(pid), signal);
    return pids.size();
}

} // namespace linkisdesk::gateway
