// SPDX-License-Identifier: GPL-3.0-or-later
#include "engines/processoutput.h"

#include <QDir>
#include <QFile>
#include <QStringList>

namespace linkisdesk::gateway {

bool ProcessOutput::open(const EngineContext &context, QString *error)
{
    m_log = context.log;
    m_resultDir = context.resultDir;
    m_pending[0].clear();
    m_pending[1].clear();
    m_lastError.clear();
    m_outputError.clear();
    QDir().mkpath(m_resultDir);
    if (!m_stdoutResult.open(m_resultDir + QStringLiteral("/_0.dolphin"),
                             ResultSetWriter::Type::Text, {}, error)) {
        m_log.reset();
        return false;
    }
    return true;
}

void ProcessOutput::add(Channel channel, const QByteArray &data)
{
    QByteArray &buf = m_pending[channel];
    buf += data;
    const qsizetype lastNl = buf.lastIndexOf('\n');
    if (lastNl < 0)
        return;
    const QByteArray complete = buf.left(lastNl);
    buf.remove(0, lastNl + 1);
    emitLines(channel, complete);
}

void ProcessOutput::flush(Channel channel)
{
    QByteArray complete = m_pending[channel];
    m_pending[channel].clear();
    if (complete.isEmpty())
        return;
    if (complete.endsWith('\n'))
        complete.chop(1);
    emitLines(channel, complete);
}

void ProcessOutput::emitLines(Channel channel, const QByteArray &complete)
{
    if (!m_log)
        return;
    QStringList lines;
    for (const QByteArray &raw : complete.split('\n')) {
        QString line = QString::fromUtf8(raw);
        if (line.endsWith(u'\r'))
            line.chop(1);
        lines << line;
        if (channel == Stdout && m_stdoutResult.isOpen())
            m_stdoutResult.addTextLine(line);
    }
    if (channel == Stderr && !lines.isEmpty())
        m_lastError = lines.constLast();
    m_log->appendLines(channel == Stdout ? JobLog::Level::Info : JobLog::Level::Error, lines);
    if (m_outputError.isEmpty()) {
        m_outputError = m_stdoutResult.error();
        if (m_outputError.isEmpty())
            m_outputError = m_log->writeError();
    }
}

bool ProcessOutput::close(QString *error)
{
    if (!m_log)
        return true;
    const bool printed = m_stdoutResult.rowCount() > 0;
    const bool closed = m_stdoutResult.close(error);
    if (!printed) {
        // Nothing on stdout: no result set at all, as Linkis reports a job without results.
        const QString file = m_resultDir + QStringLiteral("/_0.dolphin");
        QFile::remove(file);
        QFile::remove(file + QStringLiteral(".idx"));
        QDir().rmdir(m_resultDir);
    }
    m_log.reset();
    return closed;
}

} // namespace linkisdesk::gateway
