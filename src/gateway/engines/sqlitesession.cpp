// SPDX-License-Identifier: GPL-3.0-or-later
#include "engines/sqlitesession.h"

#include "engines/sqliteengine.h"
#include "engines/sqlitescriptrunner.h"

#include <QDeadlineTimer>
#include <QPointer>
#include <QThread>
#include <QtConcurrent>

#include <sqlite3.h>

namespace linkisdesk::gateway {

SqliteSession::SqliteSession(Identity identity, QObject *parent)
    : ReusableEngine(std::move(identity), parent)
{
    connect(&m_watcher, &QFutureWatcher<EngineOutcome>::finished, this, &SqliteSession::onJobDone);
}

SqliteSession::~SqliteSession()
{
    if (m_runner) {
        m_runner->cancel();
        m_watcher.waitForFinished();
    }
    close();
}

void SqliteSession::start()
{
    setVersion(QString::fromLatin1(sqlite3_libversion()));
    // The connection opens with the first job, on its thread (it may create the workspace).
    setStatus(Status::Idle);
}

void SqliteSession::run(const EngineContext &context)
{
    jobStarted(context.taskId);
    m_jobLog = context.log;
    QPointer<SqliteSession> self(this);
    auto progress = [self](double value, const QJsonArray &info) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, value, info] {
                if (self)
                    emit self->progressChanged(value, info);
            },
            Qt::QueuedConnection);
    };
    m_runner = std::make_shared<SqliteScriptRunner>(context, progress);
    m_runner->useSharedConnection(&m_db);
    auto runner = m_runner;
    m_watcher.setFuture(
        QtConcurrent::run(SqliteEngine::pool(), [runner] { return runner->run(); }));
}

void SqliteSession::onJobDone()
{
    const EngineOutcome outcome = m_watcher.result();
    m_runner.reset();
    if (m_db) {
        int current = 0;
        int highest = 0;
        if (sqlite3_db_status(m_db, SQLITE_DBSTATUS_CACHE_USED, &current, &highest, 0) == SQLITE_OK)
            m_memory = current;
    }
    const auto log = std::move(m_jobLog);
    if (m_terminating) {
        close();
        log->append(JobLog::Level::Warn,
                    QStringLiteral("The SQL engine %1 was ended; its session state (TEMP tables, "
                                   "attached databases) is gone.")
                        .arg(instance()));
        jobLost(outcome);
        setStatus(Status::Ended);
        emit ended();
        return;
    }
    jobEnded(outcome);
}

void SqliteSession::interrupt()
{
    if (m_runner)
        m_runner->cancel();
}

void SqliteSession::terminate()
{
    if (m_terminating || status() == Status::Ended)
        return;
    m_terminating = true;
    setStatus(Status::ShuttingDown);
    if (m_runner) {
        m_runner->cancel(); // ends when the statement stops (onJobDone)
        return;
    }
    QMetaObject::invokeMethod(
        this,
        [this] {
            close();
            setStatus(Status::Ended);
            emit ended();
        },
        Qt::QueuedConnection);
}

bool SqliteSession::waitForEnded(int ms)
{
    terminate();
    QDeadlineTimer deadline(ms);
    while (m_runner && !m_watcher.isFinished() && !deadline.hasExpired())
        QThread::msleep(5);
    return !m_runner || m_watcher.isFinished();
}

void SqliteSession::close()
{
    if (m_db) {
        sqlite3_close(m_db);
        m_db = nullptr;
    }
    m_memory = 0;
}

} // namespace linkisdesk::gateway
