// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartdatajob.h"

#include "api/linkisclient.h"
#include "api/openfilepackedparser.h"
#include "results/runinpool.h"

#include <QFutureWatcher>
#include <QUrlQuery>

namespace linkisdesk {

namespace {

struct Decoded
{
    std::shared_ptr<ChartTable> part;
    ApiError error;
};

} // namespace

ChartDataJob::ChartDataJob(LinkisClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

ChartDataJob::~ChartDataJob()
{
    m_request.cancel();
}

void ChartDataJob::start(const QString &resultSetPath, int xColumn, const QList<int> &yColumns,
                         const QList<ColumnKind> &kinds)
{
    cancel();
    ++m_generation;
    m_path = resultSetPath;
    m_xColumn = xColumn;
    m_yColumns = yColumns;
    m_kinds = kinds;
    m_running = true;
    m_endSeen = false;
    m_nextPage = 1;
    m_nextAppend = 1;
    m_inWork = 0;
    m_done.clear();
    m_table = std::make_shared<ChartTable>(xColumn, yColumns, kinds.value(xColumn));
    requestNext();
}

void ChartDataJob::cancel()
{
    if (!m_running)
        return;
    ++m_generation;
    m_request.cancel();
    m_running = false;
    m_done.clear();
}

void ChartDataJob::requestNext()
{
    if (!m_running || m_endSeen || m_request.isActive() || m_inWork >= MaxPagesAhead)
        return;
    if (!m_client) {
        m_running = false;
        emit failed(ApiError::make(ApiError::Kind::Cancelled,
                                   QStringLiteral("the connection to the gateway was closed")));
        return;
    }
    const int page = m_nextPage++;
    ++m_inWork;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("path"), m_path);
    query.addQueryItem(QStringLiteral("page"), QString::number(page));
    query.addQueryItem(QStringLiteral("pageSize"), QString::number(PageSize));
    query.addQueryItem(QStringLiteral("nullValue"), LinkisClient::nullSentinel());
    const quint64 generation = m_generation;
    m_request = m_client->raw(
        "GET", QStringLiteral("filesystem/openFile"), query, {}, this,
        [this, generation, page](Result<RawReply> reply) {
            if (generation != m_generation)
                return;
            if (!reply) {
                onDecoded(page, nullptr, reply.error());
                return;
            }
            auto *watcher = new QFutureWatcher<Decoded>(this);
            connect(watcher, &QFutureWatcherBase::finished, this,
                    [this, watcher, generation, page] {
                        watcher->deleteLater();
                        if (generation == m_generation)
                            onDecoded(page, watcher->result().part, watcher->result().error);
                    });
            watcher->setFuture(
                runInPool<Decoded>([status = reply->httpStatus, body = reply->body, x = m_xColumn,
                                    ys = m_yColumns, kinds = m_kinds] {
                    Decoded decoded;
                    const Result<PackedPage> packed =
                        parsers::parseOpenFilePacked(status, body, LinkisClient::nullSentinel());
                    if (!packed) {
                        decoded.error = packed.error();
                        return decoded;
                    }
                    decoded.part = std::make_shared<ChartTable>(x, ys, kinds.value(x));
                    decoded.part->append(*packed, kinds);
                    return decoded;
                }));
            requestNext(); // the next page while this one is decoded
        });
}

void ChartDataJob::onDecoded(int page, const std::shared_ptr<ChartTable> &part,
                             const ApiError &error)
{
    --m_inWork;
    if (!part) {
        cancel();
        emit failed(error);
        return;
    }
    m_done.insert(page, part);
    // In page order, so text categories keep the order of the rows.
    while (m_running && m_done.contains(m_nextAppend)) {
        std::shared_ptr<ChartTable> next = m_done.take(m_nextAppend);
        ++m_nextAppend;
        const qint64 rows = next->rows;
        m_table->append(std::move(*next));
        if (rows < PageSize) {
            m_endSeen = true;
            m_request.cancel(); // a page past the end
            ++m_generation;
            m_running = false;
            m_done.clear();
            emit progress(m_table->rows);
            emit finished();
            return;
        }
        emit progress(m_table->rows);
    }
    requestNext();
}

} // namespace linkisdesk
