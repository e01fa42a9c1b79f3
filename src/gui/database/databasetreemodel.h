// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metadata/metadatastore.h"
#include "metadata/metadatatypes.h"

#include <QAbstractItemModel>
#include <QPointer>

#include <vector>

namespace linkisdesk {

// Databases -> tables and views -> columns of one MetadataStore, read from its cache and
// refreshed when the store says a level arrived. A level not loaded yet shows one "Loading…"
// row (or the error, or "no grant") under its parent. The filter matches table and database
// names already loaded, case-insensitively, without a proxy model: one pass over the names.
class DatabaseTreeModel : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabaseTreeModel)
public:
    enum class Kind { Database, Table, Column, Message };
    enum Role {
        KindRole = Qt::UserRole + 1,
        QualifiedNameRole, // db, db.table, column name
        DatabaseRole,
        TableRole,
    };

    explicit DatabaseTreeModel(QObject *parent = nullptr);
    ~DatabaseTreeModel() override;

    // Shows this store (null: nothing). Reads what its cache has at once.
    void setStore(MetadataStore *store);
    MetadataStore *store() const { return m_store; }
    void setFilter(const QString &text);
    QString filter() const { return m_filter; }
    // Set a failed level's text (shown in place of its rows) until it loads.
    void setLevelError(const QString &database, const QString &table, const QString &message);

    QModelIndex databaseIndex(const QString &database) const;
    QModelIndex tableIndex(const QString &database, const QString &table) const;
    // Loaded columns of a table (empty when not loaded or denied).
    QList<ColumnInfo> columnsOf(const QString &database, const QString &table) const;
    // True when the table's columns level is loaded (or known to be denied).
    bool columnsKnown(const QString &database, const QString &table) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;

private:
    struct TableNode
    {
        TableInfo info;
        bool columnsLoaded = false;
        QList<ColumnInfo> columns;
        QString message; // denied or failed: shown as the one child
        int visibleRow = -1;
        bool replacing = false; // no rows while the level is swapped for a fresh one
    };
    struct DatabaseNode
    {
        QString name;
        bool tablesLoaded = false;
        std::vector<TableNode> tables;
        std::vector<int> visible; // indexes into tables that pass the filter
        QString message;
        int visibleRow = -1;
        bool replacing = false;
    };
    // internalId names the row's parent: 0 for database rows, packId(db, -1) for the table rows
    // of database db, packId(db, table) for the column rows of that table.
    static quintptr packId(int db, int table)
    {
        return (quintptr(db + 1) << 32) | quintptr(table + 1);
    }
    static int dbOf(quintptr id) { return int(id >> 32) - 1; }
    static int tableOf(quintptr id) { return int(id & 0xffffffffu) - 1; }

    void reloadDatabases();
    void reloadTables(const QString &database);
    void reloadColumns(const QString &database, const QString &table);
    void applyFilter(DatabaseNode &db) const;
    bool databaseVisible(const DatabaseNode &db) const;
    int findDatabase(const QString &name) const;
    int findTable(const DatabaseNode &db, const QString &name) const;
    // Visible rows: database rows honour the filter too.
    std::vector<int> m_visibleDbs;
    void rebuildVisibleDbs();
    int tableRowCount(const DatabaseNode &db) const;
    QString tableCountText(const DatabaseNode &db) const;
    int columnRowCount(const TableNode &table) const;
    const TableNode *tableAt(const QModelIndex &index) const;

    QPointer<MetadataStore> m_store;
    std::vector<DatabaseNode> m_dbs;
    QString m_filter;
    QString m_databasesMessage;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace linkisdesk
