// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/router.h"

namespace linkisdesk::gateway {

class JobManager;

// entrance/execute, submit, {execID}/status|log|progress|progressWithResource|kill|killJobs|pause.
class EntranceRoutes
{
public:
    explicit EntranceRoutes(JobManager &jobs)
        : m_jobs(jobs)
    { }
    void install(Router &router);

private:
    ApiReply submit(ApiRequest &request);
    ApiReply status(ApiRequest &request);
    ApiReply log(ApiRequest &request);
    ApiReply progress(ApiRequest &request, bool withResource);
    ApiReply kill(ApiRequest &request);
    ApiReply killJobs(ApiRequest &request);
    // The job named by the path (or by ?taskID= when the path does not resolve) that the caller
    // may see; 0 with `refusal` set otherwise.
    qint64 jobOf(ApiRequest &request, const QString &notFound, ApiReply *refusal);

    JobManager &m_jobs;
};

} // namespace linkisdesk::gateway
