// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engines/enginecontext.h"
#include "engines/engineoutcome.h"

#include <QJsonArray>
#include <QMutex>

#include <atomic>
#include <functional>

struct sqlite3;
struct sqlite3_stmt;

namespace linkisdesk::gateway {

// Runs the statements of a SQL script on the user's workspace database. Called on a worker
// thread; cancel() may be called from any thread and interrupts the running statement.
class SqliteScriptRunner
{
public:
    using ProgressFn = std::function<void(double progress, const QJsonArray &info)>;

    SqliteScriptRunner(EngineContext context, ProgressFn progress);
    // Runs on the connection in `*shared` (a reused SQLite engine): opened there if it is null,
    // and left open after the run, so that TEMP tables and attached databases stay. Only one
    // runner at a time may use a connection.
    void useSharedConnection(sqlite3 **shared) { m_shared = shared; }
    SqliteScriptRunner(const SqliteScriptRunner &) = delete;
    SqliteScriptRunner &operator=(const SqliteScriptRunner &) = delete;

    EngineOutcome run();
    void cancel();

    // Hive/Spark statements SQLite lacks (show tables, show databases, desc T, use db: empty),
    // rewritten into SQLite; returns the statement unchanged otherwise. `error` is set when
    // the statement is one of these but cannot be served (e.g. an unknown table).
    static QString rewrite(sqlite3 *db, const QString &statement, QString *error);

    // progressInfo: one item per statement up to this many statements, else one item for all.
    static constexpr int kItemPerStatementLimit = 100;
    static constexpr int kProgressIntervalMs = 100;
    static QJsonArray progressInfo(int done, int total, bool failed);
    static QString nulPosition(const QString &code);

private:
    bool openWorkspace(QString *error);
    void attachDatabases();
    // Runs one statement; returns false on error or cancel (outcome filled in).
    bool runStatement(const QString &sql, int index, int line, int *resultIndex,
                      EngineOutcome *outcome);
    bool writeResult(sqlite3_stmt *stmt, int first, int resultIndex, EngineOutcome *outcome);

    EngineContext m_ctx;
    ProgressFn m_progress;
    std::atomic<bool> m_cancelled {false};
    QMutex m_dbMutex; // guards m_db against sqlite3_interrupt from another thread
    sqlite3 *m_db = nullptr;
    sqlite3 **m_shared = nullptr;
};

} // namespace linkisdesk::gateway
