// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "charts/resultcharts.h"
#include "editor/scriptlanguage.h"
#include "workspace/workspacetypes.h"

#include <QMap>
#include <QString>
#include <QWidget>

class QSplitter;
class QVBoxLayout;

namespace linkisdesk {

class FindBar;
class ScriptEditor;

// What a tab sends with its code: the seed's variable map and configuration maps.
struct ScriptParams
{
    QMap<QString, QString> variables;
    QMap<QString, QString> startup;
    QMap<QString, QString> runtime;
    QMap<QString, QString> special;
    bool operator==(const ScriptParams &) const = default;
};

// One editor tab: the editor with its find bar on top, the run panel (set by whoever runs
// jobs) below, and the tab's own run settings (profile, engine, runType, parameters).
class ScriptTab : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScriptTab)
public:
    explicit ScriptTab(ScriptLanguage language, QWidget *parent = nullptr);

    ScriptEditor *editor() const { return m_editor; }
    FindBar *findBar() const { return m_findBar; }

    // Stable id used by autosave (survives renames).
    QString id() const { return m_id; }
    void setId(const QString &id) { m_id = id; }

    QString filePath() const { return m_filePath; }
    void setFilePath(const QString &path);
    // A script of the server's workspace (issue 18): its URI, the name shown ("reports/a.sql")
    // and the version opened, the base of the changed-on-server check. Empty for local files.
    QString remotePath() const { return m_remote.path; }
    const ScriptFile &remoteBase() const { return m_remote; }
    QString remoteLabel() const { return m_remoteLabel; }
    void setRemote(const ScriptFile &base, const QString &label);
    int untitledNumber() const { return m_untitledNumber; }
    void setUntitledNumber(int n) { m_untitledNumber = n; }
    QString displayName() const;
    bool isModified() const;

    ScriptLanguage language() const;
    void setLanguage(ScriptLanguage language);

    QString profileName() const { return m_profile; }
    void setProfileName(const QString &name);
    QString engine() const { return m_engine; }
    void setEngine(const QString &engine);
    QString runType() const { return m_runType; }
    void setRunType(const QString &runType);
    ScriptParams params() const { return m_params; }
    void setParams(const ScriptParams &params);

    // The charts of its results, saved with the tab.
    ResultCharts *resultCharts() { return &m_charts; }
    const ResultCharts *resultCharts() const { return &m_charts; }

    // The per-run panel under the editor; the tab owns it once set.
    void setRunPanel(QWidget *panel);
    QWidget *runPanel() const { return m_runPanel; }
    QSplitter *splitter() const { return m_splitter; }

Q_SIGNALS:
    void titleChanged();
    void settingsChanged();

private:
    QString m_id;
    QString m_filePath;
    ScriptFile m_remote;
    QString m_remoteLabel;
    int m_untitledNumber = 0;
    QString m_profile;
    QString m_engine;
    QString m_runType;
    ScriptParams m_params;
    ResultCharts m_charts;
    ScriptEditor *m_editor;
    FindBar *m_findBar;
    QSplitter *m_splitter;
    QWidget *m_runPanel = nullptr;
};

} // namespace linkisdesk
