// SPDX-License-Identifier: GPL-3.0-or-later
// Crash safety of the desktop app (issue 7): the real linkis-desk on Xvfb, driven with xdotool,
// runs a python job on the local gateway (the job prints half its lines, then waits for the
// test), the user types into the script, the autosave catches up, and the app is SIGKILLed
// while the user is still typing and the job is being polled. The restarted app (same HOME and
// XDG folders) must bring the text back (all of it but at most what was typed since the last
// autosave), reattach the job from the journal, follow it to its end, and show its whole log
// with every line exactly once; the autosave and the journal must still be whole JSON files
// (both are written to a temporary file and renamed: QSaveFile in SessionStore and AtomicFile
// in JobJournal). The restarted app's state comes from its --test-report.
#include "deskapp.h"
#include "missingtool.h"
#include "settings/appsettings.h"
#include "settings/settingkeys.h"
#include "testgateway.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace linkisdesk;
using hardening::DeskApp;
using testsupport::TestGateway;

namespace {

constexpr int kTicks = 60;

QJsonObject readJson(const QString &path, bool *whole = nullptr)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (whole)
            *whole = false;
        return {};
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (whole)
        *whole = error.error == QJsonParseError::NoError && doc.isObject();
    return doc.object();
}

bool fileContains(const QString &path, const QByteArray &what)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) && f.readAll().contains(what);
}

QStringList ticks(const QJsonArray &log)
{
    QStringList out;
    for (const QJsonValue &v : log) {
        const QString line = v.toString();
        const qsizetype at = line.indexOf(QStringLiteral("tick "));
        if (at >= 0)
            out << line.mid(at + 5).trimmed();
    }
    return out;
}

} // namespace

class TestGuiCrashSafety : public QObject
{
    Q_OBJECT

private slots:
    void killedWhileTypingAndPolling()
    {
        if (const QString why = DeskApp::unavailableReason(); !why.isEmpty())
            LINKISDESK_MISSING_TOOL(why);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        DeskApp app(dir.path(), qEnvironmentVariable("LINKIS_DESK_TEST_DISPLAY"));

        // The local gateway the app finds through its runtime file (it outlives the app, as a
        // detached one would); stopped at the end.
        TestGateway::Options options =
            TestGateway::bare(dir.filePath(QStringLiteral("gateway")),
                              {QStringLiteral("--runtime-file"), app.runtimeFile()});
        options.environment = app.environment();
        TestGateway gateway(options);
        QString gatewayError;
        QVERIFY2(gateway.start(&gatewayError), qPrintable(gatewayError));

        {
            AppSettings settings(app.configDir() + QStringLiteral("/settings.json"));
            settings.setValue(SettingKeys::AutosaveIntervalMs, 300);
            settings.setValue(SettingKeys::PollMaxMs, 500);
            QVERIFY(settings.save());
        }
        const QString release = dir.filePath(QStringLiteral("release"));
        const QString script = dir.filePath(QStringLiteral("job.py"));
        const QString code = QStringLiteral("import os, time\n"
                                            "for i in range(1, %1):\n"
                                            "    print('tick', i, flush=True)\n"
                                            "    time.sleep(0.01)\n"
                                            "while not os.path.exists('%2'):\n"
                                            "    time.sleep(0.05)\n"
                                            "for i in range(%1, %3):\n"
                                            "    print('tick', i, flush=True)\n")
                                 .arg(kTicks / 2 + 1)
                                 .arg(release)
                                 .arg(kTicks + 1);
        {
            QFile f(script);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(code.toUtf8());
        }
        const auto releaseJob = std::shared_ptr<void>(nullptr, [release](void *) {
            QFile gate(release);
            if (gate.open(QIODevice::WriteOnly))
                gate.close();
        });

        // 1. Run the script, then type while the job runs.
        const QString report = dir.filePath(QStringLiteral("report.json"));
        QString error;
        QVERIFY2(app.start({QStringLiteral("--test-report"), report, script}, &error),
                 qPrintable(error));
        QVERIFY(app.clickEditor());
        QVERIFY(app.key(QStringLiteral("ctrl+shift+Return")));
        const QString journal = app.dataDir() + QStringLiteral("/jobs.json");
        const QString session = app.dataDir() + QStringLiteral("/session.json");
        QString taskId;
        QTRY_VERIFY_WITH_TIMEOUT(!(taskId = readJson(journal)
                                                .value(QStringLiteral("jobs"))
                                                .toArray()
                                                .at(0)
                                                .toObject()
                                                .value(QStringLiteral("taskId"))
                                                .toString())
                                      .isEmpty(),
                                 30000);
        QTRY_VERIFY_WITH_TIMEOUT(fileContains(session, "\"jobTaskId\""), 20000);

        const QString first = QStringLiteral("# first note, autosaved");
        const QString second = QStringLiteral("# second note, typed while the app dies");
        QVERIFY(app.key(QStringLiteral("ctrl+End")));
        QVERIFY(app.type(first));
        QTRY_VERIFY_WITH_TIMEOUT(fileContains(session, first.toUtf8()), 20000);

        // 2. Type on, slowly, in the background; SIGKILL once the autosave has some of it.
        QProcess typist;
        QProcessEnvironment typistEnv = QProcessEnvironment::systemEnvironment();
        typistEnv.insert(QStringLiteral("DISPLAY"),
                         qEnvironmentVariable("LINKIS_DESK_TEST_DISPLAY"));
        typist.setProcessEnvironment(typistEnv);
        typist.start(
            QStringLiteral("xdotool"),
            {QStringLiteral("type"), QStringLiteral("--delay"), QStringLiteral("60"), second});
        QVERIFY(typist.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(fileContains(session, "# second"), 30000);
        QVERIFY2(typist.state() != QProcess::NotRunning, "the typing ended before the kill");
        app.kill();
        typist.kill();
        typist.waitForFinished();

        // What the crash left: whole JSON files, the job still in the journal.
        bool whole = false;
        const QJsonObject left = readJson(session, &whole);
        QVERIFY2(whole, "session.json is not a whole JSON object after SIGKILL");
        readJson(journal, &whole);
        QVERIFY2(whole, "jobs.json is not a whole JSON object after SIGKILL");
        QCOMPARE(readJson(journal)
                     .value(QStringLiteral("jobs"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("taskId"))
                     .toString(),
                 taskId);
        QVERIFY(!QFile::exists(session + QStringLiteral(".bad")));
        QVERIFY(!QFile::exists(journal + QStringLiteral(".bad")));

        // 3. Restart with the same folders; let the job end.
        QVERIFY2(app.start({QStringLiteral("--test-report"), report}, &error), qPrintable(error));
        releaseJob.get(); // the gate opens below, while the restarted app follows the job
        {
            QFile gate(release);
            QVERIFY(gate.open(QIODevice::WriteOnly));
        }
        QJsonObject outcome;
        QTRY_VERIFY_WITH_TIMEOUT(
            (outcome = readJson(report)).value(QStringLiteral("taskId")).toString() == taskId,
            60000);
        QCOMPARE(outcome.value(QStringLiteral("status")).toString(), QStringLiteral("Succeed"));

        // The job was reattached in its tab and its whole log shown, each line once.
        QStringList expected;
        for (int i = 1; i <= kTicks; ++i)
            expected << QString::number(i);
        QCOMPARE(ticks(outcome.value(QStringLiteral("log")).toArray()), expected);

        // The text is back, but for at most what was typed after the last autosave.
        const QJsonArray tabs = outcome.value(QStringLiteral("tabs")).toArray();
        QCOMPARE(tabs.size(), 1);
        const QString text = tabs.at(0).toObject().value(QStringLiteral("text")).toString();
        QVERIFY2(text.startsWith(code + first + QStringLiteral("# second")), qPrintable(text));
        QVERIFY2((code + first + second).startsWith(text), qPrintable(text));

        // Followed to its end: out of the journal.
        QTRY_VERIFY_WITH_TIMEOUT(
            readJson(journal).value(QStringLiteral("jobs")).toArray().isEmpty(), 20000);
        QVERIFY2(app.quit(&error), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestGuiCrashSafety)
#include "tst_guicrashsafety.moc"
