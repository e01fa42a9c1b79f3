// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "editor/scriptlanguage.h"

#include <QStringList>
#include <QTabWidget>

#include <functional>

namespace linkisdesk {

class ScriptTab;

// The editor tabs: new / open / save / save as / close with a prompt for unsaved changes,
// recent files, files dropped on the window, an unsaved marker in each tab title.
class EditorTabs : public QTabWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditorTabs)
public:
    enum class CloseAnswer { Save, Discard, Cancel };
    using ClosePrompt = std::function<CloseAnswer(ScriptTab *)>;
    using SavePathPrompt = std::function<QString(ScriptTab *)>;
    // Saves a workspace tab (ScriptTab::remotePath) on the server, asynchronously: calls `saved`
    // once the server has it. save() returns false for such a tab ("not saved yet"); a tab closed
    // with Save closes when its save went through.
    using RemoteSaver = std::function<void(ScriptTab *, std::function<void()> saved)>;
    static constexpr int MaxRecentFiles = 12;

    explicit EditorTabs(QWidget *parent = nullptr);

    ScriptTab *newTab(ScriptLanguage language, const QString &text = {});
    // Opens the file, or focuses its tab when it is already open. Null on error.
    ScriptTab *openFile(const QString &path);
    bool save(ScriptTab *tab);
    bool saveAs(ScriptTab *tab);
    // Asks about unsaved changes first; false when the user cancelled.
    bool closeTab(int index);
    // Closes every tab without asking (after a decision was made elsewhere).
    void removeAllTabs();
    // Asks about every unsaved tab; false when the user cancelled.
    bool confirmCloseAll();

    ScriptTab *currentScriptTab() const;
    ScriptTab *scriptTab(int index) const;
    QList<ScriptTab *> scriptTabs() const;
    ScriptTab *tabById(const QString &id) const;

    QStringList recentFiles() const { return m_recent; }
    void setRecentFiles(const QStringList &files);

    // Test and embedding hooks; by default message boxes and file dialogs are used.
    void setClosePrompt(ClosePrompt prompt) { m_closePrompt = std::move(prompt); }
    void setSavePathPrompt(SavePathPrompt prompt) { m_savePathPrompt = std::move(prompt); }
    void setRemoteSaver(RemoteSaver saver) { m_remoteSaver = std::move(saver); }
    // Marks a tab as belonging to a production profile (tinted title).
    void setTabTint(ScriptTab *tab, const QColor &color);

    static QString titleFor(const ScriptTab *tab);

Q_SIGNALS:
    void tabCreated(linkisdesk::ScriptTab *tab);
    void tabAboutToClose(linkisdesk::ScriptTab *tab);
    void recentFilesChanged(const QStringList &files);
    void fileError(const QString &message);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    ScriptTab *addScriptTab(ScriptTab *tab);
    bool writeFile(ScriptTab *tab, const QString &path);
    void addRecent(const QString &path);
    void refreshTitle(ScriptTab *tab);
    int nextUntitledNumber() const;

    QStringList m_recent;
    ClosePrompt m_closePrompt;
    SavePathPrompt m_savePathPrompt;
    RemoteSaver m_remoteSaver;
};

} // namespace linkisdesk
