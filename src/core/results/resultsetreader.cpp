// SPDX-License-Identifier: GPL-3.0-or-later
#include "resultsetreader.h"

#include "api/linkisclient.h"

namespace linkisdesk {

ResultSetReader::ResultSetReader(LinkisClient *client, const QString &path, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_path(path)
{ }

ResultSetReader::~ResultSetReader()
{
    m_inFlight.cancel();
}

void ResultSetReader::start()
{
    if (m_active || m_finished)
        return;
    m_active = true;
    m_nextPage = 1;
    request(m_nextPage);
}

void ResultSetReader::next()
{
    if (!m_active || !m_waitingForConsumer)
        return;
    m_waitingForConsumer = false;
    if (m_buffered) {
        // Delivered from the event loop, so a consumer calling next() from its pageReady slot
        // does not recurse page after page.
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (!m_active || !m_buffered)
                    return;
                auto [page, result] = std::move(*m_buffered);
                m_buffered.reset();
                deliver(page, std::move(result));
            },
            Qt::QueuedConnection);
        return;
    }
    if (!m_inFlight.isActive())
        request(m_nextPage);
}

void ResultSetReader::cancel()
{
    m_inFlight.cancel();
    m_buffered.reset();
    m_active = false;
    m_waitingForConsumer = false;
}

void ResultSetReader::request(int page)
{
    if (!m_client) {
        m_active = false;
        emit failed(ApiError::make(ApiError::Kind::Cancelled,
                                   QStringLiteral("the connection to the gateway was closed")));
        return;
    }
    m_inFlight =
        m_client->openFile(m_path, page, m_pageSize, this,
                           [this, page](Result<ResultPage> r) { onReply(page, std::move(r)); });
}

void ResultSetReader::onReply(int page, Result<ResultPage> result)
{
    if (!m_active)
        return;
    m_inFlight = RequestHandle();
    if (m_waitingForConsumer) {
        // A prefetched page: it waits until the consumer is done with the current one.
        m_buffered.emplace(page, std::move(result));
        return;
    }
    deliver(page, std::move(result));
}

void ResultSetReader::deliver(int page, Result<ResultPage> result)
{
    if (!result) {
        m_active = false;
        emit failed(result.error());
        return;
    }
    ResultPage &p = result.value();
    if (!m_headerSent) {
        m_headerSent = true;
        m_type = p.type;
        m_columns = p.columns;
        emit headerReady(m_type, m_columns);
        if (!m_active)
            return;
    }
    if (p.isEmpty()) {
        m_active = false;
        m_finished = true;
        emit finished(m_rowsRead);
        return;
    }
    // Later pages may come without metadata; the consumer sees the set's layout on every page.
    if (p.columns.isEmpty() && !m_columns.isEmpty())
        p.columns = m_columns;
    p.type = m_type;
    p.page = page;
    ++m_pagesRead;
    m_rowsRead += p.rows.size();
    m_nextPage = page + 1;
    m_waitingForConsumer = true;
    if (m_prefetch)
        request(m_nextPage);
    emit pageReady(p);
}

} // namespace linkisdesk
