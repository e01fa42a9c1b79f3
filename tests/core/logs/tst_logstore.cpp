// SPDX-License-Identifier: GPL-3.0-or-later
#include "logs/logstore.h"

#include "api/logdecoder.h"

#include <QSignalSpy>
#include <QTest>

using namespace linkisdesk;
using Level = LogStore::Level;
using Filter = LogStore::Filter;
using Direction = LogStore::Direction;

namespace {

// A deterministic Linkis-style line of about 90 bytes; every 50th is an ERROR with a
// two-line stack trace after it, every 7th a WARN.
QStringList sampleLines(int records)
{
    QStringList lines;
    for (int i = 0; i < records; ++i) {
        const QString stamp = QStringLiteral("2024-05-01 10:%1:%2.%3")
                                  .arg((i / 60) % 60, 2, 10, QLatin1Char('0'))
                                  .arg(i % 60, 2, 10, QLatin1Char('0'))
                                  .arg(i % 1000, 3, 10, QLatin1Char('0'));
        if (i % 50 == 49) {
            lines << stamp +
                    QStringLiteral(" ERROR SparkTask record %1 failed: NullPointerException")
                        .arg(i);
            lines << QStringLiteral("\tat org.apache.linkis.Engine.run(Engine.scala:%1)").arg(i);
            lines << QStringLiteral("Caused by: java.io.IOException: disk quota %1").arg(i);
        } else if (i % 7 == 6) {
            lines << stamp +
                    QStringLiteral(" WARN Executor record %1 is slow, retrying shortly").arg(i);
        } else {
            lines << stamp +
                    QStringLiteral(" INFO Scheduler record %1 finished stage with id").arg(i);
        }
    }
    return lines;
}

// The same lines as LogStore::append gives them, checked line by line with levels and indexes.
void compareStores(const LogStore &a, const LogStore &b)
{
    QCOMPARE(a.lineCount(), b.lineCount());
    QCOMPARE(a.textBytes(), b.textBytes());
    for (const Filter f : {Filter::All, Filter::Error, Filter::Warn, Filter::Info})
        QCOMPARE(a.count(f), b.count(f));
    for (qsizetype i = 0; i < a.lineCount(); ++i) {
        if (a.lineUtf8(i) != b.lineUtf8(i) || a.level(i) != b.level(i))
            QFAIL(qPrintable(QStringLiteral("line %1 differs").arg(i)));
    }
    for (qsizetype row = 0; row < a.count(Filter::Error); row += 97)
        QCOMPARE(a.lineAt(Filter::Error, row), b.lineAt(Filter::Error, row));
}

// An entrance/{id}/log reply holding `lines` in the "all" slot.
QByteArray logReply(const QStringList &lines, int fromLine)
{
    QString all = lines.join(u'\n') + u'\n';
    all.replace(u'\\', QStringLiteral("\\\\"));
    all.replace(u'"', QStringLiteral("\\\""));
    all.replace(u'\t', QStringLiteral("\\t"));
    all.replace(u'\n', QStringLiteral("\\n"));
    return R"({"method":"/api/entrance/x/log","status":0,"message":"","data":{"log":["","","",")" +
        all.toUtf8() + R"("],"fromLine":)" + QByteArray::number(fromLine) + "}}";
}

} // namespace

class TestLogStore : public QObject
{
    Q_OBJECT
private slots:
    void classifiesHeaders_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("level");
        const int none = -1;
        QTest::newRow("linkis error")
            << QByteArray("2022-06-10 16:29:31.031 ERROR Job failed") << int(Level::Error);
        QTest::newRow("linkis warn")
            << QByteArray("2022-06-10 16:29:31.031 WARN slow") << int(Level::Warn);
        QTest::newRow("linkis info")
            << QByteArray("2022-06-10 16:29:31.031 INFO Your job is accepted") << int(Level::Info);
        QTest::newRow("system-error")
            << QByteArray("2022-06-10 16:29:31.031 SYSTEM-ERROR boom") << int(Level::Error);
        QTest::newRow("bracketed")
            << QByteArray("2022-06-10 16:29:31,031 [main] [WARN] x") << int(Level::Warn);
        QTest::newRow("spark style")
            << QByteArray("24/05/01 10:00:00 ERROR SparkContext: oops") << int(Level::Error);
        QTest::newRow("debug is info")
            << QByteArray("2024-05-01 10:00:00.000 DEBUG x") << int(Level::Info);
        QTest::newRow("first token")
            << QByteArray("[ERROR] Failed to execute goal") << int(Level::Error);
        QTest::newRow("colon") << QByteArray("WARNING: deprecated") << int(Level::Warn);
        QTest::newRow("stack frame") << QByteArray("\tat org.Foo.bar(Foo.java:1)") << none;
        QTest::newRow("caused by") << QByteArray("Caused by: ERROR in x") << none;
        QTest::newRow("lower case") << QByteArray("2024-05-01 10:00:00.000 error x") << none;
        QTest::newRow("word inside text")
            << QByteArray("Sorry. Your job completed with ERROR") << none;
        QTest::newRow("level too far") << QByteArray("2024 a b c d e f g ERROR") << none;
        QTest::newRow("empty") << QByteArray() << none;
    }
    void classifiesHeaders()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, level);
        QCOMPARE(LogStore::classify(line), level);
    }

    void linesWithoutLevelInheritThePreviousOne()
    {
        LogStore store;
        store.append(
            {QStringLiteral("no level yet"), QStringLiteral("2024-05-01 10:00:00.000 ERROR failed"),
             QStringLiteral("\tat a.b(C.java:1)"), QStringLiteral(""),
             QStringLiteral("2024-05-01 10:00:01.000 WARN careful"),
             QStringLiteral("more about it"), QStringLiteral("2024-05-01 10:00:02.000 INFO done")});
        QCOMPARE(store.lineCount(), 7);
        const QList<Level> expected = {Level::Info, Level::Error, Level::Error, Level::Error,
                                       Level::Warn, Level::Warn,  Level::Info};
        for (int i = 0; i < expected.size(); ++i)
            QCOMPARE(store.level(i), expected.at(i));
        QCOMPARE(store.count(Filter::All), 7);
        QCOMPARE(store.count(Filter::Error), 3);
        QCOMPARE(store.count(Filter::Warn), 2);
        QCOMPARE(store.count(Filter::Info), 2);
        QCOMPARE(store.count(Level::Error), 3);
        QCOMPARE(store.lineAt(Filter::Error, 0), 1);
        QCOMPARE(store.lineAt(Filter::Error, 2), 3);
        QCOMPARE(store.lineAt(Filter::Info, 1), 6);
        QCOMPARE(store.lineAt(Filter::All, 5), 5);
        QCOMPARE(store.firstError(), 1);
        QCOMPARE(store.line(3), QString());
        // Inheritance carries across append calls.
        store.append({QStringLiteral("continuation of done")});
        QCOMPARE(store.level(7), Level::Info);
    }

    void rowAtOrAfterMapsLinesIntoFilters()
    {
        LogStore store;
        store.append(sampleLines(200));
        for (Filter f : {Filter::All, Filter::Error, Filter::Warn, Filter::Info}) {
            for (qsizetype line = 0; line < store.lineCount(); line += 13) {
                const qsizetype row = store.rowAtOrAfter(f, line);
                QVERIFY(row >= 0 && row <= store.count(f));
                if (row < store.count(f))
                    QVERIFY(store.lineAt(f, row) >= line);
                if (row > 0)
                    QVERIFY(store.lineAt(f, row - 1) < line);
            }
        }
        QCOMPARE(store.rowAtOrAfter(Filter::Error, store.lineCount()), store.count(Filter::Error));
    }

    void noErrorMeansMinusOne()
    {
        LogStore store;
        QCOMPARE(store.firstError(), -1);
        store.append({QStringLiteral("2024-05-01 10:00:00.000 INFO fine")});
        QCOMPARE(store.firstError(), -1);
    }

    void utf8ChunksSplitOnNewlines()
    {
        LogStore store;
        QSignalSpy spy(&store, &LogStore::linesAppended);
        store.appendUtf8("first\r\nsecond\n\nfourth\n");
        store.appendUtf8("fifth");
        store.appendUtf8("");
        store.appendUtf8("\n");
        QCOMPARE(store.lineCount(), 6);
        QCOMPARE(store.line(0), QStringLiteral("first"));
        QCOMPARE(store.line(1), QStringLiteral("second"));
        QCOMPARE(store.line(2), QString());
        QCOMPARE(store.line(3), QStringLiteral("fourth"));
        QCOMPARE(store.line(4), QStringLiteral("fifth"));
        QCOMPARE(store.line(5), QString());
        QCOMPARE(spy.size(), 3);
        QCOMPARE(spy.at(0).at(0).value<qsizetype>(), 0);
        QCOMPARE(spy.at(0).at(1).value<qsizetype>(), 4);
        QCOMPARE(spy.at(1).at(0).value<qsizetype>(), 4);
        QCOMPARE(spy.at(1).at(1).value<qsizetype>(), 1);
    }

    void listLinesWithNewlinesAreSplitAndSignalledOnce()
    {
        LogStore store;
        QSignalSpy spy(&store, &LogStore::linesAppended);
        store.append({QStringLiteral("a"), QStringLiteral("b\nc"), QStringLiteral("d")});
        QCOMPARE(store.lineCount(), 4);
        QCOMPARE(store.line(2), QStringLiteral("c"));
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(1).value<qsizetype>(), 4);
        store.append({});
        QCOMPARE(spy.size(), 1);
    }

    void nonAsciiRoundTrip()
    {
        LogStore store;
        const QString text = QStringLiteral("2024-05-01 10:00:00.000 ERROR 任务失败 Größe ÄÖÜ 😀");
        store.append({text});
        QCOMPARE(store.line(0), text);
        QCOMPARE(store.level(0), Level::Error);
        QCOMPARE(store.lineUtf8(0), QByteArrayView(text.toUtf8()));
        QCOMPARE(store.textBytes(), text.toUtf8().size());
    }

    void manyLinesAcrossBlocksStayExact()
    {
        LogStore store;
        const QStringList lines = sampleLines(40000); // > 3 MiB: several blocks
        for (qsizetype i = 0; i < lines.size(); i += 977)
            store.append(lines.mid(i, 977));
        const QString huge(3 * 1024 * 1024, QLatin1Char('x')); // longer than a block
        store.append({huge, QStringLiteral("after the huge one")});
        QCOMPARE(store.lineCount(), lines.size() + 2);
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (store.line(i) != lines.at(i))
                QFAIL(qPrintable(QStringLiteral("line %1 differs").arg(i)));
        }
        QCOMPARE(store.line(lines.size()), huge);
        QCOMPARE(store.line(lines.size() + 1), QStringLiteral("after the huge one"));
        qsizetype bytes = 0;
        for (const QString &l : lines)
            bytes += l.toUtf8().size();
        QCOMPARE(store.textBytes(), bytes + huge.size() + 18);
    }

    // Pages keep their bytes and stated levels; lines never straddle blocks, the page bigger
    // than a block and the line bigger than a block included.
    void pagesStoreWhatLinesStore()
    {
        const QStringList lines = sampleLines(30000); // about 2.8 MiB
        const QString huge(1536 * 1024, QLatin1Char('y'));
        LogStore byLines;
        LogStore byPages;
        QSignalSpy appended(&byPages, &LogStore::linesAppended);
        // The first page lands inside the first block, the second (the rest, 2.5 MiB) crosses
        // two block ends, then a line longer than a block, then a short page.
        byLines.append(lines.mid(0, 3000));
        byPages.appendPage(LogPage::fromLines(lines.mid(0, 3000)));
        byLines.append(lines.mid(3000));
        byPages.appendPage(LogPage::fromLines(lines.mid(3000)));
        byLines.append({huge, QStringLiteral("\tat after.the(Huge.java:1)")});
        byPages.appendPage(
            LogPage::fromLines({huge, QStringLiteral("\tat after.the(Huge.java:1)")}));
        byPages.appendPage(LogPage());
        compareStores(byPages, byLines);
        QCOMPARE(appended.count(), 3);
        QCOMPARE(appended.at(1).at(0).value<qsizetype>(), 3000);
        QCOMPARE(appended.at(1).at(1).value<qsizetype>(), lines.size() - 3000);
        QCOMPARE(byPages.find(QStringLiteral("record 29999"), 0),
                 byLines.find(QStringLiteral("record 29999"), 0));
    }

    // Replies decoded on the worker arrive in order, each once, into the store.
    void decoderDeliversPagesInOrder()
    {
        const QStringList lines = sampleLines(5000);
        LogStore expected;
        expected.append(lines);
        LogStore store;
        LogDecoder decoder;
        QObject context;
        int delivered = 0;
        int fromLine = 0;
        for (qsizetype i = 0; i < lines.size(); i += 300) {
            const QStringList page = lines.mid(i, 300);
            decoder.decode(200, logReply(page, int(i + page.size() + 1)), LogDecoder::Kind::Live,
                           &context, [&](Result<LogPage> r) {
                               QVERIFY(r.ok());
                               QVERIFY(r->nextFromLine > fromLine);
                               fromLine = r->nextFromLine;
                               store.appendPage(*r);
                               ++delivered;
                           });
        }
        decoder.decode(200, "{broken", LogDecoder::Kind::File, &context, [&](Result<LogPage> r) {
            QVERIFY(!r.ok());
            QCOMPARE(r.error().kind, ApiError::Kind::Parse);
            ++delivered;
        });
        QTRY_COMPARE(delivered, int((lines.size() + 299) / 300) + 1);
        QCOMPARE(decoder.pending(), 0);
        compareStores(store, expected);
    }

    // A page whose context is gone is dropped; a decoder destroyed with work queued is quiet.
    void decoderDropsPagesOfGoneContexts()
    {
        const QByteArray reply = logReply(sampleLines(2000), 10);
        int kept = 0;
        int dropped = 0;
        {
            LogDecoder decoder;
            QObject keep;
            auto *gone = new QObject;
            decoder.decode(200, reply, LogDecoder::Kind::Live, gone, [&](auto) { ++dropped; });
            decoder.decode(200, reply, LogDecoder::Kind::Live, &keep, [&](auto) { ++kept; });
            delete gone;
            QTRY_COMPARE(kept, 1);
            for (int i = 0; i < 20; ++i)
                decoder.decode(200, reply, LogDecoder::Kind::Live, &keep, [&](auto) { ++kept; });
        }
        QCOMPARE(dropped, 0);
        QVERIFY(kept >= 1);
    }

    void memoryStaysWithinTwiceTheText()
    {
        LogStore store;
        const QStringList lines = sampleLines(100000);
        for (qsizetype i = 0; i < lines.size(); i += 500)
            store.append(lines.mid(i, 500));
        QVERIFY(store.textBytes() > 5'000'000);
        const double ratio = double(store.memoryBytes()) / double(store.textBytes());
        qDebug("memory / text = %.3f for %lld lines", ratio, qlonglong(store.lineCount()));
        QVERIFY2(ratio <= 2.0, qPrintable(QString::number(ratio)));
    }

    void searchIsCaseInsensitiveAndDirectional()
    {
        LogStore store;
        store.append({QStringLiteral("alpha"),
                      QStringLiteral("2024-05-01 10:00:00.000 ERROR Beta one"),
                      QStringLiteral("gamma"), QStringLiteral("BETA two"),
                      QStringLiteral("2024-05-01 10:00:00.000 INFO beta three")});
        QCOMPARE(store.find(QStringLiteral("beta"), 0), 1);
        QCOMPARE(store.find(QStringLiteral("beta"), 2), 3);
        QCOMPARE(store.find(QStringLiteral("BeTa"), 4), 4);
        QCOMPARE(store.find(QStringLiteral("beta"), 5), -1);
        QCOMPARE(store.find(QStringLiteral("beta"), 4, Filter::All, Direction::Backward), 4);
        QCOMPARE(store.find(QStringLiteral("beta"), 2, Filter::All, Direction::Backward), 1);
        QCOMPARE(store.find(QStringLiteral("beta"), 0, Filter::All, Direction::Backward), -1);
        QCOMPARE(store.find(QStringLiteral("beta"), 100, Filter::All, Direction::Backward), 4);
        // Filters return rows in the filter: Error holds lines 1..3.
        QCOMPARE(store.count(Filter::Error), 3);
        QCOMPARE(store.find(QStringLiteral("beta"), 1, Filter::Error), 2);
        QCOMPARE(store.find(QStringLiteral("beta"), 0, Filter::Info), 1);
        QCOMPARE(store.lineAt(Filter::Info, 1), 4);
        QCOMPARE(store.find(QStringLiteral("gamma"), 0, Filter::Warn), -1);
        QCOMPARE(store.find(QString(), 0), -1);
        QCOMPARE(store.find(QStringLiteral("a one"), 0), 1);
        QCOMPARE(store.find(QStringLiteral("alphabet"), 0), -1);
        QVERIFY(store.lineContains(0, QStringLiteral("LPH")));
        QVERIFY(!store.lineContains(0, QStringLiteral("alphaa")));
    }

    void searchMatchesDigitsPunctuationAndRepeatedAnchors()
    {
        LogStore store;
        store.append({QStringLiteral("zzzzzzzzzzzq"), QStringLiteral("aaaa-aaab 42:17"),
                      QStringLiteral("qqqzQ")});
        QCOMPARE(store.find(QStringLiteral("zq"), 0), 0);
        QCOMPARE(store.find(QStringLiteral("aaab"), 0), 1);
        QCOMPARE(store.find(QStringLiteral("-AAAB 42:1"), 0), 1);
        QCOMPARE(store.find(QStringLiteral("42:18"), 0), -1);
        QCOMPARE(store.find(QStringLiteral("ZQ"), 1), 2);
        QCOMPARE(store.find(QStringLiteral("q"), 1), 2);
    }

    void searchFoldsNonAsciiCase()
    {
        LogStore store;
        store.append({QStringLiteral("plain"), QStringLiteral("Datei GRÖSSE überschritten"),
                      QStringLiteral("任务失败")});
        QCOMPARE(store.find(QStringLiteral("grösse"), 0), 1);
        QCOMPARE(store.find(QStringLiteral("ÜBER"), 0), 1);
        QCOMPARE(store.find(QStringLiteral("失败"), 0), 2);
        QCOMPARE(store.find(QStringLiteral("überschritten!"), 0), -1);
        // U+017F (long s) folds to an ASCII 's': ASCII-only lines must still be looked at.
        store.append({QStringLiteral("class")});
        const QString longS = QStringLiteral("cla") + QChar(0x017F) + QStringLiteral("s");
        QCOMPARE(store.find(longS, 0), 3);
    }

    void searchAgreesWithQStringOnALargeLog()
    {
        LogStore store;
        const QStringList lines = sampleLines(20000);
        store.append(lines);
        for (const QString &needle : {QStringLiteral("nullpointer"), QStringLiteral("RECORD 1999 "),
                                      QStringLiteral("quota 4"), QStringLiteral("slow, r")}) {
            QList<qsizetype> expected;
            for (qsizetype i = 0; i < lines.size(); ++i) {
                if (lines.at(i).contains(needle, Qt::CaseInsensitive))
                    expected.append(i);
            }
            QVERIFY(!expected.isEmpty());
            QList<qsizetype> found;
            for (qsizetype row = store.find(needle, 0); row >= 0; row = store.find(needle, row + 1))
                found.append(row);
            QCOMPARE(found, expected);
            QList<qsizetype> backward;
            for (qsizetype row =
                     store.find(needle, store.lineCount(), Filter::All, Direction::Backward);
                 row >= 0; row = store.find(needle, row - 1, Filter::All, Direction::Backward))
                backward.prepend(row);
            QCOMPARE(backward, expected);
        }
    }

    void clearEmptiesEverything()
    {
        LogStore store;
        QSignalSpy spy(&store, &LogStore::cleared);
        store.append(sampleLines(100));
        store.clear();
        QCOMPARE(spy.size(), 1);
        QCOMPARE(store.lineCount(), 0);
        QCOMPARE(store.count(Filter::Error), 0);
        QCOMPARE(store.firstError(), -1);
        QCOMPARE(store.textBytes(), 0);
        store.append({QStringLiteral("continuation")}); // inherits nothing from before
        QCOMPARE(store.level(0), Level::Info);
    }
};

QTEST_GUILESS_MAIN(TestLogStore)
#include "tst_logstore.moc"
