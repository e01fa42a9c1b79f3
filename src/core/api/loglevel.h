// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringView>

namespace linkisdesk {

enum class LogLevel : quint8 { Info, Warn, Error };

// Classifies a Linkis log line ("yyyy-MM-dd HH:mm:ss.SSS LEVEL text"); a line without a level
// (stack trace, program output) inherits the previous line's level.
LogLevel classifyLogLine(QStringView line, LogLevel previous = LogLevel::Info);

} // namespace linkisdesk
