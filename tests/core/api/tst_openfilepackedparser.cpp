// SPDX-License-Identifier: GPL-3.0-or-later
// parseOpenFilePacked (the exports' fast openFile decoder) must give exactly what parseOpenFile
// followed by PackedPage::fromPage gives: the same rows, NULL flags, layout and errors, for every
// recorded reply, for hand-made edge cases and for thousands of damaged replies.
#include "api/linkisparsers.h"
#include "api/openfilepackedparser.h"
#include "api/packedpage.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace linkisdesk;
using namespace linkisdesk::parsers;

namespace {

const QString kNull = QStringLiteral("@@LINKIS_DESK_NULL@@");

// A regular page with everything the decoder handles on its fast path.
QByteArray richPage()
{
    return QByteArrayLiteral(
        "{\"method\":\"/api/filesystem/openFile\",\"status\":0,\"message\":\"OK\",\"data\":{"
        "\"metadata\":[{\"columnName\":\"id\",\"comment\":\"NULL\",\"dataType\":\"int\"},"
        "{\"columnName\":\"s\",\"comment\":\"a \\\"note\\\"\",\"dataType\":\"string\"}],"
        "\"totalPage\":0,\"totalLine\":6,\"page\":3,\"type\":\"2\",\"fileContent\":["
        "[\"1\",\"plain\"],"
        "[\"2\",\"tab\\tnl\\ncr\\rq\\\"bs\\\\sl\\/b\\bf\\f\"],"
        "[\"3\",\"\\u00e9\\u4e2d\\ud83d\\ude00\\u0000\\u001f\"],"
        "[\"4\",\"\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80\xef\xbf\xbf\"],"
        "[null,\"@@LINKIS_DESK_NULL@@\"],"
        " [ \"6\" , \"\" ] ,[],[\"NULL\",\"a,b\"]]}}");
}

void compareWithGeneric(int status, const QByteArray &body, const QString &nullValue)
{
    const Result<PackedPage> fast = parseOpenFilePacked(status, body, nullValue);
    const Result<ResultPage> slow = parseOpenFile(status, body, nullValue);
    QCOMPARE(fast.ok(), slow.ok());
    if (!slow) {
        QCOMPARE(fast.error().kind, slow.error().kind);
        QCOMPARE(fast.error().message, slow.error().message);
        QCOMPARE(fast.error().httpStatus, slow.error().httpStatus);
        QCOMPARE(fast.error().linkisStatus, slow.error().linkisStatus);
        QCOMPARE(fast.error().detail, slow.error().detail);
        return;
    }
    const PackedPage expected = PackedPage::fromPage(*slow);
    QCOMPARE(fast->type, expected.type);
    QCOMPARE(fast->page, expected.page);
    QCOMPARE(fast->columns.size(), expected.columns.size());
    for (qsizetype i = 0; i < expected.columns.size(); ++i) {
        QCOMPARE(fast->columns.at(i).name, expected.columns.at(i).name);
        QCOMPARE(fast->columns.at(i).type, expected.columns.at(i).type);
        QCOMPARE(fast->columns.at(i).comment, expected.columns.at(i).comment);
    }
    QCOMPARE(fast->text, expected.text);
    QCOMPARE(fast->cellEnds, expected.cellEnds);
    QCOMPARE(fast->rowEnds, expected.rowEnds);
    QCOMPARE(fast->nulls, expected.nulls);
}

} // namespace

class TestOpenFilePackedParser : public QObject
{
    Q_OBJECT
private slots:
    void richPageDecodes()
    {
        const Result<PackedPage> page = parseOpenFilePacked(200, richPage(), kNull);
        QVERIFY(page.ok());
        QCOMPARE(page->rowCount(), 8);
        QCOMPARE(page->page, 3);
        QCOMPARE(page->columns.size(), 2);
        QCOMPARE(page->columns.at(1).comment, QStringLiteral("a \"note\""));
        QCOMPARE(page->cell(3), QByteArrayView("tab\tnl\ncr\rq\"bs\\sl/b\bf\f"));
        QCOMPARE(page->cell(5), QByteArrayView("\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80\0\x1f", 11));
        QVERIFY(page->isNull(8));
        QVERIFY(page->isNull(9));
        QCOMPARE(page->cell(9), QByteArrayView());
        QVERIFY(!page->isNull(10));
        QCOMPARE(page->firstCell(6), page->endCell(6)); // the empty row
        QCOMPARE(page->cell(12), QByteArrayView("NULL")); // text, not the sentinel
        compareWithGeneric(200, richPage(), kNull);
        compareWithGeneric(200, richPage(), QString()); // no sentinel: it stays text
    }

    void everyRecordedReply_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(LINKIS_DESK_TEST_DATA "/linkis"));
        for (const QString &name : dir.entryList(QDir::Files))
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
    }

    void everyRecordedReply()
    {
        QFETCH(QString, file);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray body = f.readAll();
        for (const int status : {200, 401, 500})
            compareWithGeneric(status, body, kNull);
    }

    void edgeCases_data()
    {
        QTest::addColumn<QByteArray>("body");
        const QByteArray head = "{\"status\":0,\"data\":{\"type\":\"2\",\"fileContent\":";
        auto page = [&head](const char *content) { return head + content + "}}"; };
        QTest::newRow("numbers in cells") << page("[[\"a\",1,2.5,true]]");
        QTest::newRow("a row that is not an array") << page("[\"x\",[\"y\"]]");
        QTest::newRow("lone high surrogate") << page("[[\"\\ud800x\"]]");
        QTest::newRow("lone low surrogate") << page("[[\"\\udc00\"]]");
        QTest::newRow("high then not low") << page("[[\"\\ud800\\u0041\"]]");
        QTest::newRow("raw control character") << page("[[\"a\x01z\"]]");
        QTest::newRow("invalid utf-8") << page("[[\"\xc0\x80\"]]");
        QTest::newRow("encoded surrogate") << page("[[\"\xed\xa0\x80\"]]");
        QTest::newRow("past U+10FFFF") << page("[[\"\xf4\x90\x80\x80\"]]");
        QTest::newRow("truncated sequence") << page("[[\"\xe4\xb8\"]]");
        QTest::newRow("bad escape") << page("[[\"\\x\"]]");
        QTest::newRow("short unicode escape") << page("[[\"\\u12\"]]");
        QTest::newRow("unterminated string") << (head + "[[\"abc");
        QTest::newRow("missing bracket") << page("[[\"a\"]");
        QTest::newRow("trailing comma") << page("[[\"a\",]]");
        QTest::newRow("text as a string") << page("\"hello\\nworld\"");
        QTest::newRow("null content") << page("null");
        QTest::newRow("content is an object") << page("{\"a\":1}");
        QTest::newRow("garbage after the reply") << (page("[[\"a\"]]") + "x");
        QTest::newRow("two fileContents")
            << QByteArray("{\"status\":0,\"data\":{\"fileContent\":[[\"a\"]],"
                          "\"fileContent\":[[\"b\"]]}}");
        QTest::newRow("two data objects")
            << QByteArray("{\"status\":0,\"data\":{\"fileContent\":[[\"a\"]]},"
                          "\"data\":{\"fileContent\":[[\"b\"]]}}");
        QTest::newRow("escaped key")
            << QByteArray("{\"status\":0,\"data\":{\"file\\u0043ontent\":[[\"a\"]]}}");
        QTest::newRow("content before metadata")
            << QByteArray("{\"data\":{\"fileContent\":[[\"1\"]],\"metadata\":[{\"columnName\":"
                          "\"x\",\"dataType\":\"int\"}],\"type\":\"2\",\"page\":\"4\"},"
                          "\"status\":0}");
        QTest::newRow("nested values skipped")
            << QByteArray("{\"extra\":{\"a\":[1,{\"b\":\"]}\"}],\"c\":null},\"status\":0,"
                          "\"data\":{\"x\":[[\"[\"]],\"fileContent\":[[\"ok\"]]}}");
        QTest::newRow("whitespace everywhere")
            << QByteArray(" {\r\n\t\"status\" : 0 ,\n \"data\" : { \"fileContent\" : [ [ \"a\" "
                          ", null ] , [ ] ] } } ");
        QTest::newRow("error envelope")
            << QByteArray("{\"method\":\"/api/filesystem/openFile\",\"status\":1,\"message\":"
                          "\"no such file\",\"data\":{\"fileContent\":[[\"a\"]]}}");
        QTest::newRow("not logged in") << QByteArray("{\"status\":-1,\"message\":\"login\"}");
        QTest::newRow("display prohibited")
            << QByteArray("{\"status\":0,\"data\":{\"display_prohibited\":true,\"en_msg\":"
                          "\"too big\",\"fileContent\":[[\"a\"]]}}");
        QTest::newRow("warning status 4")
            << QByteArray("{\"status\":4,\"data\":{\"fileContent\":[[\"a\"]]}}");
        QTest::newRow("data is null") << QByteArray("{\"status\":0,\"data\":null}");
        QTest::newRow("html") << QByteArray("<html><body>502</body></html>");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("sentinel inside a longer cell")
            << page("[[\"x@@LINKIS_DESK_NULL@@\",\"@@LINKIS_DESK_NULL@@\"]]");
    }

    void edgeCases()
    {
        QFETCH(QByteArray, body);
        compareWithGeneric(200, body, kNull);
        compareWithGeneric(200, body, QString());
    }

    // Damaged copies of a rich page: bytes replaced, removed or duplicated, the reply cut short.
    // Whatever the damage, both decoders must agree (mostly on the same error).
    void damagedRepliesAgree()
    {
        QRandomGenerator rng(6);
        const QByteArray good = richPage();
        static const char pool[] = "\"\\[]{},:nu0aé\x01 \xff\xc3";
        for (int round = 0; round < 4000; ++round) {
            QByteArray body = good;
            const int edits = 1 + rng.bounded(3);
            for (int e = 0; e < edits; ++e) {
                const int at = rng.bounded(int(body.size()));
                switch (rng.bounded(4)) {
                case 0: body[at] = pool[rng.bounded(int(sizeof(pool) - 1))]; break;
                case 1: body.remove(at, 1 + rng.bounded(3)); break;
                case 2: body.insert(at, body.mid(rng.bounded(int(body.size())), 4)); break;
                default: body.truncate(at); break;
                }
                if (body.isEmpty())
                    break;
            }
            compareWithGeneric(200, body, kNull);
            if (QTest::currentTestFailed()) {
                qWarning() << "round" << round << body;
                return;
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestOpenFilePackedParser)
#include "tst_openfilepackedparser.moc"
