// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the SQL statement splitter (quotes, comments, backslash escapes) and
// statement-under-cursor lookup.
#include "fuzzcheck.h"
#include "script/statementsplitter.h"

#include <cstddef>
#include <cstdint>

using namespace linkisdesk;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    StatementSplitter::Options options;
    options.backslashEscapes = (data[0] & 1) != 0;
    const QString script = QString::fromUtf8(fuzz::bytes(data + 1, size - 1));
    const QList<SqlStatement> statements = StatementSplitter::split(script, options);
    int previousEnd = 0;
    for (const SqlStatement &s : statements) {
        fuzz::require(s.startOffset >= previousEnd, "statements are ordered and disjoint");
        fuzz::require(s.endOffset > s.startOffset, "statements are not empty");
        fuzz::require(s.endOffset <= script.size(), "statements lie inside the script");
        fuzz::require(s.text == script.mid(s.startOffset, s.endOffset - s.startOffset),
                      "text is the script's range");
        fuzz::require(s.startLine <= s.endLine, "lines are ordered");
        previousEnd = s.endOffset;
    }
    const int cursor = int(data[0]) * int(script.size() + 1) / 256;
    const int index = StatementSplitter::indexAt(statements, cursor);
    fuzz::require(statements.isEmpty() ? index == -1 : index >= 0 && index < statements.size(),
                  "indexAt returns a statement or -1 when there is none");
    return 0;
}
