// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCoreApplication;

namespace linkisdesk {

// Parses the arguments of `app`, runs the command on the event loop and returns the exit code.
int runCli(QCoreApplication &app);

} // namespace linkisdesk
