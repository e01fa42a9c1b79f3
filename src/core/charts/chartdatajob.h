// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/apierror.h"
#include "api/requesthandle.h"
#include "charts/charttable.h"

#include <QMap>
#include <QObject>
#include <QPointer>

#include <memory>

namespace linkisdesk {

class LinkisClient;

// Reads the columns a chart needs from every row of a result set into a ChartTable: pages of
// PageSize rows asked for one after the other, each decoded on a worker thread while the next
// is on its way, appended here in page order. Emits finished() or failed() once; cancel() stops.
class ChartDataJob : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartDataJob)
public:
    static constexpr int PageSize = 25000;
    static constexpr int MaxPagesAhead = 3;

    explicit ChartDataJob(LinkisClient *client, QObject *parent = nullptr);
    ~ChartDataJob() override;

    // kinds: every column's ColumnKind.
    void start(const QString &resultSetPath, int xColumn, const QList<int> &yColumns,
               const QList<ColumnKind> &kinds);
    void cancel();
    bool isRunning() const { return m_running; }
    qint64 rowsRead() const { return m_table ? m_table->rows : 0; }
    // The table read (shared: the chart builds from it on a worker thread).
    std::shared_ptr<const ChartTable> table() const { return m_table; }

signals:
    void progress(qint64 rows);
    void finished();
    void failed(const linkisdesk::ApiError &error);

private:
    void requestNext();
    void onDecoded(int page, const std::shared_ptr<ChartTable> &part, const ApiError &error);

    QPointer<LinkisClient> m_client;
    QString m_path;
    int m_xColumn = 0;
    QList<int> m_yColumns;
    QList<ColumnKind> m_kinds;
    quint64 m_generation = 0;
    bool m_running = false;
    bool m_endSeen = false;
    int m_nextPage = 1; // to ask for
    int m_nextAppend = 1; // to append
    int m_inWork = 0; // pages asked for or being decoded
    RequestHandle m_request;
    QMap<int, std::shared_ptr<ChartTable>> m_done; // decoded, waiting for earlier pages
    std::shared_ptr<ChartTable> m_table;
};

} // namespace linkisdesk
