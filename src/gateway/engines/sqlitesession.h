// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engines/reusableengine.h"

#include <QFutureWatcher>

#include <memory>

struct sqlite3;

namespace linkisdesk::gateway {

class SqliteScriptRunner;

// A reused SQL engine: one SQLite connection to the user's workspace, kept between jobs (TEMP
// tables, attached databases and pragmas stay). Each job runs on a worker thread like
// SqliteEngine; a kill is sqlite3_interrupt. Lives inside the gateway (no process).
class SqliteSession : public ReusableEngine
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SqliteSession)

public:
    explicit SqliteSession(Identity identity, QObject *parent = nullptr);
    ~SqliteSession() override;

    QString engineType() const override { return QStringLiteral("sqlite"); }
    qint64 memoryBytes() const override { return m_memory; }

    void start() override;
    void run(const EngineContext &context) override;
    void interrupt() override;
    void terminate() override;
    bool waitForEnded(int ms) override;

private:
    void onJobDone();
    void close();

    sqlite3 *m_db = nullptr; // touched by the one running job's thread, else by this thread
    qint64 m_memory = 0;
    std::shared_ptr<SqliteScriptRunner> m_runner;
    std::shared_ptr<JobLog> m_jobLog;
    QFutureWatcher<EngineOutcome> m_watcher;
    bool m_terminating = false;
};

} // namespace linkisdesk::gateway
