// SPDX-License-Identifier: GPL-3.0-or-later
// The log panel: level filter with counts, search with highlight, first error, follow, copy, save.
#include "logs/logpanel.h"
#include "logs/logview.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace linkisdesk;

namespace {
QStringList sampleLog(int n)
{
    QStringList lines;
    for (int i = 0; i < n; ++i) {
        const char *level = (i % 50 == 7) ? "ERROR" : (i % 10 == 3 ? "WARN" : "INFO");
        lines << QStringLiteral("2024-05-01 10:00:%1.000 %2 [main] step %3 done")
                     .arg(i % 60, 2, 10, QLatin1Char('0'))
                     .arg(QLatin1String(level))
                     .arg(i);
    }
    return lines;
}
} // namespace

class TestLogView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void filterCountsAndRows()
    {
        LogPanel panel;
        panel.resize(800, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.appendLines(sampleLog(1000));
        QCOMPARE(panel.store()->lineCount(), 1000);
        QTRY_COMPARE(panel.filterButtonText(LogStore::Filter::All), QStringLiteral("All 1000"));
        QCOMPARE(panel.filterButtonText(LogStore::Filter::Error), QStringLiteral("Error 20"));
        QCOMPARE(panel.filterButtonText(LogStore::Filter::Warn), QStringLiteral("Warn 100"));
        QCOMPARE(panel.filterButtonText(LogStore::Filter::Info), QStringLiteral("Info 880"));
        panel.setFilter(LogStore::Filter::Error);
        QCOMPARE(panel.view()->rowCount(), 20);
        panel.view()->selectAll();
        const QStringList copied = panel.view()->selectedText().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(copied.size(), 20);
        for (const QString &line : copied)
            QVERIFY(line.contains(QStringLiteral(" ERROR ")));
        panel.setFilter(LogStore::Filter::All);
        QCOMPARE(panel.view()->rowCount(), 1000);
    }

    void clearStartsANewRunOnTheWholeLog()
    {
        LogPanel panel;
        panel.resize(800, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.appendLines(sampleLog(100));
        panel.setSearchText(QStringLiteral("777"));
        panel.setFilter(LogStore::Filter::Error);
        panel.view()->setFollowing(false);
        // The next run's lines, all Info: hidden by the filter left from the last run, unless
        // the panel starts over.
        panel.clear();
        panel.appendLines({QStringLiteral("2024-05-01 10:00:00.000 INFO next run")});
        QCOMPARE(panel.filter(), LogStore::Filter::All);
        QCOMPARE(panel.view()->searchText(), QString());
        QCOMPARE(panel.view()->rowCount(), 1);
        QVERIFY(panel.view()->isFollowing());
        QVERIFY(panel.filterButtonText(LogStore::Filter::All).startsWith(QStringLiteral("All")));
        // A filter that hides every line says so.
        panel.setFilter(LogStore::Filter::Error);
        QCOMPARE(panel.view()->rowCount(), 0);
        QCOMPARE(panel.view()->emptyHint(),
                 QStringLiteral("No lines at this level; the filter hides 1 line(s)"));
    }

    void searchHighlightsAndWraps()
    {
        LogPanel panel;
        panel.resize(800, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.appendLines(sampleLog(500));
        LogView *view = panel.view();
        view->verticalScrollBar()->setValue(0);
        view->setSearchText(QStringLiteral("STEP 42 "));
        QCOMPARE(view->findNext(), 42); // case-insensitive, 0-based line index
        QCOMPARE(view->currentMatchLine(), 42);
        QVERIFY(!view->isFollowing());
        QCOMPARE(view->findNext(), 42); // the only match: wraps around to itself
        view->setSearchText(QStringLiteral("step 49"));
        QCOMPARE(view->findNext(), 49);
        QCOMPARE(view->findNext(), 490); // "step 490 done"
        QCOMPARE(view->findPrevious(), 49);
        view->setSearchText(QStringLiteral("no such text"));
        QCOMPARE(view->findNext(), -1);
        // Painting with highlights must work (grab paints the viewport).
        view->setSearchText(QStringLiteral("step"));
        QVERIFY(!view->grab().isNull());
    }

    void firstErrorAndFollow()
    {
        LogPanel panel;
        panel.resize(800, 200);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        LogView *view = panel.view();
        QVERIFY(!view->jumpToFirstError());
        panel.appendLines(sampleLog(300));
        QVERIFY(view->isFollowing());
        QCOMPARE(view->verticalScrollBar()->value(), view->verticalScrollBar()->maximum());

        // The user scrolls up: new lines no longer move the view.
        view->verticalScrollBar()->setValue(10);
        QVERIFY(!view->isFollowing());
        const qsizetype top = view->firstVisibleLine();
        panel.appendLines(sampleLog(300));
        QCOMPARE(view->firstVisibleLine(), top);
        // End follows again.
        QTest::keyClick(view, Qt::Key_End);
        QVERIFY(view->isFollowing());
        panel.appendLines(sampleLog(10));
        QCOMPARE(view->verticalScrollBar()->value(), view->verticalScrollBar()->maximum());

        QVERIFY(view->jumpToFirstError());
        qsizetype a = -1, b = -1;
        QVERIFY(view->selection(&a, &b));
        QCOMPARE(a, 7);
        QCOMPARE(b, 7);
        QVERIFY(!view->isFollowing());
        QCOMPARE(view->selectedText(), panel.store()->line(7) + u'\n');
    }

    void copyAndSave()
    {
        QTemporaryDir dir;
        LogPanel panel;
        const QStringList lines = sampleLog(120);
        panel.appendLines(lines);
        panel.view()->selectAll();
        panel.view()->copy();
        QCOMPARE(QApplication::clipboard()->text(), lines.join(u'\n') + u'\n');
        const QString path = dir.filePath(QStringLiteral("job.log"));
        QString error;
        panel.setFilter(LogStore::Filter::Error); // saving keeps every level
        QVERIFY2(panel.saveTo(path, &error), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll()), lines.join(u'\n') + u'\n');
    }

    void largeLogStaysResponsive()
    {
        // 200,000 lines in poller-sized chunks: the view only tracks counts, so every chunk
        // leaves it consistent and painting touches only the visible rows.
        LogPanel panel;
        panel.resize(900, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const QStringList chunk = sampleLog(1000);
        for (int i = 0; i < 200; ++i)
            panel.appendLines(chunk);
        QCOMPARE(panel.view()->rowCount(), 200000);
        QVERIFY(panel.view()->isFollowing());
        QCOMPARE(panel.view()->firstVisibleLine(),
                 200000 - panel.view()->verticalScrollBar()->pageStep());
        panel.setFilter(LogStore::Filter::Error);
        QCOMPARE(panel.view()->rowCount(), 4000);
        QVERIFY(!panel.view()->grab().isNull());
    }

    // An openLog-sized page goes in slices across event-loop turns; pages after it wait for
    // their turn, so the order holds and every line arrives once.
    void bigPagesArriveWholeAndInOrder()
    {
        LogPanel panel;
        const QStringList big = sampleLog(90000);
        panel.appendPage(LogPage::fromLines(big));
        panel.appendPage(LogPage::fromLines({QStringLiteral("after the big page")}));
        QTRY_COMPARE(panel.pendingLines(), 0);
        QCOMPARE(panel.store()->lineCount(), big.size() + 1);
        QCOMPARE(panel.store()->line(0), big.first());
        QCOMPARE(panel.store()->line(89999), big.last());
        QCOMPARE(panel.store()->line(90000), QStringLiteral("after the big page"));
        QCOMPARE(panel.store()->count(LogStore::Filter::Error), 1800);
        panel.appendPage(LogPage::fromLines(big));
        panel.clear(); // a new run drops what was still waiting
        QTRY_COMPARE(panel.pendingLines(), 0);
        panel.appendLines({QStringLiteral("next run")});
        QTRY_COMPARE(panel.store()->lineCount(), 1);
        QCOMPARE(panel.store()->line(0), QStringLiteral("next run"));
    }
};

QTEST_MAIN(TestLogView)
#include "tst_logview.moc"
