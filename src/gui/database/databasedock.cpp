// SPDX-License-Identifier: GPL-3.0-or-later
#include "database/databasedock.h"

#include "database/databasetreemodel.h"
#include "database/metadatastores.h"
#include "database/schemacompleter.h"
#include "editor/editortabs.h"
#include "editor/scripteditor.h"
#include "editor/scripttab.h"
#include "jobs/runcontroller.h"
#include "metadata/metadatastore.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace linkisdesk {

namespace {

using Kind = DatabaseTreeModel::Kind;

Kind kindOf(const QModelIndex &index)
{
    return Kind(index.data(DatabaseTreeModel::KindRole).toInt());
}

QString ageText(qint64 seconds)
{
    if (seconds < 60)
        return DatabaseDock::tr("just now");
    if (seconds < 3600)
        return DatabaseDock::tr("%n min ago", nullptr, int(seconds / 60));
    if (seconds < 86400)
        return DatabaseDock::tr("%n h ago", nullptr, int(seconds / 3600));
    return DatabaseDock::tr("%n day(s) ago", nullptr, int(seconds / 86400));
}

} // namespace

DatabaseDock::DatabaseDock(MetadataStores *stores, EditorTabs *tabs, RunController *runs,
                           QWidget *parent)
    : QWidget(parent)
    , m_stores(stores)
    , m_tabs(tabs)
    , m_runs(runs)
    , m_profileLabel(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_refresh(new QToolButton(this))
    , m_tree(new QTreeView(this))
    , m_ageLabel(new QLabel(this))
    , m_model(new DatabaseTreeModel(this))
{
    setObjectName(QStringLiteral("databaseDock"));
    m_filter->setObjectName(QStringLiteral("databaseFilter"));
    m_filter->setPlaceholderText(tr("Filter tables"));
    m_filter->setClearButtonEnabled(true);
    m_refresh->setObjectName(QStringLiteral("databaseRefresh"));
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(tr("Read the databases and the open levels from the server again"));
    m_refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refresh->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_tree->setObjectName(QStringLiteral("databaseTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setExpandsOnDoubleClick(false);
    // The names take the dock's width, the type column a fixed share: no sideways scrolling
    // in a narrow dock (a long name is elided; its tooltip has it whole).
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Interactive);
    m_tree->header()->resizeSection(1, fontMetrics().horizontalAdvance(u'x') * 14);
    m_ageLabel->setObjectName(QStringLiteral("databaseAge"));
    m_ageLabel->setEnabled(false);
    m_profileLabel->setObjectName(QStringLiteral("databaseProfile"));

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_filter, 1);
    top->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_profileLabel);
    layout->addLayout(top);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_ageLabel);

    connect(m_filter, &QLineEdit::textChanged, this, &DatabaseDock::onFilterChanged);
    connect(m_refresh, &QToolButton::clicked, this, &DatabaseDock::refresh);
    connect(m_tree, &QTreeView::expanded, this, &DatabaseDock::onExpanded);
    connect(m_tree, &QTreeView::collapsed, this,
            [this](const QModelIndex &index) { m_expanded.remove(levelKey(index)); });
    connect(m_tree, &QTreeView::doubleClicked, this, &DatabaseDock::insertIntoEditor);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &DatabaseDock::showContextMenu);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DatabaseDock::restoreExpansion);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &DatabaseDock::restoreExpansion);
    auto *ageTimer = new QTimer(this);
    ageTimer->setInterval(30000);
    connect(ageTimer, &QTimer::timeout, this, &DatabaseDock::updateAge);
    ageTimer->start();
    if (m_stores) {
        connect(m_stores, &MetadataStores::connected, this, [this](const QString &profile) {
            if (profile.compare(m_profile, Qt::CaseInsensitive) != 0 || !m_store)
                return;
            // Levels asked for before the connection was ready: ask again now.
            m_store->requestDatabases();
            m_refresh->setToolTip(
                tr("Read the databases and the open levels from the server again"));
            for (const QString &key : std::as_const(m_expanded)) {
                const QStringList parts = key.split(u'\n');
                if (parts.size() == 1)
                    m_store->requestTables(parts.at(0));
                else
                    m_store->requestColumns(parts.at(0), parts.at(1));
            }
        });
    }
    if (m_stores) {
        connect(m_stores, &MetadataStores::unavailable, this,
                [this](const QString &profile, const QString &message) {
                    if (profile.compare(m_profile, Qt::CaseInsensitive) != 0)
                        return;
                    m_model->setLevelError(
                        QString(), QString(),
                        tr("%1 Press Refresh to sign in, or run a script.").arg(message));
                    m_refresh->setToolTip(tr("Sign in to %1 and read its databases").arg(profile));
                });
    }
    if (m_tabs) {
        connect(m_tabs, &QTabWidget::currentChanged, this, &DatabaseDock::followCurrentTab);
        connect(m_tabs, &EditorTabs::tabCreated, this, &DatabaseDock::attachCompleter);
        const QList<ScriptTab *> existing = m_tabs->scriptTabs();
        for (ScriptTab *tab : existing)
            attachCompleter(tab);
        followCurrentTab();
    }
}

void DatabaseDock::attachCompleter(ScriptTab *tab)
{
    if (!tab || tab->editor()->findChild<SchemaCompleter *>())
        return;
    QPointer<ScriptTab> guard(tab);
    auto *completer = new SchemaCompleter(tab->editor(), [this, guard]() -> MetadataStore * {
        if (!guard || !m_stores || !m_runs)
            return nullptr;
        return m_stores->storeFor(m_runs->effectiveProfile(guard), false);
    });
    connect(tab, &ScriptTab::settingsChanged, completer, &SchemaCompleter::syncLanguage);
}

DatabaseDock::~DatabaseDock() = default;

void DatabaseDock::followCurrentTab()
{
    ScriptTab *tab = m_tabs ? m_tabs->currentScriptTab() : nullptr;
    if (tab != m_followedTab) {
        if (m_followedTab)
            disconnect(m_followedTab, &ScriptTab::settingsChanged, this, nullptr);
        m_followedTab = tab;
        if (tab)
            connect(tab, &ScriptTab::settingsChanged, this, &DatabaseDock::followCurrentTab);
    }
    if (tab && m_runs)
        setProfile(m_runs->effectiveProfile(tab));
}

void DatabaseDock::setProfile(const QString &profileName)
{
    if (profileName.compare(m_profile, Qt::CaseInsensitive) == 0 && m_store)
        return;
    m_profile = profileName;
    m_profileLabel->setText(tr("Profile: %1").arg(profileName));
    m_expanded.clear();
    // Following the current tab is not a request to sign in: no dialog pops up (and takes the
    // keys typed into the editor) until the user asks for something (Refresh, a run).
    m_store = m_stores ? m_stores->storeFor(profileName, false) : nullptr;
    if (m_store)
        connect(m_store, &MetadataStore::databasesLoaded, this, &DatabaseDock::updateAge,
                Qt::UniqueConnection);
    m_model->setStore(m_store);
    m_model->setFilter(m_filter->text());
    if (m_store)
        m_store->requestDatabases();
    updateAge();
}

void DatabaseDock::refresh()
{
    if (!m_store)
        return;
    if (!m_store->client()) {
        // The user asked: now a missing secret may be asked for.
        m_stores->storeFor(m_profile, true);
        return;
    }
    m_store->requestDatabases(MetadataStore::Fetch::Always);
    for (const QString &key : std::as_const(m_expanded)) {
        const QStringList parts = key.split(u'\n');
        if (parts.size() == 1)
            m_store->requestTables(parts.at(0), MetadataStore::Fetch::Always);
        else
            m_store->requestColumns(parts.at(0), parts.at(1), MetadataStore::Fetch::Always);
    }
}

void DatabaseDock::updateAge()
{
    const auto dbs = m_store ? m_store->cache().databases() : std::nullopt;
    m_ageLabel->setText(dbs ? tr("Read %1").arg(ageText(dbs->ageSeconds())) : QString());
}

QString DatabaseDock::levelKey(const QModelIndex &index) const
{
    const QString db = index.data(DatabaseTreeModel::DatabaseRole).toString().toLower();
    if (kindOf(index) == Kind::Database)
        return db;
    return db + u'\n' + index.data(DatabaseTreeModel::TableRole).toString().toLower();
}

void DatabaseDock::onExpanded(const QModelIndex &index)
{
    if (!m_store)
        return;
    const Kind kind = kindOf(index);
    const QString db = index.data(DatabaseTreeModel::DatabaseRole).toString();
    if (kind == Kind::Database) {
        m_expanded.insert(levelKey(index));
        m_store->requestTables(db);
    } else if (kind == Kind::Table) {
        m_expanded.insert(levelKey(index));
        m_store->requestColumns(db, index.data(DatabaseTreeModel::TableRole).toString());
    }
}

void DatabaseDock::restoreExpansion()
{
    // After a reset (filter, new database list) or new rows: open again what the user opened,
    // and with a filter every database that has matches.
    const bool filtering = !m_model->filter().isEmpty();
    const int dbs = m_model->rowCount();
    for (int row = 0; row < dbs; ++row) {
        const QModelIndex db = m_model->index(row, 0);
        if (kindOf(db) != Kind::Database)
            continue;
        const bool wanted = m_expanded.contains(levelKey(db)) || filtering;
        if (wanted && !m_tree->isExpanded(db))
            m_tree->expand(db);
        if (!wanted)
            continue;
        for (const QString &key : std::as_const(m_expanded)) {
            const QStringList parts = key.split(u'\n');
            if (parts.size() != 2 || parts.at(0) != levelKey(db))
                continue;
            const QModelIndex table = m_model->tableIndex(parts.at(0), parts.at(1));
            if (table.isValid() && !m_tree->isExpanded(table))
                m_tree->expand(table);
        }
    }
}

void DatabaseDock::onFilterChanged(const QString &text)
{
    m_model->setFilter(text);
    if (!m_store || text.trimmed().isEmpty())
        return;
    // The names not loaded yet: ask for the table lists the filter cannot see.
    if (const auto dbs = m_store->cache().databases()) {
        for (const QString &db : dbs->value)
            m_store->requestTables(db, MetadataStore::Fetch::IfMissing);
    }
}

void DatabaseDock::insertIntoEditor(const QModelIndex &index)
{
    if (!index.isValid() || kindOf(index) == Kind::Message || !m_tabs)
        return;
    ScriptTab *tab = m_tabs->currentScriptTab();
    if (!tab)
        return;
    const QModelIndex name = index.siblingAtColumn(0);
    tab->editor()->replaceSelectedText(name.data(DatabaseTreeModel::QualifiedNameRole).toString());
    tab->editor()->setFocus();
}

QString DatabaseDock::previewSql(const QModelIndex &index) const
{
    const QString table = index.data(DatabaseTreeModel::DatabaseRole).toString() + u'.' +
        index.data(DatabaseTreeModel::TableRole).toString();
    return QStringLiteral("select * from %1 limit 100").arg(table);
}

QString DatabaseDock::countSql(const QModelIndex &index) const
{
    const QString table = index.data(DatabaseTreeModel::DatabaseRole).toString() + u'.' +
        index.data(DatabaseTreeModel::TableRole).toString();
    return QStringLiteral("select count(*) from %1").arg(table);
}

void DatabaseDock::runInNewTab(const QString &sql)
{
    if (!m_tabs || !m_runs)
        return;
    ScriptTab *current = m_tabs->currentScriptTab();
    ScriptTab *tab = m_tabs->newTab(ScriptLanguage::Sql, sql);
    tab->setProfileName(m_profile);
    if (current && current->language() == ScriptLanguage::Sql) {
        tab->setEngine(current->engine());
        tab->setRunType(current->runType());
    }
    m_runs->run(tab, true);
}

void DatabaseDock::copyColumnList(const QModelIndex &index)
{
    const QString db = index.data(DatabaseTreeModel::DatabaseRole).toString();
    const QString table = index.data(DatabaseTreeModel::TableRole).toString();
    if (m_model->columnsKnown(db, table)) {
        QStringList names;
        for (const ColumnInfo &c : m_model->columnsOf(db, table))
            names << c.name;
        QApplication::clipboard()->setText(names.join(QStringLiteral(", ")));
        return;
    }
    if (!m_store)
        return;
    // Copied when the columns arrive.
    m_pendingCopy = db + u'\n' + table;
    connect(
        m_store, &MetadataStore::columnsLoaded, this,
        [this](const QString &d, const QString &t) {
            if (m_pendingCopy != d + u'\n' + t)
                return;
            m_pendingCopy.clear();
            const QModelIndex table = m_model->tableIndex(d, t);
            if (table.isValid())
                copyColumnList(table);
        },
        Qt::UniqueConnection);
    m_store->requestColumns(db, table);
}

void DatabaseDock::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_tree->indexAt(pos).siblingAtColumn(0);
    if (!index.isValid() || kindOf(index) == Kind::Message)
        return;
    QMenu menu(this);
    const Kind kind = kindOf(index);
    const QString name = index.data(DatabaseTreeModel::QualifiedNameRole).toString();
    if (kind == Kind::Table) {
        menu.addAction(tr("Preview 100 rows"), this,
                       [this, index] { runInNewTab(previewSql(index)); });
        menu.addAction(tr("Count rows"), this, [this, index] { runInNewTab(countSql(index)); });
        menu.addSeparator();
    }
    menu.addAction(tr("Insert name"), this, [this, index] { insertIntoEditor(index); });
    menu.addAction(tr("Copy name"), this, [name] { QApplication::clipboard()->setText(name); });
    if (kind == Kind::Table)
        menu.addAction(tr("Copy column list"), this, [this, index] { copyColumnList(index); });
    menu.addSeparator();
    menu.addAction(tr("Refresh"), this, &DatabaseDock::refresh);
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

} // namespace linkisdesk
