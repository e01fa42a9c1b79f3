// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace linkisdesk {

class LogCursor;
struct TaskInfo;

// What a tracker still has to fetch once its job has ended, in order: the rest of the live log,
// job history (errCode, errDesc, resultLocation, logPath), the whole log file when the live log
// was refused early, the result sets; then it is done. No I/O: the tracker fetches the step
// next() names and marks it done.
class FinishingChecklist
{
public:
    enum class Step { LiveLog, Info, WholeLog, ResultSets, Done };

    // resultSetsWanted: the tracker's option (the CLI's status command does not fetch them).
    Step next(const LogCursor &log, const TaskInfo &info, bool resultSetsWanted) const;

    // Job history is final (the job had ended when it answered) or could not be had.
    void setInfoDone() { m_infoDone = true; }
    bool isInfoDone() const { return m_infoDone; }
    // The result sets were listed (or could not be).
    void setResultSetsDone() { m_resultSetsDone = true; }

private:
    bool m_infoDone = false;
    bool m_resultSetsDone = false;
};

} // namespace linkisdesk
