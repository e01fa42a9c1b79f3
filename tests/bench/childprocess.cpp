// SPDX-License-Identifier: GPL-3.0-or-later
#include "childprocess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryFile>

#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace linkisdesk::bench {

ChildProcess::Outcome ChildProcess::run(const QString &program, const QStringList &arguments,
                                        const QStringList &extraEnv, const QString &stdoutPath)
{
    Outcome out;
    QTemporaryFile capture;
    QString target = stdoutPath;
    if (target.isEmpty()) {
        if (!capture.open())
            return out;
        target = capture.fileName();
    }

    std::vector<QByteArray> storage;
    storage.push_back(program.toLocal8Bit());
    for (const QString &a : arguments)
        storage.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &s : storage)
        argv.push_back(s.data());
    argv.push_back(nullptr);

    std::vector<QByteArray> envStorage;
    for (const QString &e : extraEnv)
        envStorage.push_back(e.toLocal8Bit());
    std::vector<char *> envp;
    for (QByteArray &e : envStorage)
        envp.push_back(e.data());
    for (char **e = environ; *e; ++e) {
        bool overridden = false;
        for (const QByteArray &x : envStorage) {
            const qsizetype eq = x.indexOf('=');
            if (qstrncmp(*e, x.constData(), size_t(eq + 1)) == 0)
                overridden = true;
        }
        if (!overridden)
            envp.push_back(*e);
    }
    envp.push_back(nullptr);

    const QByteArray outPath = QFile::encodeName(target);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, outPath.constData(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);

    QElapsedTimer clock;
    clock.start();
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0)
        return out;
    int status = 0;
    rusage usage {};
    while (wait4(pid, &status, 0, &usage) < 0) {
        if (errno != EINTR)
            return out;
    }
    out.wallMs = double(clock.nsecsElapsed()) / 1e6;
    out.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    out.maxRssMb = double(usage.ru_maxrss) / 1024.0;
    auto ms = [](const timeval &t) { return double(t.tv_sec) * 1000.0 + t.tv_usec / 1000.0; };
    out.cpuMs = ms(usage.ru_utime) + ms(usage.ru_stime);
    if (stdoutPath.isEmpty()) {
        QFile f(target);
        if (f.open(QIODevice::ReadOnly))
            out.output = QString::fromUtf8(f.readAll());
    }
    return out;
}

} // namespace linkisdesk::bench
