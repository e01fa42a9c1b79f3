// SPDX-License-Identifier: GPL-3.0-or-later
#include "logs/tracebackscanner.h"

#include "api/loglevel.h"

#include <QRegularExpression>

namespace linkisdesk {

namespace {

const QRegularExpression &frameRe()
{
    static const QRegularExpression re(QStringLiteral("^\\s*File \"([^\"]*)\", line (\\d+)"));
    return re;
}

// The file a script runs as: Python's pseudo-files for code given as text (not its own
// <frozen ...> modules) and the file the local gateway writes the code to.
bool isScriptFile(QStringView name)
{
    if (name.startsWith(u'<') && name.endsWith(u'>'))
        return !name.startsWith(u"<frozen");
    return name == u"script.py" || name.endsWith(u"/script.py");
}

// "ZeroDivisionError: division by zero", "KeyboardInterrupt", "mod.CustomError: x".
bool isExceptionLine(QStringView message)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][\\w.]*(:|$)"));
    return re.match(message).hasMatch();
}

} // namespace

int TracebackScanner::scriptLineOfFrame(QStringView message)
{
    const QRegularExpressionMatch m = frameRe().match(message);
    if (!m.hasMatch() || !isScriptFile(m.capturedView(1)))
        return 0;
    return m.capturedView(2).toInt();
}

QList<TracebackScanner::Hit> TracebackScanner::feed(const QStringList &lines)
{
    QList<Hit> hits;
    for (const QString &line : lines)
        feedLine(line, &hits);
    return hits;
}

QList<TracebackScanner::Hit> TracebackScanner::feed(const LogPage &page)
{
    QList<Hit> hits;
    for (qsizetype i = 0; i < page.size(); ++i) {
        const QByteArrayView line = page.lineUtf8(i);
        // Outside a traceback only a frame line ("File \"...\", line N") starts one.
        if (!m_inTraceback && !line.contains(QByteArrayView("File \"")))
            continue;
        feedLine(QString::fromUtf8(line), &hits);
    }
    return hits;
}

void TracebackScanner::feedLine(const QString &line, QList<Hit> *hits)
{
    const QStringView message = logMessageOf(line);
    if (frameRe().match(message).hasMatch()) {
        m_inTraceback = true;
        if (const int l = scriptLineOfFrame(message))
            m_line = l;
        return;
    }
    if (!m_inTraceback || message.trimmed().isEmpty() || message.front().isSpace())
        return; // the source line, a caret, an exception group's "|" lines
    if (message.startsWith(u"Traceback (most recent call last)"))
        return;
    if (isExceptionLine(message) && m_line > 0)
        hits->append(Hit {m_line, message.toString()});
    m_inTraceback = false;
    m_line = 0;
}

} // namespace linkisdesk
