// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobscommand.h"

#include "api/linkisclient.h"
#include "cliexit.h"
#include "clioutput.h"
#include "clisession.h"
#include "taskformat.h"

namespace linkisdesk {

JobsCommand::~JobsCommand()
{
    m_request.cancel();
}

void JobsCommand::start()
{
    m_session->open(this, [this](Result<LinkisClient *> client) {
        if (!client) {
            fail(client.error());
            return;
        }
        TaskQuery query;
        query.statuses = m_args.statuses;
        query.pageNow = 1;
        query.pageSize = m_args.limit;
        if (m_args.since.isValid()) {
            query.startDate = m_args.since.startOfDay();
            query.endDate = QDateTime::currentDateTime();
        }
        m_request = (*client)->jobList(query, this, [this](Result<TaskPage> page) {
            if (!page) {
                fail(page.error());
                return;
            }
            if (!m_out.json())
                m_out.write(TaskFormat::listHeader());
            int printed = 0;
            for (const TaskInfo &task : page->tasks) {
                if (printed++ >= m_args.limit)
                    break;
                m_out.write(m_out.json() ? TaskFormat::jsonLine(TaskFormat::toJson(task))
                                         : TaskFormat::listLine(task));
            }
            finish(ExitOk);
        });
    });
}

} // namespace linkisdesk
