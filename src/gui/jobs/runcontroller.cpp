// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/runcontroller.h"

#include "api/linkisclient.h"
#include "editor/scripteditor.h"
#include "editor/scripttab.h"
#include "editor/variableprompt.h"
#include "engines/engineclient.h"
#include "jobs/jobjournal.h"
#include "jobs/jobregistry.h"
#include "jobs/jobtracker.h"
#include "jobs/killconfirmdialog.h"
#include "jobs/runpanel.h"
#include "logs/errorline.h"
#include "logs/tracebackscanner.h"
#include "profiles/clientpool.h"
#include "profiles/enginecatalog.h"
#include "profiles/profilestore.h"
#include "script/statementsplitter.h"
#include "script/variablesubstitution.h"
#include "settings/appsettings.h"
#include "settings/settingkeys.h"

#include <QDate>
#include <QDateTime>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

namespace linkisdesk {

namespace {
QVariantMap toVariantMap(const QMap<QString, QString> &map)
{
    QVariantMap out;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

QString firstLine(const QString &code)
{
    return JobJournal::firstLineOf(code, 80);
}
} // namespace

RunController::RunController(ClientPool *clients, JobRegistry *registry, JobJournal *journal,
                             ProfileStore *profiles, AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_clients(clients)
    , m_registry(registry)
    , m_journal(journal)
    , m_profiles(profiles)
    , m_settings(settings)
{
    m_variablePrompt = [this](const QStringList &names,
                              ScriptTab *) -> std::optional<QMap<QString, QString>> {
        VariablePrompt prompt(names, m_dialogParent);
        if (prompt.exec() != QDialog::Accepted)
            return std::nullopt;
        return prompt.values();
    };
    m_killPrompt = [this](const QString &profile, bool production, const QString &what,
                          bool *dontAsk) {
        KillConfirmDialog dialog(profile, production, what, m_dialogParent);
        const bool ok = dialog.exec() == QDialog::Accepted;
        *dontAsk = ok && dialog.dontAskAgain();
        return ok;
    };
    m_engineKillPrompt = [this](const QString &, bool, const QString &question) {
        return QMessageBox::question(m_dialogParent, tr("Kill engine"), question) ==
            QMessageBox::Yes;
    };
    m_resubmitPrompt = [this](const QString &profile, const QString &message) {
        QMessageBox box(QMessageBox::Question, tr("Submit again?"), message, QMessageBox::NoButton,
                        m_dialogParent);
        box.setInformativeText(
            tr("The job was not sent a second time on its own. Submit it again to %1?")
                .arg(profile));
        QPushButton *again = box.addButton(tr("Submit again"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        return box.clickedButton() == again;
    };
}

QString RunController::effectiveProfile(const ScriptTab *tab) const
{
    if (!tab->profileName().isEmpty() && m_profiles->contains(tab->profileName()))
        return tab->profileName();
    return m_profiles->defaultProfileName();
}

bool RunController::isProduction(const QString &profile) const
{
    const std::optional<Profile> p = m_profiles->profile(profile);
    return p && p->production;
}

RunPanel *RunController::panelFor(ScriptTab *tab)
{
    auto *panel = qobject_cast<RunPanel *>(tab->runPanel());
    if (!panel) {
        panel = new RunPanel;
        tab->setRunPanel(panel);
        panel->setResultCharts(tab->resultCharts());
        connect(panel, &RunPanel::killRequested, this, [this, tab] { kill(tab); });
        connect(panel, &RunPanel::killEngineRequested, this,
                [this, tab](const EngineMention &engine) { killEngine(tab, engine); });
    }
    return panel;
}

JobTracker *RunController::trackerFor(ScriptTab *tab) const
{
    return m_trackers.value(tab);
}

QPair<QString, QString> RunController::engineOf(const ScriptTab *tab) const
{
    // The engine the toolbar shows; a tab that was never shown (restored in the background,
    // switched by --profile) gets it here by the same rule.
    const std::optional<Profile> p = m_profiles->profile(effectiveProfile(tab));
    return EngineCatalog::split(
        EngineCatalog::resolve(p.value_or(Profile::local()), tab->engine(),
                               ScriptLanguages::suggestedEngines(tab->language())));
}

void RunController::run(ScriptTab *tab, bool wholeScript)
{
    ScriptEditor *editor = tab->editor();
    // A completion list left open would sit over the editor while the job runs.
    if (editor->isListActive())
        editor->cancelList();
    const QString text = editor->text();
    int start = 0, end = int(text.size());
    const bool sql =
        tab->language() == ScriptLanguage::Sql || tab->language() == ScriptLanguage::HiveQl;
    if (!wholeScript) {
        if (editor->selectionOffsets(&start, &end)) {
            // the selection as it is
        } else if (sql) {
            StatementSplitter::Options options;
            options.backslashEscapes = tab->language() == ScriptLanguage::HiveQl;
            const QList<SqlStatement> statements = StatementSplitter::split(text, options);
            const int index = StatementSplitter::indexAt(statements, editor->cursorOffset());
            if (index < 0) {
                Q_EMIT message(tr("Nothing to run."));
                return;
            }
            start = statements.at(index).startOffset;
            end = statements.at(index).endOffset;
        }
    }
    const QString code = text.mid(start, end - start);
    if (code.trimmed().isEmpty()) {
        Q_EMIT message(tr("Nothing to run."));
        return;
    }
    editor->flashOffsets(start, end);
    submitCode(tab, code, start, end);
}

void RunController::submitCode(ScriptTab *tab, const QString &code, int startOffset, int endOffset)
{
    ScriptParams params = tab->params();
    const Result<VariableSubstitution::Outcome> outcome =
        VariableSubstitution::apply(code, params.variables, QDate::currentDate());
    if (!outcome) {
        panelFor(tab)->begin(effectiveProfile(tab), isProduction(effectiveProfile(tab)),
                             firstLine(code));
        panelFor(tab)->showError(tr("Variables"), outcome.error().message);
        return;
    }
    if (!outcome->unresolved.isEmpty()) {
        const std::optional<QMap<QString, QString>> values =
            m_variablePrompt ? m_variablePrompt(outcome->unresolved, tab) : std::nullopt;
        if (!values)
            return;
        for (auto it = values->cbegin(); it != values->cend(); ++it)
            params.variables.insert(it.key(), it.value());
        tab->setParams(params);
    }

    const QString profile = effectiveProfile(tab);
    const bool production = isProduction(profile);
    ScriptEditor *editor = tab->editor();
    editor->clearErrors();
    const int firstLineNumber = editor->lineOfOffset(startOffset);
    RunPanel *panel = panelFor(tab);
    if (JobTracker *previous = m_trackers.value(tab)) {
        if (isTerminal(previous->status()) || previous->state() == JobTracker::State::Failed)
            m_registry->remove(previous);
    }
    panel->begin(profile, production, firstLine(code));

    SubmitRequest request;
    request.code = code;
    request.runType = tab->runType();
    const std::optional<Profile> p = m_profiles->profile(profile);
    const auto [engineType, engineVersion] = engineOf(tab);
    request.engineType = engineType;
    request.engineVersion = engineVersion;
    if (p && !p->creator.isEmpty())
        request.creator = p->creator;
    request.variables = toVariantMap(params.variables);
    request.startup = toVariantMap(params.startup);
    request.runtime = toVariantMap(params.runtime);
    request.special = toVariantMap(params.special);
    request.scriptPath = tab->filePath();
    panel->setEngineType(request.engineLabel());

    QPointer<ScriptTab> guard(tab);
    m_clients->acquire(
        profile, panel,
        [this, guard, request, profile, firstLineNumber, startOffset,
         endOffset](Result<LinkisClient *> c) {
            if (!guard)
                return;
            RunPanel *panel = panelFor(guard);
            if (!c) {
                panel->showError(tr("Cannot connect to %1").arg(profile), c.error().message);
                return;
            }
            JobTracker::Options options;
            options.firstIntervalMs = m_settings->value(SettingKeys::PollFirstMs);
            options.maxIntervalMs = m_settings->value(SettingKeys::PollMaxMs);
            options.withResources = true; // the run panel shows them
            options.killSlowMs = m_killSlowMs;
            JobTracker *tracker = m_registry->create(*c, profile, options);
            follow(guard, tracker, request.code, firstLineNumber);
            const QString engine = request.engineLabel();
            connect(tracker, &JobTracker::submitted, this,
                    [this, profile, request, engine](const JobRef &job) {
                        JobJournal::Entry entry;
                        entry.profile = profile;
                        entry.taskId = job.taskId;
                        entry.execId = job.execId;
                        entry.codeFirstLine = JobJournal::firstLineOf(request.code);
                        entry.engine = engine;
                        entry.submitted = QDateTime::currentDateTimeUtc();
                        entry.status = jobStatusName(JobStatus::Inited);
                        m_journal->upsert(entry);
                    });
            connect(tracker, &JobTracker::submitRecovered, this, [this](const JobRef &job) {
                Q_EMIT message(tr("The connection dropped before the server answered; job "
                                  "history has the job as task %1, followed here (it was not "
                                  "submitted again).")
                                   .arg(job.taskId));
            });
            connect(tracker, &JobTracker::failed, this,
                    [this, guard, profile, code = request.code, startOffset,
                     endOffset](const ApiError &error) {
                        // The submit's outcome is unknown and job history has no such job:
                        // only the user decides to run it again.
                        if (!error.outcomeUnknown || !guard || !m_resubmitPrompt)
                            return;
                        if (m_resubmitPrompt(profile, error.message))
                            submitCode(guard, code, startOffset, endOffset);
                    });
            tracker->submit(request);
        });
}

void RunController::follow(ScriptTab *tab, JobTracker *tracker, const QString &code, int firstLine)
{
    RunPanel *panel = panelFor(tab);
    m_trackers.insert(tab, tracker);
    panel->attach(tracker);
    QPointer<ScriptTab> guard(tab);
    const QString profile = tracker->profileName();
    // An error's line counts lines of the code sent; the marker and its note use the editor's.
    connect(panel, &RunPanel::errorLine, tracker,
            [guard, firstLine](int line, const QString &message) {
                if (!guard)
                    return;
                const int editorLine = firstLine + line - 1;
                guard->editor()->markError(editorLine, ErrorLine::renumbered(message, editorLine));
            });
    auto tracebacks = std::make_shared<TracebackScanner>();
    connect(tracker, &JobTracker::logPage, this,
            [this, guard, tracker, firstLine, tracebacks](const LogPage &page) {
                for (const TracebackScanner::Hit &hit : tracebacks->feed(page)) {
                    if (guard && m_trackers.value(guard) == tracker)
                        guard->editor()->markError(firstLine + hit.line - 1, hit.message);
                }
            });
    connect(tracker, &JobTracker::statusChanged, this, [this, tracker](JobStatus status) {
        if (tracker->taskId() > 0)
            m_journal->setStatus(tracker->profileName(), tracker->taskId(), jobStatusName(status));
    });
    connect(tracker, &JobTracker::logPage, this, [this, tracker] {
        if (tracker->taskId() > 0)
            m_journal->setNextFromLine(tracker->profileName(), tracker->taskId(),
                                       tracker->nextLogLine());
    });
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    connect(tracker, &JobTracker::finished, this, [this, tracker, clock](JobStatus status) {
        m_journal->remove(tracker->profileName(), tracker->taskId());
        Q_EMIT jobFinished(tracker, status, clock->elapsed());
    });
    Q_UNUSED(code)
    Q_UNUSED(profile)
    Q_EMIT jobStarted(tab, tracker);
}

void RunController::reattach(ScriptTab *tab, const QString &profile, qint64 taskId,
                             const QString &execId, qint64 nextFromLine)
{
    RunPanel *panel = panelFor(tab);
    panel->begin(profile, isProduction(profile), tr("task %1 (reattached)").arg(taskId));
    QPointer<ScriptTab> guard(tab);
    m_clients->acquire(
        profile, panel,
        [this, guard, profile, taskId, execId, nextFromLine](Result<LinkisClient *> c) {
            if (!guard)
                return;
            if (!c) {
                panelFor(guard)->showError(tr("Cannot connect to %1").arg(profile),
                                           c.error().message);
                return;
            }
            JobRef job;
            job.taskId = taskId;
            job.execId = execId;
            JobTracker *tracker =
                m_registry->attach(*c, profile, job, int(qMax<qint64>(0, nextFromLine - 1)));
            follow(guard, tracker, QString(), 1);
        });
}

void RunController::kill(ScriptTab *tab)
{
    JobTracker *tracker = m_trackers.value(tab);
    if (!tracker || isTerminal(tracker->status()) ||
        tracker->state() == JobTracker::State::Failed ||
        tracker->state() == JobTracker::State::Stopped) {
        Q_EMIT message(tr("No running job in this tab."));
        return;
    }
    killTracker(tracker);
}

bool RunController::askEngineKill(const QString &profile, const QString &question)
{
    const bool production = isProduction(profile);
    if (!m_settings->askBeforeKill(profile, production))
        return true;
    return m_engineKillPrompt && m_engineKillPrompt(profile, production, question);
}

void RunController::killEngine(ScriptTab *tab, const EngineMention &engine)
{
    JobTracker *tracker = m_trackers.value(tab);
    RunPanel *panel = panelFor(tab);
    LinkisClient *client = tracker ? tracker->client() : nullptr;
    if (!client)
        return;
    const QString profile = tracker->profileName();
    if (!askEngineKill(profile,
                       tr("Kill the engine %1 on %2? The job running in it is "
                          "cancelled and its session state (variables, TEMP tables) is "
                          "lost.")
                           .arg(engine.instance, profile)))
        return;
    EngineInfo info;
    info.instance = engine.instance;
    info.applicationName = engine.applicationName;
    auto *engines = new EngineClient(client, panel);
    engines->kill(info, panel, [panel, engines, instance = engine.instance](Result<bool> r) {
        engines->deleteLater();
        panel->showEngineKill(r.ok(), r ? instance : r.error().message);
    });
}

void RunController::resetSession(ScriptTab *tab)
{
    const QString profile = effectiveProfile(tab);
    const std::optional<Profile> p = m_profiles->profile(profile);
    const QString engineType = engineOf(tab).first;
    const QString creator =
        p && !p->creator.isEmpty() ? p->creator : SubmitRequest().creator; // "IDE"
    if (!askEngineKill(profile,
                       tr("Reset the session of this tab? Its %1 engine (creator %2) on "
                          "%3 is killed: its variables and TEMP tables are lost, and a "
                          "job running in it is cancelled. The next run starts a new "
                          "one.")
                           .arg(engineType, creator, profile))) {
        return;
    }
    QPointer<ScriptTab> guard(tab);
    m_clients->acquire(profile, this, [this, guard, engineType, creator](Result<LinkisClient *> c) {
        if (!guard)
            return;
        if (!c) {
            Q_EMIT message(c.error().message);
            Q_EMIT sessionReset(guard, 0, false);
            return;
        }
        LinkisClient *client = *c;
        auto *engines = new EngineClient(client, this);
        engines->engines(
            this,
            [this, guard, client, engines, engineType, creator](Result<QList<EngineInfo>> list) {
                if (!guard || !list) {
                    engines->deleteLater();
                    if (!list)
                        Q_EMIT message(list.error().message);
                    if (guard)
                        Q_EMIT sessionReset(guard, 0, false);
                    return;
                }
                QList<EngineInfo> session;
                QStringList instances;
                for (const EngineInfo &e : std::as_const(*list)) {
                    if (e.runsSessionOf(engineType, creator) && !e.isStarting()) {
                        session.append(e);
                        instances.append(e.instance);
                    }
                }
                if (session.isEmpty()) {
                    engines->deleteLater();
                    Q_EMIT message(tr("No %1 engine to reset: the next run starts a new one.")
                                       .arg(engineType));
                    Q_EMIT sessionReset(guard, 0, true);
                    return;
                }
                engines->killMany(session, this,
                                  [this, guard, client, engines, instances](Result<bool> r) {
                                      engines->deleteLater();
                                      if (!guard)
                                          return;
                                      if (!r) {
                                          Q_EMIT message(r.error().message);
                                          Q_EMIT sessionReset(guard, 0, false);
                                          return;
                                      }
                                      waitUntilGone(guard, client, instances, 40);
                                  });
            });
    });
}

void RunController::waitUntilGone(ScriptTab *tab, LinkisClient *client,
                                  const QStringList &instances, int attemptsLeft)
{
    // Kills are asynchronous on the server: the session is reset once it no longer lists them.
    QPointer<ScriptTab> guard(tab);
    QPointer<LinkisClient> clientGuard(client);
    auto *engines = new EngineClient(client, this);
    engines->engines(
        this,
        [this, guard, clientGuard, engines, instances,
         attemptsLeft](Result<QList<EngineInfo>> list) {
            engines->deleteLater();
            if (!guard)
                return;
            bool gone = list.ok();
            for (const EngineInfo &e : list ? *list : QList<EngineInfo>()) {
                if (instances.contains(e.instance))
                    gone = false;
            }
            if (gone) {
                Q_EMIT message(
                    tr("Session reset: %n engine(s) killed; the next run starts a new one.",
                       nullptr, int(instances.size())));
                Q_EMIT sessionReset(guard, int(instances.size()), true);
                return;
            }
            if (attemptsLeft <= 0 || !clientGuard) {
                Q_EMIT message(tr("The engine was asked to end but is still listed."));
                Q_EMIT sessionReset(guard, 0, false);
                return;
            }
            QTimer::singleShot(250, this, [this, guard, clientGuard, instances, attemptsLeft] {
                if (guard && clientGuard)
                    waitUntilGone(guard, clientGuard, instances, attemptsLeft - 1);
            });
        });
}

bool RunController::killTracker(JobTracker *tracker)
{
    return killTrackers({tracker});
}

bool RunController::killTrackers(const QList<JobTracker *> &trackers)
{
    QList<JobTracker *> killable;
    for (JobTracker *t : trackers) {
        // A job that never reached the server has nothing to kill.
        if (t && (t->taskId() > 0 || !t->execId().isEmpty()) && !killable.contains(t))
            killable.append(t);
    }
    if (killable.isEmpty())
        return false;
    // One question for all of them, when any of their profiles asks before a kill (a
    // production profile always does).
    QStringList askingProfiles;
    QStringList jobs;
    bool production = false;
    for (JobTracker *t : std::as_const(killable)) {
        const QString profile = t->profileName();
        const bool prod = isProduction(profile);
        if (m_settings->askBeforeKill(profile, prod) && !askingProfiles.contains(profile)) {
            askingProfiles.append(profile);
            production = production || prod;
        }
        jobs.append(t->taskId() > 0 ? tr("task %1").arg(t->taskId()) : tr("this job"));
    }
    if (!askingProfiles.isEmpty()) {
        constexpr int shown = 10;
        QString what = jobs.mid(0, shown).join(QStringLiteral(", "));
        if (jobs.size() > shown)
            what += u' ' + tr("and %n more", nullptr, int(jobs.size() - shown));
        if (jobs.size() > 1)
            what = tr("%n jobs (%1)", nullptr, int(jobs.size())).arg(what);
        QStringList profiles;
        for (JobTracker *t : std::as_const(killable)) {
            if (!profiles.contains(t->profileName()))
                profiles.append(t->profileName());
        }
        bool dontAsk = false;
        if (!m_killPrompt ||
            !m_killPrompt(profiles.join(QStringLiteral(", ")), production, what, &dontAsk))
            return false;
        if (dontAsk && !production) {
            for (const QString &profile : std::as_const(askingProfiles))
                m_settings->setAskBeforeKill(profile, false);
        }
    }
    for (JobTracker *t : std::as_const(killable))
        t->kill();
    return true;
}

} // namespace linkisdesk
