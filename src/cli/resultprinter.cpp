// SPDX-License-Identifier: GPL-3.0-or-later
#include "resultprinter.h"

#include "api/linkisclient.h"
#include "clioutput.h"
#include "results/resultexporter.h"
#include "results/resultsetreader.h"

#include <QDir>

namespace linkisdesk {

ResultPrinter::ResultPrinter(LinkisClient *client, CliOutput &output, RowFormat format,
                             const QString &outputDir, qint64 taskId, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_out(output)
    , m_format(format)
    , m_outputDir(outputDir)
    , m_taskId(taskId)
    , m_writer(format)
{ }

ResultPrinter::~ResultPrinter() = default;

QString ResultPrinter::workbookNameFor(qint64 taskId, const QList<ResultSetRef> &sets)
{
    if (sets.size() == 1)
        return fileNameFor(taskId, sets.first(), RowFormat::Xlsx);
    return QStringLiteral("task-%1-results.xlsx").arg(taskId);
}

QString ResultPrinter::sheetNameFor(const ResultSetRef &set)
{
    return QStringLiteral("result-%1").arg(set.index >= 0 ? QString::number(set.index) : set.name);
}

QString ResultPrinter::fileNameFor(qint64 taskId, const ResultSetRef &set, RowFormat format)
{
    const QString number = set.index >= 0 ? QString::number(set.index) : set.name;
    return QStringLiteral("task-%1-result-%2.%3")
        .arg(QString::number(taskId), number, rowFormatExtension(format));
}

void ResultPrinter::print(const QList<ResultSetRef> &sets)
{
    m_sets = sets;
    m_index = -1;
    if (!m_outputDir.isEmpty() && !QDir().mkpath(m_outputDir)) {
        fail(
            ApiError::make(ApiError::Kind::Io, tr("cannot create the folder %1").arg(m_outputDir)));
        return;
    }
    if (m_format == RowFormat::Xlsx && !m_sets.isEmpty()) {
        printWorkbook();
        return;
    }
    nextSet();
}

void ResultPrinter::printWorkbook()
{
    // One workbook, a sheet per result set, in the order given.
    const QString path = QDir(m_outputDir).filePath(workbookNameFor(m_taskId, m_sets));
    QList<ResultExporter::Set> sheets;
    for (const ResultSetRef &set : std::as_const(m_sets))
        sheets.append({set.path, sheetNameFor(set)});
    m_index = int(m_sets.size()) - 1; // nextSet() then finishes
    m_exporter = new ResultExporter(m_client, this);
    connect(m_exporter, &ResultExporter::finished, this, [this, path] {
        m_out.writeLine(path);
        onSetDone();
    });
    connect(m_exporter, &ResultExporter::failed, this, &ResultPrinter::fail);
    m_exporter->start(sheets, path, m_format);
}

void ResultPrinter::cancel()
{
    m_done = true;
    if (m_reader)
        m_reader->cancel();
    if (m_exporter)
        m_exporter->cancel();
}

void ResultPrinter::nextSet()
{
    if (m_done)
        return;
    if (m_reader) {
        m_reader->deleteLater();
        m_reader = nullptr;
    }
    if (m_exporter) {
        m_exporter->deleteLater();
        m_exporter = nullptr;
    }
    ++m_index;
    if (m_index >= m_sets.size()) {
        m_done = true;
        if (!m_out.flush()) {
            emit failed(ApiError::make(ApiError::Kind::Io, tr("cannot write to standard output")));
            return;
        }
        emit finished(int(m_sets.size()));
        return;
    }
    const ResultSetRef &set = m_sets.at(m_index);
    if (!m_outputDir.isEmpty()) {
        const QString path = QDir(m_outputDir).filePath(fileNameFor(m_taskId, set, m_format));
        m_exporter = new ResultExporter(m_client, this);
        connect(m_exporter, &ResultExporter::finished, this, [this, path] {
            m_out.writeLine(path);
            onSetDone();
        });
        connect(m_exporter, &ResultExporter::failed, this, &ResultPrinter::fail);
        m_exporter->start(set.path, path, m_format);
        return;
    }
    if (m_index > 0)
        m_out.write("\n"); // one blank line between result sets
    m_reader = new ResultSetReader(m_client, set.path, this);
    connect(m_reader, &ResultSetReader::headerReady, this, [this] {
        ResultPage layout;
        layout.type = m_reader->type();
        layout.columns = m_reader->columns();
        m_writer.setLayout(layout);
        m_buffer.resize(0);
        m_writer.writeHeader(m_buffer);
        m_out.write(m_buffer);
    });
    connect(m_reader, &ResultSetReader::pageReady, this, &ResultPrinter::onPage);
    connect(m_reader, &ResultSetReader::finished, this, &ResultPrinter::onSetDone);
    connect(m_reader, &ResultSetReader::failed, this, &ResultPrinter::fail);
    m_reader->start();
}

void ResultPrinter::onPage(const ResultPage &page)
{
    if (m_done)
        return;
    m_buffer.resize(0);
    m_writer.writeRows(page, m_buffer);
    // Blocking write: a slow reader of stdout slows the paging, memory stays at one page.
    if (!m_out.write(m_buffer) || !m_out.flush()) {
        fail(ApiError::make(ApiError::Kind::Io, tr("cannot write to standard output")));
        return;
    }

    m_reader->next();
}

void ResultPrinter::onSetDone()
{
    nextSet();
}

void ResultPrinter::fail(const ApiError &error)
{
    if (m_done)
        return;
    cancel();
    emit failed(error);
}

} // namespace linkisdesk
