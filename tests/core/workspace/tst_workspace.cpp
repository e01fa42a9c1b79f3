// SPDX-License-Identifier: GPL-3.0-or-later
// Workspace scripts (issue 18). The header codec: the script header (linkis-protocol-2.md §3.6):
// `--@set` / `--conf@set` lines and the
// `--` terminator, `#` for python and shell, `//` for scala, none for txt/log; read as Linkis
// reads it (greedy keys, 65000 on a malformed conf@set line, the terminator dropped only after a
// header) and written so that reading gives back the same variables, settings and text.
// WorkspaceClient on recorded real-Linkis replies (tests/data/linkis/workspace) with their quirks,
// and over HTTP against the real local gateway: every operation, a changed-on-server conflict,
// path escapes (.., symbolic links, another user's folder, no scheme) refused with Linkis' codes.
#include "awaitresult.h"
#include "faultserver.h"
#include "testgateway.h"
#include "workspace/scriptheadercodec.h"
#include "workspace/workspaceclient.h"
#include "workspace/workspaceparsers.h"
#include "workspace/workspacepaths.h"

#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

using namespace linkisdesk;
using testsupport::await;
using testsupport::FaultServer;
using Family = ScriptHeaderCodec::Family;

Q_DECLARE_METATYPE(linkisdesk::ScriptHeaderCodec::Family)
Q_DECLARE_METATYPE(linkisdesk::ScriptMetadata)

namespace {

ScriptMetadata fullMetadata()
{
    ScriptMetadata m;
    m.variables.insert(QStringLiteral("run_date"), QStringLiteral("20240101"));
    m.variables.insert(QStringLiteral("city"), QStringLiteral("上海"));
    m.startup.insert(QStringLiteral("spark.executor.memory"), QStringLiteral("4g"));
    m.runtime.insert(QStringLiteral("wds.linkis.rm.yarnqueue"), QStringLiteral("etl"));
    m.special.insert(QStringLiteral("k1"), QStringLiteral("v1"));
    m.specialGroups[QStringLiteral("hive")].insert(QStringLiteral("mapreduce.job.queuename"),
                                                   QStringLiteral("q1"));
    return m;
}

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(LINKIS_DESK_TEST_DATA "/linkis/workspace/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

FaultServer::Response recorded(const char *name, int http = 200)
{
    return FaultServer::Response::json(http, fixture(QLatin1String(name)));
}

} // namespace

class TestWorkspace : public QObject
{
    Q_OBJECT
private slots:
    void familiesBySuffix_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<Family>("family");
        QTest::newRow("sql") << "a/q1.sql" << Family::Sql;
        QTest::newRow("hql upper") << "Q.HQL" << Family::Sql;
        QTest::newRow("jdbc") << "x.jdbc" << Family::Sql;
        QTest::newRow("python") << "x.py" << Family::Hash;
        QTest::newRow("py3") << "x.py3" << Family::Hash;
        QTest::newRow("shell") << "x.sh" << Family::Hash;
        QTest::newRow("scala") << "x.scala" << Family::Scala;
        QTest::newRow("txt") << "notes.txt" << Family::Plain;
        QTest::newRow("log") << "x.log" << Family::Plain;
        QTest::newRow("json refused (54001)") << "x.json" << Family::Unsupported;
        QTest::newRow("markdown refused") << "README.md" << Family::Unsupported;
        QTest::newRow("no suffix") << "Makefile" << Family::Unsupported;
    }
    void familiesBySuffix()
    {
        QFETCH(QString, name);
        QFETCH(Family, family);
        QCOMPARE(ScriptHeaderCodec::familyOf(name), family);
    }

    void readsTheHeaderLinkisWrites()
    {
        const QString file =
            QStringLiteral("--@set run_date=20240101\n"
                           "--conf@set configuration startup spark.executor.memory=4g\n"
                           "--conf@set configuration runtime wds.linkis.rm.yarnqueue=etl\n"
                           "--\n"
                           "select * from dw_sales.orders where ds=${run_date}\n");
        const auto d = ScriptHeaderCodec::decode(file, Family::Sql);
        QVERIFY(d.ok());
        QCOMPARE(d->metadata.variables.value(QStringLiteral("run_date")),
                 QStringLiteral("20240101"));
        QCOMPARE(d->metadata.startup.value(QStringLiteral("spark.executor.memory")),
                 QStringLiteral("4g"));
        QCOMPARE(d->metadata.runtime.value(QStringLiteral("wds.linkis.rm.yarnqueue")),
                 QStringLiteral("etl"));
        QCOMPARE(d->body, QStringLiteral("select * from dw_sales.orders where ds=${run_date}\n"));
    }

    void writesTheHeaderAsLinkisDoes()
    {
        ScriptMetadata m;
        m.variables.insert(QStringLiteral("run_date"), QStringLiteral("20240101"));
        m.startup.insert(QStringLiteral("spark.executor.memory"), QStringLiteral("4g"));
        m.runtime.insert(QStringLiteral("wds.linkis.rm.yarnqueue"), QStringLiteral("etl"));
        m.specialGroups[QStringLiteral("hive")].insert(QStringLiteral("a"), QStringLiteral("b"));
        QCOMPARE(ScriptHeaderCodec::encode(m, QStringLiteral("select 1\n"), Family::Sql).value(),
                 QStringLiteral("--@set run_date=20240101\n"
                                "--conf@set configuration startup spark.executor.memory=4g\n"
                                "--conf@set configuration runtime wds.linkis.rm.yarnqueue=etl\n"
                                "--conf@set special hive a=b\n"
                                "--\n"
                                "select 1\n"));
        QCOMPARE(ScriptHeaderCodec::encode(m, QStringLiteral("print(1)\n"), Family::Hash)
                     .value()
                     .section(u'\n', 0, 0),
                 QStringLiteral("#@set run_date=20240101"));
        const QString scala =
            ScriptHeaderCodec::encode(m, QStringLiteral("val x = 1\n"), Family::Scala).value();
        QVERIFY(scala.startsWith(QStringLiteral("//@set run_date=20240101\n//conf@set "
                                                "configuration startup")));
        QVERIFY(scala.endsWith(QStringLiteral("\n//\nval x = 1\n")));
    }

    void noHeaderNoTerminator()
    {
        QCOMPARE(ScriptHeaderCodec::encode({}, QStringLiteral("select 1"), Family::Sql).value(),
                 QStringLiteral("select 1"));
        const auto d = ScriptHeaderCodec::decode(QStringLiteral("--\nselect 1\n"), Family::Sql);
        QVERIFY(d.ok());
        // No header found: the `--` line is the user's comment and stays.
        QCOMPARE(d->body, QStringLiteral("--\nselect 1\n"));
        QVERIFY(d->metadata.isEmpty());
    }

    void roundTripsEveryFamily_data()
    {
        QTest::addColumn<Family>("family");
        QTest::addColumn<QString>("body");
        QTest::newRow("sql") << Family::Sql
                             << QStringLiteral("select ${run_date};\n\n-- a comment\nselect 2\n");
        QTest::newRow("sql, no final newline") << Family::Sql << QStringLiteral("select 1");
        QTest::newRow("sql, empty body") << Family::Sql << QString();
        QTest::newRow("sql, body starts with --")
            << Family::Sql << QStringLiteral("--\nselect 1\n");
        QTest::newRow("python") << Family::Hash << QStringLiteral("# comment\nprint('a=b')\n");
        QTest::newRow("shell") << Family::Hash << QStringLiteral("#!/bin/sh\necho hi\n");
        QTest::newRow("scala") << Family::Scala << QStringLiteral("// c\nval x = \"=\"\n");
    }
    void roundTripsEveryFamily()
    {
        QFETCH(Family, family);
        QFETCH(QString, body);
        for (const ScriptMetadata &m : {fullMetadata(), ScriptMetadata {}}) {
            const auto file = ScriptHeaderCodec::encode(m, body, family);
            QVERIFY(file.ok());
            const auto back = ScriptHeaderCodec::decode(*file, family);
            QVERIFY2(back.ok(), qPrintable(back.error().message));
            QCOMPARE(back->metadata, m);
            QCOMPARE(back->body, body);
            // and the written file reads the same a second time round
            QCOMPARE(ScriptHeaderCodec::encode(back->metadata, back->body, family).value(), *file);
        }
    }

    void usersOwnLeadingSetLinesAreNotSwallowed_data()
    {
        QTest::addColumn<Family>("family");
        QTest::addColumn<QString>("body");
        QTest::newRow("sql") << Family::Sql << QStringLiteral("--@set x=1\nselect ${x}\n");
        QTest::newRow("python") << Family::Hash << QStringLiteral("#@set x=1\nprint(${x})\n");
        QTest::newRow("scala") << Family::Scala << QStringLiteral("//@set x=1\nprintln(${x})\n");
    }
    void usersOwnLeadingSetLinesAreNotSwallowed()
    {
        QFETCH(Family, family);
        QFETCH(QString, body);
        // Under a header: the terminator ends it, the user's line stays in the text.
        const auto withHeader = ScriptHeaderCodec::encode(fullMetadata(), body, family);
        const auto back = ScriptHeaderCodec::decode(*withHeader, family);
        QVERIFY(back.ok());
        QCOMPARE(back->body, body);
        QCOMPARE(back->metadata, fullMetadata());
        // Under no header: a terminator goes first, so the line is not read as header either.
        const auto bare = ScriptHeaderCodec::encode({}, body, family);
        const auto back2 = ScriptHeaderCodec::decode(*bare, family);
        QVERIFY(back2.ok());
        QVERIFY(back2->metadata.isEmpty());
        QCOMPARE(back2->body, ScriptHeaderCodec::prefix(family) + u'\n' + body);
        // ... once: saving that text again adds nothing more.
        QCOMPARE(ScriptHeaderCodec::encode({}, back2->body, family).value(), *bare);
    }

    void readsLikeLinkisQuirks()
    {
        // greedy key: `a=b=c` is the key "a=b" with the value "c"
        auto d = ScriptHeaderCodec::decode(QStringLiteral("--@set a=b=c\nselect 1"), Family::Sql);
        QCOMPARE(d->metadata.variables.value(QStringLiteral("a=b")), QStringLiteral("c"));
        // spaces around the name and value are not part of them
        d = ScriptHeaderCodec::decode(QStringLiteral("  --@set  name = some value \n--\nx"),
                                      Family::Sql);
        QCOMPARE(d->metadata.variables.value(QStringLiteral("name")), QStringLiteral("some value"));
        QCOMPARE(d->body, QStringLiteral("x"));
        // header-only files written before Linkis 1.3.2 have no terminator
        d = ScriptHeaderCodec::decode(QStringLiteral("--@set a=1\nselect 1\n"), Family::Sql);
        QCOMPARE(d->metadata.variables.value(QStringLiteral("a")), QStringLiteral("1"));
        QCOMPARE(d->body, QStringLiteral("select 1\n"));
        // CRLF reads as LF
        d = ScriptHeaderCodec::decode(QStringLiteral("#@set a=1\r\n#\r\nprint(1)\r\n"),
                                      Family::Hash);
        QCOMPARE(d->metadata.variables.value(QStringLiteral("a")), QStringLiteral("1"));
        QCOMPARE(d->body, QStringLiteral("print(1)\n"));
        // the other family's prefix is plain text
        d = ScriptHeaderCodec::decode(QStringLiteral("--@set a=1\nprint(1)\n"), Family::Hash);
        QVERIFY(d->metadata.isEmpty());
        // txt and log files have no header
        d = ScriptHeaderCodec::decode(QStringLiteral("--@set a=1\n--\n"), Family::Plain);
        QVERIFY(d->metadata.isEmpty());
        QCOMPARE(d->body, QStringLiteral("--@set a=1\n--\n"));
        QCOMPARE(
            ScriptHeaderCodec::encode(fullMetadata(), QStringLiteral("x"), Family::Plain).value(),
            QStringLiteral("x"));
    }

    void malformedConfLineFailsWith65000_data()
    {
        QTest::addColumn<QString>("line");
        QTest::newRow("extra =") << "--conf@set configuration startup a=b=c";
        QTest::newRow("three tokens") << "--conf@set startup a=b";
        QTest::newRow("five tokens") << "--conf@set configuration startup a=b c";
        QTest::newRow("no =") << "--conf@set configuration startup ab";
        QTest::newRow("unknown parent") << "--conf@set settings startup a=b";
    }
    void malformedConfLineFailsWith65000()
    {
        QFETCH(QString, line);
        const auto d =
            ScriptHeaderCodec::decode(line + QStringLiteral("\n--\nselect 1\n"), Family::Sql);
        QVERIFY(!d.ok());
        QCOMPARE(d.error().linkisStatus, 65000);
        QVERIFY(d.error().message.contains(QStringLiteral("Invalid custom parameter")));
    }

    void refusesWhatCannotBeReadBack_data()
    {
        QTest::addColumn<ScriptMetadata>("metadata");
        ScriptMetadata m;
        m.variables.insert(QStringLiteral("a"), QStringLiteral("x=y"));
        QTest::newRow("= in a variable value") << m;
        m = {};
        m.variables.insert(QStringLiteral("a"), QString());
        QTest::newRow("empty value") << m;
        m = {};
        m.variables.insert(QStringLiteral("a"), QStringLiteral("1\n--@set b=2"));
        QTest::newRow("line break") << m;
        m = {};
        m.startup.insert(QStringLiteral("spark memory"), QStringLiteral("4g"));
        QTest::newRow("space in a setting name") << m;
        m = {};
        m.runtime.insert(QStringLiteral("a=b"), QStringLiteral("1"));
        QTest::newRow("= in a setting name") << m;
        m = {};
        m.variables.insert(QStringLiteral(" "), QStringLiteral("1"));
        QTest::newRow("blank name") << m;
    }
    void refusesWhatCannotBeReadBack()
    {
        QFETCH(ScriptMetadata, metadata);
        QVERIFY(!ScriptHeaderCodec::problem(metadata).isEmpty());
        const auto file = ScriptHeaderCodec::encode(metadata, QStringLiteral("x"), Family::Sql);
        QVERIFY(!file.ok());
        QCOMPARE(file.error().kind, ApiError::Kind::Usage);
    }

    void paramsJsonRoundTrip()
    {
        const ScriptMetadata m = fullMetadata();
        const QJsonObject params = m.toParams();
        QVERIFY(params.value(QStringLiteral("configuration"))
                    .toObject()
                    .contains(QStringLiteral("startup")));
        QCOMPARE(ScriptMetadata::fromJson(params), m);
        // an empty header still sends the three configuration maps
        const QJsonObject empty = ScriptMetadata {}.toParams();
        QCOMPARE(empty.value(QStringLiteral("configuration")).toObject().size(), 3);
    }
    // --- recorded real-Linkis replies ---

    void parsersReadRecordedReplies()
    {
        using namespace linkisdesk::workspace;
        // local root without, HDFS root with a trailing slash: both come back without
        QCOMPARE(parseRootPath(200, fixture(QStringLiteral("rootpath_local.json")),
                               QStringLiteral("file"))
                     .value(),
                 QStringLiteral("file:///tmp/linkis/alice"));
        QCOMPARE(parseRootPath(200, fixture(QStringLiteral("rootpath_hdfs.json")),
                               QStringLiteral("hdfs"))
                     .value(),
                 QStringLiteral("hdfs:///tmp/linkis/alice/linkis"));
        const auto missingRoot = parseRootPath(
            400, fixture(QStringLiteral("rootpath_missing_80003.json")), QStringLiteral("file"));
        QVERIFY(!missingRoot.ok());
        QCOMPARE(missingRoot.error().kind, ApiError::Kind::Linkis);
        QVERIFY(missingRoot.error().message.contains(QStringLiteral("80003")));

        // one level, folders first, then files by name; sizes and times were strings
        const auto list = parseListing(200, fixture(QStringLiteral("dirfiletrees_root.json")),
                                       QStringLiteral("file:///tmp/linkis/alice"));
        QVERIFY(list.ok());
        QStringList names;
        for (const WorkspaceEntry &e : *list)
            names << e.name;
        QCOMPARE(names,
                 (QStringList {QStringLiteral("archive"), QStringLiteral("reports"),
                               QStringLiteral("Analysis.py"), QStringLiteral("q1.sql")}));
        QVERIFY(list->at(0).isDir);
        QCOMPARE(list->at(0).size, -1);
        QCOMPARE(list->at(3).size, 97);
        QCOMPARE(list->at(3).modifiedMs, 1704096000000LL);
        QCOMPARE(list->at(3).path, QStringLiteral("file:///tmp/linkis/alice/q1.sql"));
        // a missing folder is `dirFileTrees: null` with status 0
        const auto missing = parseListing(200, fixture(QStringLiteral("dirfiletrees_null.json")),
                                          QStringLiteral("file:///tmp/linkis/alice/gone"));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(QStringLiteral("gone")));
        const auto other = parseListing(
            400, fixture(QStringLiteral("dirfiletrees_other_user_80010.json")), QString());
        QVERIFY(!other.ok());
        QVERIFY(other.error().message.contains(QStringLiteral("80010")));
        const auto noScheme =
            parseListing(400, fixture(QStringLiteral("no_scheme_80025.json")), QString());
        QVERIFY(noScheme.error().message.contains(QStringLiteral("80025")));

        // the text in fileContent[0][0], the header already parsed into metadata
        const auto script = parseScript(200, fixture(QStringLiteral("openfile_script.json")),
                                        QStringLiteral("file:///tmp/linkis/alice/q1.sql"));
        QVERIFY(script.ok());
        QCOMPARE(script->text,
                 QStringLiteral("select * from dw_sales.orders where "
                                "ds=${run_date}\nlimit 10\n"));
        QCOMPARE(script->metadata.variables.value(QStringLiteral("run_date")),
                 QStringLiteral("20240101"));
        QCOMPARE(script->metadata.startup.value(QStringLiteral("spark.executor.memory")),
                 QStringLiteral("4g"));
        QCOMPARE(script->metadata.runtime.value(QStringLiteral("wds.linkis.rm.yarnqueue")),
                 QStringLiteral("etl"));
        const auto plain = parseScript(200, fixture(QStringLiteral("openfile_no_header.json")), {});
        QVERIFY(plain->metadata.isEmpty());
        QCOMPARE(plain->text, QStringLiteral("print('hello')\n\n# done\n"));
        for (const char *name :
             {"openfile_unsupported_54001.json", "openfile_bad_conf_65000.json"}) {
            const auto refused = parseScript(400, fixture(QLatin1String(name)), {});
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().httpStatus, 400);
        }
        QCOMPARE(parseExists(200, fixture(QStringLiteral("isexist_true.json"))).value(), true);
        QCOMPARE(parseExists(200, fixture(QStringLiteral("isexist_false.json"))).value(), false);
        // download: raw bytes, and errors as plain text on HTTP 200
        QCOMPARE(parseDownload(200, fixture(QStringLiteral("download_q1.sql"))).value(),
                 fixture(QStringLiteral("download_q1.sql")));
        const auto gone = parseDownload(200, fixture(QStringLiteral("download_error.txt")));
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().kind, ApiError::Kind::Linkis);
        QVERIFY(gone.error().message.startsWith(
            QStringLiteral("File: file:///tmp/linkis/alice/gone.sql")));
    }

    void clientSendsWhatLinkisExpects()
    {
        FaultServer server;
        QVERIFY(server.listen());
        server.setHandler([](const FaultServer::Request &r) {
            const QString p = r.path;
            if (p.endsWith(QStringLiteral("/getUserRootPath"))) {
                return recorded(r.query.queryItemValue(QStringLiteral("pathType")) ==
                                        QStringLiteral("hdfs")
                                    ? "rootpath_hdfs.json"
                                    : "rootpath_local.json");
            }
            if (p.endsWith(QStringLiteral("/saveScript"))) {
                const QJsonObject b = QJsonDocument::fromJson(r.body).object();
                return b.value(QStringLiteral("path"))
                           .toString()
                           .endsWith(QStringLiteral("new.sql"))
                    ? recorded("savescript_missing_80013.json", 400)
                    : recorded("savescript_ok_blank_message.json");
            }
            if (p.endsWith(QStringLiteral("/createNewFile")))
                return recorded("createnewfile_exists_80006.json", 400);
            if (p.endsWith(QStringLiteral("/download"))) {
                FaultServer::Response resp =
                    FaultServer::Response::json(200, fixture(QStringLiteral("download_error.txt")));
                resp.contentType = "text/plain;charset=utf-8";
                return resp;
            }
            return recorded("ok_empty.json");
        });
        ConnectionSettings s;
        s.baseUrl = server.url();
        s.authMode = ConnectionSettings::AuthMode::Token;
        s.user = QStringLiteral("alice");
        s.secret = QStringLiteral("t");
        LinkisClient linkis(s);
        WorkspaceClient ws(&linkis);

        const auto hdfs = await<QString>(
            [&](QObject *c, auto cb) { return ws.rootPath(QStringLiteral("hdfs"), c, cb); });
        QCOMPARE(hdfs.value(), QStringLiteral("hdfs:///tmp/linkis/alice/linkis"));
        QCOMPARE(server.requests().last().method, QByteArray("GET"));

        // saveScript: POST JSON with path, scriptContent, charset and a params object; a blank
        // success message is still success
        ScriptMetadata m;
        m.variables.insert(QStringLiteral("run_date"), QStringLiteral("20240101"));
        const QString path = QStringLiteral("file:///tmp/linkis/alice/q1.sql");
        const auto saved = await<Unit>([&](QObject *c, auto cb) {
            return ws.save(path, QStringLiteral("select ${run_date}\n"), m, c, cb);
        });
        QVERIFY2(saved.ok(), qPrintable(saved.error().message));
        const FaultServer::Request save = server.requests().last();
        QCOMPARE(save.method, QByteArray("POST"));
        QVERIFY(save.header("Content-Type").startsWith("application/json"));
        const QJsonObject body = QJsonDocument::fromJson(save.body).object();
        QCOMPARE(body.value(QStringLiteral("path")).toString(), path);
        QCOMPARE(body.value(QStringLiteral("scriptContent")).toString(),
                 QStringLiteral("select ${run_date}\n"));
        QCOMPARE(body.value(QStringLiteral("charset")).toString(), QStringLiteral("utf-8"));
        const QJsonObject params = body.value(QStringLiteral("params")).toObject();
        QCOMPARE(params.value(QStringLiteral("variable"))
                     .toObject()
                     .value(QStringLiteral("run_date"))
                     .toString(),
                 QStringLiteral("20240101"));
        QVERIFY(params.value(QStringLiteral("configuration"))
                    .toObject()
                    .contains(QStringLiteral("runtime")));

        // with no header, a leading --@set line of the user's gets a terminator in front
        QVERIFY(await<Unit>([&](QObject *c, auto cb) {
                    return ws.save(path, QStringLiteral("--@set x=1\nselect ${x}"), {}, c, cb);
                }).ok());
        QCOMPARE(QJsonDocument::fromJson(server.requests().last().body)
                     .object()
                     .value(QStringLiteral("scriptContent"))
                     .toString(),
                 QStringLiteral("--\n--@set x=1\nselect ${x}"));

        // a header Linkis could not read back is refused before anything is sent
        const int before = int(server.requests().size());
        ScriptMetadata bad;
        bad.variables.insert(QStringLiteral("a"), QStringLiteral("x=y"));
        const auto refused = await<Unit>(
            [&](QObject *c, auto cb) { return ws.save(path, QStringLiteral("x"), bad, c, cb); });
        QCOMPARE(refused.error().kind, ApiError::Kind::Usage);
        QCOMPARE(int(server.requests().size()), before);

        // saving a file that does not exist: 80013
        const auto missing = await<Unit>([&](QObject *c, auto cb) {
            return ws.save(QStringLiteral("file:///tmp/linkis/alice/new.sql"), QStringLiteral("x"),
                           {}, c, cb);
        });
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(QStringLiteral("80013")));
        const auto dup =
            await<Unit>([&](QObject *c, auto cb) { return ws.createFile(path, c, cb); });
        QVERIFY(dup.error().message.contains(QStringLiteral("80006")));

        // rename sends oldDest/newDest
        QVERIFY(await<Unit>([&](QObject *c, auto cb) {
                    return ws.rename(path, QStringLiteral("file:///tmp/linkis/alice/q2.sql"), c,
                                     cb);
                }).ok());
        const QJsonObject rename = QJsonDocument::fromJson(server.requests().last().body).object();
        QCOMPARE(rename.value(QStringLiteral("oldDest")).toString(), path);
        QCOMPARE(rename.value(QStringLiteral("newDest")).toString(),
                 QStringLiteral("file:///tmp/linkis/alice/q2.sql"));

        // upload: multipart with the folder in `path` and the bytes in `file`
        QVERIFY(await<Unit>([&](QObject *c, auto cb) {
                    return ws.upload(QStringLiteral("file:///tmp/linkis/alice/"),
                                     QStringLiteral("a b.sql"), QByteArray("select 1\r\n--x"), c,
                                     cb);
                }).ok());
        const FaultServer::Request up = server.requests().last();
        QVERIFY(up.path.endsWith(QStringLiteral("/filesystem/upload")));
        QVERIFY(up.header("Content-Type").startsWith("multipart/form-data; boundary="));
        QVERIFY(up.body.contains("name=\"path\"\r\n\r\nfile:///tmp/linkis/alice\r\n"));
        QVERIFY(up.body.contains("filename=\"a b.sql\"\r\nContent-Type: "
                                 "application/octet-stream\r\n\r\nselect 1\r\n--x\r\n--"));

        // a download error arrives as plain text, not JSON
        const auto download = await<QByteArray>([&](QObject *c, auto cb) {
            return ws.download(QStringLiteral("file:///tmp/linkis/alice/gone.sql"), c, cb);
        });
        QVERIFY(!download.ok());
        QVERIFY(download.error().message.contains(QStringLiteral("does not exist")));
    }

    void saveCheckedStopsWhenTheServerFileChanged()
    {
        FaultServer server;
        QVERIFY(server.listen());
        server.on(QStringLiteral("/openFile"), {recorded("openfile_script.json")});
        server.on(QStringLiteral("/saveScript"), {recorded("savescript_ok_blank_message.json")});
        ConnectionSettings s;
        s.baseUrl = server.url();
        s.authMode = ConnectionSettings::AuthMode::Token;
        s.user = QStringLiteral("alice");
        s.secret = QStringLiteral("t");
        LinkisClient linkis(s);
        WorkspaceClient ws(&linkis);
        ScriptFile base; // what the tab opened: another text than the server has now
        base.path = QStringLiteral("file:///tmp/linkis/alice/q1.sql");
        base.text = QStringLiteral("select 1\n");
        auto result = await<ScriptSaveResult>([&](QObject *c, auto cb) {
            ws.saveChecked(base, QStringLiteral("select 2\n"), {}, false, c, cb);
            return RequestHandle();
        });
        QVERIFY(result.ok());
        QVERIFY(result->conflict);
        QCOMPARE(result->current.metadata.variables.value(QStringLiteral("run_date")),
                 QStringLiteral("20240101"));
        QCOMPARE(server.countRequests(QStringLiteral("/saveScript")), 0);
        // the same base as the server: saved, then read back
        const ScriptFile current = result->current;
        result = await<ScriptSaveResult>([&](QObject *c, auto cb) {
            ws.saveChecked(current, QStringLiteral("select 2\n"), {}, false, c, cb);
            return RequestHandle();
        });
        QVERIFY(result.ok());
        QVERIFY(!result->conflict);
        QCOMPARE(server.countRequests(QStringLiteral("/saveScript")), 1);
        QCOMPARE(server.countRequests(QStringLiteral("/openFile")), 3);
    }

    void pathsJoinWithOrWithoutTrailingSlash()
    {
        QCOMPARE(WorkspacePaths::join(QStringLiteral("hdfs:///tmp/linkis/alice/linkis/"),
                                      QStringLiteral("a.sql")),
                 QStringLiteral("hdfs:///tmp/linkis/alice/linkis/a.sql"));
        QCOMPARE(WorkspacePaths::join(QStringLiteral("file:///tmp/linkis/alice"),
                                      QStringLiteral("a.sql")),
                 QStringLiteral("file:///tmp/linkis/alice/a.sql"));
        QCOMPARE(WorkspacePaths::resolve(QStringLiteral("file:///r/alice"),
                                         QStringLiteral("reports/daily.sql")),
                 QStringLiteral("file:///r/alice/reports/daily.sql"));
        QCOMPARE(WorkspacePaths::resolve(QStringLiteral("file:///r/alice"), QStringLiteral("/")),
                 QStringLiteral("file:///r/alice"));
        QVERIFY(WorkspacePaths::resolve(QStringLiteral("file:///r/alice"), QStringLiteral("../b"))
                    .isEmpty());
        QCOMPARE(WorkspacePaths::parentOf(QStringLiteral("file:///r/alice/a.sql")),
                 QStringLiteral("file:///r/alice"));
        QCOMPARE(WorkspacePaths::parentOf(QStringLiteral("file:///a.sql")),
                 QStringLiteral("file:///"));
        QVERIFY(!WorkspacePaths::isValidName(QStringLiteral("a/b")));
        QVERIFY(!WorkspacePaths::isValidName(QStringLiteral("..")));
        QVERIFY(WorkspacePaths::isValidName(QStringLiteral("日报.sql")));
    }

    // --- the real local gateway over HTTP ---

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        m_gateway = std::make_unique<testsupport::TestGateway>();
        QVERIFY2(m_gateway->start(&error), qPrintable(error));
        m_alice = std::make_unique<LinkisClient>(
            m_gateway->settings(ConnectionSettings::AuthMode::Token, QStringLiteral("alice")));
        m_ws = std::make_unique<WorkspaceClient>(m_alice.get());
        const auto root = await<QString>(
            [&](QObject *c, auto cb) { return m_ws->rootPath(QStringLiteral("file"), c, cb); });
        QVERIFY2(root.ok(), qPrintable(root.error().message));
        m_root = *root;
    }
    void cleanupTestCase()
    {
        m_ws.reset();
        m_alice.reset();
        m_gateway.reset();
    }

    void gatewayRootIsTheUsersFolder()
    {
        const QString local = m_gateway->dataDir() + QStringLiteral("/workspace/alice");
        QCOMPARE(m_root, QStringLiteral("file://") + local);
        QVERIFY(QFileInfo(local).isDir());
        QCOMPARE(QFileInfo(local).permissions() & (QFile::ReadOther | QFile::ReadGroup),
                 QFile::Permissions());
        const auto hdfs = await<QString>(
            [&](QObject *c, auto cb) { return m_ws->rootPath(QStringLiteral("hdfs"), c, cb); });
        QVERIFY(!hdfs.ok());
        QVERIFY(hdfs.error().message.contains(QStringLiteral("80003")));
    }

    void everyOperationOnTheGateway()
    {
        auto unit = [](auto call) { return await<Unit>(call); };
        const QString dir = WorkspacePaths::join(m_root, QStringLiteral("reports"));
        const QString file = WorkspacePaths::join(dir, QStringLiteral("daily.sql"));
        QVERIFY(unit([&](QObject *c, auto cb) { return m_ws->createDir(dir, c, cb); }).ok());
        const auto dirAgain =
            unit([&](QObject *c, auto cb) { return m_ws->createDir(dir, c, cb); });
        QVERIFY(dirAgain.error().message.contains(QStringLiteral("80005")));
        // saving before creating: 80013, as Linkis
        const auto early = unit(
            [&](QObject *c, auto cb) { return m_ws->save(file, QStringLiteral("x"), {}, c, cb); });
        QVERIFY(early.error().message.contains(QStringLiteral("80013")));
        QVERIFY(unit([&](QObject *c, auto cb) { return m_ws->createFile(file, c, cb); }).ok());
        const auto fileAgain =
            unit([&](QObject *c, auto cb) { return m_ws->createFile(file, c, cb); });
        QVERIFY(fileAgain.error().message.contains(QStringLiteral("80006")));
        QCOMPARE(
            await<bool>([&](QObject *c, auto cb) { return m_ws->exists(file, c, cb); }).value(),
            true);

        ScriptMetadata m;
        m.variables.insert(QStringLiteral("run_date"), QStringLiteral("20240102"));
        m.runtime.insert(QStringLiteral("wds.linkis.rm.yarnqueue"), QStringLiteral("etl"));
        const QString text = QStringLiteral("select * from t where ds=${run_date};\n");
        QVERIFY(unit([&](QObject *c, auto cb) { return m_ws->save(file, text, m, c, cb); }).ok());
        // on disk exactly as Linkis writes it
        QFile disk(m_gateway->dataDir() + QStringLiteral("/workspace/alice/reports/daily.sql"));
        QVERIFY(disk.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(disk.readAll()),
                 QStringLiteral("--@set run_date=20240102\n"
                                "--conf@set configuration runtime wds.linkis.rm.yarnqueue=etl\n"
                                "--\n") +
                     text);
        const auto opened =
            await<ScriptFile>([&](QObject *c, auto cb) { return m_ws->open(file, c, cb); });
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        QCOMPARE(opened->text, text);
        QCOMPARE(opened->metadata, m);

        const auto top = await<QList<WorkspaceEntry>>(
            [&](QObject *c, auto cb) { return m_ws->list(m_root, c, cb); });
        QVERIFY(top.ok());
        QCOMPARE(top->size(), 1);
        QCOMPARE(top->first().name, QStringLiteral("reports"));
        QVERIFY(top->first().isDir);
        const auto inner = await<QList<WorkspaceEntry>>(
            [&](QObject *c, auto cb) { return m_ws->list(dir, c, cb); });
        QCOMPARE(inner->size(), 1);
        QCOMPARE(inner->first().path, file);
        QVERIFY(inner->first().size > 0);
        const auto gone = await<QList<WorkspaceEntry>>([&](QObject *c, auto cb) {
            return m_ws->list(WorkspacePaths::join(m_root, QStringLiteral("nope")), c, cb);
        });
        QVERIFY(!gone.ok());

        // rename, upload, download, delete
        const QString renamed = WorkspacePaths::join(dir, QStringLiteral("daily2.sql"));
        QVERIFY(unit([&](QObject *c, auto cb) { return m_ws->rename(file, renamed, c, cb); }).ok());
        QCOMPARE(
            await<bool>([&](QObject *c, auto cb) { return m_ws->exists(file, c, cb); }).value(),
            false);
        const QByteArray bytes("#@set a=1\n#\nprint('x')\r\n\x00\x01", 26);
        QVERIFY(unit([&](QObject *c, auto cb) {
                    return m_ws->upload(dir, QStringLiteral("up.py"), bytes, c, cb);
                }).ok());
        const auto down = await<QByteArray>([&](QObject *c, auto cb) {
            return m_ws->download(WorkspacePaths::join(dir, QStringLiteral("up.py")), c, cb);
        });
        QVERIFY(down.ok());
        QCOMPARE(*down, bytes);
        const auto downMissing = await<QByteArray>([&](QObject *c, auto cb) {
            return m_ws->download(WorkspacePaths::join(dir, QStringLiteral("nope.py")), c, cb);
        });
        QVERIFY(!downMissing.ok());
        QVERIFY(downMissing.error().message.contains(QStringLiteral("does not exist")));
        // a file type openFile refuses
        const QString json = WorkspacePaths::join(dir, QStringLiteral("x.json"));
        QVERIFY(unit([&](QObject *c, auto cb) { return m_ws->createFile(json, c, cb); }).ok());
        const auto refused =
            await<ScriptFile>([&](QObject *c, auto cb) { return m_ws->open(json, c, cb); });
        QVERIFY(refused.error().message.contains(QStringLiteral("54001")));
        QVERIFY(unit([&](QObject *c, auto cb) { return m_ws->remove(dir, c, cb); }).ok());
        QCOMPARE(await<bool>([&](QObject *c, auto cb) { return m_ws->exists(dir, c, cb); }).value(),
                 false);
        const auto removeAgain =
            unit([&](QObject *c, auto cb) { return m_ws->remove(dir, c, cb); });
        QVERIFY(removeAgain.error().message.contains(QStringLiteral("80008")));
        const auto removeRoot =
            unit([&](QObject *c, auto cb) { return m_ws->remove(m_root, c, cb); });
        QVERIFY(removeRoot.error().message.contains(QStringLiteral("80009")));
    }

    void gatewaySaveConflictAndForce()
    {
        const QString file = WorkspacePaths::join(m_root, QStringLiteral("c.py"));
        QVERIFY(
            await<Unit>([&](QObject *c, auto cb) { return m_ws->createFile(file, c, cb); }).ok());
        const auto base =
            await<ScriptFile>([&](QObject *c, auto cb) { return m_ws->open(file, c, cb); });
        QVERIFY(base.ok());
        // someone else saves meanwhile
        ScriptMetadata theirs;
        theirs.variables.insert(QStringLiteral("who"), QStringLiteral("bob"));
        QVERIFY(await<Unit>([&](QObject *c, auto cb) {
                    return m_ws->save(file, QStringLiteral("print(2)\n"), theirs, c, cb);
                }).ok());
        auto r = await<ScriptSaveResult>([&](QObject *c, auto cb) {
            m_ws->saveChecked(*base, QStringLiteral("print(1)\n"), {}, false, c, cb);
            return RequestHandle();
        });
        QVERIFY(r.ok());
        QVERIFY(r->conflict);
        QCOMPARE(r->current.text, QStringLiteral("print(2)\n"));
        QCOMPARE(r->current.metadata, theirs);
        // overwrite on purpose: saved, and the new base is what the server now has
        r = await<ScriptSaveResult>([&](QObject *c, auto cb) {
            m_ws->saveChecked(*base, QStringLiteral("print(1)\n"), {}, true, c, cb);
            return RequestHandle();
        });
        QVERIFY(r.ok());
        QVERIFY(!r->conflict);
        QCOMPARE(r->current.text, QStringLiteral("print(1)\n"));
        QVERIFY(r->current.metadata.isEmpty());
    }

    void gatewayRefusesPathEscapes()
    {
        const QString outside = m_gateway->dataDir() + QStringLiteral("/outside");
        QVERIFY(QDir().mkpath(outside));
        QFile secret(outside + QStringLiteral("/secret.sql"));
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write("select 'secret'");
        secret.close();
        const QString local = m_gateway->dataDir() + QStringLiteral("/workspace/alice");
        QVERIFY(QFile::link(outside, local + QStringLiteral("/linkdir")));
        QVERIFY(QFile::link(outside + QStringLiteral("/secret.sql"),
                            local + QStringLiteral("/link.sql")));
        // bob has a file in his folder
        LinkisClient bobClient(
            m_gateway->settings(ConnectionSettings::AuthMode::Token, QStringLiteral("bob")));
        WorkspaceClient bob(&bobClient);
        const auto bobRoot = await<QString>(
            [&](QObject *c, auto cb) { return bob.rootPath(QStringLiteral("file"), c, cb); });
        QVERIFY(bobRoot.ok());
        QVERIFY(await<Unit>([&](QObject *c, auto cb) {
                    return bob.createFile(WorkspacePaths::join(*bobRoot, QStringLiteral("b.sql")),
                                          c, cb);
                }).ok());

        struct Case
        {
            QString path;
            const char *code;
        };
        const QList<Case> cases {
            {m_root + QStringLiteral("/../bob/b.sql"), "80026"},
            {m_root.mid(7) + QStringLiteral("/a.sql"), "80025"},
            {WorkspacePaths::join(*bobRoot, QStringLiteral("b.sql")), "80010"},
            {m_root + QStringLiteral("2/x.sql"), "80010"}, // alice2 is not alice
            {QStringLiteral("file://") + outside + QStringLiteral("/secret.sql"), "80010"},
            {m_root + QStringLiteral("/linkdir/secret.sql"), "80010"},
            {m_root + QStringLiteral("/link.sql"), "80010"},
            {QStringLiteral("hdfs:///tmp/linkis/alice/linkis/a.sql"), "80010"},
        };
        for (const Case &k : cases) {
            const auto open =
                await<ScriptFile>([&](QObject *c, auto cb) { return m_ws->open(k.path, c, cb); });
            QVERIFY2(!open.ok() && open.error().message.contains(QLatin1String(k.code)),
                     qPrintable(k.path + QStringLiteral(": ") + open.error().message));
            const auto create = await<Unit>([&](QObject *c, auto cb) {
                return m_ws->createFile(k.path + QStringLiteral("/new.sql"), c, cb);
            });
            QVERIFY2(!create.ok(), qPrintable(k.path));
            const auto download = await<QByteArray>(
                [&](QObject *c, auto cb) { return m_ws->download(k.path, c, cb); });
            QVERIFY2(!download.ok(), qPrintable(k.path));
        }
        const auto listOut = await<QList<WorkspaceEntry>>([&](QObject *c, auto cb) {
            return m_ws->list(m_root + QStringLiteral("/linkdir"), c, cb);
        });
        QVERIFY(listOut.error().message.contains(QStringLiteral("80010")));
        // writing through a symbolic link to a folder outside: refused, nothing written there
        const auto through = await<Unit>([&](QObject *c, auto cb) {
            return m_ws->upload(m_root + QStringLiteral("/linkdir"), QStringLiteral("x.sql"), "x",
                                c, cb);
        });
        QVERIFY(!through.ok());
        QCOMPARE(QDir(outside).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList {QStringLiteral("secret.sql")});
        const auto renameOut = await<Unit>([&](QObject *c, auto cb) {
            return m_ws->rename(m_root + QStringLiteral("/c.py"),
                                WorkspacePaths::join(*bobRoot, QStringLiteral("c.py")), c, cb);
        });
        QVERIFY(renameOut.error().message.contains(QStringLiteral("80010")));
        // bob's file untouched, the secret still there
        QVERIFY(QFileInfo::exists(m_gateway->dataDir() + QStringLiteral("/workspace/bob/b.sql")));
        QVERIFY(QFileInfo::exists(outside + QStringLiteral("/secret.sql")));
        QFile::remove(local + QStringLiteral("/linkdir"));
        QFile::remove(local + QStringLiteral("/link.sql"));
    }

private:
    std::unique_ptr<testsupport::TestGateway> m_gateway;
    std::unique_ptr<LinkisClient> m_alice;
    std::unique_ptr<WorkspaceClient> m_ws;
    QString m_root;
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
