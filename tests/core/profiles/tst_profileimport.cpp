// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/linkiscliimport.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace linkisdesk;

class TestProfileImport : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString writeFile(const QByteArray &text)
    {
        const QString path = m_dir.filePath(QStringLiteral("linkis-cli.properties"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return QString();
        f.write(text);
        return path;
    }

private slots:
    void parsesJavaPropertiesSyntax()
    {
        const QByteArray text = "# comment\n"
                                "! another comment\n"
                                "   \n"
                                "a=1\n"
                                "b : two words  \n"
                                "c three\n"
                                "  d=\\\n"
                                "     continued\\\n"
                                "     here\n"
                                "e=tab\\there\\u0041\n"
                                "f\\=g=h\n"
                                "empty=\n"
                                "windows=crlf\r\n"
                                "utf8=\xe7\x94\x9f\xe4\xba\xa7\n";
        const auto props = LinkisCliImport::parseProperties(text);
        QCOMPARE(props.value(QStringLiteral("a")), QStringLiteral("1"));
        QCOMPARE(props.value(QStringLiteral("b")), QStringLiteral("two words"));
        QCOMPARE(props.value(QStringLiteral("c")), QStringLiteral("three"));
        QCOMPARE(props.value(QStringLiteral("d")), QStringLiteral("continuedhere"));
        QCOMPARE(props.value(QStringLiteral("e")), QStringLiteral("tab\thereA"));
        QCOMPARE(props.value(QStringLiteral("f=g")), QStringLiteral("h"));
        QVERIFY(props.contains(QStringLiteral("empty")));
        QCOMPARE(props.value(QStringLiteral("windows")), QStringLiteral("crlf"));
        QCOMPARE(props.value(QStringLiteral("utf8")), QStringLiteral("生产"));
        QCOMPARE(props.size(), 9);
    }

    void importsTokenStrategy()
    {
        const QString path = writeFile("wds.linkis.client.common.gatewayUrl=http://10.0.0.5:9001\n"
                                       "wds.linkis.client.common.authStrategy=token\n"
                                       "wds.linkis.client.common.tokenKey=Validation-Code\n"
                                       "wds.linkis.client.common.tokenValue=LINKIS-SECRET-1\n"
                                       "wds.linkis.client.common.submitUser=hadoop\n");
        const auto imported = LinkisCliImport::fromFile(path, QStringLiteral("prod"));
        QVERIFY2(imported, qPrintable(imported.error().message));
        const Profile &p = imported->profile;
        QCOMPARE(p.name, QStringLiteral("prod"));
        QCOMPARE(p.gatewayUrl, QUrl(QStringLiteral("http://10.0.0.5:9001")));
        QCOMPARE(p.auth, Profile::AuthMode::Token);
        QCOMPARE(p.user, QStringLiteral("hadoop"));
        QCOMPARE(p.tokenKey, QStringLiteral("Validation-Code"));
        QCOMPARE(imported->secretKind, Profile::SecretKind::Token);
        QCOMPARE(imported->secret, QStringLiteral("LINKIS-SECRET-1"));
        QVERIFY(!p.toJson().contains(QStringLiteral("tokenValue")));
        QVERIFY(!QString::fromUtf8(QJsonDocument(p.toJson()).toJson())
                     .contains(QStringLiteral("LINKIS-SECRET-1")));
    }

    void importsStaticStrategyAsPasswordLogin()
    {
        const auto imported = LinkisCliImport::fromProperties(
            {{QStringLiteral("wds.linkis.client.common.gatewayUrl"),
              QStringLiteral("https://gw.example.com")},
             {QStringLiteral("wds.linkis.client.common.authStrategy"), QStringLiteral("static")},
             {QStringLiteral("wds.linkis.client.common.tokenKey"), QStringLiteral("etl")},
             {QStringLiteral("wds.linkis.client.common.tokenValue"), QStringLiteral("pw")}},
            QStringLiteral("etl"));
        QVERIFY2(imported, qPrintable(imported.error().message));
        QCOMPARE(imported->profile.auth, Profile::AuthMode::Password);
        QCOMPARE(imported->profile.user, QStringLiteral("etl")); // the tokenKey logs in
        QCOMPARE(imported->secretKind, Profile::SecretKind::Password);
        QCOMPARE(imported->secret, QStringLiteral("pw"));
    }

    void userDefaultsToTheLoginName()
    {
        qputenv("USER", "someone");
        const auto imported =
            LinkisCliImport::fromProperties({{QStringLiteral("wds.linkis.client.common.gatewayUrl"),
                                              QStringLiteral("http://h:9001")}},
                                            QStringLiteral("x"));
        QVERIFY2(imported, qPrintable(imported.error().message));
        QCOMPARE(imported->profile.auth, Profile::AuthMode::Token); // linkis-cli's default
        QCOMPARE(imported->profile.user, QStringLiteral("someone"));
        QVERIFY(!imported->secretKind);
    }

    void refusesBadFiles_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("no url") << QByteArray("wds.linkis.client.common.authStrategy=token\n")
                                << "no wds.linkis.client.common.gatewayUrl";
        QTest::newRow("bad url") << QByteArray(
                                        "wds.linkis.client.common.gatewayUrl=10.0.0.1:9001\n")
                                 << "http:// or https://";
        QTest::newRow("bad strategy")
            << QByteArray("wds.linkis.client.common.gatewayUrl=http://h:1\n"
                          "wds.linkis.client.common.authStrategy=kerberos\n")
            << "unknown wds.linkis.client.common.authStrategy";
    }
    void refusesBadFiles()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, messagePart);
        const QString path = writeFile(text);
        const auto imported = LinkisCliImport::fromFile(path, QStringLiteral("p"));
        QVERIFY(!imported);
        QCOMPARE(imported.error().kind, ApiError::Kind::Usage);
        QVERIFY2(imported.error().message.contains(messagePart),
                 qPrintable(imported.error().message));
        QVERIFY(imported.error().message.contains(path));
    }

    void missingFileIsAnIoError()
    {
        const auto imported =
            LinkisCliImport::fromFile(m_dir.filePath(QStringLiteral("nope")), QStringLiteral("p"));
        QVERIFY(!imported);
        QCOMPARE(imported.error().kind, ApiError::Kind::Io);
    }
};

QTEST_GUILESS_MAIN(TestProfileImport)
#include "tst_profileimport.moc"
