// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/apierror.h"
#include "api/requesthandle.h"
#include "results/columnstats.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <QMutex>

#include <functional>
#include <memory>

namespace linkisdesk {

class ResultTableModel;

// The statistics (ColumnStats) of cells of a ResultTableModel's result set, computed off the UI
// thread: the grid's selection, up to whole columns of a million rows.
//
// The rows are taken in chunks of about 25,000 (a whole number of the model's pages). A chunk
// whose pages are all in the model's cache is counted from those (shared copies); any other is
// read from the server (filesystem/openFile, parsed as a PackedPage) without touching the cache.
// Each chunk is counted on a worker thread into its own ColumnStatsAccumulator, which the worker
// then merges into the job's total (under a lock: merging a million distinct values costs tens
// of milliseconds, which the UI thread never waits for); progress() carries the statistics so
// far, marked partial.
// A block "to the end" (a whole column while the model has more rows than it loaded) reads
// chunks until the result set ends. While the model shows a sort or filter, rows are the shown
// rows (mapped to the result set's rows).
class ColumnStatsJob : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ColumnStatsJob)
public:
    // Rows firstRow..lastRow (as the view shows them) of the given columns; lastRow -1: to the
    // end of the result set.
    struct Block
    {
        int firstRow = 0;
        int lastRow = 0;
        QList<int> columns;
    };

    static constexpr int TargetChunkRows = 25000;
    static constexpr int MaxChunksAhead = 4;

    explicit ColumnStatsJob(ResultTableModel *model, QObject *parent = nullptr);
    ~ColumnStatsJob() override;

    // Starts over (cancelling a job under way). Emits finished() once, from the event loop.
    void start(const QList<Block> &blocks);
    // Stops; emits nothing more. result() keeps what was counted, marked partial.
    void cancel();
    bool isRunning() const { return m_running; }
    ColumnStats result() const;
    // Why the last job's statistics are partial, when a chunk could not be read.
    const ApiError &lastError() const { return m_error; }
    qint64 rowsDone() const { return m_rowsDone; }
    int chunkRows() const { return m_chunkRows; }
    // Rows per chunk, rounded up to whole pages of the model (tests use small chunks).
    void setTargetChunkRows(int rows) { m_targetChunkRows = qMax(1, rows); }

signals:
    // After each chunk: the statistics so far (partial), rows of the result set gone through.
    void progress(const linkisdesk::ColumnStats &stats, qint64 rows);
    // At the end; stats.partial when a chunk could not be read (lastError() says why).
    void finished(const linkisdesk::ColumnStats &stats);

private:
    struct Span; // rows of one chunk (offsets in the chunk) and their columns
    struct Chunk;

    void schedule();
    void requestChunk(int chunk);
    void countCached(int chunk);
    struct Counted;
    void count(int chunk, std::function<Counted(ColumnStatsAccumulator &)> work);
    void onCounted(int chunk, const Counted &counted);
    void finish();
    QList<Span> spansFor(int chunk) const;
    bool allCached(int chunk, const QList<Span> &spans) const;

    QPointer<ResultTableModel> m_model;
    quint64 m_generation = 0;
    bool m_running = false;
    int m_targetChunkRows = TargetChunkRows;
    int m_chunkRows = TargetChunkRows;
    QList<Block> m_blocks; // in result-set rows, sorted by firstRow
    int m_lastChunk = -1; // the last chunk to count; -1: until the result set ends
    int m_nextChunk = 0;
    int m_pending = 0; // chunks being read or counted
    bool m_endSeen = false;
    RequestHandle m_request;
    int m_requestChunk = -1;
    struct Total;
    std::shared_ptr<Total> m_total;
    qint64 m_rowsDone = 0;
    QList<int> m_waiting; // chunks that need the server, in order
    QList<ColumnKind> m_kinds;
    ApiError m_error;
};

} // namespace linkisdesk
