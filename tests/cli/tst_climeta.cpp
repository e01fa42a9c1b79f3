// SPDX-License-Identifier: GPL-3.0-or-later
// linkis-desk-cli meta dbs | tables DB | columns DB.TABLE against a real gateway: text and
// --json output, a .db file dropped in the user's data folder, a table that cannot be read
// (columns: null -> exit code 3) and usage errors. Also engines list | kill ID | kill --idle
// (issue 17): a python job leaves an idle engine, which is listed and killed. And ws ls | cat |
// put | get | rm | mkdir on the user's workspace scripts (issue 18), in the same executable to
// spare CI a link.
#include "cliharness.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace linkisdesk::testsupport;

namespace {

QString S(const char *text)
{
    return QString::fromUtf8(text);
}

QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> rows;
    for (const QByteArray &line : out.split('\n')) {
        if (!line.trimmed().isEmpty())
            rows << QJsonDocument::fromJson(line).object();
    }
    return rows;
}

} // namespace

class TestCliMeta : public QObject
{
    Q_OBJECT

    std::unique_ptr<CliHarness> m_cli;
    CliRun meta(const QStringList &args) const
    {
        return m_cli->run(m_cli->connection() + QStringList {S("meta")} + args);
    }

private slots:
    void initTestCase()
    {
        m_cli = std::make_unique<CliHarness>();
        QString error;
        QVERIFY2(m_cli->startGateway(&error), qPrintable(error));
        // alice's data folder gets shop.db: a table and a view SQLite cannot describe.
        const QString folder = m_cli->gateway()->dataDir() + S("/databases/alice");
        QVERIFY(QDir().mkpath(folder));
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open((folder + S("/shop.db")).toUtf8().constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db,
                              "CREATE TABLE items(id INTEGER, title TEXT, price REAL);"
                              "CREATE VIEW broken AS SELECT * FROM gone;",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
    }
    void cleanupTestCase() { m_cli.reset(); }

    void dbsListsTheDatabases()
    {
        const CliRun r = meta({S("dbs")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("default\nshop\n"));
        const CliRun j =
            m_cli->run(m_cli->connection() + QStringList {S("--json"), S("meta"), S("dbs")});
        QCOMPARE(j.exitCode, 0);
        const auto rows = jsonLines(j.out);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(1).value(S("database")).toString(), S("shop"));
    }

    void tablesShowsKindAndOwner()
    {
        const CliRun r = meta({S("tables"), S("default")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.outText().startsWith(S("demo_sales\tTABLE\talice\t")), r.out.constData());
        const CliRun shop = meta({S("tables"), S("shop")});
        QCOMPARE(shop.exitCode, 0);
        const QStringList lines = shop.outText().trimmed().split(u'\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).startsWith(S("broken\tVIEW\t")));
        QVERIFY(lines.at(1).startsWith(S("items\tTABLE\t")));
        const CliRun j = m_cli->run(m_cli->connection() +
                                    QStringList {S("--json"), S("meta"), S("tables"), S("shop")});
        const auto rows = jsonLines(j.out);
        QCOMPARE(rows.size(), 2);
        QVERIFY(rows.at(0).value(S("isView")).toBool());
        QCOMPARE(rows.at(1).value(S("database")).toString(), S("shop"));
        QVERIFY(rows.at(1).value(S("createdAt")).toInteger() > 1600000000);
    }

    void columnsOfATable()
    {
        const CliRun r = meta({S("columns"), S("shop.items")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("id\tinteger\t\t\ntitle\ttext\t\t\nprice\treal\t\t\n"));
        const CliRun j =
            m_cli->run(m_cli->connection() +
                       QStringList {S("--json"), S("meta"), S("columns"), S("default.demo_sales")});
        QCOMPARE(j.exitCode, 0);
        const auto rows = jsonLines(j.out);
        QVERIFY(rows.size() >= 5);
        QCOMPARE(rows.at(0).value(S("partitioned")).toBool(true), false);
        QVERIFY(rows.at(0).contains(S("type")));
    }

    void aTableThatCannotBeReadSaysSo()
    {
        const CliRun r = meta({S("columns"), S("shop.broken")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("no grant to read shop.broken"), r.err.constData());
    }

    void usageErrors()
    {
        for (const QStringList &args :
             {QStringList {}, QStringList {S("tables")}, QStringList {S("columns"), S("nodot")},
              QStringList {S("columns"), S("db.")}, QStringList {S("dbs"), S("extra")},
              QStringList {S("views")}}) {
            const CliRun r = meta(args);
            QCOMPARE(r.exitCode, 2);
            QVERIFY(r.err.contains("meta"));
        }
    }

    void enginesListAndKill()
    {
        auto engines = [this](const QStringList &args, bool json = false) {
            return m_cli->run(m_cli->connection() +
                              (json ? QStringList {S("--json")} : QStringList {}) +
                              QStringList {S("engines")} + args);
        };
        QCOMPARE(engines({S("kill"), S("--idle")}).exitCode, 0); // none yet
        const CliRun job =
            m_cli->run(m_cli->connection() +
                       QStringList {S("submit"), S("--engine"), S("python"), S("--run-type"),
                                    S("python"), S("-e"), S("x = 41\nprint(x + 1)")});
        QCOMPARE(job.exitCode, 0);
        const CliRun list = engines({});
        QCOMPARE(list.exitCode, 0);
        const QStringList cells = list.outText().trimmed().split(u'\t');
        QCOMPARE(cells.size(), 8);
        QVERIFY(cells.at(1).startsWith(S("python 3.")));
        QCOMPARE(cells.at(3), S("Idle"));
        const QList<QJsonObject> rows = jsonLines(engines({S("list")}, true).out);
        QCOMPARE(rows.size(), 1);
        const QString instance = rows.at(0).value(S("instance")).toString();
        QCOMPARE(instance, cells.at(0));
        QVERIFY(rows.at(0).value(S("memoryBytes")).toDouble() > 0);

        QCOMPARE(engines({S("kill"), S("nowhere:1")}).exitCode, 2);
        QCOMPARE(engines({S("frob")}).exitCode, 2);
        QCOMPARE(engines({S("kill")}).exitCode, 2);
        const CliRun killed = engines({S("kill"), instance});
        QCOMPARE(killed.exitCode, 0);
        QCOMPARE(killed.outText(), instance + S("\tkilled\n"));
        QCOMPARE(engines({}).outText(), QString());
    }

    void wsRoundTripThroughTheWorkspace()
    {
        auto ws = [this](const QStringList &args, bool json = false) {
            QStringList all = m_cli->connection();
            if (json)
                all << S("--json");
            return m_cli->run(all + QStringList {S("ws")} + args);
        };
        QTemporaryDir local;
        const QString script = local.filePath(S("daily.sql"));
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("--@set run_date=20240101\n--\nselect '${run_date}';\n");
        f.close();

        QCOMPARE(ws({S("mkdir"), S("reports")}).exitCode, 0);
        QCOMPARE(ws({S("put"), script, S("reports/")}).exitCode, 0);
        const CliRun ls = ws({S("ls")});
        QCOMPARE(ls.exitCode, 0);
        QCOMPARE(ls.out, QByteArray("reports/\t\t\n"));
        const CliRun inner = ws({S("ls"), S("reports")});
        QVERIFY2(inner.out.startsWith("daily.sql\t50\t"), inner.out.constData());
        // cat shows the header as the server keeps it, --json the parsed variables
        const CliRun cat = ws({S("cat"), S("reports/daily.sql")});
        QCOMPARE(cat.exitCode, 0);
        QCOMPARE(cat.out, QByteArray("--@set run_date=20240101\n--\nselect '${run_date}';\n"));
        const CliRun catJson = ws({S("cat"), S("reports/daily.sql")}, true);
        const auto rows = jsonLines(catJson.out);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).value(S("variables")).toObject().value(S("run_date")).toString(),
                 S("20240101"));
        QCOMPARE(rows.at(0).value(S("text")).toString(), S("select '${run_date}';\n"));
        // get gives back the same bytes
        QCOMPARE(ws({S("get"), S("reports/daily.sql"), local.filePath(S("back.sql"))}).exitCode, 0);
        QFile back(local.filePath(S("back.sql")));
        QVERIFY(back.open(QIODevice::ReadOnly));
        QCOMPARE(back.readAll(),
                 QByteArray("--@set run_date=20240101\n--\nselect '${run_date}';\n"));
        // errors: a missing file (server error, exit 4), a path escape (usage, exit 2)
        const CliRun missing = ws({S("cat"), S("reports/nope.sql")});
        QCOMPARE(missing.exitCode, 4);
        QVERIFY2(missing.err.contains("80013"), missing.err.constData());
        const CliRun escape = ws({S("cat"), S("../bob/x.sql")});
        QCOMPARE(escape.exitCode, 2);
        QCOMPARE(ws({S("rm"), S("/")}).exitCode, 2);
        QCOMPARE(ws({S("rm"), S("reports")}).exitCode, 0);
        QCOMPARE(ws({S("ls")}).out, QByteArray());
        for (const QStringList &args : {QStringList {}, QStringList {S("cat")},
                                        QStringList {S("put"), script}, QStringList {S("mv")}}) {
            const CliRun r = ws(args);
            QCOMPARE(r.exitCode, 2);
            QVERIFY(r.err.contains("ws"));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliMeta)
#include "tst_climeta.moc"
