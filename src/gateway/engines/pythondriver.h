// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace linkisdesk::gateway {

// The small python program a reused python engine runs. Protocol (one JSON object a line):
// - the gateway writes jobs to the engine's stdin: {"id": taskID, "code": "..."};
// - the engine answers on BOTH stdout and stderr, after everything the job printed there, with
//   "\x1e<nonce> " + JSON + "\n": {"ready": true, "version": "3.11.2"} once started, then per
//   job {"id": taskID, "result": "ok" | "exit" | "error" | "interrupted", "code": N,
//   "error": "last line of the traceback"}. The nonce (argv[1]) is new for each engine, so
//   output that happens to look like a marker is not taken for one. A job is over only when
//   both channels carried its marker: nothing it printed can arrive after its end.
// - SIGINT raises KeyboardInterrupt in the job's code (and is ignored between jobs).
// The job's code runs with exec() in one globals dict that lives as long as the engine; its
// stdin is /dev/null (input() gets EOFError at once, as for a one-off process).
struct PythonDriver
{
    static QByteArray source();
    static QByteArray markerPrefix(const QByteArray &nonce) { return "\x1e" + nonce + ' '; }
};

} // namespace linkisdesk::gateway
