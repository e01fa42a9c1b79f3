// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/result.h"
#include "workspace/scriptmetadata.h"

#include <QString>

namespace linkisdesk {

// The header Linkis writes at the top of a workspace script (linkis-protocol-2.md §3.6):
//
//   --@set run_date=20240101
//   --conf@set configuration startup spark.executor.memory=4g
//   --
//   select ...
//
// with `#` for python and shell, `//` for scala, and no header at all for txt/log/out/text.
// The one home of the file-kind rules (which suffixes openFile accepts, which carry a header)
// and of the header format, used by the client, the CLI and the local gateway alike.
class ScriptHeaderCodec
{
public:
    enum class Family {
        Unsupported, // openFile refuses it (54001)
        Plain, // openable, never a header (txt, log, out, text, dolphin)
        Sql, // --
        Hash, // # (python, shell)
        Scala, // //
    };
    struct Decoded
    {
        ScriptMetadata metadata;
        QString body;
    };

    // By the file name's suffix, case-insensitively.
    static Family familyOf(const QString &fileName);
    static bool isOpenable(const QString &fileName)
    {
        return familyOf(fileName) != Family::Unsupported;
    }
    // "--", "#", "//" (the terminator line too); empty for Plain and Unsupported.
    static QString prefix(Family family);

    // Splits a file as Linkis reads it: the leading `@set` / `conf@set` lines become metadata,
    // then the terminator line right after them is dropped (files written before Linkis 1.3.2
    // have none). A `conf@set` line that is not `<p>conf@set <configuration|special> <name>
    // k=v` with one '=' fails as Linkis does (65000), so do empty keys. CRLF reads as LF.
    static Result<Decoded> decode(const QString &fileText, Family family);

    // The whole file: header lines (variables, then startup, runtime, special, then the special
    // groups), the terminator when there was at least one header line, then the body. A body
    // whose first line would be read back as a header line, under an empty header, gets a
    // terminator line in front of it so that it is not swallowed (see protectBody).
    static Result<QString> encode(const ScriptMetadata &metadata, const QString &body,
                                  Family family);

    // Why a header cannot be written (a key or value with '=' or a line break, an empty key,
    // an empty value, which Linkis would not read back), or an empty string.
    static QString problem(const ScriptMetadata &metadata);

    // The body to send as saveScript's scriptContent: when the header is empty and the body's
    // first line would be taken for a header line on the next open, a terminator line goes
    // first (a user's own leading `--@set` lines stay in the text).
    static QString protectBody(const QString &body, bool headerEmpty, Family family);

    // True when `line` is one the reader would take for a header line.
    static bool isHeaderLine(const QString &line, Family family);
};

} // namespace linkisdesk
