// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/packedpage.h"
#include "results/rowformat.h"
#include "results/rowwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace linkisdesk;

Q_DECLARE_METATYPE(linkisdesk::RowFormat)

namespace {

// A small RFC 4180 reader, to check what the writer produces reads back exactly.
QList<QStringList> parseCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field.append(c);
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row.append(field);
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row.append(field);
            field.clear();
            rows.append(row);
            row.clear();
            ++i;
        } else {
            field.append(c);
        }
    }
    return rows;
}

QBitArray bit(int index, int size)
{
    QBitArray flags(size);
    flags.setBit(index);
    return flags;
}

QString randomCell(QRandomGenerator &rng)
{
    static const QString alphabet = QStringLiteral("ab ,\"\t\n\r\\'{}:é中\x01\x1f");
    QString s;
    const int len = rng.bounded(12);
    for (int i = 0; i < len; ++i)
        s.append(alphabet.at(rng.bounded(int(alphabet.size()))));
    return s;
}

} // namespace

class TestResultRowWriter : public QObject
{
    Q_OBJECT
private slots:
    void formatNames()
    {
        QCOMPARE(rowFormatFromName(u"TSV"), RowFormat::Tsv);
        QCOMPARE(rowFormatFromName(u"csv"), RowFormat::Csv);
        QCOMPARE(rowFormatFromName(u"json"), RowFormat::Json);
        QVERIFY(!rowFormatFromName(u"xml").has_value());
        QCOMPARE(rowFormatExtension(RowFormat::Json), QStringLiteral("jsonl"));
        QCOMPARE(rowFormatName(RowFormat::Csv), QStringLiteral("csv"));
    }

    void tsvHeaderRowsNullAndEscapes()
    {
        RowWriter w(RowFormat::Tsv);
        w.setTable({QStringLiteral("x"), QStringLiteral("note")});
        QByteArray out;
        w.writeHeader(out);
        w.writeRow({QStringLiteral("1"), QString()}, bit(1, 2), out);
        w.writeRow({QStringLiteral("NULL"), QStringLiteral("")}, out);
        w.writeRow({QStringLiteral("2"), QStringLiteral("a\tb\nc\\d")}, out);
        QCOMPARE(out, QByteArray("x\tnote\n1\tNULL\nNULL\t\n2\ta\\tb\\nc\\\\d\n"));
    }

    void csvQuotingAndCrlf()
    {
        RowWriter w(RowFormat::Csv);
        w.setTable({QStringLiteral("a,b"), QStringLiteral("c")});
        QByteArray out;
        w.writeHeader(out);
        w.writeRow({QStringLiteral("say \"hi\""), QString()}, bit(1, 2), out);
        w.writeRow({QStringLiteral("line1\nline2"), QStringLiteral("plain")}, out);
        QCOMPARE(out,
                 QByteArray("\"a,b\",c\r\n\"say \"\"hi\"\"\",NULL\r\n"
                            "\"line1\nline2\",plain\r\n"));
    }

    void csvRoundTripsRandomCells()
    {
        QRandomGenerator rng(4180);
        RowWriter w(RowFormat::Csv);
        w.setTable({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")});
        QList<QStringList> rows;
        QByteArray out;
        for (int r = 0; r < 500; ++r) {
            QStringList row;
            for (int c = 0; c < 3; ++c)
                row.append(randomCell(rng));
            rows.append(row);
            w.writeRow(row, out);
        }
        QCOMPARE(parseCsv(out), rows);
    }

    void jsonNullNumbersAndDuplicates()
    {
        RowWriter w(RowFormat::Json);
        w.setTable(
            {QStringLiteral("n"), QStringLiteral("n"), QStringLiteral("s"), QStringLiteral("d")},
            {QStringLiteral("int"), QStringLiteral("bigint"), QStringLiteral("string"),
             QStringLiteral("decimal(10,2)")});
        QByteArray out;
        w.writeHeader(out);
        QVERIFY(out.isEmpty());
        w.writeRow({QStringLiteral("42"), QString(), QStringLiteral("7"), QStringLiteral("1.50")},
                   bit(1, 4), out);
        w.writeRow({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("NULL")}, out);
        w.writeRow({QStringLiteral("0x1"), QStringLiteral("-3e5"), QStringLiteral("q\"\\"),
                    QStringLiteral("NaN")},
                   out);
        QCOMPARE(out,
                 QByteArray("{\"n\":42,\"n_2\":null,\"s\":\"7\",\"d\":1.50}\n"
                            "{\"n\":1,\"n_2\":2,\"s\":\"NULL\"}\n"
                            "{\"n\":\"0x1\",\"n_2\":-3e5,\"s\":\"q\\\"\\\\\",\"d\":\"NaN\"}\n"));
    }

    void jsonRoundTripsRandomCells()
    {
        QRandomGenerator rng(8259);
        RowWriter w(RowFormat::Json);
        w.setTable({QStringLiteral("k\"1"), QStringLiteral("k2")});
        for (int r = 0; r < 300; ++r) {
            const QStringList row {randomCell(rng), randomCell(rng)};
            QByteArray out;
            w.writeRow(row, out);
            QVERIFY(out.endsWith('\n'));
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(out, &error);
            QCOMPARE(error.error, QJsonParseError::NoError);
            QCOMPARE(doc.object().value(QStringLiteral("k\"1")).toString(), row.at(0));
            QCOMPARE(doc.object().value(QStringLiteral("k2")).toString(), row.at(1));
        }
    }

    void textResultsAsTheyAre()
    {
        RowWriter tsv(RowFormat::Tsv);
        tsv.setText();
        QByteArray out;
        tsv.writeHeader(out);
        tsv.writeRow({QStringLiteral("hello\tworld")}, out);
        tsv.writeRow({QStringLiteral("two\nlines\n")}, out);
        QCOMPARE(out, QByteArray("hello\tworld\ntwo\nlines\n"));

        RowWriter json(RowFormat::Json);
        json.setText();
        QByteArray jout;
        json.writeRow({QStringLiteral("a\nb")}, jout);
        QCOMPARE(jout, QByteArray("{\"text\":\"a\\nb\"}\n"));
    }

    // The exporter writes PackedPages (UTF-8 cells), the CLI's stdout ResultPages (QStrings): the
    // bytes must be the same in every format, NULLs, text results and ragged rows included.
    void packedAndStringRowsWriteTheSame_data()
    {
        QTest::addColumn<RowFormat>("format");
        QTest::addColumn<bool>("text");
        for (const RowFormat f : {RowFormat::Csv, RowFormat::Tsv, RowFormat::Json}) {
            QTest::newRow(qPrintable(rowFormatName(f) + QStringLiteral(" table"))) << f << false;
            QTest::newRow(qPrintable(rowFormatName(f) + QStringLiteral(" text"))) << f << true;
        }
    }

    void packedAndStringRowsWriteTheSame()
    {
        QFETCH(RowFormat, format);
        QFETCH(bool, text);
        QRandomGenerator rng(1999);
        ResultPage page;
        page.type = text ? ResultPage::Type::Text : ResultPage::Type::Table;
        if (!text) {
            page.columns = {{QStringLiteral("n"), QStringLiteral("int"), {}},
                            {QStringLiteral("s\"\t"), QStringLiteral("string"), {}},
                            {QStringLiteral("d"), QStringLiteral("decimal(9,2)"), {}}};
        }
        bool anyNull = false;
        for (int r = 0; r < 400; ++r) {
            QStringList row;
            QBitArray nulls;
            const int cells = r % 50 == 7 ? 5 : r % 50 == 8 ? 0 : 3; // a few ragged rows
            for (int c = 0; c < cells; ++c) {
                const int kind = rng.bounded(5);
                if (kind == 0) {
                    row.append(QString::number(rng.bounded(-500, 500)));
                } else if (kind == 1 && !text) {
                    if (nulls.isEmpty())
                        nulls.resize(cells);
                    nulls.setBit(c);
                    anyNull = true;
                    row.append(QString());
                } else if (kind == 2) {
                    QString odd = randomCell(rng);
                    odd.append(QChar(0xd83d)).append(QChar(0xde00)); // a pair
                    if (rng.bounded(2))
                        odd.insert(0, QChar(0xdc01)); // a lone surrogate
                    row.append(odd);
                } else {
                    row.append(randomCell(rng));
                }
            }
            page.rows.append(row);
            page.nulls.append(nulls);
        }
        QVERIFY(anyNull || text);
        const PackedPage packed = PackedPage::fromPage(page);
        QCOMPARE(packed.rowCount(), page.rows.size());
        RowWriter writer(format);
        writer.setLayout(page);
        QByteArray fromStrings;
        QByteArray fromPacked("already here\n"); // appends, as the exporter does
        writer.writeRows(page, fromStrings);
        writer.writeRows(packed, fromPacked);
        QCOMPARE(fromPacked, QByteArray("already here\n") + fromStrings);
    }

    void utf8LikeQString()
    {
        QRandomGenerator rng(16);
        for (int round = 0; round < 2000; ++round) {
            QString s;
            const int len = rng.bounded(10);
            for (int i = 0; i < len; ++i) {
                static const char16_t picks[] = {u'a',   0x7f,   0x80,   0x7ff,  0x800,  0xd7ff,
                                                 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xffff};
                s.append(QChar(picks[rng.bounded(int(std::size(picks)))]));
            }
            QByteArray out("x");
            appendUtf8(out, s);
            QCOMPARE(out, QByteArray("x") + s.toUtf8());
        }
    }

    void jsonNumberGrammar()
    {
        for (const char *good : {"0", "-0", "12", "1.5", "-2.25e-3", "3E+4"})
            QVERIFY2(RowWriter::isJsonNumber(good), good);
        for (const char *bad : {"", "-", "01", "1.", ".5", "1e", "+1", "1,5", " 1", "inf"})
            QVERIFY2(!RowWriter::isJsonNumber(bad), bad);
        QVERIFY(RowWriter::isNumericType(u"DOUBLE"));
        QVERIFY(RowWriter::isNumericType(u"decimal(38,10)"));
        QVERIFY(!RowWriter::isNumericType(u"string"));
        QVERIFY(!RowWriter::isNumericType(u"date"));
    }
};

QTEST_GUILESS_MAIN(TestResultRowWriter)
#include "tst_resultrowwriter.moc"
