// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: filesystem/openFile pages (metadata + rows, NULL markers, text results).
#include "api/linkisparsers.h"
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
    const auto result = parsers::parseOpenFile(
        status, body, withNullValue ? QStringLiteral("LINKIS_DESK_NULL") : QString());
    fuzz::checkResult(result);
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
