// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace linkisdesk::testsupport {

// Runs a helper program the GUI tests drive the desktop with (xdotool, import, ...) to its end.
// Its trimmed standard output goes to *out. False when it does not start, does not finish within
// timeoutMs (it is killed then) or exits with a failure.
bool runTool(const QString &program, const QStringList &args, const QProcessEnvironment &env,
             QString *out = nullptr, int timeoutMs = 20000);

} // namespace linkisdesk::testsupport
