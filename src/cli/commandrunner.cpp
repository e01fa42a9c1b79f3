// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandrunner.h"

#include "api/linkisclient.h"
#include "cliexit.h"
#include "clioutput.h"
#include "clisession.h"

namespace linkisdesk {

CommandRunner::CommandRunner(const CliArguments &args, CliSession *session, CliOutput &output,
                             QObject *parent)
    : QObject(parent)
    , m_args(args)
    , m_session(session)
    , m_out(output)
{ }

CommandRunner::~CommandRunner() = default;

void CommandRunner::interrupt(int count)
{
    Q_UNUSED(count);
    m_out.error(tr("interrupted"));
    finish(130);
}

void CommandRunner::finish(int exitCode)
{
    if (m_done)
        return;
    m_done = true;
    m_out.clearProgress();
    m_out.flush();
    emit done(exitCode);
}

void CommandRunner::fail(const ApiError &error)
{
    fail(error.message, exitCodeFor(error));
}

void CommandRunner::withTask(RequestHandle &request,
                             std::function<void(LinkisClient *, const TaskInfo &)> next)
{
    // Both callbacks run only while this command lives (it is their context), and `request`
    // is one of its members.
    m_session->open(this, [this, &request, next](Result<LinkisClient *> client) {
        if (!client) {
            fail(client.error());
            return;
        }
        LinkisClient *c = *client;
        request = c->jobInfo(m_args.taskId, this, [this, c, next](Result<TaskInfo> task) {
            if (!task) {
                fail(task.error());
                return;
            }
            next(c, *task);
        });
    });
}

void CommandRunner::fail(const QString &message, int exitCode)
{
    if (m_done)
        return;
    m_out.error(message);
    finish(exitCode);
}

} // namespace linkisdesk
