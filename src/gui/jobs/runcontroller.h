// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/jobstatus.h"
#include "engines/enginemention.h"
#include "jobs/jobtracker.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace linkisdesk {

class AppSettings;
class ClientPool;
class JobJournal;
class JobRegistry;
class ProfileStore;
class RunPanel;
class ScriptTab;

// Runs a tab's code: picks what to run (selection, statement under the cursor, whole script),
// asks for missing ${variables}, submits through the tab's profile, and shows the job in the
// tab's RunPanel; kills with the confirmation policy; reattaches journalled jobs.
class RunController : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunController)
public:
    // Returns the values for the names, or nothing when the user cancelled.
    using VariablePromptFn = std::function<std::optional<QMap<QString, QString>>(
        const QStringList &names, ScriptTab *tab)>;
    // Returns true to kill; sets *dontAskAgain when the user ticked it.
    using KillPromptFn = std::function<bool(const QString &profile, bool production,
                                            const QString &what, bool *dontAskAgain)>;
    // Before killing an engine: true to go on. `question` says which and what is lost.
    using EngineKillPromptFn =
        std::function<bool(const QString &profile, bool production, const QString &question)>;
    // A submit's answer was lost and job history has no such job: true to submit again.
    using ResubmitPromptFn = std::function<bool(const QString &profile, const QString &message)>;

    RunController(ClientPool *clients, JobRegistry *registry, JobJournal *journal,
                  ProfileStore *profiles, AppSettings *settings, QObject *parent = nullptr);

    // Runs the selection or the statement under the cursor; or the whole script.
    void run(ScriptTab *tab, bool wholeScript);
    // Kills the tab's running job, asking first when the policy says so.
    void kill(ScriptTab *tab);
    // Kills any tracked job with the same policy (jobs dock). False when the user declined.
    bool killTracker(JobTracker *tracker);
    // Kills several jobs after one question that lists them all (asked when any of their
    // profiles asks before a kill; a production profile always does). False when declined.
    bool killTrackers(const QList<JobTracker *> &trackers);
    // Kills the engine that runs the tab's job (offered when a kill is not confirmed), asking
    // first as for a kill (a production profile always asks).
    void killEngine(ScriptTab *tab, const EngineMention &engine);
    // Kills the engines of the tab's profile, engine type and creator (asking first as for a
    // kill), so that the next run starts with a clean session; sessionReset() once the server
    // no longer lists them.
    void resetSession(ScriptTab *tab);
    // Follows a job again in a tab (after a restart).
    void reattach(ScriptTab *tab, const QString &profile, qint64 taskId, const QString &execId,
                  qint64 nextFromLine);

    RunPanel *panelFor(ScriptTab *tab);
    JobTracker *trackerFor(ScriptTab *tab) const;
    bool isProduction(const QString &profile) const;
    QString effectiveProfile(const ScriptTab *tab) const;

    void setVariablePrompt(VariablePromptFn fn) { m_variablePrompt = std::move(fn); }
    void setKillPrompt(KillPromptFn fn) { m_killPrompt = std::move(fn); }
    void setResubmitPrompt(ResubmitPromptFn fn) { m_resubmitPrompt = std::move(fn); }
    void setEngineKillPrompt(EngineKillPromptFn fn) { m_engineKillPrompt = std::move(fn); }
    // When "Kill its engine" is offered after a kill (JobTracker::Options::killSlowMs).
    void setKillSlowMs(int ms) { m_killSlowMs = ms; }
    void setDialogParent(QWidget *parent) { m_dialogParent = parent; }

Q_SIGNALS:
    void jobStarted(linkisdesk::ScriptTab *tab, linkisdesk::JobTracker *tracker);
    void jobFinished(linkisdesk::JobTracker *tracker, linkisdesk::JobStatus status,
                     qint64 elapsedMs);
    void message(const QString &text);
    // resetSession() is done: `killed` engines are gone (0: there was none), or it failed.
    void sessionReset(linkisdesk::ScriptTab *tab, int killed, bool ok);

private:
    void submitCode(ScriptTab *tab, const QString &code, int startOffset, int endOffset);
    void follow(ScriptTab *tab, JobTracker *tracker, const QString &code, int firstLine);
    // The engine type and version a run of the tab asks for, by the toolbar's rule.
    QPair<QString, QString> engineOf(const ScriptTab *tab) const;
    bool askEngineKill(const QString &profile, const QString &question);
    void waitUntilGone(ScriptTab *tab, LinkisClient *client, const QStringList &instances,
                       int attemptsLeft);

    ClientPool *m_clients;
    JobRegistry *m_registry;
    JobJournal *m_journal;
    ProfileStore *m_profiles;
    AppSettings *m_settings;
    QPointer<QWidget> m_dialogParent;
    VariablePromptFn m_variablePrompt;
    KillPromptFn m_killPrompt;
    ResubmitPromptFn m_resubmitPrompt;
    EngineKillPromptFn m_engineKillPrompt;
    int m_killSlowMs = 5000;
    QHash<ScriptTab *, QPointer<JobTracker>> m_trackers;
};

} // namespace linkisdesk
