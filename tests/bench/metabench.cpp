// SPDX-License-Identifier: GPL-3.0-or-later
#include "metabench.h"

#include "benchaccount.h"
#include "benchutil.h"
#include "paintwatcher.h"

#include "api/linkisclient.h"
#include "database/databasedock.h"
#include "database/databasetreemodel.h"
#include "database/metadatastores.h"
#include "database/schemacompleter.h"
#include "editor/scripteditor.h"
#include "metadata/metadataclient.h"
#include "metadata/metadataparsers.h"
#include "metadata/metadatastore.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLineEdit>
#include <QListView>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTimer>
#include <QTreeView>
#include <QUrlQuery>
#include <QWindow>

#include <sqlite3.h>

#include <algorithm>

namespace linkisdesk::bench {

namespace {

// What a user types into the filter box, one keystroke at a time: the first five letters of a
// table name ("t", "t0", "t04", "t042", "t0421" for 10,000 tables).
QStringList keystrokes(int tables)
{
    const QString name = MetaBench::tableName(tables * 421 / 1000);
    QStringList typed;
    for (int n = 1; n <= 5; ++n)
        typed << name.left(n);
    return typed;
}

bool showAndExpose(QWidget *w, QSize size = {500, 800})
{
    w->resize(size);
    w->show();
    return waitUntil([w] { return w->windowHandle() && w->windowHandle()->isExposed(); }, 5000);
}

// The first paint of a completion popup (a list view's viewport, anywhere in the app: Scintilla's
// list is a top-level QListWidget) after start(): the time once that paint is done, as
// PaintWatcher counts it.
class PopupPaintWatcher : public QObject
{
public:
    void start()
    {
        m_doneMs = -1;
        m_clock.start();
        qApp->installEventFilter(this);
    }
    bool done() const { return m_doneMs >= 0; }
    double doneMs() const { return m_doneMs; }
    ~PopupPaintWatcher() override { qApp->removeEventFilter(this); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !done() && !m_pending &&
            qobject_cast<QListView *>(watched->parent())) {
            m_pending = true;
            QTimer::singleShot(0, this, [this] {
                m_pending = false;
                m_doneMs = double(m_clock.nsecsElapsed()) / 1e6;
                qApp->removeEventFilter(this);
            });
        }
        return false;
    }

private:
    QElapsedTimer m_clock;
    double m_doneMs = -1;
    bool m_pending = false;
};

} // namespace

QString MetaBench::tableName(int i)
{
    return QStringLiteral("t%1").arg(i, 5, 10, QLatin1Char('0'));
}

QString MetaBench::columnName(int table, int column)
{
    // Names that differ between tables, as real schemas do (and as the cache must hold them).
    return QStringLiteral("c%1_%2").arg(column, 2, 10, QLatin1Char('0')).arg(table);
}

bool MetaBench::createDatabase(const QString &path, int tables, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    sqlite3 *db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return false;
    }
    QString sql = QStringLiteral("BEGIN;");
    for (int t = 0; t < tables; ++t) {
        QStringList cols;
        for (int c = 0; c < ColumnsPerTable; ++c)
            cols << columnName(t, c) + (c % 2 ? QStringLiteral(" TEXT") : QStringLiteral(" INT"));
        sql += QStringLiteral("CREATE TABLE %1(%2);").arg(tableName(t), cols.join(u','));
    }
    sql += QStringLiteral("COMMIT;");
    char *message = nullptr;
    const bool ok =
        sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &message) == SQLITE_OK;
    if (!ok)
        *error = QString::fromUtf8(message);
    sqlite3_free(message);
    sqlite3_close(db);
    return ok;
}

MetaBench::MetaBench(const QUrl &url, const QString &token, int tables)
    : m_url(url)
    , m_token(token)
    , m_tables(tables)
{ }

QJsonObject MetaBench::runOurs()
{
    QJsonObject o;
    trimHeap();
    const qint64 rss0 = rssKb();

    // The app's path: the dock on the profile's store, the store on a real MetadataClient.
    LinkisClient linkis(BenchAccount::settings(m_url, m_token));
    MetadataClient client(&linkis);
    MetadataStores stores(nullptr);
    stores.setCachesOnDisk(false);
    DatabaseDock dock(&stores, nullptr, nullptr);
    const QString profile = QStringLiteral("bench");
    dock.setProfile(profile);
    MetadataStore *store = stores.storeFor(profile);
    store->setClient(&client);
    store->requestDatabases();
    if (!showAndExpose(&dock))
        return o;
    DatabaseTreeModel *model = dock.model();
    QTreeView *tree = dock.tree();
    if (!waitUntil([&] { return model->databaseIndex(database()).isValid(); }, 60000)) {
        o.insert(QStringLiteral("meta_error"), QStringLiteral("no database %1").arg(database()));
        return o;
    }

    // meta_tables_paint_ms: the user opens `big`; the clock starts when the tables reply has
    // arrived (QNetworkAccessManager::finished comes before the client's own handler) and stops
    // once the rows of that level are painted: parse, cache, model, view.
    PaintWatcher paint(tree->viewport());
    bool armed = false;
    bool parsedBeforeClock = false;
    double cpuAtReply = 0; // CPU time of this process: what a loaded machine does not inflate
    auto tablesShown = [model, tree] {
        const QModelIndex db = model->databaseIndex(database());
        return db.isValid() && tree->isExpanded(db) && model->rowCount(db) > 1;
    };
    const auto hook = QObject::connect(
        linkis.networkAccessManager(), &QNetworkAccessManager::finished, &paint, [&] {
            if (armed)
                return;
            armed = true;
            parsedBeforeClock = store->cache().tables(database()).has_value();
            cpuAtReply = cpuMs();
            paint.arm(tablesShown);
        });
    tree->expand(model->databaseIndex(database()));
    waitUntil([&paint] { return paint.done(); }, 120000);
    QObject::disconnect(hook);
    if (paint.done() && !parsedBeforeClock) {
        o.insert(QStringLiteral("meta_tables_paint_ms"), paint.doneMs());
        o.insert(QStringLiteral("meta_tables_paint_cpu_ms"), cpuMs() - cpuAtReply);
    }
    o.insert(QStringLiteral("meta_tables_rows"), model->rowCount(model->databaseIndex(database())));
    o.insert(QStringLiteral("meta_tables_expected"), m_tables);

    // meta_filter_ms: each keystroke in the filter box to the paint of the filtered tree; the
    // slowest keystroke.
    double worst = -1;
    QStringList each;
    double cpuWorst = 0; // CPU time of this process: what a loaded machine does not inflate
    for (const QString &text : keystrokes(m_tables)) {
        PaintWatcher filtered(tree->viewport());
        filtered.arm([model, tree, text] {
            const QModelIndex db = model->databaseIndex(database());
            return model->filter() == text && db.isValid() && tree->isExpanded(db);
        });
        const double cpu0 = cpuMs();
        dock.filterEdit()->setText(text);
        tree->viewport()->update(); // a keystroke that changes nothing still counts one paint
        if (!waitUntil([&filtered] { return filtered.done(); }, 10000)) {
            worst = -1;
            break;
        }
        worst = std::max(worst, filtered.doneMs());
        each << QString::number(filtered.doneMs(), 'f', 1);
        cpuWorst = std::max(cpuWorst, cpuMs() - cpu0);
    }
    if (worst >= 0)
        o.insert(QStringLiteral("meta_filter_ms"), worst);
    o.insert(QStringLiteral("meta_filter_each_ms"), each.join(u' '));
    o.insert(QStringLiteral("meta_filter_cpu_ms"), cpuWorst);
    o.insert(QStringLiteral("meta_filter_rows"), model->rowCount(model->databaseIndex(database())));
    dock.filterEdit()->clear();

    // Every table's columns cached, as after a long session (or a cache file read at start):
    // 200,000 names in a store the dock and the completion share. Reading 10,000 column lists
    // one request at a time would take minutes and measure the gateway, not the app.
    const auto tables = store->cache().tables(database());
    if (!tables)
        return o;
    auto full = std::make_unique<MetadataCache>();
    full->setDatabases(store->cache().databases()->value);
    full->setTables(database(), tables->value);
    for (const TableInfo &t : tables->value) {
        const int index = t.name.mid(1).toInt();
        ColumnsLevel level;
        level.columns.reserve(ColumnsPerTable);
        for (int c = 0; c < ColumnsPerTable; ++c)
            level.columns.append(ColumnInfo {columnName(index, c),
                                             c % 2 ? QStringLiteral("text") : QStringLiteral("int"),
                                             {},
                                             false});
        full->setColumns(database(), t.name, level);
    }
    MetadataStore session(nullptr, std::move(full));
    model->setStore(&session);
    tree->expand(model->databaseIndex(database()));
    for (int t = 0; t < m_tables; t += std::max(1, m_tables / 10))
        tree->expand(model->tableIndex(database(), tableName(t)));
    spin(50);
    o.insert(QStringLiteral("meta_columns_cached"), session.cache().columnLevelCount());

    // complete_popup_ms: Ctrl+Space in a SQL editor on that store, to the painted popup; the
    // columns of an alias (`select x.|`) and a prefix over the statement's columns, keywords
    // and databases (`select c0|`); the slowest of five of each.
    ScriptEditor editor;
    SchemaCompleter completer(&editor, [&session] { return &session; });
    if (!showAndExpose(&editor, {800, 400}))
        return o;
    const QString from = QStringLiteral(" from big.%1 x join big.%2 y")
                             .arg(tableName(m_tables / 2), tableName(m_tables / 3));
    struct Case
    {
        QString text;
        int cursor;
    };
    const QList<Case> cases = {{QStringLiteral("select x.") + from, 9},
                               {QStringLiteral("select c0") + from, 9}};
    double popupWorst = -1;
    int aliasItems = 0;
    bool failed = false;
    for (const Case &c : cases) {
        for (int i = 0; i < 5 && !failed; ++i) {
            editor.setText(c.text);
            editor.setCursorPosition(0, c.cursor);
            spin(20);
            PopupPaintWatcher popup;
            popup.start();
            const bool shown = completer.complete();
            failed = !shown || !waitUntil([&popup] { return popup.done(); }, 10000);
            if (failed)
                break;
            popupWorst = std::max(popupWorst, popup.doneMs());
            if (c.cursor == 9 && c.text.startsWith(QStringLiteral("select x.")))
                aliasItems = int(completer.lastItems().size());
            editor.cancelList();
        }
    }
    if (!failed)
        o.insert(QStringLiteral("complete_popup_ms"), popupWorst);
    o.insert(QStringLiteral("complete_alias_items"), aliasItems);

    // meta_rss_mb: the dock, the stores (the first one's table list too), the editor and its
    // popup.
    trimHeap();
    o.insert(QStringLiteral("meta_rss_mb"), double(rssKb() - rss0) / 1024.0);
    return o;
}

QJsonObject MetaBench::runNaive()
{
    QJsonObject o;
    trimHeap();
    const qint64 rss0 = rssKb();
    LinkisClient linkis(BenchAccount::settings(m_url, m_token));
    QTreeView view;
    QStandardItemModel model;
    QSortFilterProxyModel proxy;
    proxy.setRecursiveFilteringEnabled(true);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy.setSourceModel(&model);
    view.setUniformRowHeights(true);
    view.setModel(&proxy);
    if (!showAndExpose(&view))
        return o;

    // From the same tables reply to the first paint, every name put in the model at once: each
    // table with its 20 columns.
    PaintWatcher paint(view.viewport());
    bool armed = false;
    double cpuAtReply = 0;
    const auto hook = QObject::connect(
        linkis.networkAccessManager(), &QNetworkAccessManager::finished, &paint, [&] {
            if (armed)
                return;
            armed = true;
            cpuAtReply = cpuMs();
            paint.arm([&proxy, &view] {
                const QModelIndex db = proxy.index(0, 0);
                return db.isValid() && view.isExpanded(db) && proxy.rowCount(db) > 1;
            });
        });
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("database"), database());
    QString error;
    linkis.raw("GET", QStringLiteral("datasource/tables"), query, {}, &view,
               [&](Result<RawReply> r) {
                   if (!r) {
                       error = r.error().message;
                       return;
                   }
                   const auto tables = metadata::parseTables(r->httpStatus, r->body, database());
                   if (!tables) {
                       error = tables.error().message;
                       return;
                   }
                   auto *db = new QStandardItem(database());
                   int t = 0;
                   for (const TableInfo &info : tables.value()) {
                       auto *table = new QStandardItem(info.name);
                       for (int c = 0; c < ColumnsPerTable; ++c)
                           table->appendRow(new QStandardItem(columnName(t, c)));
                       db->appendRow(table);
                       ++t;
                   }
                   model.appendRow(db);
                   view.expand(proxy.index(0, 0));
               });
    waitUntil([&] { return paint.done() || !error.isEmpty(); }, 120000);
    QObject::disconnect(hook);
    if (!error.isEmpty()) {
        o.insert(QStringLiteral("meta_error"), error);
        return o;
    }
    if (paint.done()) {
        o.insert(QStringLiteral("meta_tables_paint_ms"), paint.doneMs());
        o.insert(QStringLiteral("meta_tables_paint_cpu_ms"), cpuMs() - cpuAtReply);
    }

    double worst = -1;
    QStringList each;
    double cpuWorst = 0; // CPU time of this process: what a loaded machine does not inflate
    for (const QString &text : keystrokes(m_tables)) {
        PaintWatcher filtered(view.viewport());
        filtered.arm([&proxy, &view] {
            const QModelIndex db = proxy.index(0, 0);
            return db.isValid() && view.isExpanded(db);
        });
        const double cpu0 = cpuMs();
        proxy.setFilterFixedString(text);
        view.expand(proxy.index(0, 0));
        view.viewport()->update(); // "t" matches every table: nothing to relayout, one paint
        if (!waitUntil([&filtered] { return filtered.done(); }, 60000)) {
            worst = -1;
            break;
        }
        worst = std::max(worst, filtered.doneMs());
        each << QString::number(filtered.doneMs(), 'f', 1);
        cpuWorst = std::max(cpuWorst, cpuMs() - cpu0);
    }
    if (worst >= 0)
        o.insert(QStringLiteral("meta_filter_ms"), worst);
    o.insert(QStringLiteral("meta_filter_each_ms"), each.join(u' '));
    o.insert(QStringLiteral("meta_filter_cpu_ms"), cpuWorst);

    // Completion the naive way: every column name in one list model behind a proxy, filtered to
    // one table's columns, shown in a popup list.
    QStandardItemModel columns;
    for (int t = 0; t < m_tables; ++t) {
        for (int c = 0; c < ColumnsPerTable; ++c)
            columns.appendRow(new QStandardItem(columnName(t, c)));
    }
    QSortFilterProxyModel completions;
    completions.setSourceModel(&columns);
    completions.setFilterCaseSensitivity(Qt::CaseInsensitive);
    QListView list;
    list.setUniformItemSizes(true);
    list.setModel(&completions);
    double popupWorst = -1;
    for (int i = 0; i < 5; ++i) {
        list.hide();
        PopupPaintWatcher popup;
        popup.start();
        completions.setFilterRegularExpression(QStringLiteral("_%1$").arg(m_tables / 2 + i));
        list.resize(300, 200);
        list.show();
        if (!waitUntil([&popup] { return popup.done(); }, 60000)) {
            popupWorst = -1;
            break;
        }
        popupWorst = std::max(popupWorst, popup.doneMs());
    }
    if (popupWorst >= 0)
        o.insert(QStringLiteral("complete_popup_ms"), popupWorst);
    trimHeap();
    o.insert(QStringLiteral("meta_rss_mb"), double(rssKb() - rss0) / 1024.0);
    return o;
}

} // namespace linkisdesk::bench
