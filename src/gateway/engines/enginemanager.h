// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engines/reusableengine.h"

#include <QList>
#include <QObject>
#include <QString>

namespace linkisdesk::gateway {

// The gateway's reused engines (Linkis: the EngineConns of the linkis manager). Python jobs of
// one user and creator share a python engine; SQL jobs of one user share a SQLite connection.
// An engine runs one job at a time and is never shared between users; a user has at most
// maxPerUser engines (an idle one is ended to make room, else the job runs in a one-off
// engine); an engine idle for idleTimeoutMs ends.
class EngineManager : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineManager)

public:
    struct Limits
    {
        int idleTimeoutMs = 30 * 60 * 1000;
        int maxPerUser = 4;
    };
    enum class Kind { Python, Sql };

    // `dataDir` holds the engines' working folders (work/engine-N).
    EngineManager(QString dataDir, Limits limits, QObject *parent = nullptr);
    ~EngineManager() override;

    // The host part of engine instances ("127.0.0.1").
    void setHost(const QString &host) { m_host = host; }
    const Limits &limits() const { return m_limits; }

    struct Lease
    {
        ReusableEngine *engine = nullptr; // null: none free and no room for another
        bool created = false;
    };
    // An engine for one job, reserved for it until the job ends.
    Lease acquire(Kind kind, const QString &user, const QString &creator);

    // The live engines of `user` (none of anyone else), oldest first.
    QList<ReusableEngine *> enginesOf(const QString &user) const;
    QList<ReusableEngine *> all() const { return m_engines; }
    ReusableEngine *find(const QString &instance) const;

    enum class KillResult { Killing, NotFound, NotOwner };
    // Ends the engine (asynchronously: it is ShuttingDown until its processes are gone).
    KillResult kill(const QString &instance, const QString &user);

    // Ends every engine and waits for them (at shutdown).
    void shutdown();

private:
    ReusableEngine *create(Kind kind, const QString &user, const QString &creator);

    QString m_dataDir;
    QByteArray m_gatewayMark;
    Limits m_limits;
    QString m_host = QStringLiteral("127.0.0.1");
    QList<ReusableEngine *> m_engines;
    int m_nextId = 0;
    bool m_shuttingDown = false;
};

} // namespace linkisdesk::gateway
