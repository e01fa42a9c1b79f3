// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engines/enginecontext.h"
#include "engines/engineoutcome.h"

#include <QJsonArray>
#include <QObject>

namespace linkisdesk::gateway {

// One run of user code. Lives on the HTTP thread but never runs user code there: SQL goes to a
// worker thread, python and shell to child processes. Emits finished() exactly once.
class Engine : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Engine)

public:
    explicit Engine(EngineContext context, QObject *parent = nullptr)
        : QObject(parent)
        , m_ctx(std::move(context))
    { }

    virtual void start() = 0;
    // Asks the run to stop; finished() follows (Cancelled) shortly.
    virtual void cancel() = 0;
    // Blocks up to `ms` for the run to end (used only at shutdown).
    virtual bool waitForDone(int ms) = 0;

    const EngineContext &context() const { return m_ctx; }

signals:
    void progressChanged(double progress, const QJsonArray &progressInfo);
    void finished(const linkisdesk::gateway::EngineOutcome &outcome);

protected:
    EngineContext m_ctx;
};

} // namespace linkisdesk::gateway
