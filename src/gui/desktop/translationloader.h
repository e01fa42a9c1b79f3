// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QTranslator;

namespace linkisdesk {

// Picks the user-interface language and installs the translators for it: the app's own
// catalogue (embedded at :/i18n/linkis-desk_<lang>.qm), Qt's (qtbase_<lang>.qm) and QScintilla's
// when the system has them. The language follows the system (LANGUAGE, LC_ALL, LANG, via
// QLocale::system().uiLanguages()) unless the `Language` setting names one.
class TranslationLoader : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranslationLoader)
public:
    explicit TranslationLoader(QObject *parent = nullptr);
    ~TranslationLoader() override;

    // Languages with a catalogue, "en" (the source language) first, then e.g. "zh_CN".
    static QStringList availableLanguages();
    // The name of a language in that language ("English", "简体中文").
    static QString nativeName(const QString &language);
    // The language to use: the setting when it names an available language, otherwise the
    // first of the user's preferred languages (most preferred first, "zh-CN" or "zh_CN" style)
    // that has a catalogue; "en" when none does. A bare "zh" means Simplified Chinese.
    static QString resolve(const QString &setting, const QStringList &uiLanguages);

    // Resolves against the system languages, removes what an earlier call installed and
    // installs the translators. Returns the language now in use.
    QString install(const QString &setting);
    QString language() const { return m_language; }

private:
    void uninstall();

    QString m_language;
    QList<QTranslator *> m_installed;
};

} // namespace linkisdesk
