// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/scriptlanguage.h"

#include "editor/pythonlexer.h"
#include "editor/rlexer.h"
#include "editor/scalalexer.h"
#include "editor/shelllexer.h"
#include "editor/sqllexer.h"

#include <QFileInfo>

namespace linkisdesk {

QList<ScriptLanguage> ScriptLanguages::all()
{
    return {ScriptLanguage::Sql,   ScriptLanguage::HiveQl, ScriptLanguage::Python,
            ScriptLanguage::Scala, ScriptLanguage::R,      ScriptLanguage::Shell};
}

QString ScriptLanguages::displayName(ScriptLanguage language)
{
    switch (language) {
    case ScriptLanguage::Sql: return QStringLiteral("SQL");
    case ScriptLanguage::HiveQl: return QStringLiteral("HiveQL");
    case ScriptLanguage::Python: return QStringLiteral("Python");
    case ScriptLanguage::Scala: return QStringLiteral("Scala");
    case ScriptLanguage::R: return QStringLiteral("R");
    case ScriptLanguage::Shell: return QStringLiteral("Shell");
    }
    return {};
}

QString ScriptLanguages::id(ScriptLanguage language)
{
    switch (language) {
    case ScriptLanguage::Sql: return QStringLiteral("sql");
    case ScriptLanguage::HiveQl: return QStringLiteral("hql");
    case ScriptLanguage::Python: return QStringLiteral("python");
    case ScriptLanguage::Scala: return QStringLiteral("scala");
    case ScriptLanguage::R: return QStringLiteral("r");
    case ScriptLanguage::Shell: return QStringLiteral("sh");
    }
    return {};
}

std::optional<ScriptLanguage> ScriptLanguages::fromId(const QString &id)
{
    for (ScriptLanguage language : all()) {
        if (ScriptLanguages::id(language) == id)
            return language;
    }
    return std::nullopt;
}

ScriptLanguage ScriptLanguages::fromFileName(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == u"hql")
        return ScriptLanguage::HiveQl;
    if (suffix == u"py" || suffix == u"python")
        return ScriptLanguage::Python;
    if (suffix == u"scala" || suffix == u"sc")
        return ScriptLanguage::Scala;
    if (suffix == u"r")
        return ScriptLanguage::R;
    if (suffix == u"sh" || suffix == u"bash" || suffix == u"shell")
        return ScriptLanguage::Shell;
    return ScriptLanguage::Sql;
}

QString ScriptLanguages::defaultRunType(ScriptLanguage language)
{
    return id(language);
}

std::optional<ScriptLanguage> ScriptLanguages::fromRunType(const QString &runType)
{
    const QString t = runType.toLower();
    if (t == u"sql" || t == u"jdbc" || t == u"psql" || t == u"tsql")
        return ScriptLanguage::Sql;
    if (t == u"hql")
        return ScriptLanguage::HiveQl;
    if (t == u"python" || t == u"py" || t == u"pyspark")
        return ScriptLanguage::Python;
    if (t == u"scala")
        return ScriptLanguage::Scala;
    if (t == u"r")
        return ScriptLanguage::R;
    if (t == u"sh" || t == u"shell")
        return ScriptLanguage::Shell;
    return std::nullopt;
}

QStringList ScriptLanguages::suggestedEngines(ScriptLanguage language)
{
    switch (language) {
    case ScriptLanguage::Sql:
        return {QStringLiteral("sqlite"), QStringLiteral("spark"), QStringLiteral("hive"),
                QStringLiteral("jdbc"),   QStringLiteral("trino"), QStringLiteral("presto")};
    case ScriptLanguage::HiveQl: return {QStringLiteral("hive"), QStringLiteral("spark")};
    case ScriptLanguage::Python: return {QStringLiteral("python"), QStringLiteral("spark")};
    case ScriptLanguage::Scala: return {QStringLiteral("spark")};
    case ScriptLanguage::R: return {QStringLiteral("spark")};
    case ScriptLanguage::Shell: return {QStringLiteral("shell")};
    }
    return {};
}

QString ScriptLanguages::lineCommentPrefix(ScriptLanguage language)
{
    switch (language) {
    case ScriptLanguage::Sql:
    case ScriptLanguage::HiveQl: return QStringLiteral("--");
    case ScriptLanguage::Scala: return QStringLiteral("//");
    case ScriptLanguage::Python:
    case ScriptLanguage::R:
    case ScriptLanguage::Shell: return QStringLiteral("#");
    }
    return QStringLiteral("#");
}

QString ScriptLanguages::fileSuffix(ScriptLanguage language)
{
    switch (language) {
    case ScriptLanguage::Sql: return QStringLiteral("sql");
    case ScriptLanguage::HiveQl: return QStringLiteral("hql");
    case ScriptLanguage::Python: return QStringLiteral("py");
    case ScriptLanguage::Scala: return QStringLiteral("scala");
    case ScriptLanguage::R: return QStringLiteral("r");
    case ScriptLanguage::Shell: return QStringLiteral("sh");
    }
    return QStringLiteral("txt");
}

QString ScriptLanguages::fileDialogFilter()
{
    return QStringLiteral("Scripts (*.sql *.hql *.py *.scala *.r *.R *.sh);;SQL (*.sql);;"
                          "HiveQL (*.hql);;Python (*.py);;Scala (*.scala);;R (*.r *.R);;"
                          "Shell (*.sh);;All files (*)");
}

QsciLexer *ScriptLanguages::createLexer(ScriptLanguage language, QObject *parent)
{
    switch (language) {
    case ScriptLanguage::Sql: return new SqlLexer(false, parent);
    case ScriptLanguage::HiveQl: return new SqlLexer(true, parent);
    case ScriptLanguage::Python: return new PythonLexer(parent);
    case ScriptLanguage::Scala: return new ScalaLexer(parent);
    case ScriptLanguage::R: return new RLexer(parent);
    case ScriptLanguage::Shell: return new ShellLexer(parent);
    }
    return nullptr;
}

QStringList ScriptLanguages::completionWords(ScriptLanguage language)
{
    switch (language) {
    case ScriptLanguage::Sql:
    case ScriptLanguage::HiveQl:
        return QStringLiteral(
                   "count sum avg min max coalesce nvl concat concat_ws substr substring "
                   "length lower upper trim cast round floor ceil abs date_format "
                   "to_date current_date current_timestamp datediff date_add "
                   "row_number rank dense_rank lag lead over partition collect_list "
                   "collect_set explode lateral view distinct group by order by "
                   "having limit insert overwrite into table select from where join "
                   "left right inner outer on union all case when then else end")
            .split(u' ');
    case ScriptLanguage::Python:
        return QStringLiteral("print len range enumerate zip sorted reversed isinstance open "
                              "import from def class return yield lambda with as try except "
                              "finally raise dict list set tuple str int float bool None True "
                              "False spark sc sqlContext show collect")
            .split(u' ');
    case ScriptLanguage::Scala:
        return QStringLiteral("println spark sc sqlContext show collect map flatMap filter "
                              "reduce foreach toDF createOrReplaceTempView")
            .split(u' ');
    case ScriptLanguage::R:
        return QStringLiteral("print paste paste0 library data.frame head tail summary nrow ncol "
                              "c list vector matrix apply lapply sapply")
            .split(u' ');
    case ScriptLanguage::Shell:
        return QStringLiteral("echo export cd ls cat grep sed awk sort uniq head tail wc date "
                              "sleep hdfs hadoop hive spark-submit")
            .split(u' ');
    }
    return {};
}

} // namespace linkisdesk
