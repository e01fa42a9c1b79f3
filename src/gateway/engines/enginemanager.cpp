// SPDX-License-Identifier: GPL-3.0-or-later
#include "engines/enginemanager.h"

#include "engines/processtree.h"
#include "engines/pythonsession.h"
#include "engines/sqlitesession.h"

#include <QDir>

namespace linkisdesk::gateway {

namespace {

constexpr int kFirstPort = 46001; // made-up ports: engine instances look like Linkis's

bool live(const ReusableEngine *e)
{
    return e->status() != ReusableEngine::Status::ShuttingDown &&
        e->status() != ReusableEngine::Status::Ended;
}

} // namespace

EngineManager::EngineManager(QString dataDir, Limits limits, QObject *parent)
    : QObject(parent)
    , m_dataDir(std::move(dataDir))
    , m_gatewayMark(ProcessTree::gatewayMark(m_dataDir))
    , m_limits(limits)
{
    // Working folders of engines of an earlier run (their processes ended with it).
    QDir work(m_dataDir + QStringLiteral("/work"));
    const QStringList stale =
        work.entryList({QStringLiteral("engine-*")}, QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &name : stale)
        QDir(work.filePath(name)).removeRecursively();
}

EngineManager::~EngineManager()
{
    shutdown();
}

EngineManager::Lease EngineManager::acquire(Kind kind, const QString &user, const QString &creator)
{
    if (m_shuttingDown)
        return {};
    const QString type = kind == Kind::Python ? QStringLiteral("python") : QStringLiteral("sqlite");
    for (ReusableEngine *e : std::as_const(m_engines)) {
        if (e->user() == user && e->engineType() == type && !e->isReserved() &&
            e->status() == ReusableEngine::Status::Idle &&
            (kind == Kind::Sql || e->creator() == creator)) {
            e->setReserved(true);
            return {e, false};
        }
    }
    const QList<ReusableEngine *> mine = enginesOf(user);
    if (mine.size() >= m_limits.maxPerUser) {
        // Make room by ending the engine idle the longest.
        ReusableEngine *oldest = nullptr;
        for (ReusableEngine *e : mine) {
            if (!e->isReserved() && e->status() == ReusableEngine::Status::Idle &&
                (!oldest || e->idleSinceMs() < oldest->idleSinceMs()))
                oldest = e;
        }
        if (!oldest)
            return {};
        oldest->terminate();
    }
    ReusableEngine *e = create(kind, user, creator);
    e->setReserved(true);
    return {e, true};
}

ReusableEngine *EngineManager::create(Kind kind, const QString &user, const QString &creator)
{
    const int id = ++m_nextId;
    ReusableEngine::Identity identity {
        id, QStringLiteral("%1:%2").arg(m_host).arg(kFirstPort + id - 1), user, creator};
    ReusableEngine *e = nullptr;
    if (kind == Kind::Python) {
        e = new PythonSession(identity, m_dataDir + QStringLiteral("/work/engine-%1").arg(id),
                              m_gatewayMark, this);
    } else {
        e = new SqliteSession(identity, this);
    }
    e->setIdleTimeout(m_limits.idleTimeoutMs);
    connect(e, &ReusableEngine::ended, this, [this, e] {
        m_engines.removeOne(e);
        e->deleteLater();
    });
    m_engines.append(e);
    e->start();
    return e;
}

QList<ReusableEngine *> EngineManager::enginesOf(const QString &user) const
{
    QList<ReusableEngine *> out;
    for (ReusableEngine *e : m_engines) {
        if (e->user() == user && live(e))
            out.append(e);
    }
    return out;
}

ReusableEngine *EngineManager::find(const QString &instance) const
{
    for (ReusableEngine *e : m_engines) {
        if (e->instance() == instance)
            return e;
    }
    return nullptr;
}

EngineManager::KillResult EngineManager::kill(const QString &instance, const QString &user)
{
    ReusableEngine *e = find(instance);
    if (!e)
        return KillResult::NotFound;
    if (e->user() != user)
        return KillResult::NotOwner;
    e->terminate();
    return KillResult::Killing;
}

void EngineManager::shutdown()
{
    m_shuttingDown = true;
    const auto engines = m_engines;
    for (ReusableEngine *e : engines)
        e->terminate();
    for (ReusableEngine *e : engines)
        e->waitForEnded(3000);
    qDeleteAll(m_engines);
    m_engines.clear();
}

} // namespace linkisdesk::gateway
