// SPDX-License-Identifier: GPL-3.0-or-later
#include "toolrun.h"

#include <QProcess>

namespace linkisdesk::testsupport {

bool runTool(const QString &program, const QStringList &args, const QProcessEnvironment &env,
             QString *out, int timeoutMs)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return false;
    }
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

} // namespace linkisdesk::testsupport
