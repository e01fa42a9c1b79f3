// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/apierror.h"
#include "api/requesthandle.h"
#include "cliarguments.h"

#include <QObject>

#include <functional>

namespace linkisdesk {

class CliOutput;
class CliSession;
class LinkisClient;
struct TaskInfo;

// One CLI command, run on the event loop: start() begins, done() ends it with the exit code.
class CommandRunner : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandRunner)
public:
    CommandRunner(const CliArguments &args, CliSession *session, CliOutput &output,
                  QObject *parent = nullptr);
    ~CommandRunner() override;

    virtual void start() = 0;
    // Ctrl+C (count: how many so far). The default ends at once with exit code 130.
    virtual void interrupt(int count);
    bool isDone() const { return m_done; }

signals:
    void done(int exitCode);

protected:
    // Ends the command (once): flushes stdout and emits done().
    void finish(int exitCode);
    // One error line on stderr, then finish() with the matching exit code.
    void fail(const ApiError &error);
    void fail(const QString &message, int exitCode);
    // Opens the session and looks up the task the arguments name (TASK); `next` runs with the
    // client and the task, or the command fails with the error. The look-up is held in
    // `request`, the command's own handle, so that cancelling it cancels the look-up.
    void withTask(RequestHandle &request,
                  std::function<void(LinkisClient *client, const TaskInfo &task)> next);

    const CliArguments &m_args;
    CliSession *m_session;
    CliOutput &m_out;

private:
    bool m_done = false;
};

} // namespace linkisdesk
