// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QPointer>

class QTimer;

namespace linkisdesk {

class EditorTabs;
class JobJournal;
class RunController;
class ScriptTab;

// Autosave of every tab, saved or not (text, file, language, profile, engine, runType,
// parameters, cursor, the job it shows) to <data dir>/session.json every few seconds, written
// atomically; restore() brings the tabs back after a normal quit, a crash or kill -9, and
// reattaches the jobs the journal still lists as running.
class SessionStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionStore)
public:
    SessionStore(EditorTabs *tabs, RunController *runs, JobJournal *journal,
                 const QString &filePath, QObject *parent = nullptr);

    static QString defaultPath();
    QString filePath() const { return m_path; }
    void setInterval(int ms);
    void start();
    bool saveNow();
    // Number of tabs restored.
    int restore();

    static QJsonObject tabToJson(const ScriptTab *tab);

private:
    EditorTabs *m_tabs;
    QPointer<RunController> m_runs;
    JobJournal *m_journal;
    QString m_path;
    QTimer *m_timer;
    QByteArray m_lastWritten;
};

} // namespace linkisdesk
