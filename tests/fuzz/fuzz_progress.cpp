// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: entrance/{execID}/progress and progressWithResource replies.
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
    const auto result = parsers::parseProgress(status, body);
    fuzz::checkResult(result);
    return 0;
}
