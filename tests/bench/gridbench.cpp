// SPDX-License-Identifier: GPL-3.0-or-later
#include "gridbench.h"

#include "benchaccount.h"
#include "benchutil.h"
#include "childprocess.h"
#include "paintwatcher.h"

#include "api/linkisclient.h"
#include "results/resultexporter.h"
#include "results/resultgrid.h"
#include "results/resulttablemodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QKeyEvent>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTableView>
#include <QWindow>

namespace linkisdesk::bench {

namespace {

constexpr int kWalkTimeoutMs = 180000;

// The last model row whose pixels are on screen, or -1.
int lastVisibleRow(const QTableView *view)
{
    const int rows = view->model()->rowCount();
    if (rows == 0)
        return -1;
    const int row = view->rowAt(view->viewport()->height() - 2);
    if (row >= 0)
        return row;
    const int y = view->rowViewportPosition(rows - 1);
    return y >= 0 && y < view->viewport()->height() ? rows - 1 : -1;
}

bool rowLoaded(const QTableView *view, int row)
{
    const QModelIndex i = view->model()->index(row, 0);
    return i.isValid() && i.data(ResultTableModel::IsLoadedRole).toBool();
}

void sendCtrlEnd(QWidget *w)
{
    QKeyEvent press(QEvent::KeyPress, Qt::Key_End, Qt::ControlModifier);
    QKeyEvent release(QEvent::KeyRelease, Qt::Key_End, Qt::ControlModifier);
    QCoreApplication::sendEvent(w, &press);
    QCoreApplication::sendEvent(w, &release);
}

bool showAndExpose(QWidget *w)
{
    w->resize(1000, 600);
    w->show();
    return waitUntil([w] { return w->windowHandle() && w->windowHandle()->isExposed(); }, 5000);
}

} // namespace

GridBench::GridBench(const QUrl &url, const QString &token, const QString &resultPath, qint64 rows)
    : m_url(url)
    , m_token(token)
    , m_path(resultPath)
    , m_rows(rows)
{ }

QJsonObject GridBench::runOurs(const QString &workDir)
{
    QJsonObject o;
    o.insert(QStringLiteral("grid_rows_expected"), double(m_rows));
    LinkisClient client(BenchAccount::settings(m_url, m_token));
    QWidget window;
    window.resize(1000, 600);
    if (!showAndExpose(&window))
        return o;

    // The job has ended and its result set is known: the GUI creates the grid for it.
    QElapsedTimer clock;
    clock.start();
    auto *grid = new ResultGrid(&client, m_path, &window);
    grid->resize(window.size());
    QTableView *view = grid->view();
    PaintWatcher first(view->viewport());
    first.arm([view] { return view->model()->rowCount() > 0 && rowLoaded(view, 0); });
    grid->show();
    waitUntil([&first] { return first.done(); }, 60000);
    if (first.done())
        o.insert(QStringLiteral("grid_first_rows_ms"), first.doneMs());

    // Ctrl+End, held until the true last row is painted: each press moves to the last row
    // loaded so far (which asks the model for more).
    // The user has clicked the first cell (without a current cell, Ctrl+End selects it).
    view->setFocus();
    view->setCurrentIndex(view->model()->index(0, 0));
    const int lastRow = int(m_rows) - 1;
    PaintWatcher end(view->viewport());
    end.arm([view, lastRow] {
        return view->model()->rowCount() == lastRow + 1 && lastVisibleRow(view) == lastRow &&
            rowLoaded(view, lastRow);
    });
    int presses = 1;
    sendCtrlEnd(view);
    int pressedAtRows = view->model()->rowCount();
    waitUntil(
        [&] {
            if (end.done())
                return true;
            const int rows = view->model()->rowCount();
            if (rows != pressedAtRows && !grid->model()->isLoading()) {
                pressedAtRows = rows;
                ++presses;
                sendCtrlEnd(view);
            }
            return false;
        },
        kWalkTimeoutMs);
    o.insert(QStringLiteral("grid_jump_end_ms"), end.done() ? end.doneMs() : kWalkTimeoutMs);
    o.insert(QStringLiteral("grid_jump_presses"), presses);
    o.insert(QStringLiteral("grid_rows_reached"), view->model()->rowCount());

    // Scroll through everything from the top, one model page per step, each painted loaded.
    const int pageRows = grid->model()->pageSize();
    int steps = 0;
    for (int row = 0; row < view->model()->rowCount(); row += pageRows) {
        view->scrollTo(view->model()->index(row, 0), QAbstractItemView::PositionAtTop);
        waitUntil(
            [&] {
                view->viewport()->repaint();
                return rowLoaded(view, row);
            },
            30000);
        ++steps;
    }
    view->scrollToBottom();
    waitUntil([&] { return rowLoaded(view, view->model()->rowCount() - 1); }, 30000);
    o.insert(QStringLiteral("grid_scroll_steps"), steps);
    o.insert(QStringLiteral("grid_cached_pages"), grid->model()->cachedPageCount());
    o.insert(QStringLiteral("grid_peak_rss_mb"), double(peakRssKb()) / 1024.0);
    o.insert(QStringLiteral("grid_rss_after_scroll_mb"), double(rssKb()) / 1024.0);

    // Export the whole set to CSV with the grid's exporter (core ResultExporter).
    const QString file = workDir + QStringLiteral("/export.csv");
    bool exported = false;
    clock.start();
    if (grid->exportTo(file)) {
        QObject::connect(grid->exporter(), &ResultExporter::finished, [&] { exported = true; });
        QObject::connect(grid->exporter(), &ResultExporter::failed, [&] { exported = true; });
        waitUntil([&] { return exported; }, 600000);
    }
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    const double mb = double(QFileInfo(file).size()) / 1e6;
    if (mb > 0) {
        o.insert(QStringLiteral("export_csv_mb"), mb);
        o.insert(QStringLiteral("export_ms"), ms);
        o.insert(QStringLiteral("export_csv_mb_s"), mb / (ms / 1000.0));
        o.insert(QStringLiteral("export_rows"), double(grid->exporter()->rowsWritten()));
    }
    QFile::remove(file);
    delete grid;
    return o;
}

QJsonObject GridBench::runNaive(const QString &workDir, const QString &pythonScript)
{
    QJsonObject o;
    LinkisClient client(BenchAccount::settings(m_url, m_token));
    QTableView view;
    if (!showAndExpose(&view))
        return o;

    // Load everything (every page into QStandardItems), then show it.
    QElapsedTimer clock;
    clock.start();
    QStandardItemModel model;
    int page = 1;
    bool done = false;
    bool failed = false;
    std::function<void()> next = [&] {
        client.openFile(m_path, page, ResultTableModel::DefaultPageSize, &model,
                        [&](Result<ResultPage> r) {
                            if (!r) {
                                failed = done = true;
                                return;
                            }
                            if (page == 1) {
                                QStringList names;
                                for (const ResultColumn &c : r->columns)
                                    names << c.name;
                                model.setHorizontalHeaderLabels(names);
                            }
                            if (r->rows.isEmpty()) {
                                done = true;
                                return;
                            }
                            for (const QStringList &row : r->rows) {
                                QList<QStandardItem *> items;
                                items.reserve(row.size());
                                for (const QString &cell : row)
                                    items << new QStandardItem(cell);
                                model.appendRow(items);
                            }
                            ++page;
                            next();
                        });
    };
    next();
    waitUntil([&] { return done; }, 30 * 60 * 1000);
    PaintWatcher first(view.viewport());
    first.arm([&view] { return view.model() && view.model()->rowCount() > 0; });
    view.setModel(&model);
    waitUntil([&first] { return first.done(); }, 60000);
    if (!failed && first.done())
        o.insert(QStringLiteral("grid_first_rows_ms"), double(clock.nsecsElapsed()) / 1e6);

    view.setFocus();
    view.setCurrentIndex(model.index(0, 0));
    const int lastRow = model.rowCount() - 1;
    PaintWatcher end(view.viewport());
    end.arm([&view, lastRow] { return lastVisibleRow(&view) == lastRow; });
    sendCtrlEnd(&view);
    waitUntil([&end] { return end.done(); }, 60000);
    if (end.done())
        o.insert(QStringLiteral("grid_jump_end_ms"), end.doneMs());
    for (int row = 0; row < model.rowCount(); row += ResultTableModel::DefaultPageSize) {
        view.scrollTo(model.index(row, 0), QAbstractItemView::PositionAtTop);
        view.viewport()->repaint();
    }
    o.insert(QStringLiteral("grid_rows_reached"), model.rowCount());
    o.insert(QStringLiteral("grid_peak_rss_mb"), double(peakRssKb()) / 1024.0);

    // Export baseline: Python's urllib + json + csv over the same openFile pages.
    const QString file = workDir + QStringLiteral("/export-python.csv");
    const ChildProcess::Outcome py =
        ChildProcess::run(QStringLiteral("python3"),
                          {pythonScript, m_url.toString(), m_token, BenchAccount::user(),
                           QStringLiteral("export"), m_path, file});
    const double mb = double(QFileInfo(file).size()) / 1e6;
    if (py.exitCode == 0 && mb > 0) {
        o.insert(QStringLiteral("export_csv_mb_s"), mb / (py.wallMs / 1000.0));
        o.insert(QStringLiteral("export_csv_mb"), mb);
        o.insert(QStringLiteral("export_ms"), py.wallMs);
    }
    QFile::remove(file);
    return o;
}

} // namespace linkisdesk::bench
