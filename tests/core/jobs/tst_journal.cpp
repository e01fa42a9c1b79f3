// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/jobjournal.h"
#include "util/atomicfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/resource.h>
#endif

using namespace linkisdesk;
using Entry = JobJournal::Entry;

namespace {

Entry makeEntry(const QString &profile, qint64 taskId)
{
    Entry e;
    e.profile = profile;
    e.taskId = taskId;
    e.execId = QStringLiteral("exec_id018011linkis-cg-entrance127.0.0.1:9104IDE_hadoop_spark_%1")
                   .arg(taskId);
    e.nextFromLine = 57;
    e.codeFirstLine = QStringLiteral("select region, sum(amount) from sales group by region");
    e.engine = QStringLiteral("spark-3.2.1");
    e.submitted = QDateTime(QDate(2024, 5, 1), QTime(10, 11, 12, 345), Qt::UTC);
    e.status = QStringLiteral("Running");
    return e;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

#ifdef Q_OS_LINUX
// Makes every write past `bytes` fail with EFBIG in this process while it lives (root cannot
// get around it, unlike a read-only folder).
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_old);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_old;
        limit.rlim_cur = bytes;
        m_ok = setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    bool ok() const { return m_ok; }

private:
    rlimit m_old {};
    void (*m_oldHandler)(int) = nullptr;
    bool m_ok = false;
};
#endif

} // namespace

class TestJournal : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString path() const { return m_dir.filePath(QStringLiteral("data/jobs.json")); }

private slots:
    void init() { QDir(m_dir.filePath(QStringLiteral("data"))).removeRecursively(); }

    void missingFileIsAnEmptyJournal()
    {
        JobJournal journal(path());
        QVERIFY(journal.load());
        QVERIFY(journal.isEmpty());
    }

    void roundTrip()
    {
        Entry big = makeEntry(QStringLiteral("Prod"), (qint64(1) << 53) + 1); // beyond a double
        big.submitted = QDateTime();
        big.status.clear();
        {
            JobJournal journal(path());
            QVERIFY(journal.load());
            journal.upsert(makeEntry(QStringLiteral("Local"), 1));
            journal.upsert(makeEntry(QStringLiteral("Prod"), 1)); // same taskId, other profile
            journal.upsert(big);
            QVERIFY(journal.setStatus(QStringLiteral("Local"), 1, QStringLiteral("Succeed")));
            QVERIFY(journal.setNextFromLine(QStringLiteral("Prod"), 1, 1234));
            QVERIFY(journal.setExecId(QStringLiteral("Prod"), 1, QStringLiteral("exec_new")));
            QVERIFY(!journal.setStatus(QStringLiteral("Nope"), 1, QStringLiteral("Failed")));
            QVERIFY(journal.flush());
        }
        JobJournal reread(path());
        QVERIFY(reread.load());
        const QList<Entry> entries = reread.entries();
        QCOMPARE(entries.size(), 3);
        Entry local = makeEntry(QStringLiteral("Local"), 1);
        local.status = QStringLiteral("Succeed");
        Entry prod = makeEntry(QStringLiteral("Prod"), 1);
        prod.nextFromLine = 1234;
        prod.execId = QStringLiteral("exec_new");
        QCOMPARE(entries.at(0), local);
        QCOMPARE(entries.at(1), prod);
        QCOMPARE(entries.at(2), big);
        QCOMPARE(reread.entry(QStringLiteral("Prod"), (qint64(1) << 53) + 1)->taskId,
                 (qint64(1) << 53) + 1);

        QVERIFY(reread.remove(QStringLiteral("Local"), 1));
        QVERIFY(!reread.remove(QStringLiteral("Local"), 1));
        QVERIFY(reread.flush());
        JobJournal third(path());
        QVERIFY(third.load());
        QCOMPARE(third.entries().size(), 2);
        QVERIFY(!third.entry(QStringLiteral("Local"), 1));
    }

    void changesAreCoalescedAndSavedWithoutFlush()
    {
        JobJournal journal(path());
        QVERIFY(journal.load());
        journal.setSaveDelay(0);
        QSignalSpy changed(&journal, &JobJournal::changed);
        for (int i = 1; i <= 50; ++i)
            journal.upsert(makeEntry(QStringLiteral("Local"), i));
        for (int i = 1; i <= 50; ++i)
            journal.setNextFromLine(QStringLiteral("Local"), i, 100 + i);
        QCOMPARE(changed.size(), 100);
        QVERIFY(!QFile::exists(path())); // nothing written inside the calls
        QTRY_VERIFY(!journal.hasPendingChanges());
        JobJournal reread(path());
        QVERIFY(reread.load());
        QCOMPARE(reread.entries().size(), 50);
        QCOMPARE(reread.entry(QStringLiteral("Local"), 50)->nextFromLine, 150);
    }

    void pendingChangesAreSavedOnDestruction()
    {
        {
            JobJournal journal(path());
            QVERIFY(journal.load());
            journal.setSaveDelay(60000);
            journal.upsert(makeEntry(QStringLiteral("Local"), 7));
        }
        JobJournal reread(path());
        QVERIFY(reread.load());
        QCOMPARE(reread.entries().size(), 1);
    }

    void corruptFileGivesAClearErrorAndAnEmptyJournal()
    {
        QDir().mkpath(QFileInfo(path()).absolutePath());
        const QByteArray garbage("{\"version\":1,\"jobs\":[{\"profile\":\"Local\",\"taskId\":\"4");
        QFile f(path());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(garbage);
        f.close();

        JobJournal journal(path());
        const auto loaded = journal.load();
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().kind, ApiError::Kind::Parse);
        QVERIFY2(loaded.error().message.contains(QStringLiteral("jobs.json.bad")),
                 qPrintable(loaded.error().message));
        QVERIFY(journal.isEmpty());
        QCOMPARE(readAll(path() + QStringLiteral(".bad")), garbage); // the old file is kept
        QVERIFY(!QFile::exists(path()));

        journal.upsert(makeEntry(QStringLiteral("Local"), 1));
        QVERIFY(journal.flush());
        JobJournal reread(path());
        QVERIFY(reread.load());
        QCOMPARE(reread.entries().size(), 1);
    }

    void damagedEntriesAreSkipped()
    {
        QDir().mkpath(QFileInfo(path()).absolutePath());
        QFile f(path());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"version\":1,\"jobs\":[{\"profile\":\"Local\",\"taskId\":\"5\"},"
                "{\"profile\":\"Local\",\"taskId\":\"x\"},{\"taskId\":\"6\"},42]}");
        f.close();
        JobJournal journal(path());
        const auto loaded = journal.load();
        QVERIFY(!loaded);
        QVERIFY(loaded.error().message.contains(QStringLiteral("3 damaged")));
        QCOMPARE(journal.entries().size(), 1);
        QCOMPARE(journal.entries().first().taskId, 5);
        QCOMPARE(journal.entries().first().nextFromLine, 1);
    }

    void aFailedWriteLeavesTheOldFileWhole()
    {
#ifndef Q_OS_LINUX
        QSKIP("uses RLIMIT_FSIZE to make writes fail");
#else
        JobJournal journal(path());
        QVERIFY(journal.load());
        journal.upsert(makeEntry(QStringLiteral("Local"), 1));
        QVERIFY(journal.flush());
        const QByteArray before = readAll(path());
        QVERIFY(before.size() > 100);

        for (int i = 2; i < 200; ++i) // far more than the limit below
            journal.upsert(makeEntry(QStringLiteral("Local"), i));
        QSignalSpy failed(&journal, &JobJournal::saveFailed);
        {
            FileSizeLimit limit(qMax<rlim_t>(rlim_t(before.size()) + 512, 4096));
            QVERIFY(limit.ok());
            const auto saved = journal.flush();
            QVERIFY(!saved);
            QCOMPARE(saved.error().kind, ApiError::Kind::Io);
            QVERIFY(saved.error().message.contains(QStringLiteral("jobs.json")));
        }
        QCOMPARE(readAll(path()), before); // not a byte changed
        const QStringList files =
            QDir(QFileInfo(path()).absolutePath()).entryList(QDir::Files | QDir::Hidden);
        QCOMPARE(files, QStringList {QStringLiteral("jobs.json")}); // no temporary left behind
        QVERIFY(journal.hasPendingChanges()); // will be tried again
        QVERIFY(journal.flush());
        JobJournal reread(path());
        QVERIFY(reread.load());
        QCOMPARE(reread.entries().size(), 199);
#endif
    }

    void atomicFileWriteFailureKeepsTheOldContent()
    {
#ifndef Q_OS_LINUX
        QSKIP("uses RLIMIT_FSIZE to make writes fail");
#else
        const QString file = m_dir.filePath(QStringLiteral("data/plain.txt"));
        QVERIFY(AtomicFile::write(file, QByteArray("old content")));
        {
            FileSizeLimit limit(4096);
            QVERIFY(limit.ok());
            QVERIFY(!AtomicFile::write(file, QByteArray(64 * 1024, 'n')));
        }
        QCOMPARE(AtomicFile::read(file).value(), QByteArray("old content"));
        QVERIFY(AtomicFile::write(file, QByteArray(64 * 1024, 'n')));
        QCOMPARE(AtomicFile::read(file)->size(), 64 * 1024);
#endif
    }

    void firstLineSkipsBlankLinesAndIsCut()
    {
        QCOMPARE(JobJournal::firstLineOf(QStringLiteral("\n  \n  select 1;\nselect 2;")),
                 QStringLiteral("select 1;"));
        QCOMPARE(JobJournal::firstLineOf(QString()), QString());
        const QString cut = JobJournal::firstLineOf(QString(300, QLatin1Char('x')), 20);
        QCOMPARE(cut.size(), 20);
        QCOMPARE(cut.back(), QChar(0x2026));
    }

    void firstLineSkipsCommentsAndImports()
    {
        QCOMPARE(JobJournal::firstLineOf(
                     QStringLiteral("#!/usr/bin/env python3\n# load the day\nimport time\n"
                                    "from datetime import date\n\nrows = load(date.today())\n")),
                 QStringLiteral("rows = load(date.today())"));
        QCOMPARE(JobJournal::firstLineOf(
                     QStringLiteral("-- daily report\n/* owner: bi\n   team */\nselect * from t;")),
                 QStringLiteral("select * from t;"));
        QCOMPARE(JobJournal::firstLineOf(QStringLiteral("library(dplyr)\nsummary(df)")),
                 QStringLiteral("summary(df)"));
        // Nothing but imports: the first of them rather than nothing.
        QCOMPARE(JobJournal::firstLineOf(QStringLiteral("\nimport time\nimport os\n")),
                 QStringLiteral("import time"));
        // "important" is not an import.
        QCOMPARE(JobJournal::firstLineOf(QStringLiteral("important = 1")),
                 QStringLiteral("important = 1"));
    }
};

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
