// SPDX-License-Identifier: GPL-3.0-or-later
#include "resultexporter.h"

#include "api/linkisclient.h"
#include "results/resultsetreader.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace linkisdesk {

ResultExporter::ResultExporter(LinkisClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

ResultExporter::~ResultExporter()
{
    cleanup();
}

void ResultExporter::start(const QString &resultSetPath, const QString &filePath, RowFormat format)
{
    if (m_running)
        return;
    cleanup();
    m_rows = 0;
    m_bytes = 0;
    m_filePath = filePath;
    m_writer = RowWriter(format);
    m_running = true;

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
    m_reader = new ResultSetReader(m_client, resultSetPath, this);
    if (m_pageSize > 0)
        m_reader->setPageSize(m_pageSize);
    // The gateway reads the next page while this one is written: two pages at most in memory.
    m_reader->setPrefetch(true);
    connect(m_reader, &ResultSetReader::headerReady, this, &ResultExporter::onHeader);
    connect(m_reader, &ResultSetReader::pageReady, this, &ResultExporter::onPage);
    connect(m_reader, &ResultSetReader::finished, this, &ResultExporter::onFinished);
    connect(m_reader, &ResultSetReader::failed, this, &ResultExporter::fail);
    m_reader->start();
}

void ResultExporter::cancel()
{
    if (!m_running)
        return;
    cleanup();
    emit cancelled();
}

void ResultExporter::onHeader()
{
    ResultPage layout;
    layout.type = m_reader->type();
    layout.columns = m_reader->columns();
    m_writer.setLayout(layout);
    m_buffer.resize(0);
    m_writer.writeHeader(m_buffer);
    writeBytes(m_buffer);
}

void ResultExporter::onPage(const ResultPage &page)
{
    if (!m_running)
        return;
    m_buffer.resize(0);
    m_writer.writeRows(page, m_buffer);
    if (!writeBytes(m_buffer))
        return;
    m_rows += page.rows.size();
    emit progress(m_rows, m_bytes);
    // The signal's receivers may have cancelled.
    if (m_running && m_reader)
        m_reader->next();
}

void ResultExporter::onFinished()
{
    if (!m_running)
        return;
    if (!m_file->commit()) {
        fail(ApiError::make(ApiError::Kind::Io,
                            tr("cannot save %1: %2").arg(m_filePath, m_file->errorString())));
        return;
    }
    m_file.reset();
    m_running = false;
    if (m_reader) {
        m_reader->deleteLater();
        m_reader = nullptr;
    }
    m_buffer = QByteArray();
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
    if (m_reader) {
        m_reader->cancel();
        m_reader->deleteLater();
        m_reader = nullptr;
    }
    if (m_file) {
        m_file->cancelWriting();
        m_file.reset();
    }
    m_buffer = QByteArray();
}

} // namespace linkisdesk
