// SPDX-License-Identifier: GPL-3.0-or-later
#include "resulttablemodel.h"

#include "api/linkisclient.h"
#include "results/numberformat.h"

#include <limits>

namespace linkisdesk {

ResultTableModel::ResultTableModel(LinkisClient *client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
{ }

ResultTableModel::~ResultTableModel()
{
    for (RequestHandle &handle : m_inFlight)
        handle.cancel();
    m_probe.cancel();
    m_limitProbe.cancel();
}

void ResultTableModel::setPageSize(int rows)
{
    if (rows <= 0 || rows == m_pageSize)
        return;
    m_pageSize = rows;
    if (!m_path.isEmpty())
        setResultSet(m_path);
}

void ResultTableModel::setMaxCachedPages(int pages)
{
    m_maxPages = qMax(1, pages);
    if (m_arranged || isArranging())
        clearArrangement(); // its limit was the old cache size
    evict(-1);
}

void ResultTableModel::setResultSet(const QString &path)
{
    const bool wasLoading = isLoading();
    ++m_generation;
    for (RequestHandle &handle : m_inFlight)
        handle.cancel();
    m_inFlight.clear();
    m_probe.cancel();
    m_seeking = false;
    const bool wasArranged = m_arranged || isArranging();
    ++m_arrangeGeneration;
    m_limitProbe.cancel();
    beginResetModel();
    m_arranged = false;
    m_order.clear();
    m_wanted = m_shown = RowArrangement();
    m_arrangeState = ArrangeState::Idle;
    m_arrangedRows = 0;
    m_arrangedAll = false;
    m_pinPages = 0;
    m_beyondLimit = false;
    m_kinds.clear();
    m_path = path;
    m_pages.clear();
    m_columns.clear();
    m_type = ResultPage::Type::Table;
    m_headerKnown = false;
    m_rows = 0;
    m_pagesSeen = 0;
    m_toEnd = false;
    m_lastError = ApiError();
    endResetModel();
    setMore(!path.isEmpty());
    if (!path.isEmpty())
        request(0);
    if (wasLoading != isLoading())
        emit loadingChanged(isLoading());
    if (wasArranged)
        emit arrangeStateChanged();
}

void ResultTableModel::loadToEnd()
{
    if (!m_more)
        return;
    m_toEnd = true;
    requestNext();
}

void ResultTableModel::seekEnd()
{
    if (!m_more || m_seeking || !m_client || m_path.isEmpty())
        return;
    const bool wasLoading = isLoading();
    m_seeking = true;
    m_probeLow = m_rows;
    m_probeHigh = -1;
    probe();
    if (wasLoading != isLoading())
        emit loadingChanged(isLoading());
}

void ResultTableModel::probe()
{
    if (m_probeHigh >= 0 && m_probeHigh - m_probeLow <= 1) {
        finishSeek(m_probeLow);
        return;
    }
    constexpr int kMaxRows = std::numeric_limits<int>::max() / 2;
    const int row = m_probeHigh < 0 ? qMin(kMaxRows, qMax(1, m_probeLow * 2))
                                    : m_probeLow + (m_probeHigh - m_probeLow) / 2;
    const quint64 generation = m_generation;
    m_probe = m_client->openFile(m_path, row, 1, this,
                                 [this, generation, row](Result<ResultPage> result) {
                                     onProbe(generation, row, std::move(result));
                                 });
}

void ResultTableModel::onProbe(quint64 generation, int row, Result<ResultPage> result)
{
    if (generation != m_generation || !m_seeking)
        return;
    if (!result) {
        // Probing failed: fall back to reading the pages in order.
        m_seeking = false;
        loadToEnd();
        if (!isLoading())
            emit loadingChanged(false);
        return;
    }
    if (result->rows.isEmpty())
        m_probeHigh = row;
    else
        m_probeLow = row;
    if (m_probeHigh < 0 && m_probeLow == std::numeric_limits<int>::max() / 2)
        m_probeHigh = m_probeLow + 1; // more rows than a view can show: stop there
    probe();
}

void ResultTableModel::finishSeek(int total)
{
    m_seeking = false;
    if (total > m_rows) {
        // Arranged rows are a fixed set: the source grows without the view seeing new rows.
        if (!m_arranged)
            beginInsertRows(QModelIndex(), m_rows, total - 1);
        m_rows = total;
        m_pagesSeen = qMax(m_pagesSeen, (total + m_pageSize - 1) / m_pageSize);
        if (!m_arranged)
            endInsertRows();
    }
    m_toEnd = false;
    setMore(false);
    emit endReached(m_rows);
    if (!isLoading())
        emit loadingChanged(false);
    continueArrange();
}

void ResultTableModel::request(int page) const
{
    if (!m_client || m_path.isEmpty() || m_inFlight.contains(page))
        return;
    auto *self = const_cast<ResultTableModel *>(this);
    const quint64 generation = m_generation;
    m_inFlight.insert(page,
                      m_client->openFile(m_path, page + 1, m_pageSize, self,
                                         [self, generation, page](Result<ResultPage> result) {
                                             self->onPage(generation, page, std::move(result));
                                         }));
}

void ResultTableModel::requestNext()
{
    if (!m_more)
        return;
    const bool wasLoading = isLoading();
    request(m_pagesSeen);
    if (wasLoading != isLoading())
        emit loadingChanged(isLoading());
}

void ResultTableModel::onPage(quint64 generation, int page, Result<ResultPage> result)
{
    if (generation != m_generation)
        return; // meant for an earlier result set
    m_inFlight.remove(page);
    const bool sequential = page >= m_pagesSeen;
    if (!result) {
        m_lastError = result.error();
        if (sequential) {
            m_toEnd = false;
            setMore(false);
        }
        if (m_arrangeState == ArrangeState::Loading)
            stopArranging(); // the rows it needs cannot be read
        emit failed(m_lastError);
        if (!isLoading())
            emit loadingChanged(false);
        return;
    }
    ResultPage &p = result.value();
    const int n = int(p.rows.size());
    if (sequential && !m_more && m_headerKnown)
        return; // past an end already seen (e.g. a fetchMore raced the last page)
    // A short page is the last one; an empty page is past the end. Known before the rows are
    // announced, so nobody fetches more while they are inserted.
    const bool last = sequential && n < m_pageSize;
    if (last)
        m_more = false;
    Page stored {std::move(p.rows), std::move(p.nulls), ++m_clock};

    if (!m_headerKnown) {
        beginResetModel();
        m_headerKnown = true;
        m_type = p.type;
        m_columns = p.columns;
        m_kinds.clear();
        for (const ResultColumn &column : std::as_const(m_columns))
            m_kinds.append(columnKind(column.type));
        if (page == 0 && n > 0) {
            m_pages.insert(0, std::move(stored));
            m_rows = n;
            m_pagesSeen = 1;
        }
        endResetModel();
        emit headerLoaded();
    } else if (sequential && page == m_pagesSeen && n > 0) {
        // Arranged rows are a fixed set: the source grows without the view seeing new rows.
        if (!m_arranged)
            beginInsertRows(QModelIndex(), m_rows, m_rows + n - 1);
        if (!m_arranged || page < m_pinPages) // arranged rows never show a later page
            m_pages.insert(page, std::move(stored));
        m_rows += n;
        m_pagesSeen = page + 1;
        if (!m_arranged)
            endInsertRows();
    } else if (!sequential && n > 0) {
        // A page read again after it was evicted.
        m_pages.insert(page, std::move(stored));
        const int first = page * m_pageSize;
        const int lastRow = qMin(m_rows, first + n) - 1;
        if (m_arranged && rowCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        else if (!m_arranged && lastRow >= first)
            emit dataChanged(index(first, 0), index(lastRow, columnCount() - 1));
    }
    evict(page);
    emit pageLoaded(page, n);

    if (last) {
        m_toEnd = false;
        emit moreAvailableChanged(false);
        emit endReached(m_rows);
    } else if (m_toEnd) {
        requestNext();
    }
    if (!isLoading())
        emit loadingChanged(false);
    continueArrange();
}

void ResultTableModel::setMore(bool more)
{
    if (more == m_more)
        return;
    m_more = more;
    emit moreAvailableChanged(more);
}

void ResultTableModel::evict(int keep)
{
    while (m_pages.size() > m_maxPages) {
        int oldest = -1;
        quint64 oldestUse = std::numeric_limits<quint64>::max();
        for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
            if (it.key() != keep && it.key() >= m_pinPages && it->lastUse < oldestUse) {
                oldest = it.key();
                oldestUse = it->lastUse;
            }
        }
        if (oldest < 0)
            return;
        m_pages.remove(oldest);
    }
}

LinkisClient *ResultTableModel::client() const
{
    return m_client;
}

bool ResultTableModel::cachedPage(int page, QList<QStringList> *rows, QList<QBitArray> *nulls) const
{
    const auto it = m_pages.constFind(page);
    if (it == m_pages.cend())
        return false;
    *rows = it->rows;
    *nulls = it->nulls;
    return true;
}

const ResultTableModel::Page *ResultTableModel::pageFor(int row) const
{
    const int page = row / m_pageSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        request(page);
        return nullptr;
    }
    it->lastUse = ++m_clock;
    return &*it;
}

int ResultTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_arranged ? int(m_order.size()) : m_rows;
}

int ResultTableModel::sourceRow(int row) const
{
    return m_arranged ? m_order.value(row, -1) : row;
}

int ResultTableModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_headerKnown)
        return 0;
    return isText() ? 1 : int(m_columns.size());
}

QVariant ResultTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole &&
        role != IsNullRole && role != IsLoadedRole)
        return {};
    const int source = sourceRow(index.row());
    const Page *page = source >= 0 ? pageFor(source) : nullptr;
    if (!page) {
        if (role == IsNullRole || role == IsLoadedRole)
            return false;
        return role == Qt::ToolTipRole ? QVariant() : QVariant(placeholderText());
    }
    if (role == IsLoadedRole)
        return true;
    const int offset = source % m_pageSize;
    if (offset >= page->rows.size())
        return {};
    const QStringList &cells = page->rows.at(offset);
    const int column = index.column();
    const bool null = offset < page->nulls.size() && column < page->nulls.at(offset).size() &&
        page->nulls.at(offset).testBit(column);
    if (role == IsNullRole)
        return null;
    if (null)
        return nullText();
    const QString value = cells.value(column);
    if (role == Qt::EditRole)
        return value; // exact, for copying
    const bool real = !isText() && columnKindAt(column) == ColumnKind::Real;
    if (role == Qt::ToolTipRole) {
        // The exact text where the display differs from it or cannot hold it.
        if (value.size() > 60 || value.contains(u'\n') || (real && displayReal(value) != value))
            return value;
        return {};
    }
    return real ? displayReal(value) : value;
}

QVariant ResultTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section >= 0 && section < rowCount())
            return section + 1;
        return {};
    }
    if (section < 0 || section >= columnCount())
        return {};
    if (isText()) {
        if (role == Qt::DisplayRole)
            return tr("text");
        return {};
    }
    const ResultColumn &column = m_columns.at(section);
    switch (role) {
    case Qt::DisplayRole: return column.name;
    case Qt::ToolTipRole:
        return column.type.isEmpty() ? column.name
                                     : QStringLiteral("%1 (%2)").arg(column.name, column.type);
    case ColumnTypeRole: return column.type;
    default: return {};
    }
}

bool ResultTableModel::canFetchMore(const QModelIndex &parent) const
{
    // A sort or filter reads the pages it needs itself, up to arrangeLimit(), and then shows a
    // fixed set of rows.
    return !parent.isValid() && m_more && m_headerKnown && !m_arranged && !isArranging();
}

void ResultTableModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid())
        requestNext();
}

QHash<int, QByteArray> ResultTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IsNullRole, "isNull");
    names.insert(IsLoadedRole, "isLoaded");
    return names;
}

} // namespace linkisdesk
