// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/result.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

namespace linkisdesk {

// The jobs the app is tracking, kept on disk (`jobs.json` under AppPaths::dataDir()) so the
// app can reattach after a restart or a crash. A job is identified by (profile, taskId).
// Every change is saved atomically a moment later (changes are coalesced); flush() saves at
// once; the destructor saves what is pending.
class JobJournal : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobJournal)

public:
    struct Entry
    {
        QString profile;
        qint64 taskId = 0;
        QString execId;
        qint64 nextFromLine = 1; // the log position: the fromLine of the next log read
        QString codeFirstLine; // first non-empty line of the code, for lists
        QString engine; // e.g. "spark-3.2.1", for lists
        QDateTime submitted; // UTC
        QString status; // last known Linkis status ("Running", "Succeed", ...)

        bool operator==(const Entry &other) const = default;
    };

    explicit JobJournal(const QString &filePath = defaultPath(), QObject *parent = nullptr);
    ~JobJournal() override;

    static QString defaultPath();
    QString filePath() const { return m_path; }

    // Reads the file. Missing: empty journal. Corrupt: the file is moved aside to
    // "<file>.bad", the journal is empty, and the error (Kind::Parse) says so.
    Result<Unit> load();
    // Writes now if anything changed since the last save.
    Result<Unit> flush();
    bool hasPendingChanges() const { return m_dirty; }
    // Delay between a change and its save (default 200 ms; 0 saves on the next event loop turn).
    void setSaveDelay(int milliseconds) { m_timer.setInterval(milliseconds); }

    QList<Entry> entries() const { return m_entries; } // in the order they were added
    std::optional<Entry> entry(const QString &profile, qint64 taskId) const;
    bool isEmpty() const { return m_entries.isEmpty(); }

    // Adds the job, or replaces the entry with the same (profile, taskId).
    void upsert(const Entry &entry);
    // Each returns false when the job is not in the journal.
    bool setStatus(const QString &profile, qint64 taskId, const QString &status);
    bool setNextFromLine(const QString &profile, qint64 taskId, qint64 nextFromLine);
    bool setExecId(const QString &profile, qint64 taskId, const QString &execId);
    bool remove(const QString &profile, qint64 taskId);
    void clear();

    // The first line worth showing of a script, cut to `maxLength`: blank, comment and import
    // lines are skipped (the first non-blank line when there is nothing else).
    static QString firstLineOf(const QString &code, int maxLength = 120);

signals:
    void changed();
    void saveFailed(const linkisdesk::ApiError &error);

private:
    qsizetype indexOf(const QString &profile, qint64 taskId) const;
    void markChanged();

    QString m_path;
    QList<Entry> m_entries;
    QTimer m_timer;
    bool m_dirty = false;
};

} // namespace linkisdesk
