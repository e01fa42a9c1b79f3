// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/apierror.h"
#include "results/rowformat.h"
#include "results/rowwriter.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class QSaveFile;

namespace linkisdesk {

class LinkisClient;
class ResultSetReader;

// Writes a whole result set to a CSV, TSV or JSON-lines file, page by page (one page in memory at
// a time). The file appears only when the export completed: a cancelled or failed export leaves
// nothing behind (and an existing file untouched).
class ResultExporter : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultExporter)
public:
    explicit ResultExporter(LinkisClient *client, QObject *parent = nullptr);
    ~ResultExporter() override;

    void setPageSize(int rows) { m_pageSize = rows; }

    // Emits finished(), failed() or cancelled() once.
    void start(const QString &resultSetPath, const QString &filePath, RowFormat format);
    void cancel();

    bool isRunning() const { return m_running; }
    qint64 rowsWritten() const { return m_rows; }
    qint64 bytesWritten() const { return m_bytes; }
    QString filePath() const { return m_filePath; }

signals:
    // After each page.
    void progress(qint64 rows, qint64 bytes);
    void finished(qint64 rows, qint64 bytes);
    void failed(const linkisdesk::ApiError &error);
    void cancelled();

private:
    void onHeader();
    void onPage(const ResultPage &page);
    void onFinished();
    void fail(const ApiError &error);
    bool writeBytes(const QByteArray &bytes);
    void cleanup();

    QPointer<LinkisClient> m_client;
    int m_pageSize = 0;
    QString m_filePath;
    std::unique_ptr<QSaveFile> m_file;
    ResultSetReader *m_reader = nullptr;
    RowWriter m_writer {RowFormat::Tsv};
    QByteArray m_buffer;
    qint64 m_rows = 0;
    qint64 m_bytes = 0;
    bool m_running = false;
};

} // namespace linkisdesk
