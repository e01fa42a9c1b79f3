// SPDX-License-Identifier: GPL-3.0-or-later
// The gateway's building blocks, in-process: result files, execIDs, the path guard, the
// request parser, the job log, the router and the envelope.
#include "http/apireply.h"
#include "http/authservice.h"
#include "http/router.h"
#include "jobs/execid.h"
#include "jobs/jobrequestparser.h"
#include "routes/pathguard.h"
#include "routes/taskjson.h"
#include "store/joblog.h"
#include "store/resultsetreader.h"
#include "store/resultsetwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace linkisdesk::gateway;

class TestGatewayUnits : public QObject
{
    Q_OBJECT

private slots:
    void resultSetRoundTrip();
    void resultSetEscapingAndNulls();
    void resultSetWithoutIndexIsScanned();
    void execIds();
    void pathGuard();
    void parserFormats();
    void jobLogPagingAndSlots();
    void envelopeAndHttpCodes();
    void routerMatching();
    void progressStrings();
    void constantTimeEquals();
};

namespace {

QByteArray row(const QStringList &values)
{
    QByteArray r = "[";
    for (int i = 0; i < values.size(); ++i) {
        if (i)
            r += ',';
        if (values.at(i).isNull()) {
            r += "null";
        } else {
            const QByteArray u = values.at(i).toUtf8();
            ResultSetWriter::appendJsonString(r, u.constData(), u.size());
        }
    }
    return r + ']';
}

QJsonArray page(ResultSetReader &reader, qint64 p, qint64 size, int *rows,
                const QByteArray &nullJson = "\"NULL\"")
{
    const QByteArray json = reader.pageJson(p, size, nullJson, rows);
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError)
        qWarning("bad page JSON: %s", json.left(200).constData());
    return doc.array();
}

} // namespace

void TestGatewayUnits::resultSetRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("_0.dolphin"));
    ResultSetWriter w;
    QString error;
    QVERIFY(w.open(path, ResultSetWriter::Type::Table,
                   {{QStringLiteral("a"), QStringLiteral("int")},
                    {QStringLiteral("b"), QStringLiteral("string")}},
                   &error));
    for (int i = 0; i < 1234; ++i)
        w.addRow(row({QString::number(i), QStringLiteral("v%1").arg(i)}));
    QVERIFY(w.close(&error));
    ResultSetReader r;
    QVERIFY(r.open(path, &error));
    QCOMPARE(r.rowCount(), 1234);
    QCOMPARE(r.type(), 2);
    const QJsonArray meta = QJsonDocument::fromJson(r.metadataJson()).array();
    QCOMPARE(meta.at(1).toObject().value(QStringLiteral("columnName")).toString(),
             QStringLiteral("b"));
    int rows = 0;
    QJsonArray p3 = page(r, 3, 500, &rows);
    QCOMPARE(rows, 234);
    QCOMPARE(p3.size(), 234);
    QCOMPARE(p3.at(0).toArray().at(0).toString(), QStringLiteral("1000"));
    QCOMPARE(p3.last().toArray().at(1).toString(), QStringLiteral("v1233"));
    QCOMPARE(page(r, 4, 500, &rows).size(), 0);
    QCOMPARE(rows, 0);

    ResultSetWriter empty;
    const QString emptyPath = dir.filePath(QStringLiteral("_1.dolphin"));
    QVERIFY(empty.open(emptyPath, ResultSetWriter::Type::Text, {}, &error));
    QVERIFY(empty.close());
    ResultSetReader er;
    QVERIFY(er.open(emptyPath, &error));
    QCOMPARE(er.rowCount(), 0);
    QCOMPARE(er.metadataJson(), QByteArray("\"NULL\""));
    QCOMPARE(page(er, 1, 10, &rows).size(), 0);

    QFile junk(dir.filePath(QStringLiteral("_2.dolphin")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("dolphin00000000010000000004NULL");
    junk.close();
    ResultSetReader jr;
    QVERIFY(!jr.open(junk.fileName(), &error));
    QVERIFY(!error.isEmpty());
}

void TestGatewayUnits::resultSetEscapingAndNulls()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("_0.dolphin"));
    const QStringList tricky {QString(),
                              QStringLiteral("null"),
                              QStringLiteral("quote \" and \\ backslash \\\""),
                              QStringLiteral("tab\tnew\nline\r\x01"),
                              QStringLiteral("ünïcødé ✓ 😀"),
                              QStringLiteral("")};
    ResultSetWriter w;
    QString error;
    QVERIFY(w.open(path, ResultSetWriter::Type::Table, {}, &error));
    w.addRow(row(tricky));
    w.addRow(row({QString(), QString()}));
    QByteArray invalidUtf8 = "[";
    ResultSetWriter::appendJsonString(invalidUtf8,
                                      "a\xff\xfe"
                                      "b",
                                      4);
    w.addRow(invalidUtf8 + ']');
    w.close();
    ResultSetReader r;
    QVERIFY(r.open(path, &error));
    int rows = 0;
    QJsonArray p = page(r, 1, 10, &rows);
    QCOMPARE(rows, 3);
    QJsonArray expected;
    for (const QString &v : tricky)
        expected.append(v.isNull() ? QStringLiteral("NULL") : v);
    QCOMPARE(p.at(0).toArray(), expected);
    QCOMPARE(p.at(1).toArray(), (QJsonArray {QStringLiteral("NULL"), QStringLiteral("NULL")}));
    QVERIFY(p.at(2).toArray().at(0).toString().startsWith(u'a'));
    p = page(r, 1, 10, &rows, ApiReply::jsonString(QStringLiteral("x\"y")));
    QCOMPARE(p.at(1).toArray(), (QJsonArray {QStringLiteral("x\"y"), QStringLiteral("x\"y")}));
    QCOMPARE(p.at(0).toArray().at(1).toString(), QStringLiteral("null"));
}

void TestGatewayUnits::resultSetWithoutIndexIsScanned()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("_0.dolphin"));
    {
        ResultSetWriter w;
        QString error;
        QVERIFY(w.open(path, ResultSetWriter::Type::Text, {}, &error));
        for (int i = 0; i < 10; ++i)
            w.addTextLine(QStringLiteral("line %1").arg(i));
    }
    QVERIFY(QFile::remove(path + QStringLiteral(".idx")));
    ResultSetReader r;
    QString error;
    QVERIFY(r.open(path, &error));
    QCOMPARE(r.rowCount(), 10);
    int rows = 0;
    const QJsonArray p = page(r, 2, 4, &rows);
    QCOMPARE(p,
             (QJsonArray {
                 QJsonArray {QStringLiteral("line 4")}, QJsonArray {QStringLiteral("line 5")},
                 QJsonArray {QStringLiteral("line 6")}, QJsonArray {QStringLiteral("line 7")}}));
}

void TestGatewayUnits::execIds()
{
    const QString shortId = ExecId::shortId(QStringLiteral("IDE"), QStringLiteral("hadoop"),
                                            QStringLiteral("spark"), 42);
    QCOMPARE(shortId, QStringLiteral("IDE_hadoop_spark_42"));
    const QString full = ExecId::make(QStringLiteral("127.0.0.1:9205"), shortId);
    QCOMPARE(full,
             QStringLiteral("exec_id018014linkis-cg-entrance127.0.0.1:9205IDE_hadoop_spark_42"));
    QCOMPARE(ExecId::shortOf(full), shortId);
    QCOMPARE(ExecId::taskIdOf(shortId), 42);
    // The real example from apache/linkis#2642 and the 0.x format from the seed.
    QCOMPARE(
        ExecId::shortOf(QStringLiteral(
            "exec_id018026linkis-cg-entrancebda01node03.oracle.cn:9104LINKISCLI_hadoop_shell_0")),
        QStringLiteral("LINKISCLI_hadoop_shell_0"));
    QCOMPARE(ExecId::shortOf(QStringLiteral("030418IDEhivebdpdwc010004:10087IDE_johnnwang_21")),
             QStringLiteral("IDE_johnnwang_21"));
    QCOMPARE(ExecId::shortOf(QStringLiteral("exec_id999")), QString());
    QCOMPARE(ExecId::shortOf(QStringLiteral("nonsense")), QString());
    QCOMPARE(ExecId::taskIdOf(QStringLiteral("IDE_hadoop_spark_x")), 0);
}

void TestGatewayUnits::pathGuard()
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("results/alice"));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/job")));
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("results/alice2"))));
    QVERIFY(
        PathGuard::resolve(QStringLiteral("file://") + root + QStringLiteral("/job"), {root}).ok());
    QVERIFY(PathGuard::resolve(root + QStringLiteral("/job/missing"), {root}).ok());
    QVERIFY(!PathGuard::resolve(root + QStringLiteral("/../alice2"), {root}).ok());
    QVERIFY(!PathGuard::resolve(dir.filePath(QStringLiteral("results/alice2")), {root}).ok());
    QVERIFY(!PathGuard::resolve(QStringLiteral("job"), {root}).ok());
    QVERIFY(!PathGuard::resolve(QString(), {root}).ok());
    QVERIFY(!PathGuard::resolve(QStringLiteral("hdfs:///x"), {root}).ok());
    QVERIFY(QFile::link(dir.path(), root + QStringLiteral("/up")));
    const auto viaLink = PathGuard::resolve(root + QStringLiteral("/up/results/alice2"), {root});
    QVERIFY(!viaLink.ok());
    QVERIFY(viaLink.error().message.contains(QStringLiteral("symbolic link")));
}

void TestGatewayUnits::parserFormats()
{
    const auto old = JobRequestParser::parse(
        R"({"executeApplicationName":"Hive","executionCode":"show tables","runType":"hql",)"
        R"("requestApplicationName":"nb","params":{"variable":{"n":3,"b":true}}})",
        QStringLiteral("u1"));
    QVERIFY(old.ok());
    QCOMPARE(old->engineType, QStringLiteral("hive"));
    QCOMPARE(old->kind, JobRequest::Kind::Sqlite);
    QCOMPARE(old->creator, QStringLiteral("nb"));
    QCOMPARE(old->variables.value(QStringLiteral("n")), QStringLiteral("3"));
    QCOMPARE(old->labels.value(QStringLiteral("userCreator")).toString(), QStringLiteral("u1-nb"));
    const auto modern = JobRequestParser::parse(
        R"J({"executionContent":{"code":"print(1)"},"labels":{"engineType":"spark-3.4.4",)J"
        R"J("codeType":"pyspark","userCreator":"U1-LINKISCLI"}})J",
        QStringLiteral("u1"));
    QVERIFY(modern.ok());
    QCOMPARE(modern->kind, JobRequest::Kind::Python);
    QCOMPARE(modern->engineVersion, QStringLiteral("3.4.4"));
    QCOMPARE(modern->creator, QStringLiteral("LINKISCLI"));
    QCOMPARE(modern->runType, QStringLiteral("pyspark"));
    // Default runType of the 0.x body is sql.
    const auto defaults = JobRequestParser::parse(
        R"({"executeApplicationName":"sqlite","executionCode":"select 1"})", QStringLiteral("u"));
    QVERIFY(defaults.ok());
    QCOMPARE(defaults->runType, QStringLiteral("sql"));
    QCOMPARE(defaults->creator, QStringLiteral("IDE"));
    QVERIFY(!JobRequestParser::parse(
                 R"({"executionContent":{"code":"x"},"labels":{"engineType":"shell"}})",
                 QStringLiteral("u"))
                 .ok()); // no runType anywhere
    QVERIFY(!JobRequestParser::parse(R"({"executeApplicationName":"sqlite","executionCode":"  "})",
                                     QStringLiteral("u"))
                 .ok());
    QVERIFY(!JobRequestParser::parse(R"({"executeApplicationName":"sqlite","executionCode":"x",)"
                                     R"("requestApplicationName":"../x"})",
                                     QStringLiteral("u"))
                 .ok());
}

void TestGatewayUnits::jobLogPagingAndSlots()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("logs/a/1.log"));
    {
        JobLog log(path);
        QVERIFY(log.isOpen());
        log.append(JobLog::Level::Info, QStringLiteral("one"));
        log.appendLines(JobLog::Level::Error,
                        {QStringLiteral("two\nthree"), QStringLiteral("four\r")});
        log.append(JobLog::Level::Warn, QStringLiteral("five"));
        QCOMPARE(log.lineCount(), 5);
        const JobLog::Page p = log.read(2, 3);
        QCOMPARE(p.read, 3);
        QVERIFY(p.levels[0].endsWith(QStringLiteral("ERROR four")));
        QCOMPARE(p.levels[0].count(u'\n'), 2);
        QVERIFY(p.levels[1].isEmpty());
        QCOMPARE(p.levels[3].count(u'\n'), 2);
        QCOMPARE(log.read(0, 1).read, 1); // 0 counts as 1
        QCOMPARE(log.read(6, 10).read, 0);
    }
    JobLog reopened(path); // indexes what is already there and appends after it
    QCOMPARE(reopened.lineCount(), 5);
    reopened.append(JobLog::Level::Info, QStringLiteral("six"));
    QVERIFY(reopened.read(6, 1).levels[2].endsWith(QStringLiteral("INFO six")));
    QString levels[4];
    QString error;
    QVERIFY(JobLog::readAll(path, levels, &error));
    QCOMPARE(levels[3].count(u'\n'), 6);
    QVERIFY(levels[1].endsWith(QStringLiteral("WARN five\n")));
}

void TestGatewayUnits::envelopeAndHttpCodes()
{
    const ApiReply ok = ApiReply::ok(QStringLiteral("/api/x"), {{QStringLiteral("a"), 1}});
    QCOMPARE(ok.httpStatus, 200);
    QVERIFY(ok.body.startsWith("{\"method\":\"/api/x\",\"status\":0,\"message\":\"OK\",\"data\":"));
    QCOMPARE(ApiReply::error({}, -1, QStringLiteral("m")).httpStatus, 401);
    QCOMPARE(ApiReply::error({}, 1, QStringLiteral("m")).httpStatus, 400);
    QCOMPARE(ApiReply::error({}, 2, QStringLiteral("m")).httpStatus, 412);
    QCOMPARE(ApiReply::error({}, 3, QStringLiteral("m")).httpStatus, 403);
    const QJsonObject parsed =
        QJsonDocument::fromJson(ApiReply::error({}, 1, QStringLiteral("x\"")).body).object();
    QVERIFY(parsed.value(QStringLiteral("method")).isNull());
    QCOMPARE(parsed.value(QStringLiteral("message")).toString(), QStringLiteral("x\""));
    QVERIFY(parsed.value(QStringLiteral("data")).isObject());
}

void TestGatewayUnits::routerMatching()
{
    Router router;
    int hits = 0;
    router.add({QStringLiteral("GET")}, QStringLiteral("entrance/{id}/status"),
               Router::Access::Authenticated, [&](ApiRequest &r) {
                   ++hits;
                   return ApiReply::ok(r.args.at(0), {});
               });
    ApiRequest req;
    req.method = QStringLiteral("GET");
    req.path = QStringLiteral("entrance/abc/status");
    auto m = router.match(req);
    QVERIFY(m.handler);
    QCOMPARE(req.args, QStringList {QStringLiteral("abc")});
    req.method = QStringLiteral("POST");
    m = router.match(req);
    QVERIFY(!m.handler);
    QVERIFY(m.pathKnown);
    req.path = QStringLiteral("entrance/abc/status/x");
    QVERIFY(!router.match(req).handler);
}

void TestGatewayUnits::progressStrings()
{
    QCOMPARE(TaskJson::progressString(0.0), QStringLiteral("0.0"));
    QCOMPARE(TaskJson::progressString(1.0), QStringLiteral("1.0"));
    QCOMPARE(TaskJson::progressString(0.5), QStringLiteral("0.5"));
    QCOMPARE(TaskJson::progressString(0.99), QStringLiteral("0.99"));
}

void TestGatewayUnits::constantTimeEquals()
{
    QVERIFY(AuthService::constantTimeEquals("abc", "abc"));
    QVERIFY(!AuthService::constantTimeEquals("abc", "abd"));
    QVERIFY(!AuthService::constantTimeEquals("abc", "abcd"));
    QVERIFY(!AuthService::constantTimeEquals("", ""));
    QVERIFY(AuthService::validUserName(QStringLiteral("hadoop")));
    QVERIFY(!AuthService::validUserName(QStringLiteral("..")));
    QVERIFY(!AuthService::validUserName(QStringLiteral("a/b")));
    QVERIFY(!AuthService::validUserName(QString()));
}

QTEST_GUILESS_MAIN(TestGatewayUnits)
#include "tst_units.moc"
