// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/finishingchecklist.h"

#include "api/taskinfo.h"
#include "jobs/logcursor.h"

namespace linkisdesk {

FinishingChecklist::Step FinishingChecklist::next(const LogCursor &log, const TaskInfo &info,
                                                  bool resultSetsWanted) const
{
    if (!log.isLiveDone())
        return Step::LiveLog;
    if (!m_infoDone)
        return Step::Info;
    if (log.needsWholeLog() && !info.logPath.isEmpty())
        return Step::WholeLog;
    if (resultSetsWanted && !m_resultSetsDone && !info.resultLocation.isEmpty())
        return Step::ResultSets;
    return Step::Done;
}

} // namespace linkisdesk
