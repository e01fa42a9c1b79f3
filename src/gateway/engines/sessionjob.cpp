// SPDX-License-Identifier: GPL-3.0-or-later
#include "engines/sessionjob.h"

#include "engines/reusableengine.h"
#include "store/errorcodes.h"

namespace linkisdesk::gateway {

namespace {

using Level = JobLog::Level;

} // namespace

SessionJob::SessionJob(EngineContext context, ReusableEngine *engine, bool created, QObject *parent)
    : Engine(std::move(context), parent)
    , m_engine(engine)
    , m_created(created)
{
    m_grace.setSingleShot(true);
    m_grace.setInterval(InterruptGraceMs);
    connect(&m_grace, &QTimer::timeout, this, [this] {
        if (m_done || !m_engine)
            return;
        m_ctx.log->append(Level::Warn,
                          QStringLiteral("The job did not stop within %1 s of the interrupt: "
                                         "ending its %2 engine %3 with all its processes. The "
                                         "session state of that engine is gone; the next job "
                                         "starts a new one.")
                              .arg(InterruptGraceMs / 1000)
                              .arg(m_engine->engineType(), m_engine->instance()));
        m_engine->terminate();
    });
}

SessionJob::~SessionJob()
{
    if (m_engine)
        m_engine->disconnect(this);
}

void SessionJob::start()
{
    // The lines real Linkis writes when the orchestrator gets an EngineConn for a job.
    const QString serviceInstance =
        QStringLiteral("ServiceInstance(linkis-cg-engineconn, %1)").arg(m_engine->instance());
    m_ctx.log->append(Level::Info,
                      m_created ? QStringLiteral("Succeed to create new ec : ") + serviceInstance
                                : QStringLiteral("Succeed to reuse ec : ") + serviceInstance);
    connect(m_engine, &ReusableEngine::progressChanged, this, &Engine::progressChanged);
    connect(m_engine, &ReusableEngine::jobFinished, this, &SessionJob::finish);
    m_engine->run(m_ctx);
}

void SessionJob::cancel()
{
    if (m_done || m_cancelled || !m_engine)
        return;
    m_cancelled = true;
    m_engine->interrupt();
    if (!m_done)
        m_grace.start();
}

bool SessionJob::waitForDone(int ms)
{
    if (m_done || !m_engine)
        return true;
    return m_engine->waitForEnded(ms);
}

void SessionJob::finish(const EngineOutcome &outcome)
{
    if (m_done)
        return;
    m_done = true;
    m_grace.stop();
    if (m_engine)
        m_engine->disconnect(this);
    EngineOutcome result = outcome;
    if (m_cancelled && result.kind != EngineOutcome::Kind::Succeed)
        result.kind = EngineOutcome::Kind::Cancelled;
    emit finished(result);
}

} // namespace linkisdesk::gateway
