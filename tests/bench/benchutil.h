// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <functional>

namespace linkisdesk::bench {

// Runs the event loop until done() is true or timeoutMs passed; returns done(). Bench code only:
// the product never waits like this.
bool waitUntil(const std::function<bool()> &done, int timeoutMs);
// Runs the event loop for ms milliseconds.
void spin(int ms);

// Memory of this process from /proc/self/status, in KiB.
qint64 rssKb();
qint64 peakRssKb();
// Resets the peak (VmHWM) to the current RSS (writes 5 to /proc/self/clear_refs).
bool resetPeakRss();
// Gives freed heap back to the system, so RSS shows what is live.
void trimHeap();
// User + system CPU time of this process, in ms.
double cpuMs();
// "0.52 0.61 0.70" from /proc/loadavg.
QString loadAverage();

// The p-th percentile (0..100) of values, nearest rank; NaN for an empty list.
double percentile(QList<double> values, double p);

} // namespace linkisdesk::bench
