// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRandomGenerator>
#include <QtGlobal>

namespace linkisdesk {

// The wait before retry number `attempt` (1-based): baseMs doubled per attempt up to maxMs,
// with +-25% jitter so that many pollers do not come back at the same moment.
inline int backoffDelayMs(int attempt, int baseMs, int maxMs)
{
    const int base = qMin(maxMs, baseMs * (1 << qBound(0, attempt - 1, 10)));
    const double jitter = 0.75 + 0.5 * QRandomGenerator::global()->generateDouble();
    return qMax(1, int(base * jitter));
}

} // namespace linkisdesk
