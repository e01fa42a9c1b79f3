// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/logdecoder.h"

#include "api/linkisparsers.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QPointer>
#include <QThreadPool>
#include <QWaitCondition>

#include <deque>
#include <optional>

namespace linkisdesk {

struct LogDecoder::State
{
    struct Job
    {
        int httpStatus = 0;
        QByteArray body;
        Kind kind = Kind::Live;
        QPointer<QObject> context;
        Done done;
        std::optional<Result<LogPage>> result;
    };

    QMutex mutex;
    QWaitCondition idle;
    std::deque<std::shared_ptr<Job>> jobs; // submission order; decoded ones first
    size_t decoded = 0; // jobs[0, decoded) have a result
    bool running = false; // a worker is draining
    bool deliveryPosted = false;
    LogDecoder *owner = nullptr; // null once the decoder is going away

    // The worker: decodes jobs in order until none is left.
    void drain()
    {
        QMutexLocker lock(&mutex);
        while (owner && decoded < jobs.size()) {
            const std::shared_ptr<Job> job = jobs[decoded];
            lock.unlock();
            Result<LogPage> page = job->kind == Kind::Live
                ? parsers::parseLogPage(job->httpStatus, job->body)
                : parsers::parseOpenLogPage(job->httpStatus, job->body);
            lock.relock();
            job->body = QByteArray(); // the reply's bytes go as soon as they are decoded
            job->result = std::move(page);
            ++decoded;
            if (owner && !deliveryPosted) {
                deliveryPosted = true;
                QMetaObject::invokeMethod(owner, &LogDecoder::deliver, Qt::QueuedConnection);
            }
        }
        running = false;
        idle.wakeAll();
    }
};

LogDecoder::LogDecoder(QObject *parent)
    : QObject(parent)
    , m_state(std::make_shared<State>())
{
    m_state->owner = this;
}

LogDecoder::~LogDecoder()
{
    QMutexLocker lock(&m_state->mutex);
    m_state->owner = nullptr;
    while (m_state->running)
        m_state->idle.wait(&m_state->mutex);
    m_state->jobs.clear();
}

void LogDecoder::decode(int httpStatus, const QByteArray &body, Kind kind, QObject *context,
                        Done done)
{
    auto job = std::make_shared<State::Job>();
    job->httpStatus = httpStatus;
    job->body = body;
    job->kind = kind;
    job->context = context;
    job->done = std::move(done);
    QMutexLocker lock(&m_state->mutex);
    m_state->jobs.push_back(std::move(job));
    if (!m_state->running) {
        m_state->running = true;
        QThreadPool::globalInstance()->start([state = m_state] { state->drain(); });
    }
}

qsizetype LogDecoder::pending() const
{
    QMutexLocker lock(&m_state->mutex);
    return qsizetype(m_state->jobs.size());
}

void LogDecoder::deliver()
{
    // Hands over what is decoded, for one frame at most; the rest in the next event-loop turn,
    // so that a burst of pages never blocks the loop.
    constexpr qint64 kFrameBudgetNs = 8'000'000;
    QElapsedTimer clock;
    clock.start();
    QPointer<LogDecoder> self(this);
    for (;;) {
        std::shared_ptr<State::Job> job;
        {
            QMutexLocker lock(&m_state->mutex);
            if (m_state->decoded == 0) {
                m_state->deliveryPosted = false;
                return;
            }
            if (clock.nsecsElapsed() > kFrameBudgetNs) {
                QMetaObject::invokeMethod(this, &LogDecoder::deliver, Qt::QueuedConnection);
                return;
            }
            job = std::move(m_state->jobs.front());
            m_state->jobs.pop_front();
            --m_state->decoded;
        }
        if (job->context)
            job->done(std::move(*job->result));
        if (!self)
            return;
    }
}

} // namespace linkisdesk
