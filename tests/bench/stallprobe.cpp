// SPDX-License-Identifier: GPL-3.0-or-later
#include "stallprobe.h"

namespace linkisdesk::bench {

StallProbe::StallProbe(QObject *parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(1);
    connect(&m_timer, &QTimer::timeout, this, &StallProbe::onTick);
}

void StallProbe::start()
{
    m_maxGapNs = 0;
    m_ticks = 0;
    m_longGaps = 0;
    m_clock.start();
    m_lastNs = 0;
    m_timer.start();
}

void StallProbe::stop()
{
    onTick(); // the time since the last tick counts too
    m_timer.stop();
}

void StallProbe::onTick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 gap = now - m_lastNs;
    m_lastNs = now;
    ++m_ticks;
    if (gap > m_maxGapNs)
        m_maxGapNs = gap;
    if (gap > 50'000'000)
        ++m_longGaps;
}

} // namespace linkisdesk::bench
