// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/result.h"
#include "workspace/workspacetypes.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace linkisdesk {

class ClientPool;
class EditorTabs;
class ProfileStore;
class ScriptTab;
class WorkspaceClient;

// The Workspace dock (issue 18): the scripts in the chosen profile's Linkis workspace, one
// folder level at a time as the user expands it. Double-click opens a script into a tab whose
// title shows the profile and path and whose parameters are the header's variables and
// settings; Ctrl+S on that tab saves it back with the header, and asks first when the file
// changed on the server since it was opened. New file and folder, rename, delete (asks), upload
// a local file, download to disk. Nothing is loaded until the dock is first shown.
class WorkspaceDock : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceDock)
public:
    // Questions to the user; message boxes and dialogs unless a test replaces them.
    using Confirm = std::function<bool(const QString &question)>;
    using AskText = std::function<QString(const QString &label, const QString &initial)>;
    using AskFile = std::function<QString(bool save, const QString &suggested)>;

    WorkspaceDock(ClientPool *clients, ProfileStore *profiles, EditorTabs *tabs,
                  QWidget *parent = nullptr);
    ~WorkspaceDock() override;

    QString profileName() const { return m_profile; }
    void setProfile(const QString &profileName);
    QString rootPath() const { return m_root; }
    QTreeWidget *tree() const { return m_tree; }
    QLabel *statusLabel() const { return m_status; }

    // Reads the root again (and the folders open in the tree).
    void refresh();
    // What the buttons and the context menu do; `dir` is a folder URI ("" = the root).
    void openScript(const QString &path);
    void newFile(const QString &dir);
    void newFolder(const QString &dir);
    void renameEntry(const QString &path);
    void deleteEntry(const QString &path);
    void upload(const QString &dir);
    void download(const QString &path);
    // The EditorTabs saver of workspace tabs (Ctrl+S); `saved` runs once the save went through.
    void saveTab(ScriptTab *tab, std::function<void()> saved = {});

    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    void setAskText(AskText ask) { m_askText = std::move(ask); }
    void setAskFile(AskFile ask) { m_askFile = std::move(ask); }

Q_SIGNALS:
    // An operation ended (an empty message: it went well). For the status line and tests.
    void operationFinished(const QString &error);
    // A folder's entries arrived (the root: rootPath()).
    void folderLoaded(const QString &path);

protected:
    void showEvent(QShowEvent *event) override;

private:
    // Runs `use` with the workspace client of the profile's current LinkisClient (made on first
    // use, a child of that client: a profile edited gets a new one with its new client).
    void withClient(const QString &profile, std::function<void(WorkspaceClient *client)> use);
    void loadWhenSeen();
    void loadRoot();
    void loadFolder(QTreeWidgetItem *item, const QString &path);
    void fill(QTreeWidgetItem *parent, const QList<WorkspaceEntry> &entries);
    QTreeWidgetItem *itemFor(const QString &path) const;
    void reloadFolder(const QString &path);
    QString selectedFolder() const;
    QString selectedPath() const;
    QString label(const QString &path) const;
    void done(const QString &error);
    void doneWith(const ApiError &error);
    void showContextMenu(const QPoint &pos);
    void save(ScriptTab *tab, bool force, std::function<void()> saved);
    void fillProfiles();

    QPointer<ClientPool> m_clients;
    QPointer<ProfileStore> m_profiles;
    QPointer<EditorTabs> m_tabs;
    QString m_profile;
    QString m_root;
    bool m_shown = false;
    bool m_watchingDock = false;
    QComboBox *m_profileBox;
    QTreeWidget *m_tree;
    QLabel *m_status;
    Confirm m_confirm;
    AskText m_askText;
    AskFile m_askFile;
};

} // namespace linkisdesk
