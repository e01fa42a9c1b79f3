// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engines/enginecontext.h"
#include "store/resultsetwriter.h"

#include <QByteArray>
#include <QString>

namespace linkisdesk::gateway {

// What a python or shell job prints: stdout and stderr go to the job log line by line as they
// come (stdout as INFO, stderr as ERROR), and stdout is also the job's text result set
// (_0.dolphin), which is removed again when the job printed nothing (Linkis: no result set).
class ProcessOutput
{
public:
    enum Channel { Stdout = 0, Stderr = 1 };

    // Opens the result set of the job in `context`; false and `error` when it cannot.
    bool open(const EngineContext &context, QString *error);
    bool isOpen() const { return m_log != nullptr; }
    // Adds output of one channel; complete lines go out at once, a partial line waits for the
    // rest (or for flush()).
    void add(Channel channel, const QByteArray &data);
    // Sends what is left of a channel, a partial last line included.
    void flush(Channel channel);
    // The last line written to stderr (the reason a script failed, usually).
    QString lastError() const { return m_lastError; }
    // The first failure to keep output (a full disk); the job must not succeed then.
    QString outputError() const { return m_outputError; }
    // Closes the result set (removed when nothing was printed); false and `error` when the end
    // of it could not be written.
    bool close(QString *error);

private:
    void emitLines(Channel channel, const QByteArray &complete);

    std::shared_ptr<JobLog> m_log;
    QString m_resultDir;
    ResultSetWriter m_stdoutResult;
    QByteArray m_pending[2];
    QString m_lastError;
    QString m_outputError;
};

} // namespace linkisdesk::gateway
