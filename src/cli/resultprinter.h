// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/apierror.h"
#include "api/resultsetref.h"
#include "results/rowformat.h"
#include "results/rowwriter.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace linkisdesk {

class CliOutput;
class LinkisClient;
class ResultExporter;
class ResultSetReader;

// Prints a job's result sets in the order given (sorted by number): to stdout, separated by one
// blank line, or as one file per set in a folder (their paths go to stdout), or as one Excel
// workbook in the folder with a sheet per set. Page by page: a page
// is written before the next is requested, so memory stays flat whatever the size.
class ResultPrinter : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultPrinter)
public:
    ResultPrinter(LinkisClient *client, CliOutput &output, RowFormat format,
                  const QString &outputDir, qint64 taskId, QObject *parent = nullptr);
    ~ResultPrinter() override;

    // Emits finished() or failed() once.
    void print(const QList<ResultSetRef> &sets);
    void cancel();

    static QString fileNameFor(qint64 taskId, const ResultSetRef &set, RowFormat format);
    // xlsx: one workbook for all the sets (the set's own name when there is one).
    static QString workbookNameFor(qint64 taskId, const QList<ResultSetRef> &sets);
    static QString sheetNameFor(const ResultSetRef &set);

signals:
    void finished(int setsPrinted);
    void failed(const linkisdesk::ApiError &error);

private:
    void nextSet();
    void printWorkbook();
    void onPage(const ResultPage &page);
    void onSetDone();
    void fail(const ApiError &error);

    QPointer<LinkisClient> m_client;
    CliOutput &m_out;
    RowFormat m_format;
    QString m_outputDir;
    qint64 m_taskId;
    QList<ResultSetRef> m_sets;
    int m_index = -1;
    ResultSetReader *m_reader = nullptr;
    ResultExporter *m_exporter = nullptr;
    RowWriter m_writer;
    QByteArray m_buffer;
    bool m_done = false;
};

} // namespace linkisdesk
