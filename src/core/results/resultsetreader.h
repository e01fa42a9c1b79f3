// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/apierror.h"
#include "api/requesthandle.h"
#include "api/result.h"
#include "api/resultpage.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>
#include <utility>

namespace linkisdesk {

class LinkisClient;

// Streams one result set (a _N.dolphin path) page by page through LinkisClient::openFile,
// holding one page at a time: pageReady() hands a page over, and the next page is requested only
// when the consumer calls next() (so a slow consumer slows the reading, never the memory), or,
// with setPrefetch(true), as soon as a page is handed over (then one page at most waits). The
// set ends at the first empty page (Linkis has no total count).
class ResultSetReader : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultSetReader)
public:
    static constexpr int DefaultPageSize = 5000;

    ResultSetReader(LinkisClient *client, const QString &path, QObject *parent = nullptr);
    ~ResultSetReader() override;

    void setPageSize(int rows) { m_pageSize = rows > 0 ? rows : DefaultPageSize; }
    int pageSize() const { return m_pageSize; }
    QString path() const { return m_path; }
    // Ask for page N+1 as soon as page N is handed over, so the gateway works while the consumer
    // writes. Memory stays bounded: at most one page waits besides the one being written.
    void setPrefetch(bool prefetch) { m_prefetch = prefetch; }
    bool prefetch() const { return m_prefetch; }

    // Requests the first page.
    void start();
    // The consumer is done with the last page: request the next one.
    void next();
    // Stops; no signal follows.
    void cancel();

    bool isActive() const { return m_active; }
    bool isFinished() const { return m_finished; }
    int pagesRead() const { return m_pagesRead; }
    qint64 rowsRead() const { return m_rowsRead; }
    // Type and columns, known after the first page.
    ResultPage::Type type() const { return m_type; }
    const QList<ResultColumn> &columns() const { return m_columns; }

signals:
    // A non-empty page; the first one fixes type() and columns(). Call next() when done with it.
    void pageReady(const linkisdesk::ResultPage &page);
    // The empty page after the last one was reached. An empty result set emits this alone,
    // after headerReady().
    void finished(qint64 rows);
    // Type and columns are known (also for an empty result set): emitted once before the first
    // pageReady() or finished().
    void headerReady(linkisdesk::ResultPage::Type type,
                     const QList<linkisdesk::ResultColumn> &columns);
    void failed(const linkisdesk::ApiError &error);

private:
    void request(int page);
    void onReply(int page, Result<ResultPage> result);
    void deliver(int page, Result<ResultPage> result);

    QPointer<LinkisClient> m_client;
    QString m_path;
    int m_pageSize = DefaultPageSize;
    int m_nextPage = 1;
    int m_pagesRead = 0;
    qint64 m_rowsRead = 0;
    bool m_active = false;
    bool m_waitingForConsumer = false;
    bool m_finished = false;
    bool m_headerSent = false;
    ResultPage::Type m_type = ResultPage::Type::Table;
    QList<ResultColumn> m_columns;
    bool m_prefetch = false;
    RequestHandle m_inFlight;
    std::optional<std::pair<int, Result<ResultPage>>> m_buffered;
};

} // namespace linkisdesk
