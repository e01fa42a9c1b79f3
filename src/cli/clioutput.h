// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdio>

namespace linkisdesk {

// Where the CLI talks: results and answers on stdout, logs, progress and errors on stderr.
// Writes block, so a slow reader of a pipe slows the result stream instead of growing memory.
class CliOutput
{
public:
    CliOutput();
    explicit CliOutput(std::FILE *out, std::FILE *err, bool errIsTerminal);
    ~CliOutput();
    Q_DISABLE_COPY_MOVE(CliOutput)

    void setQuiet(bool quiet) { m_quiet = quiet; }
    bool quiet() const { return m_quiet; }
    void setJson(bool json) { m_json = json; }
    bool json() const { return m_json; }
    bool errIsTerminal() const { return m_errIsTerminal; }

    // stdout. Returns false when the reader went away (EPIPE) or the write failed.
    bool write(const QByteArray &bytes);
    bool writeLine(const QString &line);
    bool flush();

    // One line on stderr, prefixed with the program name: every error goes through here.
    void error(const QString &message);
    // A notice on stderr (not suppressed by --quiet: it explains a decision).
    void notice(const QString &message);
    // Job log lines on stderr, unless --quiet.
    void logLines(const QStringList &lines);
    // A one-line progress bar on stderr, only on a terminal and without --quiet.
    void progress(double fraction, const QString &status);
    void clearProgress();

private:
    void writeErr(const QByteArray &bytes);

    std::FILE *m_out;
    std::FILE *m_err;
    bool m_errIsTerminal;
    bool m_quiet = false;
    bool m_json = false;
    bool m_progressShown = false;
    QByteArray m_outBuffer;
};

} // namespace linkisdesk
