// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: filesystem/openFile pages (metadata + rows, NULL markers, text results), through
// both decoders: the generic parseOpenFile and the exports' byte scanner parseOpenFilePacked,
// which must agree on every input (same success, same error, same cells and NULL flags).
#include "api/linkisparsers.h"
#include "api/openfilepackedparser.h"
#include "fuzzcheck.h"

#include <cstddef>
#include <cstdint>

using namespace linkisdesk;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const int status = fuzz::httpStatusFrom(data, size);
    const QByteArray body = size > 0 ? fuzz::bytes(data + 1, size - 1) : QByteArray();
    // The second half of the status byte chooses whether the request asked for a NULL marker.
    const bool withNullValue = size > 0 && (data[0] & 0x80) != 0;
    const QString nullValue = withNullValue ? QStringLiteral("LINKIS_DESK_NULL") : QString();
    const auto result = parsers::parseOpenFile(status, body, nullValue);
    fuzz::checkResult(result);
    const auto packed = parsers::parseOpenFilePacked(status, body, nullValue);
    fuzz::checkResult(packed);
    fuzz::require(packed.ok() == result.ok(), "both decoders accept or refuse the same page");
    if (!result.ok()) {
        fuzz::require(packed.error().kind == result.error().kind &&
                          packed.error().message == result.error().message,
                      "both decoders report the same error");
    } else {
        const PackedPage expected = PackedPage::fromPage(result.value());
        const PackedPage &fast = packed.value();
        fuzz::require(fast.type == expected.type && fast.page == expected.page &&
                          fast.columns.size() == expected.columns.size(),
                      "same page type, number and columns");
        for (qsizetype i = 0; i < expected.columns.size(); ++i) {
            fuzz::require(fast.columns.at(i).name == expected.columns.at(i).name &&
                              fast.columns.at(i).type == expected.columns.at(i).type,
                          "same column names and types");
        }
        fuzz::require(fast.text == expected.text && fast.cellEnds == expected.cellEnds &&
                          fast.rowEnds == expected.rowEnds && fast.nulls == expected.nulls,
                      "same cells, rows and NULL flags");
    }
    if (result.ok()) {
        const ResultPage &page = result.value();
        fuzz::require(page.nulls.isEmpty() || page.nulls.size() == page.rows.size(),
                      "one NULL flag set per row");
        for (qsizetype r = 0; r < page.rows.size(); ++r) {
            for (qsizetype c = 0; c < page.rows.at(r).size() + 1; ++c)
                (void)page.isNull(int(r), int(c)); // in bounds or false, never out of range
        }
    }
    return 0;
}
