// SPDX-License-Identifier: GPL-3.0-or-later
// Excel export (ResultExporter with RowFormat::Xlsx, XlsxWorkbook) against a real
// linkis-desk-gateway. Each workbook is read back with python3's zipfile and XML parser, so the
// checks are on the file Excel opens: cell types, values, empty cells for NULL, one sheet per set.
#include "api/linkisclient.h"
#include "jobs/jobtracker.h"
#include "results/resultexporter.h"
#include "results/xlsxworkbook.h"
#include "testgateway.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace linkisdesk;
using namespace linkisdesk::testsupport;

namespace {

// Prints [{"name": sheet, "rows": [[[type, value] or null per column], ...]}, ...] with the
// cell types as the file holds them: "n" number, "b" boolean, "inlineStr" or "s" text; a cell
// with a custom number format (a date) has that format's code as a third element.
const char *const dumpScript = R"PY(
import sys, json, zipfile, xml.etree.ElementTree as ET
M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
R = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'
z = zipfile.ZipFile(sys.argv[1])
book = ET.fromstring(z.read('xl/workbook.xml'))
rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
targets = {r.get('Id'): r.get('Target') for r in rels}
shared = []
if 'xl/sharedStrings.xml' in z.namelist():
    shared = [''.join(t.text or '' for t in si.iter(M + 't'))
              for si in ET.fromstring(z.read('xl/sharedStrings.xml'))]
formats = {}
xfs = []
if 'xl/styles.xml' in z.namelist():
    styles = ET.fromstring(z.read('xl/styles.xml'))
    for f in styles.iter(M + 'numFmt'):
        formats[f.get('numFmtId')] = f.get('formatCode')
    xfs = [xf.get('numFmtId') for xf in styles.find(M + 'cellXfs')]
def column(ref):
    n = 0
    for ch in ref:
        if ch.isalpha():
            n = n * 26 + ord(ch) - 64
    return n - 1
out = []
for sheet in book.find(M + 'sheets'):
    target = targets[sheet.get(R + 'id')]
    path = target.lstrip('/') if target.startswith('/') else 'xl/' + target
    rows = []
    for row in ET.fromstring(z.read(path)).iter(M + 'row'):
        while len(rows) < int(row.get('r')) - 1:
            rows.append([])
        cells = []
        for c in row.findall(M + 'c'):
            i = column(c.get('r'))
            while len(cells) < i:
                cells.append(None)
            t = c.get('t', 'n')
            if t == 'inlineStr':
                v = ''.join(x.text or '' for x in c.iter(M + 't'))
            elif t == 's':
                v = shared[int(c.find(M + 'v').text)]
            else:
                v = c.find(M + 'v').text
            fmt = formats.get(xfs[int(c.get('s', '0'))]) if xfs else None
            cells.append([t, v, fmt] if fmt else [t, v])
        rows.append(cells)
    out.append({'name': sheet.get('name'), 'rows': rows})
print(json.dumps(out))
)PY";

// The workbook's sheets as dumpScript prints them; empty on failure (with a warning).
QJsonArray readWorkbook(const QString &file)
{
    QProcess python;
    python.start(QStringLiteral("python3"),
                 {QStringLiteral("-c"), QString::fromUtf8(dumpScript), file});
    if (!python.waitForFinished(60000) || python.exitCode() != 0) {
        qWarning("python3 could not read %s: %s", qPrintable(file),
                 python.readAllStandardError().constData());
        return {};
    }
    return QJsonDocument::fromJson(python.readAllStandardOutput()).array();
}

QJsonValue cell(const QJsonArray &sheets, int sheet, int row, int column)
{
    return sheets.at(sheet)[QStringLiteral("rows")].toArray().at(row).toArray().at(column);
}

QJsonArray typed(const char *type, const QString &value)
{
    return QJsonArray {QString::fromLatin1(type), value};
}

} // namespace

class TestXlsxExport : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestGateway> m_gateway;
    std::unique_ptr<LinkisClient> m_client;

    // Runs SQL on the gateway; the paths of its result sets (empty on failure).
    QStringList runSql(const QString &sql)
    {
        JobTracker tracker(m_client.get(), QStringLiteral("test"));
        QSignalSpy finished(&tracker, &JobTracker::finished);
        SubmitRequest request;
        request.engineType = QStringLiteral("sqlite");
        request.runType = QStringLiteral("sql");
        request.code = sql;
        tracker.submit(request);
        for (int i = 0; i < 600 && finished.isEmpty(); ++i)
            finished.wait(100);
        QStringList paths;
        if (tracker.status() == JobStatus::Succeed) {
            for (const ResultSetRef &set : tracker.resultSets())
                paths.append(set.path);
        }
        return paths;
    }

    // Exports and waits; the exporter's finished() arguments (rows, bytes), or {-1, -1}.
    std::pair<qint64, qint64> exportSets(const QList<ResultExporter::Set> &sets,
                                         const QString &file, int pageSize = 5000)
    {
        ResultExporter exporter(m_client.get());
        exporter.setPageSize(pageSize);
        QSignalSpy finished(&exporter, &ResultExporter::finished);
        QSignalSpy failed(&exporter, &ResultExporter::failed);
        exporter.start(sets, file, RowFormat::Xlsx);
        if (!finished.wait(60000) || !failed.isEmpty())
            return {-1, -1};
        return {finished.first().at(0).toLongLong(), finished.first().at(1).toLongLong()};
    }

private slots:
    void initTestCase()
    {
        m_gateway = std::make_unique<TestGateway>();
        QString error;
        QVERIFY2(m_gateway->start(&error), qPrintable(error));
        m_client = std::make_unique<LinkisClient>(
            m_gateway->settings(ConnectionSettings::AuthMode::Token));
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_gateway.reset();
    }

    void formatNameAndExtension()
    {
        QCOMPARE(rowFormatFromName(u"XLSX"), RowFormat::Xlsx);
        QCOMPARE(rowFormatExtension(RowFormat::Xlsx), QStringLiteral("xlsx"));
    }

    void numbersAreNumbersAndNullIsAnEmptyCell()
    {
        const QStringList paths = runSql(QStringLiteral(
            "SELECT 1 AS i, 2.5 AS d, 'x<&\"y' AS s, NULL AS n, 12345678901234567 AS big, "
            "'007' AS code "
            "UNION ALL SELECT -2, NULL, '', 'z', 3, NULL"));
        QCOMPARE(paths.size(), 1);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("sub/types.xlsx"));
        const auto [rows, bytes] = exportSets({{paths.first(), QStringLiteral("Sales")}}, file);
        QCOMPARE(rows, 2);
        QCOMPARE(bytes, QFileInfo(file).size());

        const QJsonArray sheets = readWorkbook(file);
        QCOMPARE(sheets.size(), 1);
        QCOMPARE(sheets.at(0)[QStringLiteral("name")].toString(), QStringLiteral("Sales"));
        QCOMPARE(sheets.at(0)[QStringLiteral("rows")].toArray().size(), 3);
        // The header row: the column names as text.
        QCOMPARE(cell(sheets, 0, 0, 0), QJsonValue(typed("inlineStr", QStringLiteral("i"))));
        QCOMPARE(cell(sheets, 0, 0, 5), QJsonValue(typed("inlineStr", QStringLiteral("code"))));
        // Row 1: numbers as numbers, text kept as text (with its leading zeros), a NULL as no
        // cell at all, and a 17-digit integer as text so that no digit is lost.
        QCOMPARE(cell(sheets, 0, 1, 0), QJsonValue(typed("n", QStringLiteral("1"))));
        QCOMPARE(cell(sheets, 0, 1, 1), QJsonValue(typed("n", QStringLiteral("2.5"))));
        QCOMPARE(cell(sheets, 0, 1, 2), QJsonValue(typed("inlineStr", QStringLiteral("x<&\"y"))));
        QCOMPARE(cell(sheets, 0, 1, 3), QJsonValue(QJsonValue::Null));
        QCOMPARE(cell(sheets, 0, 1, 4),
                 QJsonValue(typed("inlineStr", QStringLiteral("12345678901234567"))));
        QCOMPARE(cell(sheets, 0, 1, 5), QJsonValue(typed("inlineStr", QStringLiteral("007"))));
        // Row 2: a NULL number is empty too. An empty string is empty as well: Excel has no
        // empty text constant (libxlsxwriter writes no cell for "").
        QCOMPARE(cell(sheets, 0, 2, 0), QJsonValue(typed("n", QStringLiteral("-2"))));
        QCOMPARE(cell(sheets, 0, 2, 1), QJsonValue(QJsonValue::Null));
        QCOMPARE(cell(sheets, 0, 2, 2), QJsonValue(QJsonValue::Null));
        QCOMPARE(cell(sheets, 0, 2, 3), QJsonValue(typed("inlineStr", QStringLiteral("z"))));
        QCOMPARE(cell(sheets, 0, 2, 4), QJsonValue(typed("n", QStringLiteral("3"))));
        // The last column's NULL leaves the row one cell short.
        QCOMPARE(sheets.at(0)[QStringLiteral("rows")].toArray().at(2).toArray().size(), 5);
        QVERIFY(QDir(dir.filePath(QStringLiteral("sub")))
                    .entryList(QDir::Files)
                    .contains(QStringLiteral("types.xlsx")));
        QCOMPARE(QDir(dir.filePath(QStringLiteral("sub"))).entryList(QDir::Files).size(), 1);
    }

    void oneSheetPerResultSet()
    {
        const QStringList paths =
            runSql(QStringLiteral("SELECT 1 AS a; SELECT 'x' AS b, 2.25 AS c; "
                                  "SELECT 3 AS d WHERE 0"));
        QCOMPARE(paths.size(), 3);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("sets.xlsx"));
        const auto [rows, bytes] = exportSets({{paths.at(0), QStringLiteral("result-0")},
                                               {paths.at(1), QStringLiteral("a/b:c?")},
                                               {paths.at(2), QStringLiteral("result-0")}},
                                              file);
        QCOMPARE(rows, 2);
        QVERIFY(bytes > 0);
        const QJsonArray sheets = readWorkbook(file);
        QCOMPARE(sheets.size(), 3);
        QCOMPARE(sheets.at(0)[QStringLiteral("name")].toString(), QStringLiteral("result-0"));
        QCOMPARE(sheets.at(1)[QStringLiteral("name")].toString(), QStringLiteral("a_b_c_"));
        // A repeated name is made unique; an empty set still has its header row.
        QCOMPARE(sheets.at(2)[QStringLiteral("name")].toString(), QStringLiteral("result-0 2"));
        QCOMPARE(cell(sheets, 0, 1, 0), QJsonValue(typed("n", QStringLiteral("1"))));
        QCOMPARE(cell(sheets, 1, 0, 1), QJsonValue(typed("inlineStr", QStringLiteral("c"))));
        QCOMPARE(cell(sheets, 1, 1, 0), QJsonValue(typed("inlineStr", QStringLiteral("x"))));
        QCOMPARE(cell(sheets, 1, 1, 1), QJsonValue(typed("n", QStringLiteral("2.25"))));
        QCOMPARE(sheets.at(2)[QStringLiteral("rows")].toArray().size(), 1);
        QCOMPARE(cell(sheets, 2, 0, 0), QJsonValue(typed("inlineStr", QStringLiteral("d"))));
    }

    void manyPagesInOrder()
    {
        const QStringList paths = runSql(QStringLiteral(
            "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 12345) "
            "SELECT i, 'r' || i AS s, NULL AS n FROM c"));
        QCOMPARE(paths.size(), 1);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("big.xlsx"));
        QCOMPARE(exportSets({{paths.first(), QStringLiteral("Result")}}, file, 1000).first, 12345);
        const QJsonArray sheets = readWorkbook(file);
        QCOMPARE(sheets.size(), 1);
        const QJsonArray rows = sheets.at(0)[QStringLiteral("rows")].toArray();
        QCOMPARE(rows.size(), 12346);
        for (int r = 1; r <= 12345; r += 1111) {
            QCOMPARE(cell(sheets, 0, r, 0), QJsonValue(typed("n", QString::number(r))));
            QCOMPARE(cell(sheets, 0, r, 1),
                     QJsonValue(typed("inlineStr", QStringLiteral("r") + QString::number(r))));
            QCOMPARE(rows.at(r).toArray().size(), 2); // the NULL column: no cell
        }
        QCOMPARE(cell(sheets, 0, 12345, 0), QJsonValue(typed("n", QStringLiteral("12345"))));
    }

    void datesAreExcelDates()
    {
        const QStringList paths =
            runSql(QStringLiteral("CREATE TEMP TABLE t (d DATE, ts TIMESTAMP, n INT);\n"
                                  "INSERT INTO t VALUES ('2024-03-05', '2024-03-05 18:00:00', 1), "
                                  "('1899-12-31', 'soon', 2), (NULL, NULL, 3);\n"
                                  "SELECT d, ts, n FROM t"));
        QCOMPARE(paths.size(), 1);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("dates.xlsx"));
        QCOMPARE(exportSets({{paths.first(), QStringLiteral("Dates")}}, file).first, 3);
        const QJsonArray sheets = readWorkbook(file);
        QCOMPARE(sheets.size(), 1);
        // Days since 1899-12-30 with a date format: Excel shows, sorts and computes them as dates.
        QCOMPARE(cell(sheets, 0, 1, 0),
                 QJsonValue(QJsonArray {QStringLiteral("n"), QStringLiteral("45356"),
                                        QStringLiteral("yyyy-mm-dd")}));
        QCOMPARE(cell(sheets, 0, 1, 1),
                 QJsonValue(QJsonArray {QStringLiteral("n"), QStringLiteral("45356.75"),
                                        QStringLiteral("yyyy-mm-dd hh:mm:ss")}));
        QCOMPARE(cell(sheets, 0, 1, 2), QJsonValue(typed("n", QStringLiteral("1"))));
        // Before Excel's calendar, or not a date at all: the text as it came.
        QCOMPARE(cell(sheets, 0, 2, 0),
                 QJsonValue(typed("inlineStr", QStringLiteral("1899-12-31"))));
        QCOMPARE(cell(sheets, 0, 2, 1), QJsonValue(typed("inlineStr", QStringLiteral("soon"))));
        QCOMPARE(cell(sheets, 0, 3, 0), QJsonValue(QJsonValue::Null));
    }

    void cancelledOrFailedLeavesNoFile()
    {
        const QStringList paths = runSql(QStringLiteral(
            "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 5000) "
            "SELECT i FROM c"));
        QCOMPARE(paths.size(), 1);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("keep.xlsx"));
        QFile old(file);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
        old.close();

        ResultExporter exporter(m_client.get());
        exporter.setPageSize(100);
        QSignalSpy progress(&exporter, &ResultExporter::progress);
        QSignalSpy cancelled(&exporter, &ResultExporter::cancelled);
        exporter.start({{paths.first(), QStringLiteral("Result")}}, file, RowFormat::Xlsx);
        QVERIFY(progress.wait(30000));
        exporter.cancel();
        QCOMPARE(cancelled.size(), 1);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
                 QStringList {QStringLiteral("keep.xlsx")});
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("old"));
        old.close();

        QSignalSpy failed(&exporter, &ResultExporter::failed);
        exporter.start({{QStringLiteral("file:///nonexistent/_0.dolphin"), QStringLiteral("R")}},
                       file, RowFormat::Xlsx);
        QVERIFY(failed.wait(30000));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
                 QStringList {QStringLiteral("keep.xlsx")});
    }

    void sheetNamesExcelAccepts()
    {
        QCOMPARE(XlsxWorkbook::sheetName(QStringLiteral("[a]*b")), QStringLiteral("_a__b"));
        QCOMPARE(XlsxWorkbook::sheetName(QStringLiteral("'quoted'")), QStringLiteral("quoted"));
        QCOMPARE(XlsxWorkbook::sheetName(QString()), QStringLiteral("Sheet"));
        QCOMPARE(XlsxWorkbook::sheetName(QString(40, u'x')).size(), 31);
    }
};

QTEST_GUILESS_MAIN(TestXlsxExport)
#include "tst_xlsxexport.moc"
