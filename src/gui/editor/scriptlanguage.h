// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QsciLexer;
class QObject;

namespace linkisdesk {

// The languages a script tab can hold. The order is the order of the language menu.
enum class ScriptLanguage { Sql, HiveQl, Python, Scala, R, Shell };

// Facts about each language: names, file types, Linkis runType, comment prefix, lexer.
class ScriptLanguages
{
public:
    static QList<ScriptLanguage> all();
    static QString displayName(ScriptLanguage language);
    // Stable identifier used in autosave files and settings ("sql", "hql", "python", ...).
    static QString id(ScriptLanguage language);
    static std::optional<ScriptLanguage> fromId(const QString &id);
    // Picks the language from a file name suffix; SQL when unknown.
    static ScriptLanguage fromFileName(const QString &fileName);
    // The Linkis runType that fits the language ("sql", "hql", "python", "scala", "r", "sh").
    static QString defaultRunType(ScriptLanguage language);
    // The language that fits a Linkis runType, if any.
    static std::optional<ScriptLanguage> fromRunType(const QString &runType);
    // Engines commonly used for the language; the first one is the default on a real Linkis.
    static QStringList suggestedEngines(ScriptLanguage language);
    static QString lineCommentPrefix(ScriptLanguage language);
    static QString fileSuffix(ScriptLanguage language);
    // A filter string for file dialogs covering every language.
    static QString fileDialogFilter();
    // A new lexer for the language, owned by parent.
    static QsciLexer *createLexer(ScriptLanguage language, QObject *parent);
    // Words offered by completion on top of the lexer's keywords (functions, builtins).
    static QStringList completionWords(ScriptLanguage language);
};

} // namespace linkisdesk
