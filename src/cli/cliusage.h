// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace linkisdesk {

// The --help text: the overview, or one command's options when topic names a command.
QString cliUsage(const QString &topic = {});

} // namespace linkisdesk
