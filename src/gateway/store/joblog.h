// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <vector>

namespace linkisdesk::gateway {

// The log of one job: a file of `yyyy-MM-dd HH:mm:ss.SSS LEVEL message` lines plus an index of
// line offsets, so `fromLine` pages are read without scanning. The file is private (0600).
// Thread-safe: engines append from worker threads while HTTP reads.
class JobLog
{
public:
    enum class Level { Info, Warn, Error };

    enum class Mode { Create, ExistingOnly };
    // Opens (creating the file and its directory unless ExistingOnly) and indexes the lines
    // already in the file.
    explicit JobLog(const QString &path, Mode mode = Mode::Create);
    JobLog(const JobLog &) = delete;
    JobLog &operator=(const JobLog &) = delete;

    bool isOpen() const;
    // Empty while every line reached the file; else what went wrong first (e.g. "cannot write
    // the job log PATH: No space left on device") and how many lines were lost.
    QString writeError() const;
    QString path() const { return m_path; }

    void append(Level level, const QString &message);
    // Several lines of one level in one write (each entry may hold '\n': one line each).
    void appendLines(Level level, const QStringList &messages);

    struct Page
    {
        QString levels[4]; // error, warn, info, all: lines joined by '\n'
        int read = 0; // lines returned
    };
    // 1-based fromLine (0 counts as 1); at most `size` lines.
    Page read(int fromLine, int size) const;
    int lineCount() const;

    // Whole-file view for filesystem/openLog: each line ends with '\n'.
    static bool readAll(const QString &path, QString levels[4], QString *error);
    static QString formatLine(Level level, const QString &message);
    static int slotOf(const QByteArray &line); // 0 error, 1 warn, 2 info

private:
    QString m_path;
    mutable QMutex m_mutex;
    mutable QFile m_file;
    std::vector<qint64> m_offsets; // start of each line
    qint64 m_end = 0;
    QString m_writeError;
    qint64 m_lostLines = 0;
};

} // namespace linkisdesk::gateway
