// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

namespace linkisdesk {

// A date or timestamp cell as engines print them, "2024-03-05", "2024-03-05 12:34:56.789" or
// "2024-03-05T12:34:56Z", as milliseconds since 1970-01-01 UTC (no time zone is applied: the
// wall-clock time stays as written); NaN for anything else (an offset, another layout). Fast
// enough for a million cells (no QDateTime).
double parseIsoDateMs(QByteArrayView text);

} // namespace linkisdesk
