// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/jobref.h"
#include "api/jobstatus.h"
#include "api/requesthandle.h"
#include "api/submitrequest.h"
#include "commandrunner.h"

class QTimer;

namespace linkisdesk {

class JobTracker;
class LinkisClient;
class ResultPrinter;

// submit: sends the code, then (unless --async) follows the job to its end, logs to stderr,
// results to stdout or --output, exit code from the final status. Ctrl+C kills the job.
class SubmitCommand : public CommandRunner
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubmitCommand)
public:
    using CommandRunner::CommandRunner;
    ~SubmitCommand() override;

    void start() override;
    void interrupt(int count) override;

    // sql for sqlite/hive/jdbc..., python for python, sh for shell; empty when unknown.
    static QString guessRunType(const QString &engineType);

private:
    Result<SubmitRequest> buildRequest(const QString &code);
    void submitAsync(LinkisClient *client, const SubmitRequest &request);
    // After an --async submit whose answer was lost: the job from job history, or exit 6.
    void findSubmitted(LinkisClient *client, const SubmitRequest &request, qint64 sentAtMs,
                       const ApiError &cause);
    void reportRecovered(qint64 taskId);
    void printTask(const JobRef &job);
    void follow(LinkisClient *client, const SubmitRequest &request);
    void onFinished(JobStatus status);
    void reportKilled();

    JobTracker *m_tracker = nullptr;
    ResultPrinter *m_printer = nullptr;
    QTimer *m_killTimer = nullptr;
    RequestHandle m_submit;
    bool m_interrupted = false;
    bool m_killSent = false;
    QString m_statusText;
};

} // namespace linkisdesk
