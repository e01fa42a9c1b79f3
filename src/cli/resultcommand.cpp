// SPDX-License-Identifier: GPL-3.0-or-later
#include "resultcommand.h"

#include "api/linkisclient.h"
#include "cliexit.h"
#include "clioutput.h"
#include "clisession.h"
#include "resultprinter.h"
#include "taskformat.h"

namespace linkisdesk {

ResultCommand::~ResultCommand()
{
    m_request.cancel();
}

void ResultCommand::start()
{
    withTask(m_request, [this](LinkisClient *c, const TaskInfo &task) {
        if (!isTerminal(task.status)) {
            fail(tr("task %1 is still %2: no results yet")
                     .arg(task.taskId)
                     .arg(TaskFormat::statusText(task)),
                 ExitJobFailed);
            return;
        }
        const int code = exitCodeForStatus(task.status);
        const qint64 taskId = task.taskId;
        m_request = c->resultSets(
            task.resultLocation, this, [this, c, code, taskId](Result<QList<ResultSetRef>> sets) {
                if (!sets) {
                    fail(sets.error());
                    return;
                }
                QList<ResultSetRef> chosen = *sets;
                if (m_args.resultSet >= 0) {
                    chosen.clear();
                    for (const ResultSetRef &set : *sets) {
                        if (set.index == m_args.resultSet)
                            chosen.append(set);
                    }
                    if (chosen.isEmpty()) {
                        fail(tr("task %1 has no result set %2 (it has %3)")
                                 .arg(taskId)
                                 .arg(m_args.resultSet)
                                 .arg(sets->size()),
                             ExitUsage);
                        return;
                    }
                }
                if (chosen.isEmpty() && code != ExitOk) {
                    fail(tr("task %1 has no results").arg(taskId), code);
                    return;
                }
                m_printer =
                    new ResultPrinter(c, m_out, m_args.format, m_args.outputDir, taskId, this);
                connect(m_printer, &ResultPrinter::finished, this, [this, code] { finish(code); });
                connect(m_printer, &ResultPrinter::failed, this,
                        [this](const ApiError &error) { fail(error); });
                m_printer->print(chosen);
            });
    });
}

} // namespace linkisdesk
