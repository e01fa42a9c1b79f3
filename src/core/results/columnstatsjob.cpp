// SPDX-License-Identifier: GPL-3.0-or-later
#include "columnstatsjob.h"

#include "api/linkisclient.h"
#include "api/openfilepackedparser.h"
#include "results/resulttablemodel.h"
#include "results/runinpool.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <limits>

namespace linkisdesk {

struct ColumnStatsJob::Span
{
    int first = 0; // offsets in the chunk
    int last = 0;
    QList<int> columns;
};

// What a worker counted in one chunk (already merged into the total).
struct ColumnStatsJob::Counted
{
    qint64 rows = 0; // rows the chunk had
    bool ok = true;
    ApiError error;
};

// The statistics so far, shared with the workers that merge their shares into it.
struct ColumnStatsJob::Total
{
    QMutex mutex;
    ColumnStatsAccumulator stats;
    ColumnStats last; // the last result() read, for when a worker holds the lock

    void merge(const ColumnStatsAccumulator &share)
    {
        const QMutexLocker lock(&mutex);
        stats.merge(share);
    }
    // Does not wait for a worker that is merging: the figures of a moment ago will do.
    ColumnStats snapshot(bool wait)
    {
        if (wait)
            mutex.lock();
        else if (!mutex.tryLock())
            return last;
        last = stats.result();
        mutex.unlock();
        return last;
    }
};

ColumnStatsJob::ColumnStatsJob(ResultTableModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_total(std::make_shared<Total>())
{ }

ColumnStatsJob::~ColumnStatsJob()
{
    m_request.cancel();
}

ColumnStats ColumnStatsJob::result() const
{
    // Workers still merging belong to a cancelled job only after finish(): wait for them.
    return m_total->snapshot(true);
}

void ColumnStatsJob::cancel()
{
    if (!m_running)
        return;
    ++m_generation;
    m_request.cancel();
    m_running = false;
    const QMutexLocker lock(&m_total->mutex);
    m_total->stats.markPartial();
}

void ColumnStatsJob::start(const QList<Block> &blocks)
{
    cancel();
    ++m_generation;
    m_total = std::make_shared<Total>();
    m_error = ApiError();
    m_rowsDone = 0;
    m_pending = 0;
    m_waiting.clear();
    m_endSeen = false;
    m_blocks.clear();
    m_kinds.clear();
    m_running = true;
    ResultTableModel *model = m_model;
    if (model) {
        for (int c = 0; c < model->columnCount(); ++c)
            m_kinds << model->columnKindAt(c);
        const int pageSize = model->pageSize();
        m_chunkRows = pageSize * qMax(1, (m_targetChunkRows + pageSize - 1) / pageSize);
        const int shown = model->rowCount();
        const bool toEndKnown = !model->moreAvailable() || model->isArranged();
        for (Block block : blocks) {
            block.columns.removeIf([this](int c) { return c < 0 || c >= m_kinds.size(); });
            if (block.columns.isEmpty())
                continue;
            for (int c : std::as_const(block.columns))
                m_total->stats.addColumnKind(m_kinds.at(c));
            if (block.lastRow < 0 && toEndKnown)
                block.lastRow = shown - 1;
            if (block.lastRow >= 0 && block.lastRow < block.firstRow)
                continue;
            if (!model->isArranged()) {
                m_blocks << block;
                continue;
            }
            // The shown rows of a sort or filter, as rows of the result set, consecutive ones
            // joined.
            for (int r = block.firstRow; r <= qMin(block.lastRow, shown - 1); ++r) {
                const int source = model->sourceRow(r);
                if (source < 0)
                    continue;
                if (!m_blocks.isEmpty() && m_blocks.last().lastRow + 1 == source &&
                    m_blocks.last().columns == block.columns)
                    m_blocks.last().lastRow = source;
                else
                    m_blocks << Block {source, source, block.columns};
            }
        }
    }
    std::sort(m_blocks.begin(), m_blocks.end(),
              [](const Block &a, const Block &b) { return a.firstRow < b.firstRow; });
    m_lastChunk = m_blocks.isEmpty() ? -2 : 0;
    m_nextChunk = m_blocks.isEmpty() ? 0 : m_blocks.first().firstRow / m_chunkRows;
    for (const Block &b : std::as_const(m_blocks)) {
        if (b.lastRow < 0) {
            m_lastChunk = -1;
            break;
        }
        m_lastChunk = qMax(m_lastChunk, b.lastRow / m_chunkRows);
    }
    // Always from the event loop, so a caller can connect after start().
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation] {
        if (generation == m_generation)
            schedule();
    });
}

QList<ColumnStatsJob::Span> ColumnStatsJob::spansFor(int chunk) const
{
    QList<Span> spans;
    const qint64 begin = qint64(chunk) * m_chunkRows;
    const qint64 end = begin + m_chunkRows - 1;
    for (const Block &b : m_blocks) {
        if (b.firstRow > end)
            break; // sorted by firstRow
        const qint64 lo = qMax<qint64>(b.firstRow, begin);
        const qint64 hi = b.lastRow < 0 ? end : qMin<qint64>(b.lastRow, end);
        if (lo <= hi)
            spans << Span {int(lo - begin), int(hi - begin), b.columns};
    }
    return spans;
}

bool ColumnStatsJob::allCached(int chunk, const QList<Span> &spans) const
{
    if (!m_model)
        return false;
    const int pageSize = m_model->pageSize();
    const qint64 begin = qint64(chunk) * m_chunkRows;
    const int rows = m_model->isArranged() ? std::numeric_limits<int>::max() : m_model->rowCount();
    QList<QStringList> cells;
    QList<QBitArray> nulls;
    for (const Span &s : spans) {
        if (begin + s.last >= rows)
            return false;
        for (qint64 p = (begin + s.first) / pageSize; p <= (begin + s.last) / pageSize; ++p) {
            if (!m_model->cachedPage(int(p), &cells, &nulls))
                return false;
        }
    }
    return true;
}

void ColumnStatsJob::schedule()
{
    if (!m_running)
        return;
    while (m_pending < MaxChunksAhead &&
           (m_lastChunk == -1 ? !m_endSeen : m_nextChunk <= m_lastChunk)) {
        const int chunk = m_nextChunk++;
        const QList<Span> spans = spansFor(chunk);
        if (spans.isEmpty())
            continue;
        ++m_pending;
        if (allCached(chunk, spans))
            countCached(chunk);
        else
            m_waiting << chunk;
    }
    if (!m_request.isActive() && m_requestChunk < 0 && !m_waiting.isEmpty())
        requestChunk(m_waiting.takeFirst());
    if (m_pending == 0)
        finish();
}

void ColumnStatsJob::count(int chunk, std::function<Counted(ColumnStatsAccumulator &)> work)
{
    auto *watcher = new QFutureWatcher<Counted>(this);
    const quint64 generation = m_generation;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, chunk] {
        watcher->deleteLater();
        if (generation == m_generation)
            onCounted(chunk, watcher->result());
    });
    watcher->setFuture(runInPool<Counted>([work = std::move(work), total = m_total] {
        ColumnStatsAccumulator share;
        const Counted counted = work(share);
        if (counted.ok)
            total->merge(share);
        return counted;
    }));
}

void ColumnStatsJob::countCached(int chunk)
{
    const int pageSize = m_model->pageSize();
    const qint64 begin = qint64(chunk) * m_chunkRows;
    const int firstPage = int(begin / pageSize);
    const int pages = m_chunkRows / pageSize;
    QList<QList<QStringList>> rows(pages);
    QList<QList<QBitArray>> nulls(pages);
    for (int p = 0; p < pages; ++p)
        m_model->cachedPage(firstPage + p, &rows[p], &nulls[p]); // shared copies
    count(chunk,
          [spans = spansFor(chunk), rows, nulls, pageSize,
           kinds = m_kinds](ColumnStatsAccumulator &acc) {
              Counted counted;
              for (const Span &s : spans) {
                  for (int r = s.first; r <= s.last; ++r) {
                      const QList<QStringList> &page = rows.at(r / pageSize);
                      const int offset = r % pageSize;
                      if (offset >= page.size()) {
                          acc.markPartial(); // evicted meanwhile: cannot happen with shared copies
                          continue;
                      }
                      const QStringList &cells = page.at(offset);
                      const QList<QBitArray> &pageNulls = nulls.at(r / pageSize);
                      const QBitArray rowNulls =
                          offset < pageNulls.size() ? pageNulls.at(offset) : QBitArray();
                      for (int c : s.columns) {
                          if ((c < rowNulls.size() && rowNulls.testBit(c)) || c >= cells.size())
                              acc.addNull();
                          else
                              acc.add(kinds.at(c), QStringView(cells.at(c)));
                      }
                  }
                  counted.rows = qMax<qint64>(counted.rows, s.last + 1);
              }
              return counted;
          });
}

void ColumnStatsJob::requestChunk(int chunk)
{
    LinkisClient *client = m_model ? m_model->client() : nullptr;
    if (!client) {
        m_error = ApiError::make(ApiError::Kind::Cancelled,
                                 QStringLiteral("the connection to the gateway was closed"));
        {
            const QMutexLocker lock(&m_total->mutex);
            m_total->stats.markPartial();
        }
        finish();
        return;
    }
    m_requestChunk = chunk;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("path"), m_model->resultSet());
    query.addQueryItem(QStringLiteral("page"), QString::number(chunk + 1));
    query.addQueryItem(QStringLiteral("pageSize"), QString::number(m_chunkRows));
    query.addQueryItem(QStringLiteral("nullValue"), LinkisClient::nullSentinel());
    const quint64 generation = m_generation;
    m_request =
        client->raw("GET", QStringLiteral("filesystem/openFile"), query, {}, this,
                    [this, generation, chunk](Result<RawReply> reply) {
                        if (generation != m_generation)
                            return;
                        m_requestChunk = -1;
                        if (!reply) {
                            onCounted(chunk, Counted {0, false, reply.error()});
                            return;
                        }
                        count(chunk,
                              [spans = spansFor(chunk), status = reply->httpStatus,
                               body = reply->body, kinds = m_kinds](ColumnStatsAccumulator &acc) {
                                  Counted counted;
                                  const Result<PackedPage> packed = parsers::parseOpenFilePacked(
                                      status, body, LinkisClient::nullSentinel());
                                  if (!packed) {
                                      counted.ok = false;
                                      counted.error = packed.error();
                                      return counted;
                                  }
                                  const PackedPage &page = *packed;
                                  counted.rows = page.rowCount();
                                  for (const Span &s : spans) {
                                      for (qsizetype r = s.first;
                                           r <= qMin<qsizetype>(s.last, page.rowCount() - 1); ++r) {
                                          const qsizetype first = page.firstCell(r);
                                          const qsizetype cells = page.endCell(r) - first;
                                          for (int c : s.columns) {
                                              if (c >= cells || page.isNull(first + c))
                                                  acc.addNull();
                                              else
                                                  acc.add(kinds.at(c), page.cell(first + c));
                                          }
                                      }
                                  }
                                  return counted;
                              });
                        schedule(); // the next request while this chunk is counted
                    });
}

void ColumnStatsJob::onCounted(int chunk, const Counted &counted)
{
    --m_pending;
    if (!counted.ok) {
        // What could be counted stays, marked partial; nothing more is read.
        m_error = counted.error;
        {
            const QMutexLocker lock(&m_total->mutex);
            m_total->stats.markPartial();
        }
        finish();
        return;
    }
    m_rowsDone += counted.rows;
    if (m_lastChunk == -1 && counted.rows < m_chunkRows && !m_endSeen) {
        // A chunk came back short: the result set ends here. Chunks after it are asked for
        // one at a time and in order, so the ones still waiting (or in flight) are past it.
        m_endSeen = true;
        m_pending -= int(m_waiting.size());
        m_waiting.clear();
        if (m_requestChunk > chunk) {
            m_request.cancel();
            m_requestChunk = -1;
            --m_pending;
        }
    }
    ColumnStats so = m_total->snapshot(false);
    so.partial = true;
    emit progress(so, m_rowsDone);
    schedule();
}

void ColumnStatsJob::finish()
{
    if (!m_running)
        return;
    ++m_generation; // chunks still under way are not wanted
    m_request.cancel();
    m_requestChunk = -1;
    m_running = false;
    emit finished(m_total->snapshot(true));
}

} // namespace linkisdesk
