// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace linkisdesk {

// A page of a job log as it is kept: the lines as UTF-8, each followed by '\n', with the start
// of each line and the level each line states (logLevelOf, api/loglevel.h: 0 Info, 1 Warn,
// 2 Error, -1 none). What a log reply (entrance/{id}/log, filesystem/openLog) decodes to, off
// the UI thread; nothing is turned into QString until someone asks for a line.
//
// Lines never contain '\n'; a "\r\n" line end loses its '\r'. Copies are cheap (shared data).
class LogPage
{
public:
    LogPage() = default;

    // Splits UTF-8 text into lines the way a log reply's text is split: on '\n', one trailing
    // newline does not make an extra empty line, blank lines in the middle are kept.
    static LogPage fromUtf8(QByteArrayView text);
    // Whole lines (a line holding '\n' becomes several).
    static LogPage fromLines(const QStringList &lines);

    qsizetype size() const { return m_starts.size(); }
    bool isEmpty() const { return m_starts.isEmpty(); }
    QByteArrayView lineUtf8(qsizetype i) const;
    QString line(qsizetype i) const { return QString::fromUtf8(lineUtf8(i)); }
    int statedLevel(qsizetype i) const { return int(qint8(m_levels.at(i))); }
    QStringList lines() const;
    // The lines from `first` on (a copy of their bytes).
    LogPage mid(qsizetype first) const;

    // Every line, each followed by '\n'.
    const QByteArray &text() const { return m_text; }
    const QList<quint32> &starts() const { return m_starts; }

    // Appends one line (no '\n' in it) with its stated level (-1 to classify it here).
    void append(QByteArrayView line, int statedLevel = -2);
    // Building in place (the reply decoder): the caller wrote line bytes and '\n' into text().
    QByteArray &textForWriting() { return m_text; }
    void noteLine(quint32 start, int statedLevel)
    {
        m_starts.append(start);
        m_levels.append(char(statedLevel));
    }
    void reserve(qsizetype lines, qsizetype bytes);

    int nextFromLine = 0; // entrance log only: the fromLine to ask for next (0 for openLog)
    bool logWasNull = false; // the server answered "log": null (nothing to read right now)

private:
    QByteArray m_text;
    QList<quint32> m_starts;
    QByteArray m_levels; // qint8 each
};

} // namespace linkisdesk

Q_DECLARE_METATYPE(linkisdesk::LogPage)
