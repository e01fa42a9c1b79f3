// SPDX-License-Identifier: GPL-3.0-or-later
// ResultTableModel: sorting and filtering (reading the rows they need, ordering them on a worker
// thread, showing the arranged rows). Paging and the cache are in resulttablemodel.cpp.
#include "resulttablemodel.h"

#include "api/linkisclient.h"
#include "results/runinpool.h"

#include <QElapsedTimer>
#include <QFutureWatcher>

namespace linkisdesk {

void ResultTableModel::sort(int column, Qt::SortOrder order)
{
    if (!m_headerKnown || isText() || column >= columnCount())
        return;
    m_wanted.sortColumn = qMax(-1, column);
    m_wanted.sortOrder = order;
    rearrange();
}

void ResultTableModel::setFilter(int column, const QString &value, bool isNull)
{
    if (!m_headerKnown || isText() || column >= columnCount())
        return;
    m_wanted.filterColumn = qMax(-1, column);
    m_wanted.filterValue = column >= 0 && !isNull ? value : QString();
    m_wanted.filterNull = column >= 0 && isNull;
    rearrange();
}

void ResultTableModel::clearFilter()
{
    setFilter(-1, QString());
}

void ResultTableModel::clearArrangement()
{
    m_wanted = RowArrangement();
    rearrange();
}

void ResultTableModel::cancelArrange()
{
    if (!isArranging())
        return;
    m_wanted = m_shown;
    stopArranging();
}

void ResultTableModel::stopArranging()
{
    ++m_arrangeGeneration;
    m_limitProbe.cancel();
    m_arrangeState = ArrangeState::Idle;
    m_wanted = m_shown;
    if (!m_arranged) {
        m_pinPages = 0;
        evict(-1);
    }
    emit arrangeStateChanged();
}

void ResultTableModel::rearrange()
{
    ++m_arrangeGeneration; // an ordering under way is for an earlier request
    if (!m_wanted.isActive()) {
        m_limitProbe.cancel();
        m_arrangeState = ArrangeState::Idle;
        if (m_arranged) {
            beginResetModel();
            m_arranged = false;
            m_order.clear();
            m_shown = RowArrangement();
            m_arrangedRows = 0;
            m_arrangedAll = false;
            endResetModel();
        }
        m_pinPages = 0;
        evict(-1);
        emit arrangeStateChanged();
        return;
    }
    if (m_wanted == m_shown && m_arranged && m_arrangeState == ArrangeState::Idle)
        return;
    m_pinPages = m_maxPages; // the rows to arrange stay in memory
    m_arrangeState = ArrangeState::Loading;
    emit arrangeStateChanged();
    continueArrange();
}

void ResultTableModel::continueArrange()
{
    if (m_arrangeState != ArrangeState::Loading || !m_client || m_path.isEmpty())
        return;
    const int limit = arrangeLimit();
    int read = 0;
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
        if (it.key() < m_pinPages)
            read += int(it->rows.size());
    }
    emit arrangeProgress(read, m_more || m_rows > limit ? limit : m_rows);
    if (m_seeking)
        return; // finishSeek() comes back here
    if (m_more && m_rows < limit) {
        requestNext(); // the next page in order; onPage() comes back here
        return;
    }
    if (m_more && m_rows == limit && !m_beyondLimit) {
        probeBeyondLimit(); // exactly at the limit: is there one row more?
        return;
    }
    // Pages evicted before the pin (the view was elsewhere) are read again, two at a time.
    const int rows = qMin(m_rows, limit);
    const int pages = (rows + m_pageSize - 1) / m_pageSize;
    int inFlight = 0;
    bool missing = false;
    for (int p = 0; p < pages; ++p) {
        if (m_pages.contains(p))
            continue;
        missing = true;
        if (!m_inFlight.contains(p) && inFlight < 2)
            request(p);
        if (m_inFlight.contains(p))
            ++inFlight;
    }
    if (!missing)
        startOrdering();
}

void ResultTableModel::probeBeyondLimit()
{
    if (m_limitProbe.isActive())
        return;
    const quint64 generation = m_arrangeGeneration;
    m_limitProbe = m_client->openFile(
        m_path, arrangeLimit() + 1, 1, this, [this, generation](Result<ResultPage> result) {
            if (generation != m_arrangeGeneration)
                return;
            if (result && result->rows.isEmpty() && m_more) {
                m_toEnd = false;
                setMore(false);
                emit endReached(m_rows);
            } else {
                m_beyondLimit = true; // more rows, or unknown: arrange the first ones
            }
            continueArrange();
        });
}

ArrangeColumn ResultTableModel::arrangeColumn(int column, int rows) const
{
    ArrangeColumn out;
    if (column < 0 || column >= columnCount())
        return out;
    out.kind = columnKindAt(column);
    out.cells.reserve(rows);
    out.nulls.resize(rows);
    for (int r = 0; r < rows; ++r) {
        const auto page = m_pages.constFind(r / m_pageSize);
        const int offset = r % m_pageSize;
        if (page == m_pages.cend() || offset >= page->rows.size()) {
            out.cells.append(QString());
            out.nulls.setBit(r);
            continue;
        }
        out.cells.append(page->rows.at(offset).value(column));
        if (offset < page->nulls.size() && column < page->nulls.at(offset).size() &&
            page->nulls.at(offset).testBit(column))
            out.nulls.setBit(r);
    }
    return out;
}

void ResultTableModel::startOrdering()
{
    m_arrangeState = ArrangeState::Ordering;
    const int rows = qMin(m_rows, arrangeLimit());
    const bool all = !m_more && m_rows <= arrangeLimit();
    const RowArrangement wanted = m_wanted;
    // Copies of the two columns (the strings are shared, not duplicated) go to the worker.
    ArrangeColumn sortColumn = arrangeColumn(wanted.sortColumn, rows);
    ArrangeColumn filterColumn = arrangeColumn(wanted.filterColumn, rows);
    const quint64 generation = m_arrangeGeneration;
    auto *watcher = new QFutureWatcher<Ordered>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, generation, wanted, rows, all] {
                watcher->deleteLater();
                if (generation != m_arrangeGeneration)
                    return; // asked again, cancelled, or another result set
                const Ordered ordered = watcher->result();
                beginResetModel();
                m_order = ordered.order;
                m_arranged = true;
                m_shown = wanted;
                m_arrangedRows = rows;
                m_arrangedAll = all;
                endResetModel();
                evict(-1); // only the pinned pages are shown now
                m_lastArrangeMs = ordered.ms;
                m_arrangeState = ArrangeState::Idle;
                emit arrangeStateChanged();
            });
    watcher->setFuture(runInPool<Ordered>(
        [rows, wanted, sortColumn = std::move(sortColumn), filterColumn = std::move(filterColumn)] {
            QElapsedTimer clock;
            clock.start();
            Ordered ordered;
            ordered.order = arrangeRows(rows, wanted, sortColumn, filterColumn);
            ordered.ms = clock.elapsed();
            return ordered;
        }));
}

} // namespace linkisdesk
