// SPDX-License-Identifier: GPL-3.0-or-later
#include "logbench.h"

#include "benchutil.h"
#include "loggenerator.h"
#include "stallprobe.h"

#include "logs/logpanel.h"
#include "logs/logstore.h"
#include "logs/logview.h"

#include <QApplication>
#include <QElapsedTimer>
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
    double convertMs = 0;
};

// Delivers every chunk, one per event-loop turn (a zero timer), into `sink`, with the stall probe
// running. The chunks are turned into line lists first (the poller hands LogChunk::lines() over),
// so the clock and the probe see the panel's work only; that conversion is timed on its own.
Ingest ingest(const LogGenerator &gen, QWidget *viewport,
              const std::function<void(const QStringList &)> &sink)
{
    Ingest r;
    QElapsedTimer convert;
    convert.start();
    QList<QStringList> chunks;
    chunks.reserve(gen.chunks().size());
    for (const QByteArray &chunk : gen.chunks())
        chunks.append(QString::fromUtf8(chunk).split(u'\n'));
    r.convertMs = double(convert.nsecsElapsed()) / 1e6;
    trimHeap();
    const qint64 rss0 = rssKb();
    StallProbe probe;
    QTimer feed;
    feed.setInterval(0);
    qsizetype next = 0;
    QObject::connect(&feed, &QTimer::timeout, [&] {
        if (next >= chunks.size()) {
            feed.stop();
            return;
        }
        sink(chunks.at(next++));
    });
    QElapsedTimer clock;
    probe.start();
    clock.start();
    feed.start();
    waitUntil([&] { return !feed.isActive(); }, 30 * 60 * 1000);
    QCoreApplication::processEvents();
    viewport->repaint();
    r.totalMs = double(clock.nsecsElapsed()) / 1e6;
    probe.stop();
    r.maxStallMs = probe.maxGapMs();
    r.longStalls = probe.longGaps();
    trimHeap();
    // The prepared lines are still held, so the difference is what the panel added.
    r.addedBytes = double(rssKb() - rss0) * 1024.0;
    return r;
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

void common(QJsonObject &o, const LogGenerator &gen, const Ingest &in)
{
    o.insert(QStringLiteral("log_lines"), double(gen.lineCount()));
    o.insert(QStringLiteral("log_text_mb"), double(gen.textBytes()) / 1e6);
    o.insert(QStringLiteral("log_avg_line_bytes"),
             double(gen.textBytes()) / double(qMax<qsizetype>(1, gen.lineCount())));
    o.insert(QStringLiteral("log_total_ms"), in.totalMs);
    o.insert(QStringLiteral("log_convert_ms"), in.convertMs);
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
    LogPanel panel;
    if (!showAndExpose(&panel))
        return o;
    QWidget *viewport = panel.view()->viewport();
    const Ingest in =
        ingest(gen, viewport, [&panel](const QStringList &l) { panel.appendLines(l); });
    common(o, gen, in);
    o.insert(QStringLiteral("log_store_ratio"),
             double(panel.store()->memoryBytes()) / double(gen.textBytes()));
    o.insert(QStringLiteral("log_lines_stored"), double(panel.store()->lineCount()));
    {
        // Diagnosis: the same chunks into a bare LogStore (no view): the rest of log_total_ms
        // is the view's work (repaints between chunks).
        LogStore bare;
        const Ingest store =
            ingest(gen, viewport, [&bare](const QStringList &l) { bare.append(l); });
        o.insert(QStringLiteral("log_store_only_ms"), store.totalMs);
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
    QPlainTextEdit edit;
    edit.setReadOnly(true);
    edit.setLineWrapMode(QPlainTextEdit::NoWrap);
    if (!showAndExpose(&edit))
        return o;
    QWidget *viewport = edit.viewport();
    const Ingest in = ingest(
        gen, viewport, [&edit](const QStringList &l) { edit.appendPlainText(l.join(u'\n')); });
    common(o, gen, in);
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
