// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/translationloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace linkisdesk {

namespace {

const QString &catalogueDir()
{
    static const QString dir = QStringLiteral(":/i18n");
    return dir;
}

// "zh-Hans-CN", "zh-CN", "zh_CN.UTF-8" -> "zh_CN"; "en-US" -> "en_US"; "zh" -> "zh".
QString normalise(QString name)
{
    const qsizetype dot = name.indexOf(QLatin1Char('.'));
    if (dot >= 0)
        name.truncate(dot);
    name.replace(QLatin1Char('-'), QLatin1Char('_'));
    name.remove(QStringLiteral("_Hans"));
    return name;
}

} // namespace

TranslationLoader::TranslationLoader(QObject *parent)
    : QObject(parent)
{ }

TranslationLoader::~TranslationLoader()
{
    uninstall();
}

QStringList TranslationLoader::availableLanguages()
{
    QStringList languages {QStringLiteral("en")};
    const QStringList files =
        QDir(catalogueDir()).entryList({QStringLiteral("linkis-desk_*.qm")}, QDir::Files);
    for (const QString &file : files) {
        const QString language = file.mid(12, file.size() - 12 - 3); // linkis-desk_ … .qm
        if (!languages.contains(language))
            languages.append(language);
    }
    return languages;
}

QString TranslationLoader::nativeName(const QString &language)
{
    if (language == QLatin1String("zh_CN"))
        return QStringLiteral("\u7b80\u4f53\u4e2d\u6587"); // 简体中文
    const QLocale locale(language);
    QString name = locale.nativeLanguageName();
    if (name.isEmpty())
        return language;
    name[0] = name[0].toUpper();
    return name;
}

QString TranslationLoader::resolve(const QString &setting, const QStringList &uiLanguages)
{
    const QStringList available = availableLanguages();
    if (!setting.isEmpty()) {
        const QString wanted = normalise(setting);
        if (available.contains(wanted))
            return wanted;
    }
    for (const QString &preferred : uiLanguages) {
        const QString name = normalise(preferred);
        if (name == QLatin1String("C") || name == QLatin1String("POSIX"))
            continue;
        if (available.contains(name))
            return name;
        const QString base = name.section(QLatin1Char('_'), 0, 0);
        if (base == QLatin1String("en"))
            return QStringLiteral("en");
        // Traditional Chinese readers are not handed Simplified Chinese; a bare "zh" is.
        if (base == QLatin1String("zh") && name != QLatin1String("zh_TW") &&
            name != QLatin1String("zh_HK") && !name.startsWith(QLatin1String("zh_Hant")) &&
            available.contains(QStringLiteral("zh_CN")))
            return QStringLiteral("zh_CN");
        for (const QString &candidate : available) {
            if (candidate == base)
                return candidate;
        }
    }
    return QStringLiteral("en");
}

QString TranslationLoader::install(const QString &setting)
{
    uninstall();
    m_language = resolve(setting, QLocale::system().uiLanguages());
    if (m_language == QLatin1String("en"))
        return m_language;
    auto load = [this](const QString &file, const QString &dir) {
        auto *translator = new QTranslator(this);
        if (translator->load(file, dir) && QCoreApplication::installTranslator(translator)) {
            m_installed.append(translator);
            return true;
        }
        delete translator;
        return false;
    };
    load(QStringLiteral("linkis-desk_%1").arg(m_language), catalogueDir());
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    load(QStringLiteral("qtbase_%1").arg(m_language), qtDir);
    load(QStringLiteral("qscintilla_%1").arg(m_language.toLower()), qtDir);
    QLocale::setDefault(QLocale(m_language));
    return m_language;
}

void TranslationLoader::uninstall()
{
    for (QTranslator *translator : std::as_const(m_installed)) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    m_installed.clear();
}

} // namespace linkisdesk
