// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engines/engine.h"

#include <QPointer>
#include <QTimer>

namespace linkisdesk::gateway {

class ReusableEngine;

// One job run in a reused engine (the Engine JobManager sees). A kill interrupts the job's
// code and keeps the engine when the job stops within InterruptGraceMs; otherwise the engine is
// ended with all its processes (the last resort) and the job's log says that its session state
// is gone. Either way the job ends Cancelled, never Succeed.
class SessionJob : public Engine
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionJob)

public:
    static constexpr int InterruptGraceMs = 2000;

    // `created`: the engine was started for this job (else it is reused).
    SessionJob(EngineContext context, ReusableEngine *engine, bool created,
               QObject *parent = nullptr);
    ~SessionJob() override;

    void start() override;
    void cancel() override;
    bool waitForDone(int ms) override;

    ReusableEngine *engine() const { return m_engine; }

private:
    void finish(const EngineOutcome &outcome);

    QPointer<ReusableEngine> m_engine;
    bool m_created;
    QTimer m_grace;
    bool m_cancelled = false;
    bool m_done = false;
};

} // namespace linkisdesk::gateway
