// SPDX-License-Identifier: GPL-3.0-or-later
#include "clioutput.h"

#include <unistd.h>

namespace linkisdesk {

namespace {
constexpr qsizetype flushThreshold = 256 * 1024;
constexpr int barWidth = 30;
} // namespace

CliOutput::CliOutput()
    : CliOutput(stdout, stderr, ::isatty(STDERR_FILENO) == 1)
{ }

CliOutput::CliOutput(std::FILE *out, std::FILE *err, bool errIsTerminal)
    : m_out(out)
    , m_err(err)
    , m_errIsTerminal(errIsTerminal)
{ }

CliOutput::~CliOutput()
{
    clearProgress();
    flush();
}

bool CliOutput::write(const QByteArray &bytes)
{
    m_outBuffer.append(bytes);
    if (m_outBuffer.size() >= flushThreshold)
        return flush();
    return true;
}

bool CliOutput::writeLine(const QString &line)
{
    return write(line.toUtf8() + '\n');
}

bool CliOutput::flush()
{
    if (!m_outBuffer.isEmpty()) {
        const size_t n = std::fwrite(m_outBuffer.constData(), 1, size_t(m_outBuffer.size()), m_out);
        const bool complete = n == size_t(m_outBuffer.size());
        m_outBuffer.clear();
        if (!complete)
            return false;
    }
    return std::fflush(m_out) == 0;
}

void CliOutput::error(const QString &message)
{
    flush();
    clearProgress();
    // One line, whatever the message carried.
    QString line = message;
    line.replace(u'\n', u' ');
    writeErr("linkis-desk-cli: " + line.toUtf8() + '\n');
}

void CliOutput::notice(const QString &message)
{
    clearProgress();
    writeErr("linkis-desk-cli: " + message.toUtf8() + '\n');
}

void CliOutput::logLines(const QStringList &lines)
{
    if (m_quiet || lines.isEmpty())
        return;
    clearProgress();
    QByteArray bytes;
    for (const QString &line : lines) {
        bytes.append(line.toUtf8());
        if (!line.endsWith(u'\n'))
            bytes.append('\n');
    }
    writeErr(bytes);
}

void CliOutput::progress(double fraction, const QString &status)
{
    if (m_quiet || !m_errIsTerminal)
        return;
    fraction = qBound(0.0, fraction, 1.0);
    const int filled = int(fraction * barWidth + 0.5);
    QByteArray bar = "\r[" + QByteArray(filled, '#') + QByteArray(barWidth - filled, ' ') + "] " +
        QByteArray::number(int(fraction * 100 + 0.5)).rightJustified(3, ' ') + "% " +
        status.toUtf8() + "\x1b[K";
    writeErr(bar);
    m_progressShown = true;
}

void CliOutput::clearProgress()
{
    if (!m_progressShown)
        return;
    m_progressShown = false;
    writeErr("\r\x1b[K");
}

void CliOutput::writeErr(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), m_err);
    std::fflush(m_err);
}

} // namespace linkisdesk
