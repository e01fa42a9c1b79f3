// SPDX-License-Identifier: GPL-3.0-or-later
#include "database/databasetreemodel.h"

#include "metadata/metadatastore.h"

#include <QApplication>
#include <QDateTime>
#include <QFont>
#include <QIcon>
#include <QMimeData>
#include <QPalette>
#include <QStyle>

namespace linkisdesk {

DatabaseTreeModel::DatabaseTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

DatabaseTreeModel::~DatabaseTreeModel() = default;

void DatabaseTreeModel::setStore(MetadataStore *store)
{
    for (const auto &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_store = store;
    if (store) {
        m_connections << connect(store, &MetadataStore::databasesLoaded, this,
                                 &DatabaseTreeModel::reloadDatabases);
        m_connections << connect(store, &MetadataStore::tablesLoaded, this,
                                 &DatabaseTreeModel::reloadTables);
        m_connections << connect(store, &MetadataStore::columnsLoaded, this,
                                 &DatabaseTreeModel::reloadColumns);
        m_connections << connect(
            store, &MetadataStore::requestFailed, this,
            [this](const QString &db, const QString &table, const ApiError &error) {
                setLevelError(db, table, error.message);
            });
    }
    reloadDatabases();
}

void DatabaseTreeModel::reloadDatabases()
{
    beginResetModel();
    m_dbs.clear();
    m_databasesMessage.clear();
    if (m_store) {
        if (const auto dbs = m_store->cache().databases()) {
            m_dbs.reserve(size_t(dbs->value.size()));
            for (const QString &name : dbs->value) {
                DatabaseNode node;
                node.name = name;
                if (const auto tables = m_store->cache().tables(name)) {
                    node.tablesLoaded = true;
                    node.tables.reserve(size_t(tables->value.size()));
                    for (const TableInfo &t : tables->value) {
                        TableNode table;
                        table.info = t;
                        if (const auto cols = m_store->cache().columns(name, t.name)) {
                            table.columnsLoaded = true;
                            table.columns = cols->value.columns;
                            table.message = cols->value.deniedMessage;
                        }
                        node.tables.push_back(std::move(table));
                    }
                }
                applyFilter(node);
                m_dbs.push_back(std::move(node));
            }
        }
    }
    rebuildVisibleDbs();
    endResetModel();
}

void DatabaseTreeModel::applyFilter(DatabaseNode &db) const
{
    db.visible.clear();
    db.visible.reserve(db.tables.size());
    const bool all = m_filter.isEmpty() || db.name.contains(m_filter, Qt::CaseInsensitive);
    for (size_t i = 0; i < db.tables.size(); ++i) {
        TableNode &t = db.tables[i];
        if (all || t.info.name.contains(m_filter, Qt::CaseInsensitive)) {
            t.visibleRow = int(db.visible.size());
            db.visible.push_back(int(i));
        } else {
            t.visibleRow = -1;
        }
    }
}

bool DatabaseTreeModel::databaseVisible(const DatabaseNode &db) const
{
    return m_filter.isEmpty() || !db.tablesLoaded || !db.visible.empty() ||
        db.name.contains(m_filter, Qt::CaseInsensitive);
}

void DatabaseTreeModel::rebuildVisibleDbs()
{
    m_visibleDbs.clear();
    for (size_t i = 0; i < m_dbs.size(); ++i) {
        DatabaseNode &db = m_dbs[i];
        db.visibleRow = databaseVisible(db) ? int(m_visibleDbs.size()) : -1;
        if (db.visibleRow >= 0)
            m_visibleDbs.push_back(int(i));
    }
}

void DatabaseTreeModel::setFilter(const QString &text)
{
    const QString filter = text.trimmed();
    if (filter == m_filter)
        return;
    beginResetModel();
    m_filter = filter;
    for (DatabaseNode &db : m_dbs)
        applyFilter(db);
    rebuildVisibleDbs();
    endResetModel();
}

int DatabaseTreeModel::findDatabase(const QString &name) const
{
    for (size_t i = 0; i < m_dbs.size(); ++i) {
        if (m_dbs[i].name.compare(name, Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return -1;
}

int DatabaseTreeModel::findTable(const DatabaseNode &db, const QString &name) const
{
    for (size_t i = 0; i < db.tables.size(); ++i) {
        if (db.tables[i].info.name.compare(name, Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return -1;
}

void DatabaseTreeModel::reloadTables(const QString &database)
{
    const int d = findDatabase(database);
    if (d < 0 || !m_store)
        return;
    const auto tables = m_store->cache().tables(database);
    if (!tables)
        return;
    DatabaseNode &db = m_dbs[size_t(d)];
    const bool wasVisible = db.visibleRow >= 0;
    const QModelIndex parentIndex =
        wasVisible ? createIndex(db.visibleRow, 0, quintptr(0)) : QModelIndex();
    if (wasVisible) {
        const int old = tableRowCount(db);
        if (old > 0)
            beginRemoveRows(parentIndex, 0, old - 1);
        db.tables.clear();
        db.visible.clear();
        db.replacing = true; // no rows until the new ones are announced
        if (old > 0)
            endRemoveRows();
    }
    // Columns already loaded stay with their tables.
    std::vector<TableNode> fresh;
    fresh.reserve(size_t(tables->value.size()));
    for (const TableInfo &t : tables->value) {
        TableNode node;
        node.info = t;
        if (const auto columns = m_store->cache().columns(database, t.name)) {
            node.columnsLoaded = true;
            node.columns = columns->value.columns;
            node.message = columns->value.deniedMessage;
        }
        fresh.push_back(std::move(node));
    }
    db.tables = std::move(fresh);
    db.tablesLoaded = true;
    db.message.clear();
    applyFilter(db);
    if (wasVisible && databaseVisible(db)) {
        db.replacing = false;
        const int rows = tableRowCount(db);
        db.replacing = true;
        if (rows > 0)
            beginInsertRows(parentIndex, 0, rows - 1);
        db.replacing = false;
        if (rows > 0)
            endInsertRows();
    } else {
        db.replacing = false;
        // The filter hides or shows the database itself now.
        beginResetModel();
        rebuildVisibleDbs();
        endResetModel();
    }
}

void DatabaseTreeModel::reloadColumns(const QString &database, const QString &table)
{
    const int d = findDatabase(database);
    if (d < 0 || !m_store)
        return;
    DatabaseNode &db = m_dbs[size_t(d)];
    const int t = findTable(db, table);
    const auto columns = m_store->cache().columns(database, table);
    if (t < 0 || !columns)
        return;
    TableNode &node = db.tables[size_t(t)];
    const bool visible = db.visibleRow >= 0 && node.visibleRow >= 0;
    const QModelIndex parentIndex =
        visible ? createIndex(node.visibleRow, 0, packId(d, -1)) : QModelIndex();
    if (visible) {
        const int old = columnRowCount(node);
        if (old > 0)
            beginRemoveRows(parentIndex, 0, old - 1);
        node.replacing = true; // no rows until the new ones are announced
        if (old > 0)
            endRemoveRows();
    }
    node.columnsLoaded = true;
    node.columns = columns->value.columns;
    node.message = columns->value.deniedMessage;
    node.replacing = false;
    if (visible) {
        const int rows = columnRowCount(node);
        node.replacing = true;
        if (rows > 0)
            beginInsertRows(parentIndex, 0, rows - 1);
        node.replacing = false;
        if (rows > 0)
            endInsertRows();
    }
}

void DatabaseTreeModel::setLevelError(const QString &database, const QString &table,
                                      const QString &message)
{
    if (database.isEmpty()) {
        if (m_dbs.empty()) {
            beginResetModel();
            m_databasesMessage = message;
            endResetModel();
        }
        return;
    }
    const int d = findDatabase(database);
    if (d < 0)
        return;
    DatabaseNode &db = m_dbs[size_t(d)];
    if (table.isEmpty()) {
        if (db.tablesLoaded)
            return; // the cached list stays
        db.message = message;
        if (db.visibleRow >= 0) {
            const QModelIndex row = index(0, 0, createIndex(db.visibleRow, 0, quintptr(0)));
            emit dataChanged(row, row);
        }
        return;
    }
    const int t = findTable(db, table);
    if (t < 0)
        return;
    TableNode &node = db.tables[size_t(t)];
    if (node.columnsLoaded)
        return;
    node.message = message;
    if (db.visibleRow >= 0 && node.visibleRow >= 0) {
        const QModelIndex parentIndex = createIndex(node.visibleRow, 0, packId(d, -1));
        emit dataChanged(index(0, 0, parentIndex), index(0, 1, parentIndex));
    }
}

QString DatabaseTreeModel::tableCountText(const DatabaseNode &db) const
{
    // Whole words in English too: "%n table(s)" would show "1 table(s)" without an English
    // plural translation.
    const int all = int(db.tables.size());
    const int shown = int(db.visible.size());
    if (!m_filter.isEmpty() && shown < all)
        return tr("%1 of %2 tables").arg(shown).arg(all);
    return all == 1 ? tr("1 table") : tr("%1 tables").arg(all);
}

int DatabaseTreeModel::tableRowCount(const DatabaseNode &db) const
{
    if (db.replacing)
        return 0;
    if (!db.tablesLoaded || db.tables.empty())
        return 1; // Loading…, the error, or "No tables"
    return int(db.visible.size());
}

int DatabaseTreeModel::columnRowCount(const TableNode &table) const
{
    if (table.replacing)
        return 0;
    if (!table.columnsLoaded || table.columns.isEmpty())
        return 1; // Loading…, no grant, the error, or "No columns"
    return int(table.columns.size());
}

QModelIndex DatabaseTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= 2)
        return {};
    if (!parent.isValid()) {
        const int rows =
            m_visibleDbs.empty() && !m_databasesMessage.isEmpty() ? 1 : int(m_visibleDbs.size());
        return row < rows ? createIndex(row, column, quintptr(0)) : QModelIndex();
    }
    if (row >= rowCount(parent))
        return {};
    const quintptr pid = parent.internalId();
    if (pid == 0) {
        if (m_visibleDbs.empty())
            return {};
        return createIndex(row, column, packId(m_visibleDbs[size_t(parent.row())], -1));
    }
    const int d = dbOf(pid);
    if (tableOf(pid) < 0) {
        const DatabaseNode &db = m_dbs[size_t(d)];
        if (!db.tablesLoaded || db.tables.empty())
            return {}; // a message row has no children
        return createIndex(row, column, packId(d, db.visible[size_t(parent.row())]));
    }
    return {};
}

QModelIndex DatabaseTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const quintptr id = child.internalId();
    if (id == 0)
        return {};
    const int d = dbOf(id);
    const int t = tableOf(id);
    const DatabaseNode &db = m_dbs[size_t(d)];
    if (t < 0)
        return createIndex(db.visibleRow, 0, quintptr(0));
    return createIndex(db.tables[size_t(t)].visibleRow, 0, packId(d, -1));
}

const DatabaseTreeModel::TableNode *DatabaseTreeModel::tableAt(const QModelIndex &index) const
{
    const quintptr id = index.internalId();
    if (id == 0 || tableOf(id) >= 0)
        return nullptr;
    const DatabaseNode &db = m_dbs[size_t(dbOf(id))];
    if (!db.tablesLoaded || db.tables.empty() || index.row() >= int(db.visible.size()))
        return nullptr;
    return &db.tables[size_t(db.visible[size_t(index.row())])];
}

int DatabaseTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) {
        if (m_visibleDbs.empty() && !m_databasesMessage.isEmpty())
            return 1;
        return int(m_visibleDbs.size());
    }
    if (parent.column() != 0)
        return 0;
    const quintptr pid = parent.internalId();
    if (pid == 0) {
        if (m_visibleDbs.empty())
            return 0;
        return tableRowCount(m_dbs[size_t(m_visibleDbs[size_t(parent.row())])]);
    }
    if (tableOf(pid) < 0) {
        const TableNode *t = tableAt(parent);
        return t ? columnRowCount(*t) : 0;
    }
    return 0;
}

int DatabaseTreeModel::columnCount(const QModelIndex &) const
{
    return 2;
}

bool DatabaseTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant DatabaseTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const quintptr id = index.internalId();
    const int col = index.column();
    auto message = [&](const QString &text) -> QVariant {
        switch (role) {
        case Qt::DisplayRole: return col == 0 ? text : QVariant();
        case Qt::ToolTipRole: return text;
        case KindRole: return int(Kind::Message);
        case Qt::FontRole: {
            QFont f;
            f.setItalic(true);
            return f;
        }
        case Qt::ForegroundRole:
            return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
        default: return {};
        }
    };
    if (id == 0) {
        if (m_visibleDbs.empty())
            return message(m_databasesMessage);
        const DatabaseNode &db = m_dbs[size_t(m_visibleDbs[size_t(index.row())])];
        switch (role) {
        case Qt::DisplayRole:
            if (col == 0)
                return db.name;
            return db.tablesLoaded ? tableCountText(db) : QVariant();
        case Qt::DecorationRole:
            return col == 0 ? QApplication::style()->standardIcon(QStyle::SP_DriveHDIcon)
                            : QVariant();
        case KindRole: return int(Kind::Database);
        case QualifiedNameRole:
        case DatabaseRole: return db.name;
        default: return {};
        }
    }
    const int d = dbOf(id);
    const DatabaseNode &db = m_dbs[size_t(d)];
    if (tableOf(id) < 0) {
        const TableNode *t = tableAt(index);
        if (!t) {
            if (!db.message.isEmpty())
                return message(tr("Could not load the tables: %1").arg(db.message));
            return message(db.tablesLoaded ? tr("No tables") : tr("Loading\u2026"));
        }
        switch (role) {
        case Qt::DisplayRole:
            if (col == 0)
                return t->info.name;
            return t->info.isView ? tr("view") : QVariant();
        case Qt::DecorationRole:
            return col == 0 ? QApplication::style()->standardIcon(
                                  t->info.isView ? QStyle::SP_FileLinkIcon : QStyle::SP_FileIcon)
                            : QVariant();
        case Qt::ToolTipRole: {
            QString tip = t->info.qualifiedName();
            if (!t->info.createdBy.isEmpty())
                tip += u'\n' + tr("Owner: %1").arg(t->info.createdBy);
            if (t->info.createdAtSecs > 0)
                tip += u'\n' +
                    tr("Created: %1")
                        .arg(QDateTime::fromSecsSinceEpoch(t->info.createdAtSecs)
                                 .toString(QStringLiteral("yyyy-MM-dd HH:mm")));
            return tip;
        }
        case KindRole: return int(Kind::Table);
        case QualifiedNameRole: return t->info.qualifiedName();
        case DatabaseRole: return db.name;
        case TableRole: return t->info.name;
        default: return {};
        }
    }
    // A column row (or the table's one message row).
    const TableNode &table = db.tables[size_t(tableOf(id))];
    if (!table.columnsLoaded || table.columns.isEmpty()) {
        if (!table.message.isEmpty())
            return message(table.columnsLoaded
                               ? table.message
                               : tr("Could not load the columns: %1").arg(table.message));
        return message(table.columnsLoaded ? tr("No columns") : tr("Loading\u2026"));
    }
    const ColumnInfo &c = table.columns.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (col == 0)
            return c.name;
        return c.partitioned ? tr("%1, partition key").arg(c.type) : c.type;
    case Qt::ToolTipRole:
        return c.comment.isEmpty()
            ? c.name + u' ' + c.type
            : c.name + u' ' + c.type + QStringLiteral(" \u2014 ") + c.comment;
    case Qt::FontRole:
        if (c.partitioned) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case KindRole: return int(Kind::Column);
    case QualifiedNameRole: return c.name;
    case DatabaseRole: return db.name;
    case TableRole: return table.info.name;
    default: return {};
    }
}

QVariant DatabaseTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == 0 ? tr("Name") : tr("Type");
}

Qt::ItemFlags DatabaseTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.data(KindRole).toInt() == int(Kind::Message))
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
}

QStringList DatabaseTreeModel::mimeTypes() const
{
    return {QStringLiteral("text/plain")};
}

QMimeData *DatabaseTreeModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList names;
    for (const QModelIndex &i : indexes) {
        if (i.column() == 0 && i.data(KindRole).toInt() != int(Kind::Message))
            names << i.data(QualifiedNameRole).toString();
    }
    if (names.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setText(names.join(QStringLiteral(", ")));
    return mime;
}

QModelIndex DatabaseTreeModel::databaseIndex(const QString &database) const
{
    const int d = findDatabase(database);
    if (d < 0 || m_dbs[size_t(d)].visibleRow < 0)
        return {};
    return createIndex(m_dbs[size_t(d)].visibleRow, 0, quintptr(0));
}

QModelIndex DatabaseTreeModel::tableIndex(const QString &database, const QString &table) const
{
    const int d = findDatabase(database);
    if (d < 0 || m_dbs[size_t(d)].visibleRow < 0)
        return {};
    const int t = findTable(m_dbs[size_t(d)], table);
    if (t < 0 || m_dbs[size_t(d)].tables[size_t(t)].visibleRow < 0)
        return {};
    return createIndex(m_dbs[size_t(d)].tables[size_t(t)].visibleRow, 0, packId(d, -1));
}

QList<ColumnInfo> DatabaseTreeModel::columnsOf(const QString &database, const QString &table) const
{
    const int d = findDatabase(database);
    if (d < 0)
        return {};
    const int t = findTable(m_dbs[size_t(d)], table);
    return t < 0 ? QList<ColumnInfo> {} : m_dbs[size_t(d)].tables[size_t(t)].columns;
}

bool DatabaseTreeModel::columnsKnown(const QString &database, const QString &table) const
{
    const int d = findDatabase(database);
    if (d < 0)
        return false;
    const int t = findTable(m_dbs[size_t(d)], table);
    return t >= 0 && m_dbs[size_t(d)].tables[size_t(t)].columnsLoaded;
}

} // namespace linkisdesk
