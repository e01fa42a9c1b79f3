// SPDX-License-Identifier: GPL-3.0-or-later
#include "logbench.h"

#include "benchutil.h"
#include "loggenerator.h"
#include "stallprobe.h"

#include "api/linkisparsers.h"
#include "api/logdecoder.h"
#include "logs/logpanel.h"
#include "logs/logstore.h"
#include "logs/logview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>
#include <QWindow>

#include <functional>

namespace linkisdesk::bench {

namespace {

bool showAndExpose(QWidget *w)
{
    w->resize(1000, 600);
    w->show();
    return waitUntil([w] { return w->windowHandle() && w->windowHandle()->isExposed(); }, 5000);
}

struct Ingest
{
    double totalMs = 0;
    double maxStallMs = 0;
    qint64 longStalls = 0;
    double addedBytes = 0;
};

// Runs `feed` (which starts delivering the reply bodies and calls finish() after the last one)
// with the stall probe running; the clock stops when the last line is painted. The bodies are
// made before, so RSS added is what the panel (and its decoding) keeps.
Ingest ingest(
    QWidget *viewport, const std::function<void(const std::function<void()> &)> &feed,
    const std::function<bool()> &settled = [] { return true; })
{
    Ingest r;
    trimHeap();
    const qint64 rss0 = rssKb();
    StallProbe probe;
    bool done = false;
    QElapsedTimer clock;
    probe.start();
    clock.start();
    feed([&done] { done = true; });
    waitUntil([&] { return done && settled(); }, 30 * 60 * 1000);
    QCoreApplication::processEvents();
    viewport->repaint();
    r.totalMs = double(clock.nsecsElapsed()) / 1e6;
    probe.stop();
    r.maxStallMs = probe.maxGapMs();
    r.longStalls = probe.longGaps();
    trimHeap();
    r.addedBytes = double(rssKb() - rss0) * 1024.0;
    return r;
}

// Ours, as the app runs it: each reply body goes to the LogDecoder (decoded and indexed on a
// worker) and each decoded page into the panel. The bodies arrive as the naive panel gets them,
// one per event-loop turn (a zero timer); the clock stops when the last page is painted.
Ingest ingestOurs(const QList<QByteArray> &bodies, LogDecoder::Kind kind, LogPanel *panel)
{
    LogDecoder decoder;
    QTimer feed;
    feed.setInterval(0);
    qsizetype next = 0;
    qsizetype appended = 0;
    std::function<void()> finish;
    QObject::connect(&feed, &QTimer::timeout, [&] {
        if (next >= bodies.size()) {
            feed.stop();
            return;
        }
        decoder.decode(200, bodies.at(next++), kind, panel, [&](Result<LogPage> page) {
            if (page)
                panel->appendPage(*page);
            if (++appended == bodies.size())
                finish();
        });
    });
    return ingest(
        panel->view()->viewport(),
        [&](const std::function<void()> &f) {
            finish = f;
            feed.start();
        },
        [panel] { return panel->pendingLines() == 0; });
}

// The naive panel: each body through QJsonDocument, the "all" slot into a QPlainTextEdit with
// one appendPlainText, one body per event-loop turn (a zero timer).
Ingest ingestNaive(const QList<QByteArray> &bodies, QPlainTextEdit *edit)
{
    QTimer feed;
    feed.setInterval(0);
    qsizetype next = 0;
    std::function<void()> finish;
    QObject::connect(&feed, &QTimer::timeout, [&] {
        if (next >= bodies.size()) {
            feed.stop();
            finish();
            return;
        }
        const QJsonObject data =
            QJsonDocument::fromJson(bodies.at(next++)).object().value(u"data").toObject();
        QString all = data.value(u"log").toArray().at(3).toString();
        if (all.endsWith(u'\n'))
            all.chop(1);
        edit->appendPlainText(all);
    });
    return ingest(edit->viewport(), [&](const std::function<void()> &f) {
        finish = f;
        feed.start();
    });
}

void pressReturn(QWidget *w)
{
    QKeyEvent press(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
    QKeyEvent release(QEvent::KeyRelease, Qt::Key_Return, Qt::NoModifier);
    QCoreApplication::sendEvent(w, &press);
    QCoreApplication::sendEvent(w, &release);
}

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

void common(QJsonObject &o, const LogGenerator &gen, const QList<QByteArray> &bodies,
            const Ingest &in)
{
    double bodyBytes = 0;
    for (const QByteArray &b : bodies)
        bodyBytes += double(b.size());
    o.insert(QStringLiteral("log_reply_mb"), bodyBytes / 1e6);
    o.insert(QStringLiteral("log_lines"), double(gen.lineCount()));
    o.insert(QStringLiteral("log_text_mb"), double(gen.textBytes()) / 1e6);
    o.insert(QStringLiteral("log_avg_line_bytes"),
             double(gen.textBytes()) / double(qMax<qsizetype>(1, gen.lineCount())));
    o.insert(QStringLiteral("log_total_ms"), in.totalMs);
    o.insert(QStringLiteral("log_max_stall_ms"), in.maxStallMs);
    o.insert(QStringLiteral("log_long_stalls"), double(in.longStalls));
    o.insert(QStringLiteral("log_bytes_ratio"), in.addedBytes / double(gen.textBytes()));
}

} // namespace

LogBench::LogBench(qsizetype lines)
    : m_lines(lines)
{ }

QJsonObject LogBench::runOurs()
{
    QJsonObject o;
    const LogGenerator gen(m_lines);
    const QList<QByteArray> bodies = gen.liveReplies();
    {
        // openLog at the end: one reply of 30 MB of text into a fresh panel.
        const LogGenerator file(m_lines * 3 / 10);
        const QList<QByteArray> body = {file.openLogReply()};
        LogPanel panel;
        if (!showAndExpose(&panel))
            return o;
        const Ingest in = ingestOurs(body, LogDecoder::Kind::File, &panel);
        o.insert(QStringLiteral("log_openlog_30mb_ms"), in.totalMs);
        o.insert(QStringLiteral("log_openlog_stall_ms"), in.maxStallMs);
        o.insert(QStringLiteral("log_openlog_text_mb"), double(file.textBytes()) / 1e6);
        o.insert(QStringLiteral("log_openlog_lines_stored"),
                 panel.store()->lineCount() == file.lineCount() ? 1.0 : 0.0);
    }
    LogPanel panel;
    if (!showAndExpose(&panel))
        return o;
    QWidget *viewport = panel.view()->viewport();
    const Ingest in = ingestOurs(bodies, LogDecoder::Kind::Live, &panel);
    common(o, gen, bodies, in);
    o.insert(QStringLiteral("log_pipeline_ms"), in.totalMs);
    o.insert(QStringLiteral("log_store_ratio"),
             double(panel.store()->memoryBytes()) / double(gen.textBytes()));
    o.insert(QStringLiteral("log_lines_stored"), double(panel.store()->lineCount()));
    {
        // Diagnosis: decoding alone, on this thread, every body.
        QElapsedTimer t;
        t.start();
        qsizetype lines = 0;
        for (const QByteArray &b : bodies)
            lines += parsers::parseLogPage(200, b)->size();
        o.insert(QStringLiteral("log_decode_only_ms"), msSince(t));
        o.insert(QStringLiteral("log_decode_only_lines"), double(lines));
    }

    // All -> Error: the button a user clicks, then the repaint.
    auto *errorButton = panel.findChild<QToolButton *>(QStringLiteral("logFilterError"));
    QElapsedTimer t;
    if (errorButton) {
        t.start();
        errorButton->click();
        viewport->repaint();
        o.insert(QStringLiteral("log_filter_ms"), msSince(t));
        o.insert(QStringLiteral("log_error_rows"), double(panel.view()->rowCount()));
    }
    panel.setFilter(LogStore::Filter::All);
    panel.view()->showLine(0);
    viewport->repaint();
    QCoreApplication::processEvents();

    // Search from the top: the needle typed into the search box, then Enter, then the repaint.
    auto *search = panel.findChild<QLineEdit *>();
    if (search) {
        t.start();
        search->setText(QString::fromLatin1(LogGenerator::needle()));
        pressReturn(search);
        viewport->repaint();
        o.insert(QStringLiteral("log_search_ms"), msSince(t));
        o.insert(QStringLiteral("log_search_found"),
                 panel.view()->currentMatchLine() == gen.needleLine() ? 1.0 : 0.0);
    }
    return o;
}

QJsonObject LogBench::runNaive()
{
    QJsonObject o;
    const LogGenerator gen(m_lines);
    const QList<QByteArray> bodies = gen.liveReplies();
    {
        const LogGenerator file(m_lines * 3 / 10);
        const QList<QByteArray> body = {file.openLogReply()};
        QPlainTextEdit edit;
        edit.setReadOnly(true);
        edit.setLineWrapMode(QPlainTextEdit::NoWrap);
        if (!showAndExpose(&edit))
            return o;
        const Ingest in = ingestNaive(body, &edit);
        o.insert(QStringLiteral("log_openlog_30mb_ms"), in.totalMs);
        o.insert(QStringLiteral("log_openlog_stall_ms"), in.maxStallMs);
    }
    QPlainTextEdit edit;
    edit.setReadOnly(true);
    edit.setLineWrapMode(QPlainTextEdit::NoWrap);
    if (!showAndExpose(&edit))
        return o;
    QWidget *viewport = edit.viewport();
    const Ingest in = ingestNaive(bodies, &edit);
    common(o, gen, bodies, in);
    o.insert(QStringLiteral("log_pipeline_ms"), in.totalMs);
    o.insert(QStringLiteral("log_lines_stored"), double(edit.document()->blockCount()));

    // The naive filter: rebuild the text from the lines of the level.
    QElapsedTimer t;
    t.start();
    const QStringList all = edit.toPlainText().split(u'\n');
    QStringList errors;
    bool inError = false;
    for (const QString &line : all) {
        if (!line.startsWith(u'\t'))
            inError = line.contains(QLatin1String(" ERROR "));
        if (inError)
            errors.append(line);
    }
    edit.setPlainText(errors.join(u'\n'));
    viewport->repaint();
    o.insert(QStringLiteral("log_filter_ms"), msSince(t));
    edit.setPlainText(all.join(u'\n'));
    edit.moveCursor(QTextCursor::Start);
    viewport->repaint();

    t.start();
    const bool found = edit.find(QString::fromLatin1(LogGenerator::needle()));
    viewport->repaint();
    o.insert(QStringLiteral("log_search_ms"), msSince(t));
    o.insert(QStringLiteral("log_search_found"),
             found && edit.textCursor().blockNumber() == gen.needleLine() ? 1.0 : 0.0);
    return o;
}

} // namespace linkisdesk::bench
