// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QStringView>

namespace linkisdesk {

enum class LogLevel : quint8 { Info, Warn, Error };

// The one rule for the level of a log line, used by the GUI's log store and by the CLI.
//
// A line states its level in its header: a Linkis line "yyyy-MM-dd HH:mm:ss.SSS LEVEL text",
// log4j / Spark "24/01/02 10:00:00 WARN Foo: text", Python logging "WARNING:root:text" or
// "2024-01-02 10:00:00,123 WARNING text", bracketed "[WARN] text". A line that starts with a
// digit (a date) is searched for the level word in its first six words, any other line in its
// first word only, so "Caused by: ERROR" or "job completed with ERROR" carry no level.
//
// The server labels everything a program writes to stderr ERROR, whatever it is. So when the
// label is ERROR and the message behind it has a level of its own (a Python logging.warning, a
// Spark INFO line), the message's own level wins; unlabelled stderr stays an error.
//
// Returns the level, or -1 when the line carries none. UTF-8 (or Latin-1) bytes.
int logLevelOf(QByteArrayView line);

// The level of a line, or `previous` when it carries none (a stack trace, program output).
LogLevel classifyLogLine(QStringView line, LogLevel previous = LogLevel::Info);

// The text of a Linkis line after its "yyyy-MM-dd HH:mm:ss.SSS LEVEL " header (a program's own
// output as it wrote it, leading spaces kept), or the whole line when it has no such header.
QStringView logMessageOf(QStringView line);

} // namespace linkisdesk
