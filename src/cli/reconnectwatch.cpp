// SPDX-License-Identifier: GPL-3.0-or-later
#include "reconnectwatch.h"

#include "api/linkisclient.h"
#include "clioutput.h"
#include "jobs/jobtracker.h"

namespace linkisdesk {

ReconnectWatch::ReconnectWatch(JobTracker *tracker, CliOutput &out, QObject *parent)
    : QObject(parent)
    , m_out(out)
    , m_giveUpMs(giveUpAfterMs(tracker->client()->settings().timeoutMs))
{
    m_giveUp.setSingleShot(true);
    connect(tracker, &JobTracker::reconnecting, this, &ReconnectWatch::onReconnecting);
    connect(tracker, &JobTracker::reconnected, this, [this] {
        if (!m_giveUp.isActive())
            return;
        m_giveUp.stop();
        m_out.notice(tr("reconnected"));
    });
    connect(&m_giveUp, &QTimer::timeout, this, [this] {
        ApiError error = m_last;
        error.message =
            tr("gave up reconnecting after %1 s: %2").arg(m_giveUpMs / 1000).arg(m_last.message);
        emit gaveUp(error);
    });
}

int ReconnectWatch::giveUpAfterMs(int requestTimeoutMs)
{
    return 2 * (requestTimeoutMs > 0 ? requestTimeoutMs : 30000);
}

void ReconnectWatch::onReconnecting(const ApiError &error, int attempt, int retryInMs)
{
    m_last = error;
    const QString line = tr("reconnecting (attempt %1) in %2 s: %3")
                             .arg(attempt)
                             .arg(qMax(1, (retryInMs + 999) / 1000))
                             .arg(error.message);
    if (m_giveUp.isActive()) {
        m_out.notice(line);
        return;
    }
    m_out.notice(line + tr("; giving up after %1 s without an answer").arg(m_giveUpMs / 1000));
    m_giveUp.start(m_giveUpMs);
}

} // namespace linkisdesk
