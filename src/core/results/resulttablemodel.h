// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/apierror.h"
#include "api/requesthandle.h"
#include "api/result.h"
#include "api/resultpage.h"
#include "results/columnkind.h"
#include "results/rowarranger.h"

#include <QAbstractTableModel>
#include <QBitArray>
#include <QHash>
#include <QPointer>

namespace linkisdesk {

class LinkisClient;

// A result set as a table, paged from filesystem/openFile on demand. Rows appear as pages arrive
// (canFetchMore()/fetchMore(), moreAvailable()); only maxCachedPages() pages are kept, least
// recently used first out, and rows of an evicted page show placeholderText() until they are
// read again. A generation counter drops replies meant for an earlier result set. SQL NULL cells
// answer IsNullRole = true and display nullText(), for the view to style. A text result (type
// "1") is one column, one record per row.
//
// Floating-point cells display without binary rounding noise (displayReal); Qt::EditRole is the
// exact text the engine sent, for copying.
//
// Sorting and filtering by value cover the whole result set when it fits in the bounded cache
// (arrangeLimit() = maxCachedPages() pages, 100,000 rows by default): the missing pages are read
// first (arrangeProgress(), cancelArrange()), kept while the arrangement is shown, and ordered on
// a worker thread by the column's type (arrangeRows). The model then shows the arranged rows.
// A bigger result set is arranged over its first arrangeLimit() rows only, and arrangedAll() is
// false, for the view to say so. While those pages are pinned, a page of rows past the limit
// that the view asks for is held besides them (the cache is then one page over its bound).
class ResultTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultTableModel)
public:
    enum Role {
        IsNullRole = Qt::UserRole + 1, // bool: the cell is SQL NULL
        IsLoadedRole, // bool: the row's page is in memory
        ColumnTypeRole, // headerData: the Linkis dataType of the column
    };
    static constexpr int DefaultPageSize = 5000;
    static constexpr int DefaultMaxCachedPages = 20;

    explicit ResultTableModel(LinkisClient *client, QObject *parent = nullptr);
    ~ResultTableModel() override;

    static QString nullText() { return QStringLiteral("NULL"); }
    static QString placeholderText() { return QStringLiteral("…"); }

    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }
    void setMaxCachedPages(int pages);
    int maxCachedPages() const { return m_maxPages; }

    // Shows another result set (or nothing, with an empty path) and reads its first page.
    void setResultSet(const QString &path);
    void clear() { setResultSet(QString()); }
    QString resultSet() const { return m_path; }
    LinkisClient *client() const;

    bool isText() const { return m_type != ResultPage::Type::Table; }
    ResultPage::Type resultType() const { return m_type; }
    bool headerKnown() const { return m_headerKnown; }
    // More rows may exist beyond rowCount() (the end has not been seen yet).
    bool moreAvailable() const { return m_more; }
    bool isLoading() const { return !m_inFlight.isEmpty() || m_seeking; }
    // Loads page after page until the end, keeping the cache bounded; endReached() tells when.
    void loadToEnd();
    // Jumps to the end without reading every page: finds the row count with one-row probes
    // (doubling, then bisecting; about 2*log2(rows) tiny requests), makes every row known (rows
    // not read yet show placeholderText()) and lets the view load just the pages it shows.
    // Emits endReached(rows) when the count is known.
    void seekEnd();
    bool isSeekingEnd() const { return m_seeking; }
    bool isLoadingToEnd() const { return m_toEnd; }
    int cachedPageCount() const { return int(m_pages.size()); }
    quint64 generation() const { return m_generation; }
    const ApiError &lastError() const { return m_lastError; }

    // Sorts by the column's type (-1: the server's order). Asynchronous: see isArranging().
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    // Shows only the rows whose cell in `column` is `value` exactly (or SQL NULL).
    void setFilter(int column, const QString &value, bool isNull = false);
    void clearFilter();
    // Back to every row in the server's order.
    void clearArrangement();
    // Stops reading or ordering for a sort or filter; what is shown stays.
    void cancelArrange();
    // What the rows show, and what was last asked for (differs while isArranging()).
    RowArrangement arrangement() const { return m_shown; }
    RowArrangement requestedArrangement() const { return m_wanted; }
    bool isArranged() const { return m_arranged; }
    bool isArranging() const { return m_arrangeState != ArrangeState::Idle; }
    int arrangeLimit() const { return m_maxPages * m_pageSize; }
    // The rows the shown arrangement covered, and whether they are the whole result set.
    int arrangedSourceRows() const { return m_arrangedRows; }
    bool arrangedAll() const { return m_arrangedAll; }
    // Milliseconds the last ordering took on the worker thread.
    qint64 lastArrangeMs() const { return m_lastArrangeMs; }
    // The row of the result set shown at `row`.
    int sourceRow(int row) const;
    ColumnKind columnKindAt(int column) const { return m_kinds.value(column, ColumnKind::Text); }
    // The rows of a page (0-based) if it is in the cache: shared copies, cheap to hand to a
    // worker thread. The NULL flags have a bit per column.
    bool cachedPage(int page, QList<QStringList> *rows, QList<QBitArray> *nulls) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void headerLoaded();
    void pageLoaded(int page, int rows);
    void moreAvailableChanged(bool more);
    void loadingChanged(bool loading);
    // The empty page after the last row was reached: rowCount() is the total.
    void endReached(int rows);
    void failed(const linkisdesk::ApiError &error);
    // While a sort or filter reads the rows it needs: rows read of `rows` wanted.
    void arrangeProgress(int read, int rows);
    // A sort or filter started, finished, was cancelled or failed.
    void arrangeStateChanged();

private:
    enum class ArrangeState { Idle, Loading, Ordering };
    struct Ordered
    {
        QList<int> order;
        qint64 ms = 0;
    };

    struct Page
    {
        QList<QStringList> rows;
        QList<QBitArray> nulls;
        quint64 lastUse = 0;
    };

    void request(int page) const;
    void requestNext();
    void onPage(quint64 generation, int page, Result<ResultPage> result);
    void applyHeader(const ResultPage &page);
    void setMore(bool more);
    void evict(int keep);
    void probe();
    void onProbe(quint64 generation, int row, Result<ResultPage> result);
    void finishSeek(int total);
    const Page *pageFor(int row) const;
    void rearrange();
    void continueArrange();
    void probeBeyondLimit();
    void startOrdering();
    void stopArranging();
    ArrangeColumn arrangeColumn(int column, int rows) const;

    QPointer<LinkisClient> m_client;
    QString m_path;
    int m_pageSize = DefaultPageSize;
    int m_maxPages = DefaultMaxCachedPages;
    quint64 m_generation = 0;
    ResultPage::Type m_type = ResultPage::Type::Table;
    QList<ResultColumn> m_columns;
    bool m_headerKnown = false;
    int m_rows = 0;
    int m_pagesSeen = 0; // pages 0 .. m_pagesSeen-1 have been read at least once
    bool m_more = false;
    bool m_toEnd = false;
    bool m_seeking = false;
    int m_probeLow = 0; // row count known to exist
    int m_probeHigh = -1; // a 1-based row known not to exist (-1: none yet)
    RequestHandle m_probe;
    ApiError m_lastError;
    mutable QHash<int, Page> m_pages; // 0-based page index
    mutable QHash<int, RequestHandle> m_inFlight;
    mutable quint64 m_clock = 0;

    QList<ColumnKind> m_kinds;
    RowArrangement m_wanted;
    RowArrangement m_shown;
    ArrangeState m_arrangeState = ArrangeState::Idle;
    quint64 m_arrangeGeneration = 0;
    bool m_arranged = false;
    QList<int> m_order; // source row of each shown row, while arranged
    int m_arrangedRows = 0;
    bool m_arrangedAll = false;
    qint64 m_lastArrangeMs = 0;
    int m_pinPages = 0; // pages 0 .. m_pinPages-1 are not evicted (a sort or filter needs them)
    bool m_beyondLimit = false; // a row past arrangeLimit() is known to exist
    RequestHandle m_limitProbe;
};

} // namespace linkisdesk
