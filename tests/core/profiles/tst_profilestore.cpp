// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/profile.h"
#include "profiles/profilestore.h"
#include "util/apppaths.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace linkisdesk;

namespace {

Profile sampleProfile(const QString &name)
{
    Profile p;
    p.name = name;
    p.gatewayUrl = QUrl(QStringLiteral("https://linkis.example.com:9001"));
    p.auth = Profile::AuthMode::Token;
    p.user = QStringLiteral("hadoop");
    p.proxyUser = QStringLiteral("analyst");
    p.engine = QStringLiteral("spark");
    p.engineVersion = QStringLiteral("3.2.1");
    p.creator = QStringLiteral("IDE");
    p.api = Profile::ApiFlavour::Execute;
    p.label = QStringLiteral("production");
    p.colour = QStringLiteral("#c01c28");
    p.production = true;
    p.tlsPin = QString(64, QLatin1Char('a'));
    p.tokenKey = QStringLiteral("Validation-Code");
    return p;
}

} // namespace

class TestProfileStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString path() const { return m_dir.filePath(QStringLiteral("cfg/profiles.json")); }

private slots:
    void init()
    {
        QFile::remove(path());
        QFile::remove(path() + QStringLiteral(".bad"));
    }

    void localProfileExistsOnFirstRun()
    {
        ProfileStore store(path());
        QVERIFY(store.load());
        QCOMPARE(store.names(), QStringList {Profile::localName()});
        QCOMPARE(store.defaultProfileName(), Profile::localName());
        const auto local = store.profile(QStringLiteral("local")); // case-insensitive
        QVERIFY(local);
        QVERIFY(local->isLocal());
        QVERIFY(!local->requiredSecret());
        QVERIFY(local->validate());
        QVERIFY(!QFile::exists(path())); // nothing written until something changes
    }

    void profilesRoundTripThroughTheFile()
    {
        {
            ProfileStore store(path());
            QVERIFY(store.load());
            QSignalSpy spy(&store, &ProfileStore::changed);
            QVERIFY(store.add(sampleProfile(QStringLiteral("Prod cluster"))));
            Profile second = sampleProfile(QStringLiteral("alpha"));
            second.auth = Profile::AuthMode::Password;
            second.production = false;
            second.tlsPin.clear();
            QVERIFY(store.add(second));
            QVERIFY(store.setDefaultProfile(QStringLiteral("prod CLUSTER")));
            QCOMPARE(spy.size(), 3);
        }
        ProfileStore reread(path());
        QVERIFY(reread.load());
        QCOMPARE(reread.names(),
                 (QStringList {QStringLiteral("Local"), QStringLiteral("alpha"),
                               QStringLiteral("Prod cluster")}));
        QCOMPARE(*reread.profile(QStringLiteral("Prod cluster")),
                 sampleProfile(QStringLiteral("Prod cluster")));
        QCOMPARE(reread.profile(QStringLiteral("alpha"))->auth, Profile::AuthMode::Password);
        QCOMPARE(reread.defaultProfileName(), QStringLiteral("Prod cluster"));
    }

    void changesFromAnotherProcessAreKept()
    {
        // The GUI holds a store loaded earlier; the CLI adds a profile meanwhile.
        ProfileStore gui(path());
        QVERIFY(gui.load());
        ProfileStore cli(path());
        QVERIFY(cli.load());
        QVERIFY(cli.add(sampleProfile(QStringLiteral("from-cli"))));
        QVERIFY(gui.add(sampleProfile(QStringLiteral("from-gui"))));
        QVERIFY(gui.contains(QStringLiteral("from-cli")));
        ProfileStore check(path());
        QVERIFY(check.load());
        QVERIFY(check.contains(QStringLiteral("from-cli")));
        QVERIFY(check.contains(QStringLiteral("from-gui")));
    }

    void aWatchingStoreSeesOtherWriters()
    {
        ProfileStore gui(path());
        QVERIFY(gui.load());
        gui.setWatching(true);
        QSignalSpy changed(&gui, &ProfileStore::changed);
        ProfileStore cli(path());
        QVERIFY(cli.load());
        QVERIFY(cli.add(sampleProfile(QStringLiteral("added-by-cli"))));
        QTRY_VERIFY(gui.contains(QStringLiteral("added-by-cli")));
        QVERIFY(changed.size() >= 1);
        QVERIFY(cli.remove(QStringLiteral("added-by-cli"))); // a second save replaces the file
        QTRY_VERIFY(!gui.contains(QStringLiteral("added-by-cli")));
    }

    void updateRenamesAndRemoveDeletes()
    {
        ProfileStore store(path());
        QVERIFY(store.load());
        QVERIFY(store.add(sampleProfile(QStringLiteral("one"))));
        QVERIFY(store.add(sampleProfile(QStringLiteral("two"))));
        QVERIFY(store.setDefaultProfile(QStringLiteral("one")));
        Profile renamed = sampleProfile(QStringLiteral("uno"));
        renamed.engine = QStringLiteral("hive");
        QVERIFY(store.update(QStringLiteral("one"), renamed));
        QVERIFY(!store.contains(QStringLiteral("one")));
        QCOMPARE(store.profile(QStringLiteral("uno"))->engine, QStringLiteral("hive"));
        QCOMPARE(store.defaultProfileName(), QStringLiteral("uno"));

        auto clash = store.update(QStringLiteral("uno"), sampleProfile(QStringLiteral("TWO")));
        QVERIFY(!clash);
        QCOMPARE(clash.error().kind, ApiError::Kind::Usage);
        QVERIFY(clash.error().message.contains(QStringLiteral("already exists")));

        QVERIFY(store.remove(QStringLiteral("UNO")));
        QCOMPARE(store.defaultProfileName(), Profile::localName());
        auto missing = store.remove(QStringLiteral("uno"));
        QVERIFY(!missing);
        QVERIFY(missing.error().message.contains(QStringLiteral("no profile called")));
    }

    void localCannotBeRemovedRenamedOrShadowed()
    {
        ProfileStore store(path());
        QVERIFY(store.load());
        QVERIFY(!store.remove(QStringLiteral("Local")));
        QVERIFY(!store.add(sampleProfile(QStringLiteral("local"))));
        Profile fake = sampleProfile(QStringLiteral("mine"));
        fake.auth = Profile::AuthMode::Local;
        QVERIFY(!store.add(fake));
        Profile renamedLocal = Profile::local();
        renamedLocal.name = QStringLiteral("Other");
        QVERIFY(!store.update(QStringLiteral("Local"), renamedLocal));
        // Its options can change.
        Profile local = Profile::local();
        local.engine = QStringLiteral("python");
        QVERIFY(store.update(QStringLiteral("Local"), local));
        ProfileStore reread(path());
        QVERIFY(reread.load());
        QCOMPARE(reread.profile(QStringLiteral("Local"))->engine, QStringLiteral("python"));
        QCOMPARE(reread.profiles().first().name, Profile::localName());
    }

    void duplicatesAreRefusedWithoutRegardToCase()
    {
        ProfileStore store(path());
        QVERIFY(store.load());
        QVERIFY(store.add(sampleProfile(QStringLiteral("Dev"))));
        auto again = store.add(sampleProfile(QStringLiteral("dev")));
        QVERIFY(!again);
        QCOMPARE(again.error().kind, ApiError::Kind::Usage);
        QCOMPARE(store.names().size(), 2);
    }

    void validationMessages_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("empty name") << "name"
                                    << ""
                                    << "needs a name";
        QTest::newRow("name spaces") << "name"
                                     << " x"
                                     << "starts or ends with a space";
        QTest::newRow("name slash") << "name"
                                    << "a/b"
                                    << "may only hold";
        QTest::newRow("name long") << "name" << QString(65, QLatin1Char('n')) << "longer than 64";
        QTest::newRow("no url") << "url"
                                << ""
                                << "gateway URL is missing";
        QTest::newRow("ftp url") << "url"
                                 << "ftp://h:21"
                                 << "must start with http:// or https://";
        QTest::newRow("no host") << "url"
                                 << "http://"
                                 << "no host";
        QTest::newRow("password in url") << "url"
                                         << "http://u:p@h:9001"
                                         << "not in the URL";
        QTest::newRow("query") << "url"
                               << "http://h:9001/?a=b"
                               << "query";
        QTest::newRow("pin") << "pin"
                             << "abc"
                             << "64 hex digits";
        QTest::newRow("colour") << "colour"
                                << "red"
                                << "#rrggbb";
        QTest::newRow("no user") << "user"
                                 << ""
                                 << "needs a user";
    }
    void validationMessages()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, messagePart);
        Profile p = sampleProfile(QStringLiteral("ok"));
        QVERIFY(p.validate());
        if (field == QLatin1String("name"))
            p.name = value;
        else if (field == QLatin1String("url"))
            p.gatewayUrl = QUrl(value);
        else if (field == QLatin1String("pin"))
            p.tlsPin = value;
        else if (field == QLatin1String("colour"))
            p.colour = value;
        else if (field == QLatin1String("user"))
            p.user = value;
        const auto result = p.validate();
        QVERIFY(!result);
        QCOMPARE(result.error().kind, ApiError::Kind::Usage);
        QVERIFY2(result.error().message.contains(messagePart), qPrintable(result.error().message));
        ProfileStore store(path());
        QVERIFY(!store.add(p));
        QVERIFY(!QFile::exists(path()));
    }

    void namesAndSecretKeys()
    {
        QVERIFY(Profile::validateName(QStringLiteral("Prod-2 (EU)")).ok() == false);
        QVERIFY(Profile::validateName(QStringLiteral("Prod-2 EU_x.y@z+1")));
        QVERIFY(Profile::validateName(QStringLiteral("生产")));
        QCOMPARE(Profile::secretKey(QStringLiteral("Prod"), Profile::SecretKind::Token),
                 QStringLiteral("profile/Prod/token"));
        for (auto mode :
             {Profile::AuthMode::Password, Profile::AuthMode::Token, Profile::AuthMode::SeedProxy,
              Profile::AuthMode::LinkisProxy, Profile::AuthMode::Local}) {
            QCOMPARE(Profile::authModeFromName(Profile::authModeName(mode)), mode);
        }
        QVERIFY(!Profile::authModeFromName(QStringLiteral("kerberos")));
        Profile seed = sampleProfile(QStringLiteral("seed"));
        seed.auth = Profile::AuthMode::SeedProxy;
        QCOMPARE(seed.requiredSecret(), Profile::SecretKind::ValidationCode);
    }

    void corruptFileIsSetAside()
    {
        QDir().mkpath(QFileInfo(path()).absolutePath());
        QFile f(path());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"profiles\": [ {\"name\": \"half");
        f.close();
        ProfileStore store(path());
        const auto loaded = store.load();
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().kind, ApiError::Kind::Parse);
        QVERIFY(loaded.error().message.contains(QStringLiteral(".bad")));
        QVERIFY(QFile::exists(path() + QStringLiteral(".bad")));
        QVERIFY(!QFile::exists(path()));
        QCOMPARE(store.names(), QStringList {Profile::localName()});
        QVERIFY(store.add(sampleProfile(QStringLiteral("fresh"))));
        QVERIFY(QFile::exists(path()));
    }

    void invalidEntriesAreSkippedNotFatal()
    {
        QDir().mkpath(QFileInfo(path()).absolutePath());
        QFile f(path());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"version\":1,\"profiles\":[{\"name\":\"good\",\"auth\":\"token\","
                "\"user\":\"u\",\"gatewayUrl\":\"http://h:9001\"},"
                "{\"name\":\"bad\",\"auth\":\"kerberos\"}]}");
        f.close();
        ProfileStore store(path());
        const auto loaded = store.load();
        QVERIFY(!loaded);
        QVERIFY(loaded.error().message.contains(QStringLiteral("kerberos")));
        QVERIFY(store.contains(QStringLiteral("good")));
        QVERIFY(!store.contains(QStringLiteral("bad")));
    }

    void defaultPathHonoursXdgConfigHome()
    {
        QTemporaryDir xdg;
        const QByteArray old = qgetenv("XDG_CONFIG_HOME");
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(xdg.path()));
        const QString expected = xdg.path() + QStringLiteral("/linkis-desk/profiles.json");
        const QString actual = ProfileStore::defaultPath();
        if (old.isNull())
            qunsetenv("XDG_CONFIG_HOME");
        else
            qputenv("XDG_CONFIG_HOME", old);
        QCOMPARE(actual, expected);
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
