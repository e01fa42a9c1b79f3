// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace linkisdesk::bench {

// Runs a program to its end and measures it from outside: wall time from spawn to exit, and its
// own peak RSS and CPU (wait4 rusage, so nothing of the bench is counted).
class ChildProcess
{
public:
    struct Outcome
    {
        int exitCode = -1; // -1: did not start or was killed by a signal
        double wallMs = 0;
        double maxRssMb = 0;
        double cpuMs = 0;
        QString output; // standard output, when captured
    };

    // stdoutPath: where standard output goes ("" : captured into Outcome::output). stderr goes
    // to /dev/null. extraEnv: "NAME=value" entries added to the current environment.
    static Outcome run(const QString &program, const QStringList &arguments,
                       const QStringList &extraEnv = {}, const QString &stdoutPath = {});
};

} // namespace linkisdesk::bench
