// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/logpage.h"
#include "api/result.h"

#include <QObject>

#include <functional>
#include <memory>

namespace linkisdesk {

// Decodes log replies (entrance/{id}/log pages, the openLog file) into LogPages on a worker
// thread, in order: one worker drains the queue, and the thread that owns the decoder gets
// every page that is ready in one wake-up, so a burst of pages costs one hop, not one each.
// Each `done` runs on the owner's thread, in submission order, only while its context lives.
class LogDecoder : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogDecoder)
public:
    enum class Kind : quint8 { Live, File }; // entrance/{id}/log or filesystem/openLog
    using Done = std::function<void(Result<LogPage>)>;

    explicit LogDecoder(QObject *parent = nullptr);
    ~LogDecoder() override; // waits for the page being decoded, drops the rest

    void decode(int httpStatus, const QByteArray &body, Kind kind, QObject *context, Done done);
    // Replies submitted whose `done` has not run yet.
    qsizetype pending() const;

private:
    struct State;
    void deliver();
    std::shared_ptr<State> m_state;
};

} // namespace linkisdesk
