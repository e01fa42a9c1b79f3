// SPDX-License-Identifier: GPL-3.0-or-later
// Parsers on recorded Linkis replies (tests/data/linkis), one case per quirk of protocol §12.
#include "api/jobstatus.h"
#include "api/jobstatusnames.h"
#include "api/linkisparsers.h"
#include "api/loglevel.h"
#include "api/submitrequest.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace linkisdesk;
using namespace linkisdesk::parsers;
using Kind = ApiError::Kind;

namespace {

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(LINKIS_DESK_TEST_DATA "/linkis/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

// parseLogPage must say exactly what parseLog + LogChunk::lines() says, on every body.
void compareLogPage(const QByteArray &body, int httpStatus = 200)
{
    for (const bool live : {true, false}) {
        const Result<LogChunk> slow =
            live ? parseLog(httpStatus, body) : parseOpenLog(httpStatus, body);
        const Result<LogPage> fast =
            live ? parseLogPage(httpStatus, body) : parseOpenLogPage(httpStatus, body);
        QCOMPARE(fast.ok(), slow.ok());
        if (!slow) {
            QCOMPARE(fast.error().kind, slow.error().kind);
            QCOMPARE(fast.error().message, slow.error().message);
            continue;
        }
        // As stored: UTF-8 (a lone surrogate the server escaped becomes '?' either way).
        QStringList lines = slow->lines();
        for (QString &line : lines)
            line = QString::fromUtf8(line.toUtf8());
        QCOMPARE(fast->lines(), lines);
        QCOMPARE(fast->nextFromLine, slow->nextFromLine);
        QCOMPARE(fast->logWasNull, slow->logWasNull);
        for (qsizetype i = 0; i < lines.size(); ++i)
            QCOMPARE(fast->statedLevel(i), logLevelOf(lines.at(i).toUtf8()));
        QCOMPARE(fast->text(),
                 lines.isEmpty() ? QByteArray() : (lines.join(u'\n') + u'\n').toUtf8());
    }
}

} // namespace

class TestParsers : public QObject
{
    Q_OBJECT
private slots:
    void submitTaskIdAsNumberOrString()
    {
        const auto a = parseSubmit(200, fixture("submit_ok.json"));
        QVERIFY(a.ok());
        QCOMPARE(a->taskId, 123);
        QCOMPARE(a->execId,
                 QStringLiteral("exec_id018013linkis-cg-entrance10.0.0.1:9104IDE_hadoop_spark_0"));
        const auto b = parseSubmit(200, fixture("submit_taskid_string.json"));
        QVERIFY(b.ok());
        QCOMPARE(b->taskId, 123);
    }

    void nullMethodAndStatusOneIsLinkisError()
    {
        const auto r = parseSubmit(400, fixture("submit_label_rejected_F5.json"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Kind::Linkis);
        QCOMPARE(r.error().linkisStatus, 1);
        QCOMPARE(r.error().httpStatus, 400);
        QVERIFY(r.error().message.contains(QStringLiteral("50080")));
    }

    void http200WithStatusOneIsStillAnError()
    {
        const auto r = parseStatus(200, fixture("gateway_routing_error_200.json"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Kind::Linkis);
        QVERIFY(r.error().message.contains(QStringLiteral("not support version")));
    }

    void notLoggedInIsSessionExpired()
    {
        const auto r = parseStatus(401, fixture("not_logged_in.json"));
        QCOMPARE(r.error().kind, Kind::SessionExpired);
        QCOMPARE(r.error().linkisStatus, -1);
        QVERIFY(isSessionLost(401, {}));
        QVERIFY(isSessionLost(200, fixture("not_logged_in.json")));
        QVERIFY(!isSessionLost(500, fixture("spring_500_F6.json")));
        const auto token = parseSubmit(401, fixture("token_failed_F4.json"));
        QCOMPARE(token.error().kind, Kind::SessionExpired);
        QVERIFY(token.error().message.contains(QStringLiteral("15203")));
    }

    void springErrorIsHttpError()
    {
        const auto r = parseStatus(500, fixture("spring_500_F6.json"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Kind::Http);
        QCOMPARE(r.error().httpStatus, 500);
        QCOMPARE(r.error().linkisStatus, 0);
        QVERIFY(r.error().message.contains(QStringLiteral("Internal Server Error")));
    }

    void htmlFromProxyIsExplained()
    {
        const auto r = parseSubmit(502, fixture("proxy_502.html"));
        QCOMPARE(r.error().kind, Kind::Http);
        QCOMPARE(r.error().httpStatus, 502);
        QVERIFY(r.error().message.contains(QStringLiteral("HTML page (HTTP 502)")));
        QVERIFY(r.error().message.contains(QStringLiteral("proxy")));
    }

    void emptyAndMalformedBodies()
    {
        QCOMPARE(parseStatus(200, fixture("empty.json")).error().kind, Kind::Parse);
        QCOMPARE(parseStatus(503, fixture("empty.json")).error().kind, Kind::Http);
        QCOMPARE(parseStatus(401, fixture("empty.json")).error().kind, Kind::SessionExpired);
        const auto bad = parseSubmit(200, fixture("malformed.json"));
        QCOMPARE(bad.error().kind, Kind::Parse);
        QVERIFY(bad.error().message.contains(QStringLiteral("not valid JSON")));
        QCOMPARE(parseStatus(200, fixture("spring_like_no_status.json")).error().kind, Kind::Parse);
        QCOMPARE(parseStatus(200, "[1,2]").error().kind, Kind::Parse);
    }

    void statusCaseInsensitive()
    {
        QCOMPARE(parseStatus(200, fixture("status_running.json")).value(), JobStatus::Running);
        QCOMPARE(parseStatus(200, fixture("status_upper_failed.json")).value(), JobStatus::Failed);
        QCOMPARE(parseJobStatus(QStringLiteral("succeed")), JobStatus::Succeed);
        QCOMPARE(parseJobStatus(QStringLiteral("CANCELED")), JobStatus::Cancelled);
        QCOMPARE(parseJobStatus(QStringLiteral("bogus")), JobStatus::Unknown);
        QVERIFY(isTerminal(JobStatus::Timeout));
        QVERIFY(!isTerminal(JobStatus::WaitForRetry));
        QCOMPARE(jobStatusName(JobStatus::Succeed), QStringLiteral("Succeed"));
    }

    void statusNamesAreStrictAndOneList()
    {
        // What a person types (CLI --status, a query's status=): the Linkis names in any case.
        QCOMPARE(jobStatusFromName(QStringLiteral(" failed ")), JobStatus::Failed);
        QCOMPARE(jobStatusFromName(QStringLiteral("WAITFORRETRY")), JobStatus::WaitForRetry);
        QVERIFY(!jobStatusFromName(QStringLiteral("success"))); // lenient only for replies
        QVERIFY(!jobStatusFromName(QStringLiteral("Unknown")));
        QVERIFY(!jobStatusFromName(QString()));
        QCOMPARE(jobStatusNames(allJobStatuses()),
                 QStringList({QStringLiteral("Inited"), QStringLiteral("WaitForRetry"),
                              QStringLiteral("Scheduled"), QStringLiteral("Running"),
                              QStringLiteral("Succeed"), QStringLiteral("Failed"),
                              QStringLiteral("Cancelled"), QStringLiteral("Timeout")}));
        // Undone = every state that is not an end, and nothing else.
        for (JobStatus s : allJobStatuses())
            QCOMPARE(undoneJobStatuses().contains(s), !isTerminal(s));
        for (JobStatus s : allJobStatuses())
            QCOMPARE(jobStatusFromName(jobStatusName(s)), s);
    }

    void logSlotsAndLines()
    {
        const auto r = parseLog(200, fixture("log_slots.json"));
        QVERIFY(r.ok());
        QCOMPARE(r->nextFromLine, 6);
        const QStringList lines = r->lines();
        QCOMPARE(lines.size(), 5); // the blank line in the middle is a line
        QCOMPARE(lines.at(2), QString());
        QVERIFY(r->error.contains(QStringLiteral("boom")));
        QVERIFY(r->warn.contains(QStringLiteral("careful")));
        LogLevel level = LogLevel::Info;
        QList<LogLevel> levels;
        for (const QString &line : lines) {
            level = classifyLogLine(line, level);
            levels.append(level);
        }
        QCOMPARE(levels,
                 (QList<LogLevel> {LogLevel::Info, LogLevel::Warn, LogLevel::Warn, LogLevel::Error,
                                   LogLevel::Error}));
    }

    void logNullEmptyOrString()
    {
        const auto n = parseLog(200, fixture("log_null.json"));
        QVERIFY(n.ok());
        QVERIFY(n->logWasNull);
        QVERIFY(n->lines().isEmpty());
        QCOMPARE(n->nextFromLine, 3); // fromLine as a string
        const auto e = parseLog(200, fixture("log_empty_string.json"));
        QVERIFY(e.ok());
        QVERIFY(!e->logWasNull);
        QVERIFY(e->lines().isEmpty());
        const auto ended = parseLog(400, fixture("log_ended.json"));
        QCOMPARE(ended.error().kind, Kind::Linkis);
        QVERIFY(ended.error().message.contains(QStringLiteral("has ended")));
    }

    // A `log` of the wrong JSON type is a malformed reply, never an empty log: the caller must
    // see a Parse error (and retry) instead of taking it for "nothing new".
    void malformedLogIsParseError_data()
    {
        QTest::addColumn<QByteArray>("log");
        QTest::addColumn<QString>("says");
        QTest::newRow("object") << QByteArray(R"({"v":["a","b","c","d"]})")
                                << QStringLiteral("is an object");
        QTest::newRow("number") << QByteArray("42") << QStringLiteral("is a number");
        QTest::newRow("boolean") << QByteArray("true") << QStringLiteral("is a boolean");
        QTest::newRow("slot is a number")
            << QByteArray(R"(["", "", 7, "all"])") << QStringLiteral("a number at position 2");
        QTest::newRow("slot is an object")
            << QByteArray(R"([{}, "", "", ""])") << QStringLiteral("an object at position 0");
        QTest::newRow("single slot is an array")
            << QByteArray(R"([["line"]])") << QStringLiteral("an array at position 0");
    }

    void malformedLogIsParseError()
    {
        QFETCH(QByteArray, log);
        QFETCH(QString, says);
        const QByteArray body = R"({"method":"/api/rest_j/v1/entrance/exec_1/log","status":0,)"
                                R"("message":"","data":{"fromLine":3,"log":)" +
            log + "}}";
        for (const auto &r : {parseLog(200, body), parseOpenLog(200, body)}) {
            QVERIFY(!r.ok());
            QCOMPARE(r.error().kind, Kind::Parse);
            QVERIFY2(r.error().message.contains(says), qPrintable(r.error().message));
            QVERIFY2(r.error().message.contains(QStringLiteral("\"log\"")),
                     qPrintable(r.error().message));
        }
    }

    // The accepted shapes next to the rejected ones: strings and nulls in the list, any length.
    void wellFormedLogShapes()
    {
        const auto parse = [](const QByteArray &log) {
            return parseLog(200,
                            R"({"status":0,"message":"","data":{"fromLine":1,"log":)" + log + "}}");
        };
        const auto levelSlots = parse(R"(["e", null, "i", "all"])");
        QVERIFY(levelSlots.ok());
        QCOMPARE(levelSlots->error, QStringLiteral("e"));
        QCOMPARE(levelSlots->warn, QString());
        QCOMPARE(levelSlots->info, QStringLiteral("i"));
        QCOMPARE(levelSlots->all, QStringLiteral("all"));
        const auto one = parse(R"(["only"])");
        QVERIFY(one.ok());
        QCOMPARE(one->all, QStringLiteral("only"));
        const auto none = parse("[]");
        QVERIFY(none.ok());
        QVERIFY(!none->logWasNull);
        QVERIFY(none->lines().isEmpty());
    }

    void progressNumbersAndStrings()
    {
        const auto a = parseProgress(200, fixture("progress_number.json"));
        QVERIFY(a.ok());
        QCOMPARE(a->progress, 0.2);
        QCOMPARE(a->items.size(), 2);
        QCOMPARE(a->items.at(1).succeedTasks, 5); // "5" as a string
        QCOMPARE(a->items.at(0).totalTasks, 10);
        const auto b = parseProgress(200, fixture("progress_string_f.json"));
        QVERIFY(b.ok());
        QCOMPARE(b->progress, 1.0); // "1.0f"
        const auto c = parseProgress(200, fixture("progress_with_resource_F3.json"));
        QVERIFY(c.ok());
        QCOMPARE(c->progress, 0.5);
        QCOMPARE(c->items.first().id, QStringLiteral("jobId-1(linkis-spark-mix-code-1946915)"));
        QCOMPARE(c->resources.applications.size(), 1);
    }

    void taskFromHistory()
    {
        const auto r = parseTask(200, fixture("task_get.json"));
        QVERIFY(r.ok());
        QCOMPARE(r->taskId, 123);
        QCOMPARE(r->status, JobStatus::Succeed);
        QCOMPARE(r->progress, 1.0);
        QVERIFY(!r->errCode.has_value());
        QCOMPARE(r->errDesc, QString());
        QCOMPARE(r->createdTime.toMSecsSinceEpoch(), Q_INT64_C(1700000000000));
        QCOMPARE(r->costTimeMs, 12345);
        QCOMPARE(r->labels.size(), 3);
        QCOMPARE(r->pathExecId(),
                 QStringLiteral("exec_id018013linkis-cg-entrance10.0.0.1:9104IDE_hadoop_spark_0"));
        QVERIFY(r->logPath.endsWith(QStringLiteral("123.log")));
        QVERIFY(r->resultLocation.endsWith(QStringLiteral("/IDE/123")));
    }

    void taskWithDocQuirks()
    {
        const auto r = parseTask(200, fixture("task_get_failed_doc.json"));
        QVERIFY(r.ok());
        QCOMPARE(r->taskId, 77); // "77"
        QCOMPARE(r->status, JobStatus::Failed);
        QCOMPARE(r->progress, 1.0); // "1.0f"
        QCOMPARE(r->errCode.value_or(-1), 50080); // errorCode as a string
        QVERIFY(r->createdTime.isValid());
        QCOMPARE(r->labels, QStringList {QStringLiteral("engineType:hive-2.3.3")});
        QCOMPARE(r->pathExecId(), QString());
        const auto missing = parseTask(400, fixture("task_not_found.json"));
        QCOMPARE(missing.error().kind, Kind::Linkis);
        QVERIFY(missing.error().message.contains(QStringLiteral("not found")));
    }

    void taskListTotalIsRecordCount()
    {
        const auto r = parseTaskList(200, fixture("task_list.json"));
        QVERIFY(r.ok());
        QCOMPARE(r->tasks.size(), 2);
        QCOMPARE(r->total, 42);
        QCOMPARE(r->tasks.first().status, JobStatus::Running);
    }

    void resultSetsSortedByNumber()
    {
        const auto r = parseDirFileTrees(200, fixture("dirfiletrees_F2_unordered.json"));
        QVERIFY(r.ok());
        QStringList names;
        for (const ResultSetRef &ref : r.value())
            names << ref.name;
        QCOMPARE(names,
                 (QStringList {QStringLiteral("_0.dolphin"), QStringLiteral("alias_1.dolphin"),
                               QStringLiteral("_2.dolphin"), QStringLiteral("_10.dolphin")}));
        QCOMPARE(r->at(3).index, 10);
        QCOMPARE(r->at(0).size, 7900);
        QCOMPARE(r->at(1).size, -1);
        const auto none = parseDirFileTrees(200, fixture("dirfiletrees_null.json"));
        QVERIFY(none.ok());
        QVERIFY(none->isEmpty());
    }

    void openFileTable()
    {
        const auto r = parseOpenFile(200, fixture("openfile_F1.json"));
        QVERIFY(r.ok());
        QCOMPARE(r->type, ResultPage::Type::Table);
        QCOMPARE(r->columns.size(), 1);
        QCOMPARE(r->columns.first().name, QStringLiteral("count(1)"));
        QCOMPARE(r->columns.first().type, QStringLiteral("long"));
        QCOMPARE(r->columns.first().comment, QString()); // "NULL" comment means none
        QCOMPARE(r->rows, (QList<QStringList> {{QStringLiteral("28")}}));
        QVERIFY(!r->isNull(0, 0));
    }

    void openFileNullsDistinctFromText()
    {
        const QString sentinel = QStringLiteral("@@LINKIS_DESK_NULL@@");
        const auto r = parseOpenFile(200, fixture("openfile_nulls.json"), sentinel);
        QVERIFY(r.ok());
        QCOMPARE(r->page, 2);
        QCOMPARE(r->rows.size(), 3);
        QCOMPARE(r->rows.at(0).at(1), QStringLiteral("NULL")); // the text "NULL"
        QVERIFY(!r->isNull(0, 1));
        QVERIFY(r->isNull(1, 1)); // the sentinel
        QVERIFY(r->rows.at(1).at(1).isNull());
        QVERIFY(r->isNull(2, 1)); // JSON null
        QCOMPARE(r->rows.at(2).at(0), QStringLiteral("3")); // a number cell
        QVERIFY(!r->isNull(2, 0));
        QCOMPARE(r->columns.at(1).comment, QStringLiteral("the name"));
        // Without a sentinel "NULL" stays text: what the server sent.
        const auto plain = parseOpenFile(200, fixture("openfile_nulls.json"));
        QVERIFY(!plain->isNull(1, 1));
    }

    void openFileTextAndEmpty()
    {
        const auto t = parseOpenFile(200, fixture("openfile_text.json"));
        QVERIFY(t.ok());
        QCOMPARE(t->type, ResultPage::Type::Text);
        QVERIFY(t->columns.isEmpty());
        QCOMPARE(t->rows.at(1).first(), QStringLiteral("line one\nline two"));
        const auto e = parseOpenFile(200, fixture("openfile_empty_page.json"));
        QVERIFY(e.ok());
        QVERIFY(e->isEmpty());
    }

    void openLogWholeFile()
    {
        const auto r = parseOpenLog(200, fixture("openlog.json"));
        QVERIFY(r.ok());
        QCOMPARE(r->lines().size(), 2);
        QCOMPARE(r->warn, QString());
    }

    void loginAndFailures()
    {
        const auto ok = parseLogin(200, fixture("login_F7.json"));
        QVERIFY(ok.ok());
        QCOMPARE(ok->userName, QStringLiteral("alice"));
        QCOMPARE(ok->sessionTimeoutMs, 3600000);
        QVERIFY(!ok->isAdmin);
        const auto bad = parseLogin(400, fixture("login_wrong_password.json"));
        QCOMPARE(bad.error().kind, Kind::Linkis);
        QVERIFY(bad.error().message.contains(QStringLiteral("wrong user name or password")));
        QCOMPARE(parseAck(403, fixture("no_permission.json")).error().kind, Kind::Auth);
        QVERIFY(parseAck(200, fixture("kill_ok.json")).ok());
    }

    void numberHelpers()
    {
        QCOMPARE(toDouble(QJsonValue(QStringLiteral("0.99"))), 0.99);
        QCOMPARE(toDouble(QJsonValue(QStringLiteral("1.0f"))), 1.0);
        QCOMPARE(toDouble(QJsonValue(QStringLiteral("50%"))), 0.5);
        bool ok = true;
        QCOMPARE(toDouble(QJsonValue(QStringLiteral("abc")), -1.0, &ok), -1.0);
        QVERIFY(!ok);
        QCOMPARE(toInt64(QJsonValue(QStringLiteral(" 123 "))), 123);
        QCOMPARE(toInt64(QJsonValue(123.0)), 123);
        QCOMPARE(toInt64(QJsonValue(), 7), 7);
        QCOMPARE(toText(QJsonValue(28.0)), QStringLiteral("28"));
        QCOMPARE(toText(QJsonValue(2.5)), QStringLiteral("2.5"));
        QCOMPARE(toText(QJsonValue(QJsonValue::Null)), QString());
    }

    void submitBodies()
    {
        SubmitRequest r;
        r.code = QStringLiteral("select 1");
        r.runType = QStringLiteral("sql");
        r.engineType = QStringLiteral("spark");
        r.engineVersion = QStringLiteral("3.4.4");
        r.variables.insert(QStringLiteral("k"), QStringLiteral("v"));
        r.scriptPath = QStringLiteral("/tmp/a.sql");
        const QJsonObject body = r.toSubmitJson(QStringLiteral("hadoop"));
        const QJsonObject labels = body.value(QStringLiteral("labels")).toObject();
        QCOMPARE(labels.value(QStringLiteral("engineType")).toString(),
                 QStringLiteral("spark-3.4.4"));
        QCOMPARE(labels.value(QStringLiteral("userCreator")).toString(),
                 QStringLiteral("hadoop-IDE"));
        QCOMPARE(body.value(QStringLiteral("executionContent"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("select 1"));
        QCOMPARE(body.value(QStringLiteral("params"))
                     .toObject()
                     .value(QStringLiteral("variable"))
                     .toObject()
                     .value(QStringLiteral("k"))
                     .toString(),
                 QStringLiteral("v"));
        const QJsonObject old = r.toExecuteJson();
        QCOMPARE(old.value(QStringLiteral("executeApplicationName")).toString(),
                 QStringLiteral("spark"));
        QCOMPARE(old.value(QStringLiteral("executionCode")).toString(), QStringLiteral("select 1"));
        QVERIFY(old.value(QStringLiteral("source")).isObject());
    }

    // The one-pass decoder and the JSON-tree parser agree on every recorded reply and fuzz seed.
    void logPageAgreesOnRecordedReplies()
    {
        const QString data = QStringLiteral(LINKIS_DESK_TEST_DATA);
        const QStringList dirs = {data + QStringLiteral("/linkis"),
                                  data + QStringLiteral("/../fuzz/corpus/log"),
                                  data + QStringLiteral("/../fuzz/corpus/openlog"),
                                  data + QStringLiteral("/../fuzz/corpus/envelope")};
        int files = 0;
        for (const QString &dir : dirs) {
            const QFileInfoList entries = QDir(dir).entryInfoList(QDir::Files);
            for (const QFileInfo &entry : entries) {
                QFile f(entry.filePath());
                QVERIFY(f.open(QIODevice::ReadOnly));
                const QByteArray body = f.readAll();
                compareLogPage(body);
                if (QTest::currentTestFailed())
                    QFAIL(qPrintable(entry.filePath()));
                ++files;
            }
        }
        QVERIFY(files > 20);
    }

    void logPageAgreesOnEdgeCases_data()
    {
        QTest::addColumn<QByteArray>("log");
        QTest::addColumn<QByteArray>("extra");
        auto row = [](const char *name, const QByteArray &log, const QByteArray &extra = {}) {
            QTest::newRow(name) << log << extra;
        };
        row("slots", R"(["e\n","w\n","i\n","a\nb\n"])");
        row("crlf", R"(["","","","a\r\nb\r\n\r\nc\r"])");
        row("lone cr", R"(["","","","\r"])");
        row("only newline", R"(["","","","\n"])");
        row("blank lines", R"(["","","","\n\n x \n\n"])");
        row("escapes", "[\"\",\"\",\"\",\"t\\tq\\\"b\\\\s\\/\\b\\f end\"]");
        row("unicode escapes", R"(["","","","caf\u00e9 \u4e2d\ud83d\ude00 \u0000 x"])");
        row("escaped newline", R"(["","","","a\u000ab\u000Ac"])");
        row("lone high surrogate", R"(["","","","a\ud83d b"])");
        row("lone low surrogate", R"(["","","","a\ude00 b"])");
        row("raw utf8", "[\"\",\"\",\"\",\"caf\xc3\xa9 \xe4\xb8\xad\\n\xf0\x9f\x98\x80\"]");
        row("invalid utf8", "[\"\",\"\",\"\",\"bad \xff\xfe \xc3\"]");
        row("overlong utf8", "[\"\",\"\",\"\",\"\xc0\xaf\"]");
        row("raw control", "[\"\",\"\",\"\",\"a\tb\"]");
        row("bad escape", R"(["","","","a\qb"])");
        row("plain string", R"("one\ntwo")");
        row("null", "null");
        row("empty list", "[]");
        row("two slots", R"(["x\n","y\nz"])");
        row("five slots", R"(["e","w","i","all\n","fifth"])");
        row("null fourth", R"(["e","w","i",null])");
        row("number", "5");
        row("object", R"({"a":1})");
        row("number in list", R"(["e",5,"i","a"])");
        row("levels",
            R"(["","","","2024-01-01 10:00:00.000 ERROR boom\n\tat x\n)"
            R"(2024-01-01 10:00:00.000 WARN w\nWARNING:root:py\n[INFO] i\n"])");
        row("fromLine as string", R"(["","","","a"])", R"(,"fromLine":"7")");
        row("fromLine negative", R"(["","","","a"])", R"(,"fromLine":-3)");
        row("fromLine fraction", R"(["","","","a"])", R"(,"fromLine":7.0)");
        row("duplicate log", R"(["","","","a"])", R"(,"log":["","","","b"])");
        row("other keys", R"(["","","","a"])", R"(,"x":{"y":[1,true,false,null,-2.5e3,"s"]})");
    }

    void logPageAgreesOnEdgeCases()
    {
        QFETCH(QByteArray, log);
        QFETCH(QByteArray, extra);
        compareLogPage(R"({"method":"/api/entrance/x/log","status":0,"message":"",)"
                       R"("data":{"fromLine":12,"log":)" +
                       log + extra + "}}");
        compareLogPage(R"( { "status" : 0 , "data" : { "log" : )" + log + extra + " } } ");
    }

    void logPageFallsBackOnErrorsAndOddEnvelopes()
    {
        const QByteArray log = R"("log":["","","","a\nb"])";
        compareLogPage(R"({"status":1,"message":"no","data":{)" + log + "}}");
        compareLogPage(R"({"status":-1,"message":"login","data":{)" + log + "}}", 401);
        compareLogPage(R"({"status":"0","data":{)" + log + "}}");
        compareLogPage(R"({"status":0,"status":1,"data":{)" + log + "}}");
        compareLogPage(R"({"status":0,"data":{)" + log + "}} trailing");
        compareLogPage(R"({"status":0,"data":{)" + log + "}");
        compareLogPage(R"({"status":0,"method":"m"})");
        compareLogPage(R"({"status":0,"data":{}})");
        compareLogPage(R"({"status":0,"data":[]})");
        compareLogPage(R"({"st\u0061tus":0,"data":{)" + log + "}}");
        compareLogPage("<html>502</html>", 502);
        compareLogPage("", 200);
        compareLogPage(R"({"status":0,"data":{)" + log + "}}", 500);
    }

    // A page cut anywhere is either the slow path's error or the slow path's lines.
    void logPageAgreesOnTruncatedBodies()
    {
        const QByteArray body = fixture("log_slots.json");
        for (qsizetype n = 0; n < body.size(); n += 3)
            compareLogPage(body.left(n));
    }
};

QTEST_GUILESS_MAIN(TestParsers)
#include "tst_parsers.moc"
