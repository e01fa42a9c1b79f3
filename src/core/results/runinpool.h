// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QPromise>
#include <QThreadPool>

#include <memory>

namespace linkisdesk {

// QtConcurrent::run without linking Qt Concurrent into the core: `work` runs on the global pool
// (or `pool`) and owns copies of everything it reads. Watch the future with a QFutureWatcher.
template<typename T, typename Work> QFuture<T> runInPool(Work work, QThreadPool *pool = nullptr)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    (pool ? pool : QThreadPool::globalInstance())->start([promise, work = std::move(work)] {
        promise->addResult(work());
        promise->finish();
    });
    return future;
}

} // namespace linkisdesk
