// SPDX-License-Identifier: GPL-3.0-or-later
#include "killcommand.h"

#include "api/linkisclient.h"
#include "cliexit.h"
#include "clioutput.h"
#include "clisession.h"
#include "jobs/jobtracker.h"
#include "taskformat.h"

namespace linkisdesk {

KillCommand::~KillCommand()
{
    m_request.cancel();
}

void KillCommand::start()
{
    withTask(m_request, [this](LinkisClient *c, const TaskInfo &task) {
        if (isTerminal(task.status)) {
            m_out.writeLine(TaskFormat::statusText(task));
            m_out.notice(tr("task %1 had already ended (%2); nothing to kill")
                             .arg(task.taskId)
                             .arg(TaskFormat::statusText(task)));
            finish(task.status == JobStatus::Cancelled ? ExitOk : ExitJobFailed);
            return;
        }
        const JobRef job {task.taskId, task.pathExecId()};
        if (m_args.noWait) {
            m_request = c->kill(job, this, [this](Result<Unit> r) {
                if (!r) {
                    fail(r.error());
                    return;
                }
                if (!m_out.quiet())
                    m_out.notice(tr("kill sent for task %1").arg(m_args.taskId));
                finish(ExitOk);
            });
            return;
        }
        JobTracker::Options options;
        options.firstIntervalMs = 5;
        options.maxIntervalMs = 1000;
        options.killResendMs = 3000;
        options.killGiveUpMs = 20000;
        options.fetchResultSets = false;
        m_tracker = new JobTracker(c, m_session->profile().name, options, this);
        connect(m_tracker, &JobTracker::killConfirmed, this, [this] {
            m_out.writeLine(jobStatusName(JobStatus::Cancelled));
            finish(ExitOk);
        });
        connect(m_tracker, &JobTracker::killNotConfirmed, this, [this](int seconds) {
            fail(tr("task %1: kill not confirmed after %2 s").arg(m_args.taskId).arg(seconds),
                 ExitServer);
        });
        connect(m_tracker, &JobTracker::finished, this, [this](JobStatus status) {
            if (isDone())
                return;
            m_out.writeLine(jobStatusName(status));
            if (status == JobStatus::Cancelled) {
                finish(ExitOk);
            } else {
                fail(tr("task %1 ended %2 before the kill took effect")
                         .arg(m_args.taskId)
                         .arg(jobStatusName(status)),
                     ExitJobFailed);
            }
        });
        connect(m_tracker, &JobTracker::failed, this,
                [this](const ApiError &error) { fail(error); });
        m_tracker->attach(job);
        m_tracker->kill();
    });
}

} // namespace linkisdesk
