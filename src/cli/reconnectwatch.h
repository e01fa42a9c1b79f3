// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/apierror.h"

#include <QObject>
#include <QTimer>

namespace linkisdesk {

class CliOutput;
class JobTracker;

// While a command follows a job, the tracker retries a lost gateway with backoff for as long as
// it lives. This says so on stderr, one line per attempt ("reconnecting (attempt N) ..."), states
// the bound on the first one, and emits gaveUp once the gateway has not been reached for
// giveUpAfterMs(): twice the request timeout (--timeout).
class ReconnectWatch : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReconnectWatch)

public:
    ReconnectWatch(JobTracker *tracker, CliOutput &out, QObject *parent = nullptr);

    static int giveUpAfterMs(int requestTimeoutMs);

signals:
    // The last error, its message saying that the CLI gave up and after how long.
    void gaveUp(const linkisdesk::ApiError &error);

private:
    void onReconnecting(const ApiError &error, int attempt, int retryInMs);

    CliOutput &m_out;
    QTimer m_giveUp;
    int m_giveUpMs;
    ApiError m_last;
};

} // namespace linkisdesk
