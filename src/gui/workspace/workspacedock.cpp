// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/workspacedock.h"

#include "editor/editortabs.h"
#include "editor/scripteditor.h"
#include "editor/scripttab.h"
#include "profiles/clientpool.h"
#include "profiles/profilestore.h"
#include "util/atomicfile.h"
#include "workspace/scriptheadercodec.h"
#include "workspace/workspaceclient.h"
#include "workspace/workspacepaths.h"

#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace linkisdesk {

namespace {

constexpr int PathRole = Qt::UserRole;
constexpr int DirRole = Qt::UserRole + 1;
constexpr int LoadedRole = Qt::UserRole + 2;

ScriptParams toParams(const ScriptMetadata &m)
{
    ScriptParams p;
    p.variables = m.variables;
    p.startup = m.startup;
    p.runtime = m.runtime;
    p.special = m.special;
    return p;
}

// The tab's parameters as a header; the special groups the tab does not show are kept.
ScriptMetadata toMetadata(const ScriptParams &p, const ScriptMetadata &base)
{
    ScriptMetadata m;
    m.variables = p.variables;
    m.startup = p.startup;
    m.runtime = p.runtime;
    m.special = p.special;
    m.specialGroups = base.specialGroups;
    return m;
}

} // namespace

WorkspaceDock::WorkspaceDock(ClientPool *clients, ProfileStore *profiles, EditorTabs *tabs,
                             QWidget *parent)
    : QWidget(parent)
    , m_clients(clients)
    , m_profiles(profiles)
    , m_tabs(tabs)
    , m_profileBox(new QComboBox(this))
    , m_tree(new QTreeWidget(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("workspaceDock"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    auto *bar = new QHBoxLayout;
    m_profileBox->setToolTip(tr("Profile whose workspace is shown"));
    bar->addWidget(m_profileBox, 1);
    auto button = [this, bar](QStyle::StandardPixmap icon, const QString &tip, auto slot) {
        auto *b = new QToolButton(this);
        b->setIcon(style()->standardIcon(icon));
        b->setToolTip(tip);
        b->setAutoRaise(true);
        connect(b, &QToolButton::clicked, this, slot);
        bar->addWidget(b);
        return b;
    };
    button(QStyle::SP_FileIcon, tr("New file"), [this] { newFile(selectedFolder()); });
    button(QStyle::SP_FileDialogNewFolder, tr("New folder"),
           [this] { newFolder(selectedFolder()); });
    button(QStyle::SP_ArrowUp, tr("Upload a local file"), [this] { upload(selectedFolder()); });
    button(QStyle::SP_BrowserReload, tr("Refresh"), [this] { refresh(); });
    layout->addLayout(bar);
    m_tree->setHeaderHidden(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setExpandsOnDoubleClick(true);
    layout->addWidget(m_tree, 1);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    connect(m_tree, &QTreeWidget::itemExpanded, this, [this](QTreeWidgetItem *item) {
        if (!item->data(0, LoadedRole).toBool())
            loadFolder(item, item->data(0, PathRole).toString());
    });
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (!item->data(0, DirRole).toBool())
            openScript(item->data(0, PathRole).toString());
    });
    connect(m_tree, &QTreeWidget::customContextMenuRequested, this,
            &WorkspaceDock::showContextMenu);
    connect(this, &WorkspaceDock::operationFinished, m_status, &QLabel::setText);
    connect(m_profileBox, &QComboBox::currentTextChanged, this, &WorkspaceDock::setProfile);
    if (m_profiles)
        connect(m_profiles, &ProfileStore::changed, this, &WorkspaceDock::fillProfiles);
    fillProfiles();
    if (m_tabs)
        m_tabs->setRemoteSaver([this](ScriptTab *tab, std::function<void()> saved) {
            saveTab(tab, std::move(saved));
        });
}

WorkspaceDock::~WorkspaceDock() = default;

void WorkspaceDock::fillProfiles()
{
    if (!m_profiles)
        return;
    const QString keep = m_profile.isEmpty() ? m_profiles->defaultProfileName() : m_profile;
    const QSignalBlocker block(m_profileBox);
    m_profileBox->clear();
    m_profileBox->addItems(m_profiles->names());
    m_profileBox->setCurrentText(keep);
    if (m_profile.isEmpty())
        m_profile = m_profileBox->currentText();
}

void WorkspaceDock::setProfile(const QString &profileName)
{
    if (profileName == m_profile && !m_root.isEmpty())
        return;
    m_profile = profileName;
    if (m_profileBox->currentText() != profileName) {
        const QSignalBlocker block(m_profileBox);
        m_profileBox->setCurrentText(profileName);
    }
    m_root.clear();
    m_tree->clear();
    if (m_shown)
        loadRoot();
}

void WorkspaceDock::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // A dock in a tab group behind another stays "visible", moved out of sight: what counts is
    // its tab being selected, which its QDockWidget reports.
    if (auto *dock = qobject_cast<QDockWidget *>(parentWidget()); dock && !m_watchingDock) {
        m_watchingDock = true;
        connect(dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
            if (visible)
                loadWhenSeen();
        });
    }
    loadWhenSeen();
}

void WorkspaceDock::loadWhenSeen()
{
    // Checked once the window's layout settled.
    QTimer::singleShot(0, this, [this] {
        if (!m_shown && isVisible() && !visibleRegion().isEmpty()) {
            m_shown = true;
            loadRoot();
        }
    });
}

void WorkspaceDock::withClient(const QString &profile,
                               std::function<void(WorkspaceClient *client)> use)
{
    if (!m_clients) {
        done(tr("No connection for profile %1.").arg(profile));
        return;
    }
    m_clients->acquire(profile, this, [this, use = std::move(use)](Result<LinkisClient *> client) {
        if (!client) {
            doneWith(client.error());
            return;
        }
        auto *ws = (*client)->findChild<WorkspaceClient *>(QString(), Qt::FindDirectChildrenOnly);
        if (!ws)
            ws = new WorkspaceClient(*client, *client);
        use(ws);
    });
}

void WorkspaceDock::loadRoot()
{
    if (m_profile.isEmpty())
        return;
    m_status->setText(tr("Loading\u2026"));
    const QString profile = m_profile;
    withClient(profile, [this, profile](WorkspaceClient *ws) {
        ws->rootPath(QStringLiteral("file"), this, [this, profile](Result<QString> root) {
            if (profile != m_profile)
                return;
            if (!root) {
                doneWith(root.error());
                return;
            }
            m_root = *root;
            m_tree->clear();
            loadFolder(nullptr, m_root);
        });
    });
}

void WorkspaceDock::loadFolder(QTreeWidgetItem *item, const QString &path)
{
    Q_UNUSED(item) // looked up again when the answer comes: the tree may have changed
    const QString profile = m_profile;
    withClient(profile, [this, path, profile](WorkspaceClient *ws) {
        ws->list(path, this, [this, path, profile](Result<QList<WorkspaceEntry>> entries) {
            if (profile != m_profile)
                return;
            if (!entries) {
                doneWith(entries.error());
                return;
            }
            QTreeWidgetItem *target = path == m_root ? nullptr : itemFor(path);
            if (path != m_root && !target)
                return;
            fill(target, *entries);
            m_status->clear();
            Q_EMIT folderLoaded(path);
        });
    });
}

void WorkspaceDock::fill(QTreeWidgetItem *parent, const QList<WorkspaceEntry> &entries)
{
    QStringList expanded;
    auto collectExpanded = [&expanded](QTreeWidgetItem *node, auto &&self) -> void {
        for (int i = 0; i < node->childCount(); ++i) {
            QTreeWidgetItem *c = node->child(i);
            if (c->isExpanded())
                expanded << c->data(0, PathRole).toString();
            self(c, self);
        }
    };
    QTreeWidgetItem *node = parent ? parent : m_tree->invisibleRootItem();
    collectExpanded(node, collectExpanded);
    qDeleteAll(node->takeChildren());
    for (const WorkspaceEntry &e : entries) {
        auto *item = new QTreeWidgetItem(node, {e.name});
        item->setData(0, PathRole, e.path);
        item->setData(0, DirRole, e.isDir);
        item->setToolTip(0, e.path);
        item->setIcon(0, style()->standardIcon(e.isDir ? QStyle::SP_DirIcon : QStyle::SP_FileIcon));
        if (e.isDir)
            item->setChildIndicatorPolicy(QTreeWidgetItem::ShowIndicator);
    }
    if (parent)
        parent->setData(0, LoadedRole, true);
    // Folders that were open stay open (and are read again).
    for (const QString &path : std::as_const(expanded)) {
        if (QTreeWidgetItem *item = itemFor(path))
            item->setExpanded(true);
    }
}

QTreeWidgetItem *WorkspaceDock::itemFor(const QString &path) const
{
    const QString wanted = WorkspacePaths::normalized(path);
    QList<QTreeWidgetItem *> stack {m_tree->invisibleRootItem()};
    while (!stack.isEmpty()) {
        QTreeWidgetItem *node = stack.takeLast();
        for (int i = 0; i < node->childCount(); ++i) {
            QTreeWidgetItem *c = node->child(i);
            if (WorkspacePaths::normalized(c->data(0, PathRole).toString()) == wanted)
                return c;
            stack << c;
        }
    }
    return nullptr;
}

void WorkspaceDock::reloadFolder(const QString &path)
{
    const QString dir = WorkspacePaths::normalized(path);
    if (dir == WorkspacePaths::normalized(m_root) || dir.isEmpty()) {
        loadFolder(nullptr, m_root);
        return;
    }
    if (QTreeWidgetItem *item = itemFor(dir)) {
        item->setData(0, LoadedRole, false);
        if (item->isExpanded())
            loadFolder(item, dir);
        else
            item->setExpanded(true);
    } else {
        loadFolder(nullptr, m_root);
    }
}

void WorkspaceDock::refresh()
{
    if (m_root.isEmpty())
        loadRoot();
    else
        loadFolder(nullptr, m_root);
}

QString WorkspaceDock::selectedPath() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(0, PathRole).toString() : QString();
}

QString WorkspaceDock::selectedFolder() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item)
        return m_root;
    const QString path = item->data(0, PathRole).toString();
    return item->data(0, DirRole).toBool() ? path : WorkspacePaths::parentOf(path);
}

QString WorkspaceDock::label(const QString &path) const
{
    const QString root = WorkspacePaths::normalized(m_root);
    if (!root.isEmpty() && path.startsWith(root + u'/'))
        return path.mid(root.size() + 1);
    return WorkspacePaths::fileName(path);
}

void WorkspaceDock::done(const QString &error)
{
    Q_EMIT operationFinished(error);
}

void WorkspaceDock::doneWith(const ApiError &error)
{
    done(error.message);
}

void WorkspaceDock::openScript(const QString &path)
{
    if (!m_tabs)
        return;
    for (ScriptTab *tab : m_tabs->scriptTabs()) {
        if (tab->remotePath() == path && tab->profileName() == m_profile) {
            m_tabs->setCurrentWidget(tab);
            done({});
            return;
        }
    }
    const QString profile = m_profile;
    const QString shown = label(path);
    withClient(profile, [this, path, profile, shown](WorkspaceClient *ws) {
        ws->open(path, this, [this, profile, shown](Result<ScriptFile> file) {
            if (!file) {
                doneWith(file.error());
                return;
            }
            if (!m_tabs)
                return;
            ScriptTab *tab = m_tabs->newTab(ScriptLanguages::fromFileName(file->path), file->text);
            tab->setProfileName(profile);
            tab->setParams(toParams(file->metadata));
            tab->setRemote(*file, shown);
            tab->editor()->setModified(false);
            done({});
        });
    });
}

void WorkspaceDock::newFile(const QString &dir)
{
    const QString folder = dir.isEmpty() ? m_root : dir;
    if (folder.isEmpty())
        return;
    const QString name = m_askText
        ? m_askText(tr("New file name (e.g. daily.sql or reports/daily.sql):"),
                    QStringLiteral(".sql"))
        : QInputDialog::getText(this, tr("New file"),
                                tr("New file name (e.g. daily.sql or reports/daily.sql):"),
                                QLineEdit::Normal, QStringLiteral(".sql"));
    if (name.trimmed().isEmpty())
        return;
    const QStringList parts = name.trimmed().split(u'/', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (!WorkspacePaths::isValidName(part)) {
            done(tr("\"%1\" is not a valid name.").arg(name));
            return;
        }
    }
    if (!ScriptHeaderCodec::isOpenable(parts.constLast())) {
        done(tr("\"%1\" has no script type the workspace opens (such as .sql, .py, .scala, .sh).")
                 .arg(parts.constLast()));
        return;
    }
    const QString path = WorkspacePaths::resolve(folder, parts.join(u'/'));
    withClient(m_profile, [this, path](WorkspaceClient *ws) {
        ws->createFile(path, this, [this, path](Result<Unit> r) {
            if (!r) {
                doneWith(r.error());
                return;
            }
            reloadFolder(WorkspacePaths::parentOf(path));
            openScript(path);
        });
    });
}

void WorkspaceDock::newFolder(const QString &dir)
{
    const QString folder = dir.isEmpty() ? m_root : dir;
    if (folder.isEmpty())
        return;
    const QString name = m_askText
        ? m_askText(tr("New folder name:"), QString())
        : QInputDialog::getText(this, tr("New folder"), tr("New folder name:"));
    if (name.trimmed().isEmpty())
        return;
    if (!WorkspacePaths::isValidName(name.trimmed())) {
        done(tr("\"%1\" is not a valid name.").arg(name));
        return;
    }
    const QString path = WorkspacePaths::join(folder, name.trimmed());
    withClient(m_profile, [this, folder, path](WorkspaceClient *ws) {
        ws->createDir(path, this, [this, folder](Result<Unit> r) {
            if (!r) {
                doneWith(r.error());
                return;
            }
            reloadFolder(folder);
            done({});
        });
    });
}

void WorkspaceDock::renameEntry(const QString &path)
{
    if (path.isEmpty() || path == m_root)
        return;
    const QString old = WorkspacePaths::fileName(path);
    const QString name = m_askText
        ? m_askText(tr("New name:"), old)
        : QInputDialog::getText(this, tr("Rename"), tr("New name:"), QLineEdit::Normal, old);
    if (name.trimmed().isEmpty() || name.trimmed() == old)
        return;
    if (!WorkspacePaths::isValidName(name.trimmed())) {
        done(tr("\"%1\" is not a valid name.").arg(name));
        return;
    }
    const QString parent = WorkspacePaths::parentOf(path);
    const QString target = WorkspacePaths::join(parent, name.trimmed());
    withClient(m_profile, [this, path, parent, target](WorkspaceClient *ws) {
        ws->rename(path, target, this, [this, path, parent, target](Result<Unit> r) {
            if (!r) {
                doneWith(r.error());
                return;
            }
            // An open tab follows its file.
            if (m_tabs) {
                for (ScriptTab *tab : m_tabs->scriptTabs()) {
                    if (tab->remotePath() == path && tab->profileName() == m_profile) {
                        ScriptFile base = tab->remoteBase();
                        base.path = target;
                        tab->setRemote(base, label(target));
                    }
                }
            }
            reloadFolder(parent);
            done({});
        });
    });
}

void WorkspaceDock::deleteEntry(const QString &path)
{
    if (path.isEmpty() || path == m_root)
        return;
    const QString question = tr("Delete %1 from the workspace of %2? A folder is deleted with "
                                "everything in it. This cannot be undone.")
                                 .arg(label(path), m_profile);
    const bool yes = m_confirm
        ? m_confirm(question)
        : QMessageBox::question(this, tr("Delete"), question) == QMessageBox::Yes;
    if (!yes)
        return;
    const QString parent = WorkspacePaths::parentOf(path);
    withClient(m_profile, [this, path, parent](WorkspaceClient *ws) {
        ws->remove(path, this, [this, parent](Result<Unit> r) {
            if (!r) {
                doneWith(r.error());
                return;
            }
            reloadFolder(parent);
            done({});
        });
    });
}

void WorkspaceDock::upload(const QString &dir)
{
    const QString folder = dir.isEmpty() ? m_root : dir;
    if (folder.isEmpty())
        return;
    const QString local = m_askFile ? m_askFile(false, QString())
                                    : QFileDialog::getOpenFileName(this, tr("Upload a local file"));
    if (local.isEmpty())
        return;
    const auto bytes = AtomicFile::read(local);
    if (!bytes) {
        done(tr("Cannot read %1: %2").arg(local, bytes.error().message));
        return;
    }
    const QString name = QFileInfo(local).fileName();
    withClient(m_profile, [this, folder, name, data = *bytes](WorkspaceClient *ws) {
        ws->upload(folder, name, data, this, [this, folder](Result<Unit> r) {
            if (!r) {
                doneWith(r.error());
                return;
            }
            reloadFolder(folder);
            done({});
        });
    });
}

void WorkspaceDock::download(const QString &path)
{
    if (path.isEmpty())
        return;
    const QString local = m_askFile
        ? m_askFile(true, WorkspacePaths::fileName(path))
        : QFileDialog::getSaveFileName(this, tr("Download to"), WorkspacePaths::fileName(path));
    if (local.isEmpty())
        return;
    withClient(m_profile, [this, path, local](WorkspaceClient *ws) {
        ws->download(path, this, [this, local](Result<QByteArray> bytes) {
            if (!bytes) {
                doneWith(bytes.error());
                return;
            }
            const auto written = AtomicFile::write(local, *bytes);
            if (!written) {
                done(tr("Cannot write %1: %2").arg(local, written.error().message));
                return;
            }
            done({});
        });
    });
}

void WorkspaceDock::saveTab(ScriptTab *tab, std::function<void()> saved)
{
    save(tab, false, std::move(saved));
}

void WorkspaceDock::save(ScriptTab *tab, bool force, std::function<void()> saved)
{
    if (!tab || tab->remotePath().isEmpty())
        return;
    const ScriptMetadata metadata = toMetadata(tab->params(), tab->remoteBase().metadata);
    if (const QString why = ScriptHeaderCodec::problem(metadata); !why.isEmpty()) {
        done(tr("Not saved: %1").arg(why));
        return;
    }
    QPointer<ScriptTab> guard = tab;
    const QString text = tab->editor()->text();
    const QString profile = tab->profileName();
    withClient(profile, [this, guard, text, metadata, force, saved](WorkspaceClient *ws) {
        if (!guard)
            return;
        ws->saveChecked(guard->remoteBase(), text, metadata, force, guard,
                        [this, guard, text, saved](Result<ScriptSaveResult> r) {
                            if (!r) {
                                doneWith(r.error());
                                return;
                            }
                            if (!guard)
                                return;
                            if (r->conflict) {
                                const QString question =
                                    tr("%1 was changed on the server since you opened it. "
                                       "Overwrite it with your version?")
                                        .arg(guard->remoteLabel());
                                const bool yes = m_confirm
                                    ? m_confirm(question)
                                    : QMessageBox::question(this, tr("Changed on the server"),
                                                            question) == QMessageBox::Yes;
                                if (yes)
                                    save(guard, true, saved);
                                else
                                    done(tr("Not saved: %1 was changed on the server.")
                                             .arg(guard->remoteLabel()));
                                return;
                            }
                            guard->setRemote(r->current, guard->remoteLabel());
                            done({});
                            if (guard->editor()->text() == text) {
                                guard->editor()->setModified(false);
                                if (saved)
                                    saved();
                            }
                        });
    });
}

void WorkspaceDock::showContextMenu(const QPoint &pos)
{
    QTreeWidgetItem *item = m_tree->itemAt(pos);
    if (item)
        m_tree->setCurrentItem(item);
    const QString path = item ? item->data(0, PathRole).toString() : QString();
    const bool dir = item && item->data(0, DirRole).toBool();
    QMenu menu(this);
    if (item && !dir) {
        menu.addAction(tr("Open"), this, [this, path] { openScript(path); });
        menu.addAction(tr("Download\u2026"), this, [this, path] { download(path); });
        menu.addSeparator();
    }
    menu.addAction(tr("New file\u2026"), this, [this] { newFile(selectedFolder()); });
    menu.addAction(tr("New folder\u2026"), this, [this] { newFolder(selectedFolder()); });
    menu.addAction(tr("Upload a local file\u2026"), this, [this] { upload(selectedFolder()); });
    if (item) {
        menu.addSeparator();
        menu.addAction(tr("Rename\u2026"), this, [this, path] { renameEntry(path); });
        menu.addAction(tr("Delete\u2026"), this, [this, path] { deleteEntry(path); });
    }
    menu.addSeparator();
    menu.addAction(tr("Refresh"), this, [this] { refresh(); });
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

} // namespace linkisdesk
