// SPDX-License-Identifier: GPL-3.0-or-later
#include "statuscommand.h"

#include "api/linkisclient.h"
#include "cliexit.h"
#include "clioutput.h"
#include "clisession.h"
#include "taskformat.h"

namespace linkisdesk {

StatusCommand::~StatusCommand()
{
    m_request.cancel();
}

void StatusCommand::start()
{
    withTask(m_request, [this](LinkisClient *c, const TaskInfo &task) {
        if (m_args.command == CliCommand::Progress)
            printProgress(c, task);
        else
            printStatus(task);
    });
}

void StatusCommand::printStatus(const TaskInfo &task)
{
    if (m_out.json())
        m_out.write(TaskFormat::jsonLine(TaskFormat::toJson(task)));
    else
        m_out.writeLine(TaskFormat::statusText(task));
    const bool failed = isTerminal(task.status) && task.status != JobStatus::Succeed;
    if (failed && !m_out.json() && (task.errCode || !task.errDesc.isEmpty())) {
        QString detail = tr("task %1").arg(task.taskId);
        if (task.errCode)
            detail += tr(": error %1").arg(*task.errCode);
        if (!task.errDesc.isEmpty())
            detail += (task.errCode ? QStringLiteral(" ") : QStringLiteral(": ")) + task.errDesc;
        m_out.notice(detail);
    }
    finish(failed ? ExitJobFailed : ExitOk);
}

void StatusCommand::printProgress(LinkisClient *client, const TaskInfo &task)
{
    auto print = [this, task](const ProgressInfo &progress) {
        if (m_out.json()) {
            QJsonObject o = TaskFormat::toJson(progress);
            o.insert(QStringLiteral("taskID"), task.taskId);
            o.insert(QStringLiteral("status"), TaskFormat::statusText(task));
            m_out.write(TaskFormat::jsonLine(o));
        } else {
            m_out.writeLine(TaskFormat::percent(progress.progress));
        }
        finish(ExitOk);
    };
    ProgressInfo fromHistory;
    fromHistory.progress = task.status == JobStatus::Succeed ? 1.0 : task.progress;
    if (isTerminal(task.status) || task.pathExecId().isEmpty()) {
        print(fromHistory);
        return;
    }
    m_request = client->progress(JobRef {task.taskId, task.pathExecId()}, this,
                                 [print, fromHistory](Result<ProgressInfo> live) {
                                     // A job that just left the entrance: history knows.
                                     print(live ? *live : fromHistory);
                                 });
}

} // namespace linkisdesk
