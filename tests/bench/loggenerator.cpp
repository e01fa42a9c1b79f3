// SPDX-License-Identifier: GPL-3.0-or-later
#include "loggenerator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace linkisdesk::bench {

namespace {
const char *const kClasses[] = {"o.a.l.e.SparkEngineConnExecutor", "o.a.s.scheduler.TaskSetManager",
                                "o.a.l.entrance.EntranceJob", "o.a.s.storage.BlockManagerInfo",
                                "o.a.l.o.OrchestratorSession"};
const char *const kMessages[] = {
    "Finished task %d.0 in stage 3.0 (TID %d)", "Added broadcast_%d_piece0 in memory (size: %d B)",
    "Progress of job %d is %d/200 tasks", "Submitting %d tasks of stage %d"};
// The four Linkis slots of some lines: error, warn, info (by the level word; a stack-trace line
// goes with the line before it) and all.
QJsonArray slotsOf(const QByteArray &text)
{
    QByteArray slot[4];
    int current = 2;
    for (const QByteArray &line : text.split('\n')) {
        if (!line.startsWith('\t'))
            current = line.contains(" ERROR ") ? 0 : line.contains(" WARN ") ? 1 : 2;
        slot[current] += line + '\n';
        slot[3] += line + '\n';
    }
    QJsonArray array;
    for (const QByteArray &s : slot)
        array.append(QString::fromUtf8(s));
    return array;
}

// ApiReply::envelope of the local gateway.
QByteArray envelope(const QString &method, const QJsonObject &data)
{
    QByteArray b =
        "{\"method\":\"" + method.toUtf8() + "\",\"status\":0,\"message\":\"\",\"data\":";
    b += QJsonDocument(data).toJson(QJsonDocument::Compact);
    b += '}';
    return b;
}

} // namespace

QList<QByteArray> LogGenerator::liveReplies() const
{
    QList<QByteArray> replies;
    replies.reserve(m_chunks.size());
    int fromLine = 1;
    for (const QByteArray &chunk : m_chunks) {
        fromLine += int(chunk.count('\n')) + 1;
        const QJsonObject data = {{QStringLiteral("log"), slotsOf(chunk)},
                                  {QStringLiteral("execID"), QStringLiteral("exec_bench")},
                                  {QStringLiteral("fromLine"), fromLine}};
        replies.append(envelope(QStringLiteral("/api/entrance/exec_bench/log"), data));
    }
    return replies;
}

QByteArray LogGenerator::openLogReply() const
{
    QByteArray all;
    all.reserve(m_textBytes + m_lines);
    for (const QByteArray &chunk : m_chunks) {
        if (!all.isEmpty())
            all += '\n';
        all += chunk;
    }
    return envelope(QStringLiteral("/api/filesystem/openLog"),
                    {{QStringLiteral("log"), slotsOf(all)}});
}

LogGenerator::LogGenerator(qsizetype lines, qsizetype chunkLines)
    : m_lines(lines)
    , m_needleLine(lines * 99 / 100 / 100 * 100 + 50) // an INFO line, never a stack trace
{
    QByteArray chunk;
    char buf[256];
    qsizetype inChunk = 0;
    int traceLeft = 0;
    for (qsizetype i = 0; i < lines; ++i) {
        const int sec = int(i / 1000);
        const int ms = int(i % 1000);
        int n = 0;
        if (traceLeft > 0) {
            n = std::snprintf(buf, sizeof buf,
                              "\tat org.apache.spark.scheduler.DAGScheduler.runJob"
                              "(DAGScheduler.scala:%d)",
                              900 + traceLeft);
            --traceLeft;
        } else {
            const char *level = "INFO ";
            if (i % 100 == 99) {
                level = "ERROR";
                traceLeft = 3;
            } else if (i % 20 == 7) {
                level = "WARN ";
            }
            char message[96];
            std::snprintf(message, sizeof message, kMessages[i % 4], int(i % 977), int(i % 53));
            n = std::snprintf(buf, sizeof buf, "2024-05-01 %02d:%02d:%02d.%03d %s %s - %s%s",
                              10 + sec / 3600 % 10, sec / 60 % 60, sec % 60, ms, level,
                              kClasses[i % 5], message, i == m_needleLine ? " XYZZY-needle-7" : "");
        }
        if (inChunk > 0)
            chunk += '\n';
        chunk.append(buf, n);
        m_textBytes += n;
        if (++inChunk == chunkLines) {
            m_chunks.append(chunk);
            chunk.clear();
            inChunk = 0;
        }
    }
    if (inChunk > 0)
        m_chunks.append(chunk);
}

} // namespace linkisdesk::bench
