// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace linkisdesk::bench {

// Measures how long the event loop is blocked: a 1 ms precise timer notes the gap between its
// ticks; a gap is the longest time any other work kept the loop from coming back to it.
class StallProbe : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StallProbe)
public:
    explicit StallProbe(QObject *parent = nullptr);

    void start();
    void stop();
    // The longest gap between two ticks, in ms (includes the 1 ms interval itself).
    double maxGapMs() const { return m_maxGapNs / 1e6; }
    qint64 ticks() const { return m_ticks; }
    // Gaps longer than 50 ms.
    qint64 longGaps() const { return m_longGaps; }

private:
    void onTick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_maxGapNs = 0;
    qint64 m_ticks = 0;
    qint64 m_longGaps = 0;
};

} // namespace linkisdesk::bench
