// SPDX-License-Identifier: GPL-3.0-or-later
#include "script/statementsplitter.h"

#include <QTest>

using namespace linkisdesk;

class TestStatementSplitter : public QObject
{
    Q_OBJECT

private slots:
    void splitsOnSemicolons();
    void keepsSemicolonsInQuotesAndComments_data();
    void keepsSemicolonsInQuotesAndComments();
    void skipsBlankAndCommentOnlyChunks();
    void reportsLinesAndOffsets();
    void backslashEscapesAreOptional();
    void unterminatedQuoteRunsToTheEnd();
    void statementUnderCursor();
};

void TestStatementSplitter::splitsOnSemicolons()
{
    const auto st = StatementSplitter::split(QStringLiteral("select 1; select 2 ;\nselect 3"));
    QCOMPARE(st.size(), 3);
    QCOMPARE(st.at(0).text, QStringLiteral("select 1"));
    QCOMPARE(st.at(1).text, QStringLiteral("select 2"));
    QCOMPARE(st.at(2).text, QStringLiteral("select 3"));
}

void TestStatementSplitter::keepsSemicolonsInQuotesAndComments_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("single quotes")
        << QStringLiteral("select 'a;b'; select 2")
        << QStringList {QStringLiteral("select 'a;b'"), QStringLiteral("select 2")};
    QTest::newRow("doubled quote")
        << QStringLiteral("select 'it''s;'; x")
        << QStringList {QStringLiteral("select 'it''s;'"), QStringLiteral("x")};
    QTest::newRow("double quotes") << QStringLiteral("select \"c;d\" from t")
                                   << QStringList {QStringLiteral("select \"c;d\" from t")};
    QTest::newRow("backticks") << QStringLiteral("select `a;` from t;")
                               << QStringList {QStringLiteral("select `a;` from t")};
    QTest::newRow("line comment") << QStringLiteral("select 1 -- no; split\n, 2; select 3")
                                  << QStringList {QStringLiteral("select 1 -- no; split\n, 2"),
                                                  QStringLiteral("select 3")};
    QTest::newRow("block comment")
        << QStringLiteral("select /* ; */ 1; select 2")
        << QStringList {QStringLiteral("select /* ; */ 1"), QStringLiteral("select 2")};
    QTest::newRow("leading comment dropped")
        << QStringLiteral("-- heading; here\n/* more; */ select 1")
        << QStringList {QStringLiteral("select 1")};
}

void TestStatementSplitter::keepsSemicolonsInQuotesAndComments()
{
    QFETCH(QString, script);
    QFETCH(QStringList, expected);
    QStringList got;
    for (const auto &s : StatementSplitter::split(script))
        got << s.text;
    QCOMPARE(got, expected);
}

void TestStatementSplitter::skipsBlankAndCommentOnlyChunks()
{
    const auto st = StatementSplitter::split(
        QStringLiteral(";;  \n select 1;\n -- only a comment\n ; /* c */ ;\n"));
    QCOMPARE(st.size(), 1);
    QCOMPARE(st.at(0).text, QStringLiteral("select 1"));
    QVERIFY(StatementSplitter::split(QString()).isEmpty());
    QVERIFY(StatementSplitter::split(QStringLiteral("--@set a=1\n")).isEmpty());
}

void TestStatementSplitter::reportsLinesAndOffsets()
{
    const QString script = QStringLiteral("select 1;\n\n-- note\nselect\n  2\n;  select 3;");
    const auto st = StatementSplitter::split(script);
    QCOMPARE(st.size(), 3);
    for (const auto &s : st)
        QCOMPARE(script.mid(s.startOffset, s.endOffset - s.startOffset), s.text);
    QCOMPARE(st.at(0).startLine, 0);
    QCOMPARE(st.at(0).endLine, 0);
    QCOMPARE(st.at(1).text, QStringLiteral("select\n  2"));
    QCOMPARE(st.at(1).startLine, 3);
    QCOMPARE(st.at(1).endLine, 4);
    QCOMPARE(st.at(2).startLine, 5);
    QCOMPARE(st.at(2).startOffset, int(script.indexOf(QStringLiteral("select 3"))));
}

void TestStatementSplitter::backslashEscapesAreOptional()
{
    const QString script = QStringLiteral("select 'a\\';b'; select 2");
    // SQLite rules: the backslash is ordinary, so the quote closes right after it.
    const auto plain = StatementSplitter::split(script);
    QCOMPARE(plain.size(), 2);
    QCOMPARE(plain.at(0).text, QStringLiteral("select 'a\\'"));
    StatementSplitter::Options hive;
    hive.backslashEscapes = true;
    const auto st = StatementSplitter::split(script, hive);
    QCOMPARE(st.size(), 2);
    QCOMPARE(st.at(0).text, QStringLiteral("select 'a\\';b'"));
}

void TestStatementSplitter::unterminatedQuoteRunsToTheEnd()
{
    const auto st = StatementSplitter::split(QStringLiteral("select 1; select 'oops; select 3"));
    QCOMPARE(st.size(), 2);
    QCOMPARE(st.at(1).text, QStringLiteral("select 'oops; select 3"));
}

void TestStatementSplitter::statementUnderCursor()
{
    const QString script = QStringLiteral("select 1;   select 2;\n\nselect 3");
    const auto st = StatementSplitter::split(script);
    QCOMPARE(st.size(), 3);
    QCOMPARE(StatementSplitter::indexAt(st, 0), 0);
    QCOMPARE(StatementSplitter::indexAt(st, 8), 0); // right after "select 1"
    QCOMPARE(StatementSplitter::indexAt(st, 10), 0); // blanks after the first ';'
    QCOMPARE(StatementSplitter::indexAt(st, int(script.indexOf(u'2'))), 1);
    QCOMPARE(StatementSplitter::indexAt(st, int(script.size())), 2);
    QCOMPARE(StatementSplitter::indexAt({}, 3), -1);
    const auto lead = StatementSplitter::split(QStringLiteral("  \n select 1"));
    QCOMPARE(StatementSplitter::indexAt(lead, 0), 0);
}

QTEST_APPLESS_MAIN(TestStatementSplitter)
#include "tst_statementsplitter.moc"
