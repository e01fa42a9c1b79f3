// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/resultsetref.h"

#include <algorithm>

namespace linkisdesk {

void ResultSetRef::sort(QList<ResultSetRef> &sets)
{
    std::stable_sort(sets.begin(), sets.end(), [](const ResultSetRef &a, const ResultSetRef &b) {
        // Files without a number go last, in name order.
        const bool aHas = a.index >= 0;
        const bool bHas = b.index >= 0;
        if (aHas != bHas)
            return aHas;
        if (a.index != b.index)
            return a.index < b.index;
        return a.name < b.name;
    });
}

} // namespace linkisdesk
