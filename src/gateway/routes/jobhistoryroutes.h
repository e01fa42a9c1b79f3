// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/router.h"

namespace linkisdesk::gateway {

class JobManager;
class JobStore;

// jobhistory/{taskID}/get, jobhistory/list, jobhistory/listundonetasks.
class JobHistoryRoutes
{
public:
    JobHistoryRoutes(JobManager &jobs, JobStore &store)
        : m_jobs(jobs)
        , m_store(store)
    { }
    void install(Router &router);

private:
    ApiReply get(ApiRequest &request);
    ApiReply list(ApiRequest &request, bool undoneOnly);

    JobManager &m_jobs;
    JobStore &m_store;
};

} // namespace linkisdesk::gateway
