// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/logpage.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace linkisdesk {

// Reads a job's log as it arrives and finds the Python tracebacks in it: for each, the line of
// the submitted script where it happened (the innermost frame in the script; frames in library
// files are skipped) and the exception it ended with ("ZeroDivisionError: division by zero").
// Works on Linkis lines ("yyyy-MM-dd HH:mm:ss.SSS ERROR   File ...") and on bare output alike.
class TracebackScanner
{
public:
    struct Hit
    {
        int line = 0; // 1-based, in the submitted code
        QString message; // the exception line
    };

    // Feeds log lines in order; returns the tracebacks that ended in them.
    QList<Hit> feed(const QStringList &lines);
    // The same on a decoded page: only the lines that can be part of a traceback are decoded.
    QList<Hit> feed(const LogPage &page);

    // The script line a traceback frame points at: `File "<script>", line 7` (also <stdin>,
    // <string>, and the gateway's script.py), or 0 for any other line or file.
    static int scriptLineOfFrame(QStringView message);

private:
    void feedLine(const QString &line, QList<Hit> *hits);

    bool m_inTraceback = false;
    int m_line = 0;
};

} // namespace linkisdesk
