// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engines/engine.h"

#include <QFutureWatcher>

#include <memory>

namespace linkisdesk::gateway {

class SqliteScriptRunner;

// Runs SQL on a worker thread (QtConcurrent) through SqliteScriptRunner.
class SqliteEngine : public Engine
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SqliteEngine)

public:
    explicit SqliteEngine(EngineContext context, QObject *parent = nullptr);
    ~SqliteEngine() override;

    void start() override;
    void cancel() override;
    bool waitForDone(int ms) override;

    // SQL jobs get their own pool: the global one has only as many threads as cores, and
    // --max-jobs may allow more jobs to run at once.
    static QThreadPool *pool();

private:
    std::shared_ptr<SqliteScriptRunner> m_runner;
    QFutureWatcher<EngineOutcome> m_watcher;
};

} // namespace linkisdesk::gateway
