// SPDX-License-Identifier: GPL-3.0-or-later
// Translations: every user-visible string of the GUI has a finished zh_CN translation (lupdate
// runs over the sources into a copy of the committed catalogue), the catalogue is embedded, and
// TranslationLoader picks the language from the setting or the system and installs it.
#include "desktop/aboutdialog.h"
#include "desktop/translationloader.h"
#include "missingtool.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace linkisdesk;

namespace {

QString sourceRoot()
{
    return QDir::cleanPath(QStringLiteral(LINKIS_DESK_TEST_DATA) + QStringLiteral("/../.."));
}

QString lupdatePath()
{
    const QString inQt =
        QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate");
    if (QFile::exists(inQt))
        return inQt;
    return QStandardPaths::findExecutable(QStringLiteral("lupdate"));
}

struct Message
{
    QString context;
    QString source;
    QString translation;
    QString type;
};

QList<Message> readTs(const QString &path)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message {context, {}, {}, {}};
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            current.translation =
                xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
            messages.append(current);
        }
    }
    return messages;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void everyVisibleStringIsTranslated()
    {
        const QString lupdate = lupdatePath();
        if (lupdate.isEmpty())
            LINKISDESK_MISSING_TOOL("lupdate is not installed (Debian package qt6-l10n-tools)");
        const QString committed =
            sourceRoot() + QStringLiteral("/translations/linkis-desk_zh_CN.ts");
        QVERIFY2(QFile::exists(committed), qPrintable(committed));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString scanned = dir.filePath(QStringLiteral("scanned.ts"));
        QVERIFY(QFile::copy(committed, scanned));
        QFile::setPermissions(scanned, QFile::ReadOwner | QFile::WriteOwner);

        QProcess p;
        p.setWorkingDirectory(sourceRoot());
        p.start(lupdate,
                {QStringLiteral("src/core"), QStringLiteral("src/gui"),
                 QStringLiteral("src/app/main.cpp"), QStringLiteral("ui"), QStringLiteral("-ts"),
                 scanned, QStringLiteral("-target-language"), QStringLiteral("zh_CN"),
                 QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                 QStringLiteral("none"), QStringLiteral("-silent")});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);

        const QList<Message> messages = readTs(scanned);
        QVERIFY2(messages.size() > 250, qPrintable(QString::number(messages.size())));
        QStringList missing;
        for (const Message &m : messages) {
            if (!m.type.isEmpty() || m.translation.isEmpty())
                missing << QStringLiteral("%1: \"%2\"").arg(m.context, m.source);
        }
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("%1 string(s) have no finished zh_CN translation "
                                           "(run `ninja update_translations` and translate them "
                                           "in translations/linkis-desk_zh_CN.ts):\n  %2")
                                .arg(missing.size())
                                .arg(missing.join(QStringLiteral("\n  ")))));
        // The committed file holds the same strings the sources have: nothing stale either.
        QCOMPARE(readTs(committed).size(), messages.size());
    }

    void catalogueEmbedded()
    {
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/linkis-desk_zh_CN.qm")));
        QCOMPARE(TranslationLoader::availableLanguages(),
                 QStringList({QStringLiteral("en"), QStringLiteral("zh_CN")}));
        QCOMPARE(TranslationLoader::nativeName(QStringLiteral("zh_CN")),
                 QStringLiteral("\u7b80\u4f53\u4e2d\u6587"));
    }

    void resolve_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::addColumn<QStringList>("system");
        QTest::addColumn<QString>("expected");
        const QStringList none;
        QTest::newRow("system zh-CN")
            << QString() << QStringList {QStringLiteral("zh-CN")} << QStringLiteral("zh_CN");
        QTest::newRow("system zh-Hans-CN")
            << QString() << QStringList {QStringLiteral("zh-Hans-CN")} << QStringLiteral("zh_CN");
        QTest::newRow("system bare zh")
            << QString() << QStringList {QStringLiteral("zh")} << QStringLiteral("zh_CN");
        QTest::newRow("system zh_CN.UTF-8")
            << QString() << QStringList {QStringLiteral("zh_CN.UTF-8")} << QStringLiteral("zh_CN");
        QTest::newRow("traditional is not simplified")
            << QString() << QStringList {QStringLiteral("zh-TW")} << QStringLiteral("en");
        QTest::newRow("system en-US first")
            << QString() << QStringList {QStringLiteral("en-US"), QStringLiteral("zh-CN")}
            << QStringLiteral("en");
        QTest::newRow("unknown then zh")
            << QString() << QStringList {QStringLiteral("de-DE"), QStringLiteral("zh-CN")}
            << QStringLiteral("zh_CN");
        QTest::newRow("C locale") << QString() << QStringList {QStringLiteral("C")}
                                  << QStringLiteral("en");
        QTest::newRow("nothing") << QString() << none << QStringLiteral("en");
        QTest::newRow("setting wins")
            << QStringLiteral("en") << QStringList {QStringLiteral("zh-CN")}
            << QStringLiteral("en");
        QTest::newRow("setting zh_CN")
            << QStringLiteral("zh_CN") << QStringList {QStringLiteral("en-GB")}
            << QStringLiteral("zh_CN");
        QTest::newRow("setting unknown falls back to system")
            << QStringLiteral("fr") << QStringList {QStringLiteral("zh-CN")}
            << QStringLiteral("zh_CN");
    }
    void resolve()
    {
        QFETCH(QString, setting);
        QFETCH(QStringList, system);
        QFETCH(QString, expected);
        QCOMPARE(TranslationLoader::resolve(setting, system), expected);
    }

    void installSwitchesTheInterface()
    {
        TranslationLoader loader;
        QCOMPARE(loader.install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        QCOMPARE(loader.language(), QStringLiteral("zh_CN"));
        {
            AboutDialog about(nullptr, QStringLiteral("/nonexistent/gateway.json"));
            QCOMPARE(about.windowTitle(), QStringLiteral("\u5173\u4e8e Linkis Desk")); // 关于
            QVERIFY(about.text().contains(QStringLiteral("\u672c\u5730\u7f51\u5173"))); // 本地网关
        }
        QCOMPARE(QCoreApplication::translate("linkisdesk::MainWindow", "&File"),
                 QStringLiteral("\u6587\u4ef6(&F)"));
        QCOMPARE(loader.install(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("linkisdesk::MainWindow", "&File"),
                 QStringLiteral("&File"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
