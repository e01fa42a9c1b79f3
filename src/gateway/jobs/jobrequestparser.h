// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/jobrequest.h"

#include "api/result.h"

#include <QByteArray>

namespace linkisdesk::gateway {

// Turns an execute/submit body into a JobRequest, with messages a person understands for every
// way it can be wrong. Like Linkis, any body with `executionContent` is read as the 1.x format.
class JobRequestParser
{
public:
    static Result<JobRequest> parse(const QByteArray &body, const QString &user);

    // The engine a (engineType, runType) pair runs on, or an error naming what is supported.
    static Result<JobRequest::Kind> engineFor(const QString &engineType, const QString &runType);
    static QString defaultVersion(const QString &engineType);
};

} // namespace linkisdesk::gateway
