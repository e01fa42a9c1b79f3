// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/jobstatus.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace linkisdesk {

// The lists of Linkis states and the strict reading of their names, beside jobStatusName() and
// parseJobStatus() in api/jobstatus.h (one implementation file for both): the gateway, the CLI,
// the status batcher and the GUI spell no status name themselves.

// Strict reading of a status name a person or a client typed (a CLI option, a query parameter):
// one of the Linkis names in any case ("failed" -> Failed), nothing else (not "success", not
// "Unknown"). parseJobStatus is the lenient reading for server replies.
std::optional<JobStatus> jobStatusFromName(const QString &text);
// Every Linkis state, in the scheduler's order (Inited ... Timeout), without Unknown.
const QList<JobStatus> &allJobStatuses();
// The states that are not an end: Inited, WaitForRetry, Scheduled, Running. Linkis' default
// for listundonetasks leaves out WaitForRetry, which is not an end either.
const QList<JobStatus> &undoneJobStatuses();
// The Linkis names of a list of states.
QStringList jobStatusNames(const QList<JobStatus> &statuses);

} // namespace linkisdesk
