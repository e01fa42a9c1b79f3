// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/appsettings.h"
#include "settings/settingkeys.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace linkisdesk;
namespace K = linkisdesk::SettingKeys;

class TestSettings : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString path() const { return m_dir.filePath(QStringLiteral("cfg/settings.json")); }
    QJsonObject onDisk() const
    {
        QFile f(path());
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(f.readAll()).object();
    }

private slots:
    void init()
    {
        QFile::remove(path());
        QFile::remove(path() + QStringLiteral(".bad"));
    }

    void defaultsWhenNothingIsStored()
    {
        AppSettings s(path());
        QVERIFY(s.load());
        QCOMPARE(s.value(K::Theme), QStringLiteral("system"));
        QCOMPARE(s.value(K::Language), QString());
        QCOMPARE(s.value(K::LogAutoScroll), true);
        QCOMPARE(s.value(K::PollFirstMs), 250);
        QCOMPARE(s.value(K::AutosaveIntervalMs), 5000);
        QCOMPARE(s.value(K::NotifyAfterSeconds), 30);
        QCOMPARE(s.value(K::RecentFiles), QStringList());
        QCOMPARE(s.value(K::WindowGeometry), QByteArray());
        QVERIFY(!s.hasPendingChanges());
        QVERIFY(s.save());
        QVERIFY(!QFile::exists(path())); // nothing to write
    }

    void typedValuesRoundTrip()
    {
        const QByteArray blob("\x00\x01\xff geometry \x7f", 15);
        {
            AppSettings s(path());
            QVERIFY(s.load());
            QSignalSpy changed(&s, &AppSettings::changed);
            s.setValue(K::Theme, QStringLiteral("dark"));
            s.setValue(K::LogAutoScroll, false);
            s.setValue(K::PollMaxMs, 6000);
            s.setValue(K::WindowGeometry, blob);
            s.setValue(K::Language, QStringLiteral("de"));
            s.setValue(K::Language, QStringLiteral("de")); // no change, no signal
            QCOMPARE(changed.size(), 5);
            QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("theme"));
            QVERIFY(s.hasPendingChanges());
            QVERIFY(s.save());
            QVERIFY(!s.hasPendingChanges());
        }
        AppSettings again(path());
        QVERIFY(again.load());
        QCOMPARE(again.value(K::Theme), QStringLiteral("dark"));
        QCOMPARE(again.value(K::LogAutoScroll), false);
        QCOMPARE(again.value(K::PollMaxMs), 6000);
        QCOMPARE(again.value(K::WindowGeometry), blob);
        QCOMPARE(again.value(K::Language), QStringLiteral("de"));
        again.reset(K::Theme);
        QCOMPARE(again.value(K::Theme), QStringLiteral("system"));
    }

    void changesAreSavedShortlyAfterwardsInOneWrite()
    {
        AppSettings s(path());
        QVERIFY(s.load());
        s.setSaveDelay(0);
        s.setValue(K::EditorZoom, 3);
        s.setValue(K::ResultPageSize, 1000);
        QVERIFY(!QFile::exists(path())); // coalesced: not written inside setValue
        QTRY_VERIFY(!s.hasPendingChanges());
        const QJsonObject disk = onDisk();
        QCOMPARE(disk.value(QStringLiteral("editorZoom")).toInt(), 3);
        QCOMPARE(disk.value(QStringLiteral("resultPageSize")).toInt(), 1000);
    }

    void pendingChangesAreWrittenOnDestruction()
    {
        {
            AppSettings s(path());
            QVERIFY(s.load());
            s.setSaveDelay(60000);
            s.setValue(K::Theme, QStringLiteral("light"));
        }
        QCOMPARE(onDisk().value(QStringLiteral("theme")).toString(), QStringLiteral("light"));
    }

    void wrongTypesFallBackToDefaults()
    {
        QDir().mkpath(QFileInfo(path()).absolutePath());
        QFile f(path());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"theme\": 42, \"logAutoScroll\": \"yes\", \"recentFiles\": [\"/a\", 3, \"/b\"],"
                " \"pollFirstMs\": 100}");
        f.close();
        AppSettings s(path());
        QVERIFY(s.load());
        QCOMPARE(s.value(K::Theme), QStringLiteral("system"));
        QCOMPARE(s.value(K::LogAutoScroll), true);
        QCOMPARE(s.value(K::RecentFiles),
                 (QStringList {QStringLiteral("/a"), QStringLiteral("/b")}));
        QCOMPARE(s.value(K::PollFirstMs), 100);
    }

    void corruptFileIsSetAside()
    {
        QDir().mkpath(QFileInfo(path()).absolutePath());
        QFile f(path());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"theme\": \"dark\""); // cut short
        f.close();
        AppSettings s(path());
        const auto loaded = s.load();
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().kind, ApiError::Kind::Parse);
        QVERIFY(loaded.error().message.contains(QStringLiteral("settings.json.bad")));
        QVERIFY(QFile::exists(path() + QStringLiteral(".bad")));
        QCOMPARE(s.value(K::Theme), QStringLiteral("system"));
    }

    void killConfirmationPerProfile()
    {
        AppSettings s(path());
        QVERIFY(s.load());
        QVERIFY(s.askBeforeKill(QStringLiteral("dev"), false));
        s.setAskBeforeKill(QStringLiteral("dev"), false);
        s.setAskBeforeKill(QStringLiteral("dev"), false);
        QVERIFY(!s.askBeforeKill(QStringLiteral("dev"), false));
        QCOMPARE(s.value(K::KillWithoutAsking), QStringList {QStringLiteral("dev")});
        // A production profile always asks, whatever was stored for it.
        s.setAskBeforeKill(QStringLiteral("prod"), false);
        QVERIFY(s.askBeforeKill(QStringLiteral("prod"), true));
        s.setAskBeforeKill(QStringLiteral("dev"), true);
        QVERIFY(s.askBeforeKill(QStringLiteral("dev"), false));
    }

    void recentFilesAreMostRecentFirstAndBounded()
    {
        AppSettings s(path());
        QVERIFY(s.load());
        for (int i = 0; i < 15; ++i)
            s.addRecentFile(QStringLiteral("/f%1.sql").arg(i));
        s.addRecentFile(QStringLiteral("/f10.sql"));
        const QStringList recent = s.value(K::RecentFiles);
        QCOMPARE(recent.size(), K::MaxRecentFiles);
        QCOMPARE(recent.first(), QStringLiteral("/f10.sql"));
        QCOMPARE(recent.at(1), QStringLiteral("/f14.sql"));
        QCOMPARE(recent.count(QStringLiteral("/f10.sql")), 1);
        QVERIFY(!recent.contains(QStringLiteral("/f4.sql")));
    }

    void defaultPathIsSharedByEveryBinary()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString expected =
            QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
            QStringLiteral("/linkis-desk/settings.json");
        QCoreApplication::setApplicationName(QStringLiteral("something-else"));
        QCOMPARE(AppSettings::defaultPath(), expected);
        QStandardPaths::setTestModeEnabled(false);
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
