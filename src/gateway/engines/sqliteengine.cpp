// SPDX-License-Identifier: GPL-3.0-or-later
#include "engines/sqliteengine.h"

#include "engines/sqlitescriptrunner.h"

#include <QDeadlineTimer>
#include <QPointer>
#include <QThread>
#include <QtConcurrent>

namespace linkisdesk::gateway {

QThreadPool *SqliteEngine::pool()
{
    static QThreadPool pool;
    pool.setMaxThreadCount(64);
    return &pool;
}

SqliteEngine::SqliteEngine(EngineContext context, QObject *parent)
    : Engine(std::move(context), parent)
{
    connect(&m_watcher, &QFutureWatcher<EngineOutcome>::finished, this,
            [this] { emit finished(m_watcher.result()); });
}

SqliteEngine::~SqliteEngine()
{
    if (m_runner) {
        m_runner->cancel();
        m_watcher.waitForFinished();
    }
}

void SqliteEngine::start()
{
    QPointer<SqliteEngine> self(this);
    // Progress comes from the worker thread: hop to this object's thread.
    auto progress = [self](double value, const QJsonArray &info) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, value, info] {
                if (self)
                    emit self->progressChanged(value, info);
            },
            Qt::QueuedConnection);
    };
    m_runner = std::make_shared<SqliteScriptRunner>(m_ctx, progress);
    auto runner = m_runner;
    m_watcher.setFuture(QtConcurrent::run(pool(), [runner] { return runner->run(); }));
}

void SqliteEngine::cancel()
{
    if (m_runner)
        m_runner->cancel();
}

bool SqliteEngine::waitForDone(int ms)
{
    QDeadlineTimer deadline(ms);
    while (!m_watcher.isFinished() && !deadline.hasExpired())
        QThread::msleep(5);
    return m_watcher.isFinished();
}

} // namespace linkisdesk::gateway
