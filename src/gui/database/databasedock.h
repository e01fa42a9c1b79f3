// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metadata/metadatastore.h"

#include <QPointer>
#include <QSet>
#include <QWidget>

class QLabel;
class QLineEdit;
class QModelIndex;
class QToolButton;
class QTreeView;

namespace linkisdesk {

class DatabaseTreeModel;
class EditorTabs;
class MetadataStores;
class RunController;
class ScriptTab;

// The Database dock: databases -> tables and views -> columns of the current tab's profile,
// one level at a time as the user expands it, cached levels at once and refreshed in the
// background. The filter matches the names already loaded as the user types and loads the
// table lists not loaded yet. Double-click (or drag) puts the qualified name at the cursor;
// the context menu previews 100 rows or counts rows in a new tab's run panel and copies names.
class DatabaseDock : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabaseDock)
public:
    DatabaseDock(MetadataStores *stores, EditorTabs *tabs, RunController *runs,
                 QWidget *parent = nullptr);
    ~DatabaseDock() override;

    QString profileName() const { return m_profile; }
    // Follows this profile (normally the current tab's, see followCurrentTab).
    void setProfile(const QString &profileName);
    QTreeView *tree() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filter; }
    DatabaseTreeModel *model() const { return m_model; }
    // Re-reads the databases and every expanded level from the server.
    void refresh();

    // What the context menu does, for tests and shortcuts.
    QString previewSql(const QModelIndex &index) const;
    QString countSql(const QModelIndex &index) const;
    void insertIntoEditor(const QModelIndex &index);
    void copyColumnList(const QModelIndex &index);
    void runInNewTab(const QString &sql);

    // Gives the tab's editor schema-aware completion from its profile's store (done for every
    // tab the EditorTabs create).
    void attachCompleter(ScriptTab *tab);

private:
    void followCurrentTab();
    void onExpanded(const QModelIndex &index);
    void onFilterChanged(const QString &text);
    void restoreExpansion();
    void showContextMenu(const QPoint &pos);
    void updateAge();
    QString levelKey(const QModelIndex &index) const;

    QPointer<MetadataStores> m_stores;
    QPointer<EditorTabs> m_tabs;
    QPointer<RunController> m_runs;
    QPointer<MetadataStore> m_store;
    QPointer<ScriptTab> m_followedTab;
    QString m_profile;
    QLabel *m_profileLabel;
    QLineEdit *m_filter;
    QToolButton *m_refresh;
    QTreeView *m_tree;
    QLabel *m_ageLabel;
    DatabaseTreeModel *m_model;
    QSet<QString> m_expanded; // "db" and "db\ntable", lower case
    QString m_pendingCopy; // "db\ntable" whose column list is copied when it arrives
};

} // namespace linkisdesk
