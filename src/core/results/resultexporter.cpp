// SPDX-License-Identifier: GPL-3.0-or-later
#include "resultexporter.h"

#include "api/linkisclient.h"
#include "api/openfilepackedparser.h"
#include "results/runinpool.h"
#include "results/xlsxworkbook.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPromise>
#include <QSaveFile>
#include <QThreadPool>
#include <QUrlQuery>

#include <optional>

namespace linkisdesk {

// What a worker made of one page.
struct ResultExporter::Encoded
{
    bool decoded = false; // false: the reply is an error (see retryTyped)
    QByteArray bytes; // the header (page 1) and the rows, ready for the file
    std::optional<PackedPage> packed; // a workbook's page: its cells are written on this thread
    qint64 rows = 0;
    std::optional<RowWriter> layout; // page 1: the writer set up for the set's layout
};

// What the workbook's thread did with one step (a page, or the commit at the end).
struct ResultExporter::BookStep
{
    bool ok = true;
    bool commit = false;
    QString error;
    qint64 rows = 0;
    qint64 bytes = 0;
    qint64 truncated = 0;
};

// One page between its request and its bytes reaching the file.
struct ResultExporter::Slot
{
    int id = 0;
    int page = 0;
    RequestHandle request; // the openFile call, while it runs
    int httpStatus = 0;
    QByteArray body; // the reply, until a worker takes it
    bool waitingForLayout = false; // a later page that arrived before page 1 was decoded
    QPointer<QFutureWatcher<Encoded>> watcher;
    RequestHandle typed;
    std::optional<Encoded> done;
    std::optional<ApiError> error;

    Slot() = default;
    Q_DISABLE_COPY_MOVE(Slot)
    ~Slot()
    {
        request.cancel();
        typed.cancel();
        if (watcher) {
            // Possibly from inside the watcher's own finished(): no delete here.
            watcher->disconnect();
            watcher->deleteLater();
        }
    }
};

ResultExporter::ResultExporter(LinkisClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_bookThread.setMaxThreadCount(1);
    m_bookThread.setExpiryTimeout(5000);
}

ResultExporter::~ResultExporter()
{
    cleanup();
}

void ResultExporter::start(const QString &resultSetPath, const QString &filePath, RowFormat format)
{
    start({Set {resultSetPath, QStringLiteral("Result")}}, filePath, format);
}

void ResultExporter::start(const QList<Set> &sets, const QString &filePath, RowFormat format)
{
    if (m_running)
        return;
    cleanup();
    m_rows = 0;
    m_bytes = 0;
    m_truncatedCells = 0;
    m_sets = sets;
    m_setIndex = 0;
    m_path = sets.isEmpty() ? QString() : sets.first().path;
    m_filePath = filePath;
    m_format = format;
    m_writer = RowWriter(format);
    m_layoutKnown = false;
    m_nextPage = 1;
    m_requestPageSize = m_pageSize;
    m_running = true;

    if (sets.isEmpty()) {
        fail(ApiError::make(ApiError::Kind::Io, tr("no result set to export")));
        return;
    }
    if (format == RowFormat::Xlsx) {
        m_book = std::make_shared<XlsxWorkbook>(filePath);
        m_bookStop = std::make_shared<std::atomic_bool>(false);
        m_bookSteps = 0;
        if (!m_book->open()) {
            fail(ApiError::make(ApiError::Kind::Io, m_book->errorString()));
            return;
        }
        requestMore();
        return;
    }
    const QFileInfo info(filePath);
    if (!QDir().mkpath(info.absolutePath())) {
        fail(ApiError::make(ApiError::Kind::Io,
                            tr("cannot create the folder %1").arg(info.absolutePath())));
        return;
    }
    m_file = std::make_unique<QSaveFile>(filePath);
    if (!m_file->open(QIODevice::WriteOnly)) {
        fail(ApiError::make(ApiError::Kind::Io,
                            tr("cannot write %1: %2").arg(filePath, m_file->errorString())));
        return;
    }
    requestMore();
}

void ResultExporter::cancel()
{
    if (!m_running)
        return;
    cleanup();
    emit cancelled();
}

ResultExporter::Encoded ResultExporter::encodeRows(PackedPage page, RowWriter writer, bool first)
{
    Encoded encoded;
    encoded.decoded = true;
    if (writer.format() == RowFormat::Xlsx) {
        // The workbook takes cells in order on one thread: the page goes there as it is.
        encoded.rows = page.rowCount();
        if (first)
            encoded.layout = writer;
        encoded.packed = std::move(page);
        return encoded;
    }
    encoded.bytes.reserve(page.text.size() + 2 * page.cellEnds.size() + 1024);
    if (first) {
        ResultPage layout;
        layout.type = page.type;
        layout.columns = page.columns;
        writer.setLayout(layout);
        writer.writeHeader(encoded.bytes);
        encoded.layout = writer;
    }
    encoded.rows = page.rowCount();
    writer.writeRows(page, encoded.bytes);
    return encoded;
}

ResultExporter::Slot *ResultExporter::slotFor(int id) const
{
    for (const std::unique_ptr<Slot> &slot : m_slots) {
        if (slot->id == id)
            return slot.get();
    }
    return nullptr;
}

bool ResultExporter::requestInFlight() const
{
    for (const std::unique_ptr<Slot> &slot : m_slots) {
        if (slot->request.isActive())
            return true;
    }
    return false;
}

void ResultExporter::requestMore()
{
    // One request at a time (the gateway answers them one by one anyway; two at a time measured
    // no faster), while the pages already here are decoded and written.
    if (!m_running || requestInFlight() ||
        m_slots.size() + size_t(m_bookSteps) >= size_t(MaxPagesAhead))
        return;
    if (!m_client) {
        fail(ApiError::make(ApiError::Kind::Cancelled,
                            QStringLiteral("the connection to the gateway was closed")));
        return;
    }
    const int page = m_nextPage++;
    const int id = m_nextId++;
    auto slot = std::make_unique<Slot>();
    slot->id = id;
    slot->page = page;
    m_slots.push_back(std::move(slot));
    // The query LinkisClient::openFile sends; the reply is parsed on a worker, not here.
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("path"), m_path);
    query.addQueryItem(QStringLiteral("page"), QString::number(page));
    query.addQueryItem(QStringLiteral("pageSize"), QString::number(m_requestPageSize));
    query.addQueryItem(QStringLiteral("nullValue"), LinkisClient::nullSentinel());
    const RequestHandle request =
        m_client->raw("GET", QStringLiteral("filesystem/openFile"), query, {}, this,
                      [this, id](Result<RawReply> reply) { onReply(id, std::move(reply)); });
    // A request refused at once has been answered already (and may have ended the export).
    if (Slot *asked = slotFor(id))
        asked->request = request;
}

void ResultExporter::onReply(int id, Result<RawReply> reply)
{
    Slot *slot = slotFor(id);
    if (!m_running || !slot)
        return;
    if (!reply) {
        slot->error = reply.error();
        drain();
        return;
    }
    slot->httpStatus = reply->httpStatus;
    slot->body = std::move(reply.value().body);
    if (slot->page == 1 || m_layoutKnown)
        encode(slot);
    else
        slot->waitingForLayout = true;
    requestMore();
}

void ResultExporter::encode(Slot *slot)
{
    slot->waitingForLayout = false;
    const int page = slot->page;
    const int id = slot->id;
    auto *watcher = new QFutureWatcher<Encoded>(this);
    slot->watcher = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, id, watcher] { onEncoded(id, watcher->result()); });
    watcher->setFuture(runInPool<Encoded>([status = slot->httpStatus,
                                           body = std::exchange(slot->body, QByteArray()),
                                           writer = m_writer, first = page == 1] {
        const Result<PackedPage> packed =
            parsers::parseOpenFilePacked(status, body, LinkisClient::nullSentinel());
        return packed ? encodeRows(std::move(packed.value()), writer, first) : Encoded();
    }));
}

void ResultExporter::onEncoded(int id, const Encoded &encoded)
{
    Slot *slot = slotFor(id);
    if (!m_running || !slot)
        return;
    if (!encoded.decoded) {
        retryTyped(slot);
        return;
    }
    accept(slot, encoded);
}

void ResultExporter::retryTyped(Slot *slot)
{
    // The reply is an error. The typed call says which, the way every other call reports it
    // (secrets masked, a refused token as Kind::Auth): asking once more costs one request on a
    // path that ends the export anyway, and a page that now arrives intact is used.
    if (!m_client) {
        slot->error = ApiError::make(ApiError::Kind::Cancelled,
                                     QStringLiteral("the connection to the gateway was closed"));
        drain();
        return;
    }
    const int page = slot->page;
    const int id = slot->id;
    slot->typed = m_client->openFile(
        m_path, page, m_requestPageSize, this, [this, page, id](Result<ResultPage> r) {
            Slot *s = slotFor(id);
            if (!m_running || !s)
                return;
            if (!r) {
                s->error = r.error();
                drain();
                return;
            }
            accept(s, encodeRows(PackedPage::fromPage(*r), m_writer, page == 1));
        });
}

void ResultExporter::accept(Slot *slot, Encoded encoded)
{
    if (encoded.layout) {
        m_writer = *encoded.layout;
        m_layoutKnown = true;
    }
    slot->done = std::move(encoded);
    if (m_layoutKnown) {
        for (const std::unique_ptr<Slot> &s : m_slots) {
            if (s->waitingForLayout)
                encode(s.get());
        }
    }
    drain();
}

void ResultExporter::drain()
{
    // Strictly in page order: a later page decoded first waits for the ones before it.
    while (m_running && !m_slots.empty()) {
        if (m_slots.front()->error) {
            const ApiError error = *m_slots.front()->error;
            if (!restartWithSmallerPages(error))
                fail(error);
            return;
        }
        if (!m_slots.front()->done)
            break;
        const std::unique_ptr<Slot> slot = std::move(m_slots.front());
        m_slots.pop_front();
        if (!writePage(*slot->done, slot->page == 1))
            return;
        if (slot->done->rows == 0) {
            onSetDone();
            if (!m_running)
                return;
            continue;
        }
        if (m_book)
            continue; // counted when the workbook's thread has written it
        m_rows += slot->done->rows;
        emit progress(m_rows, m_bytes);
    }
    requestMore();
}

bool ResultExporter::restartWithSmallerPages(const ApiError &error)
{
    // Linkis refuses pages over linkis.filesystem.resultset.row.limit (error 80034; 100,000 by
    // default, lower on some servers). Nothing is written before page 1: start again with the
    // page size every Linkis serves, openFile's default.
    if (m_slots.front()->page != 1 || m_requestPageSize <= LinkisClient::DefaultPageSize ||
        error.kind != ApiError::Kind::Linkis || !error.message.contains(u"80034"))
        return false;
    m_slots.clear();
    m_requestPageSize = LinkisClient::DefaultPageSize;
    m_nextPage = 1;
    requestMore();
    return true;
}

bool ResultExporter::writePage(Encoded &encoded, bool firstPage)
{
    if (!m_book) {
        // Text formats: a blank line between result sets, before the next one's header.
        if (firstPage && m_setIndex > 0 && !writeBytes(QByteArrayLiteral("\n")))
            return false;
        return writeBytes(encoded.bytes);
    }
    if (!encoded.packed || (encoded.packed->isEmpty() && !firstPage))
        return true; // (an empty set still gets its sheet with the header)
    auto page = std::make_shared<const PackedPage>(std::move(*encoded.packed));
    encoded.packed.reset();
    const QString sheet = firstPage ? m_sets.at(m_setIndex).name : QString();
    inBook([page, sheet, firstPage, stop = m_bookStop](XlsxWorkbook &book) {
        BookStep step;
        if (firstPage)
            book.addSheet(sheet, page->type, page->columns);
        step.ok = book.writeRows(*page, stop.get());
        step.error = book.errorString();
        step.rows = page->rowCount();
        step.bytes = page->text.size();
        step.truncated = book.truncatedCells();
        return step;
    });
    return true;
}

void ResultExporter::inBook(std::function<BookStep(XlsxWorkbook &)> step)
{
    ++m_bookSteps;
    const quint64 generation = m_bookGeneration;
    auto *watcher = new QFutureWatcher<BookStep>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_bookGeneration)
            onBookStep(watcher->result());
    });
    watcher->setFuture(runInPool<BookStep>(
        [book = m_book, stop = m_bookStop, step = std::move(step)] {
            if (stop->load())
                return BookStep {false, false, QStringLiteral("cancelled")};
            return step(*book);
        },
        &m_bookThread));
}

void ResultExporter::onBookStep(const BookStep &step)
{
    --m_bookSteps;
    if (!m_running)
        return;
    if (!step.ok) {
        fail(ApiError::make(ApiError::Kind::Io, step.error));
        return;
    }
    m_truncatedCells = step.truncated;
    if (step.commit) {
        m_bytes = QFileInfo(m_filePath).size();
        cleanup();
        emit finished(m_rows, m_bytes);
        return;
    }
    m_rows += step.rows;
    m_bytes += step.bytes;
    emit progress(m_rows, m_bytes);
    requestMore();
}

void ResultExporter::onSetDone()
{
    if (m_setIndex + 1 >= m_sets.size()) {
        onFinished();
        return;
    }
    // The next set from its page 1; pages asked for past this set's end are dropped.
    ++m_setIndex;
    m_path = m_sets.at(m_setIndex).path;
    m_slots.clear();
    m_layoutKnown = false;
    m_nextPage = 1;
}

void ResultExporter::onFinished()
{
    if (!m_running)
        return;
    if (m_book) {
        // After the pages queued before it (one thread, in order).
        inBook([](XlsxWorkbook &book) {
            BookStep step;
            step.commit = true;
            step.ok = book.commit();
            step.error = book.errorString();
            step.truncated = book.truncatedCells();
            return step;
        });
        return;
    }
    if (!m_file->commit()) {
        fail(ApiError::make(ApiError::Kind::Io,
                            tr("cannot save %1: %2").arg(m_filePath, m_file->errorString())));
        return;
    }
    m_file.reset();
    cleanup();
    emit finished(m_rows, m_bytes);
}

bool ResultExporter::writeBytes(const QByteArray &bytes)
{
    if (!m_running || !m_file)
        return false;
    if (m_file->write(bytes) != bytes.size()) {
        fail(ApiError::make(ApiError::Kind::Io,
                            tr("cannot write %1: %2").arg(m_filePath, m_file->errorString())));
        return false;
    }
    m_bytes += bytes.size();
    return true;
}

void ResultExporter::fail(const ApiError &error)
{
    if (!m_running)
        return;
    cleanup();
    emit failed(error);
}

void ResultExporter::cleanup()
{
    m_running = false;
    m_slots.clear(); // pages past the end, or not wanted any more
    if (m_file) {
        m_file->cancelWriting();
        m_file.reset();
    }
    if (m_book) {
        // The workbook's thread stops within a few hundred rows; then an unfinished workbook is
        // dropped here and leaves no file.
        ++m_bookGeneration;
        m_bookStop->store(true);
        m_bookThread.waitForDone();
        m_bookSteps = 0;
        m_book.reset();
    }
}

} // namespace linkisdesk
