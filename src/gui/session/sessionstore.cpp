// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/sessionstore.h"

#include "editor/editortabs.h"
#include "editor/scripteditor.h"
#include "editor/scripttab.h"
#include "jobs/jobjournal.h"
#include "jobs/jobtracker.h"
#include "jobs/runcontroller.h"
#include "util/apppaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTimer>

namespace linkisdesk {

namespace {
QJsonObject mapToJson(const QMap<QString, QString> &map)
{
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QMap<QString, QString> mapFromJson(const QJsonObject &o)
{
    QMap<QString, QString> map;
    for (auto it = o.begin(); it != o.end(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}
} // namespace

SessionStore::SessionStore(EditorTabs *tabs, RunController *runs, JobJournal *journal,
                           const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_tabs(tabs)
    , m_runs(runs)
    , m_journal(journal)
    , m_path(filePath)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(5000);
    connect(m_timer, &QTimer::timeout, this, &SessionStore::saveNow);
}

QString SessionStore::defaultPath()
{
    return AppPaths::dataDir() + QStringLiteral("/session.json");
}

void SessionStore::setInterval(int ms)
{
    m_timer->setInterval(qMax(200, ms));
}

void SessionStore::start()
{
    m_timer->start();
}

QJsonObject SessionStore::tabToJson(const ScriptTab *tab)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), tab->id());
    o.insert(QStringLiteral("file"), tab->filePath());
    o.insert(QStringLiteral("untitled"), tab->untitledNumber());
    o.insert(QStringLiteral("language"), ScriptLanguages::id(tab->language()));
    o.insert(QStringLiteral("profile"), tab->profileName());
    o.insert(QStringLiteral("engine"), tab->engine());
    o.insert(QStringLiteral("runType"), tab->runType());
    const ScriptParams params = tab->params();
    o.insert(QStringLiteral("variables"), mapToJson(params.variables));
    o.insert(QStringLiteral("startup"), mapToJson(params.startup));
    o.insert(QStringLiteral("runtime"), mapToJson(params.runtime));
    o.insert(QStringLiteral("special"), mapToJson(params.special));
    o.insert(QStringLiteral("modified"), tab->isModified());
    if (!tab->remotePath().isEmpty()) {
        // A workspace script: where it lives and the version opened (for the conflict check).
        const ScriptFile &base = tab->remoteBase();
        o.insert(QStringLiteral("remote"),
                 QJsonObject {{QStringLiteral("path"), base.path},
                              {QStringLiteral("label"), tab->remoteLabel()},
                              {QStringLiteral("text"), base.text},
                              {QStringLiteral("params"), base.metadata.toParams()}});
    }
    if (!tab->resultCharts()->isEmpty())
        o.insert(QStringLiteral("charts"), tab->resultCharts()->toJson());
    // Saved files come back from disk; unsaved work is kept here.
    if (tab->isModified() || tab->filePath().isEmpty())
        o.insert(QStringLiteral("text"), tab->editor()->text());
    int line = 0, index = 0;
    tab->editor()->getCursorPosition(&line, &index);
    o.insert(QStringLiteral("line"), line);
    o.insert(QStringLiteral("index"), index);
    return o;
}

bool SessionStore::saveNow()
{
    QJsonArray tabs;
    for (ScriptTab *tab : m_tabs->scriptTabs()) {
        QJsonObject o = tabToJson(tab);
        if (m_runs) {
            if (JobTracker *t = m_runs->trackerFor(tab); t && t->taskId() > 0) {
                o.insert(QStringLiteral("jobProfile"), t->profileName());
                o.insert(QStringLiteral("jobTaskId"), QString::number(t->taskId()));
            }
        }
        tabs.append(o);
    }
    QJsonObject root;
    root.insert(QStringLiteral("version"), 1);
    root.insert(QStringLiteral("current"), m_tabs->currentIndex());
    root.insert(QStringLiteral("tabs"), tabs);
    const QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Compact);
    if (bytes == m_lastWritten)
        return true;
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(bytes);
    if (!file.commit())
        return false;
    m_lastWritten = bytes;
    return true;
}

int SessionStore::restore()
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonArray tabs = root.value(QStringLiteral("tabs")).toArray();
    int restored = 0;
    for (const QJsonValue &v : tabs) {
        const QJsonObject o = v.toObject();
        const ScriptLanguage language =
            ScriptLanguages::fromId(o.value(QStringLiteral("language")).toString())
                .value_or(ScriptLanguage::Sql);
        const QString path = o.value(QStringLiteral("file")).toString();
        ScriptTab *tab = nullptr;
        if (!path.isEmpty() && QFileInfo::exists(path))
            tab = m_tabs->openFile(path);
        if (!tab)
            tab = m_tabs->newTab(language);
        if (o.contains(QStringLiteral("text"))) {
            tab->editor()->setText(o.value(QStringLiteral("text")).toString());
            tab->editor()->setModified(o.value(QStringLiteral("modified")).toBool());
        }
        if (path.isEmpty())
            tab->setUntitledNumber(
                o.value(QStringLiteral("untitled")).toInt(tab->untitledNumber()));
        tab->setLanguage(language);
        tab->setId(o.value(QStringLiteral("id")).toString(tab->id()));
        tab->setProfileName(o.value(QStringLiteral("profile")).toString());
        tab->setEngine(o.value(QStringLiteral("engine")).toString());
        tab->setRunType(o.value(QStringLiteral("runType")).toString(tab->runType()));
        ScriptParams params;
        params.variables = mapFromJson(o.value(QStringLiteral("variables")).toObject());
        params.startup = mapFromJson(o.value(QStringLiteral("startup")).toObject());
        params.runtime = mapFromJson(o.value(QStringLiteral("runtime")).toObject());
        params.special = mapFromJson(o.value(QStringLiteral("special")).toObject());
        tab->setParams(params);
        if (const QJsonObject remote = o.value(QStringLiteral("remote")).toObject();
            !remote.isEmpty()) {
            ScriptFile base;
            base.path = remote.value(QStringLiteral("path")).toString();
            base.text = remote.value(QStringLiteral("text")).toString();
            base.metadata =
                ScriptMetadata::fromJson(remote.value(QStringLiteral("params")).toObject());
            tab->setRemote(base, remote.value(QStringLiteral("label")).toString());
        }
        *tab->resultCharts() = ResultCharts::fromJson(o.value(QStringLiteral("charts")).toArray());
        tab->editor()->setCursorPosition(o.value(QStringLiteral("line")).toInt(),
                                         o.value(QStringLiteral("index")).toInt());
        Q_EMIT tab->titleChanged();
        ++restored;

        const QString jobProfile = o.value(QStringLiteral("jobProfile")).toString();
        const qint64 taskId = o.value(QStringLiteral("jobTaskId")).toString().toLongLong();
        if (m_runs && taskId > 0) {
            // The panel starts empty after a restart, so the log is read again from its first
            // line (not from the journal's position): complete, and each line once.
            if (const auto entry = m_journal->entry(jobProfile, taskId))
                m_runs->reattach(tab, jobProfile, taskId, entry->execId, 1);
        }
    }
    const int current = root.value(QStringLiteral("current")).toInt(-1);
    if (current >= 0 && current < m_tabs->count())
        m_tabs->setCurrentIndex(current);
    return restored;
}

} // namespace linkisdesk
