// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace linkisdesk {

// How a floating-point cell (ColumnKind::Real) reads to a person. Engines print doubles with all
// the digits binary arithmetic leaves behind: Spark's Double.toString gives 0.30000000000000004,
// SQLite's %.15g gives 63499068.3999998 for a sum of cents. When the text uses (nearly) all of a
// double's 17 significant digits and they end in a run of at least five 0s or 9s followed by at
// most two stray digits, the run and the strays are rounding noise: the value is shown rounded
// just before the run (0.3, 63499068.4). Anything else (9996.0, 3.14159265358979, 1e+20, NaN,
// text that is not a number) is shown exactly as the engine sent it. The exact text is still
// what the model gives for copying (Qt::EditRole).
QString displayReal(const QString &text);

} // namespace linkisdesk
