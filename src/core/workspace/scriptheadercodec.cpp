// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/scriptheadercodec.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace linkisdesk {

namespace {

using Family = ScriptHeaderCodec::Family;

ApiError invalidParameter(const QString &line)
{
    // Linkis 65000, as the reader throws it for a conf@set line it cannot take apart.
    return ApiError::make(
        ApiError::Kind::Parse,
        QStringLiteral("Invalid custom parameter(不合法的自定义参数): %1").arg(line.trimmed()), 0,
        65000);
}

const QRegularExpression &variablePattern(Family family)
{
    // \s*<p>@set\s*(.+)\s*=\s*(.+)\s* as in Linkis' VariableParser: the key is greedy, so
    // `--@set a=b=c` has the key "a=b".
    static const QRegularExpression sql(QStringLiteral(R"(^\s*--@set\s*(.+)\s*=\s*(.+)\s*$)"));
    static const QRegularExpression hash(QStringLiteral(R"(^\s*#@set\s*(.+)\s*=\s*(.+)\s*$)"));
    static const QRegularExpression scala(QStringLiteral(R"(^\s*//@set\s*(.+)\s*=\s*(.+)\s*$)"));
    return family == Family::Hash ? hash : family == Family::Scala ? scala : sql;
}

bool hasHeader(Family family)
{
    return family == Family::Sql || family == Family::Hash || family == Family::Scala;
}

bool startsConfLine(const QString &line, Family family)
{
    return line.trimmed().startsWith(ScriptHeaderCodec::prefix(family) +
                                     QStringLiteral("conf@set"));
}

bool badText(const QString &text)
{
    return text.trimmed().isEmpty() || text.contains(u'=') || text.contains(u'\n') ||
        text.contains(u'\r');
}

QString checkMap(const QMap<QString, QString> &map, const QString &where, bool keyMayHaveEquals)
{
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        const QString &key = it.key();
        if (key.trimmed().isEmpty())
            return QStringLiteral("%1 has a setting without a name.").arg(where);
        if ((!keyMayHaveEquals && key.contains(u'=')) || key.contains(u'\n') ||
            key.contains(u'\r') || (!keyMayHaveEquals && key.trimmed().contains(u' '))) {
            return QStringLiteral("%1: the name \"%2\" cannot be saved in a script header (no "
                                  "'=', spaces or line breaks).")
                .arg(where, key);
        }
        if (badText(it.value())) {
            return QStringLiteral("%1: the value of \"%2\" cannot be saved in a script header (it "
                                  "must not be empty nor contain '=' or line breaks).")
                .arg(where, key);
        }
    }
    return {};
}

} // namespace

ScriptHeaderCodec::Family ScriptHeaderCodec::familyOf(const QString &fileName)
{
    const QString name = QFileInfo(fileName).fileName();
    const int dot = int(name.lastIndexOf(u'.'));
    if (dot < 0)
        return Family::Unsupported;
    const QString suffix = name.mid(dot + 1).toLower();
    static const QStringList sql {QStringLiteral("sql"),  QStringLiteral("hql"),
                                  QStringLiteral("jdbc"), QStringLiteral("psql"),
                                  QStringLiteral("tsql"), QStringLiteral("fql"),
                                  QStringLiteral("ngql"), QStringLiteral("aisql")};
    static const QStringList hash {QStringLiteral("py"), QStringLiteral("python"),
                                   QStringLiteral("py3"), QStringLiteral("sh")};
    static const QStringList plain {QStringLiteral("txt"), QStringLiteral("log"),
                                    QStringLiteral("out"), QStringLiteral("text"),
                                    QStringLiteral("dolphin")};
    if (sql.contains(suffix))
        return Family::Sql;
    if (hash.contains(suffix))
        return Family::Hash;
    if (suffix == QStringLiteral("scala"))
        return Family::Scala;
    if (plain.contains(suffix))
        return Family::Plain;
    return Family::Unsupported;
}

QString ScriptHeaderCodec::prefix(Family family)
{
    switch (family) {
    case Family::Sql: return QStringLiteral("--");
    case Family::Hash: return QStringLiteral("#");
    case Family::Scala: return QStringLiteral("//");
    case Family::Plain:
    case Family::Unsupported: break;
    }
    return {};
}

bool ScriptHeaderCodec::isHeaderLine(const QString &line, Family family)
{
    if (!hasHeader(family))
        return false;
    return startsConfLine(line, family) || variablePattern(family).match(line).hasMatch();
}

Result<ScriptHeaderCodec::Decoded> ScriptHeaderCodec::decode(const QString &fileText, Family family)
{
    Decoded decoded;
    QString text = fileText;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    if (!hasHeader(family)) {
        decoded.body = text;
        return decoded;
    }
    const QString p = prefix(family);
    qsizetype pos = 0;
    bool header = false;
    auto nextLine = [&text](qsizetype from, qsizetype *end) {
        qsizetype nl = text.indexOf(u'\n', from);
        *end = nl < 0 ? text.size() : nl + 1;
        return text.mid(from, (nl < 0 ? text.size() : nl) - from);
    };
    while (pos < text.size()) {
        qsizetype end = 0;
        const QString line = nextLine(pos, &end);
        if (startsConfLine(line, family)) {
            const QStringList tokens =
                line.trimmed().split(QRegularExpression(QStringLiteral("\\s+")));
            if (tokens.size() != 4 || tokens[3].count(u'=') != 1)
                return invalidParameter(line);
            const QString key = tokens[3].section(u'=', 0, 0).trimmed();
            const QString value = tokens[3].section(u'=', 1).trimmed();
            if (key.isEmpty() || value.isEmpty())
                return invalidParameter(line);
            if (tokens[1] == QStringLiteral("special")) {
                decoded.metadata.specialGroups[tokens[2]].insert(key, value);
            } else if (tokens[1] == QStringLiteral("configuration")) {
                if (tokens[2] == QStringLiteral("startup"))
                    decoded.metadata.startup.insert(key, value);
                else if (tokens[2] == QStringLiteral("runtime"))
                    decoded.metadata.runtime.insert(key, value);
                else if (tokens[2] == QStringLiteral("special"))
                    decoded.metadata.special.insert(key, value);
                else
                    return invalidParameter(line);
            } else {
                return invalidParameter(line);
            }
        } else if (const auto m = variablePattern(family).match(line); m.hasMatch()) {
            const QString key = m.captured(1).trimmed();
            if (key.isEmpty())
                return invalidParameter(line);
            decoded.metadata.variables.insert(key, m.captured(2).trimmed());
        } else {
            break;
        }
        header = true;
        pos = end;
    }
    if (header && pos < text.size()) {
        qsizetype end = 0;
        if (nextLine(pos, &end).trimmed() == p)
            pos = end;
    }
    decoded.body = text.mid(pos);
    return decoded;
}

QString ScriptHeaderCodec::problem(const ScriptMetadata &metadata)
{
    QString why = checkMap(metadata.variables, QStringLiteral("Variables"), true);
    const std::pair<const QMap<QString, QString> *, QString> maps[] = {
        {&metadata.startup, QStringLiteral("Startup settings")},
        {&metadata.runtime, QStringLiteral("Runtime settings")},
        {&metadata.special, QStringLiteral("Special settings")}};
    for (const auto &[map, where] : maps) {
        if (why.isEmpty())
            why = checkMap(*map, where, false);
    }
    for (auto it = metadata.specialGroups.cbegin();
         why.isEmpty() && it != metadata.specialGroups.cend(); ++it) {
        if (badText(it.key()) || it.key().contains(u' '))
            why = QStringLiteral("The special group name \"%1\" cannot be saved in a script "
                                 "header.")
                      .arg(it.key());
        else
            why = checkMap(*it, QStringLiteral("Special settings of %1").arg(it.key()), false);
    }
    return why;
}

QString ScriptHeaderCodec::protectBody(const QString &body, bool headerEmpty, Family family)
{
    if (!headerEmpty || !hasHeader(family))
        return body;
    const QString first = body.section(u'\n', 0, 0);
    const QString p = prefix(family);
    const QString trimmed = first.trimmed();
    if (trimmed.startsWith(p + QStringLiteral("@set")) ||
        trimmed.startsWith(p + QStringLiteral("conf@set")))
        return p + u'\n' + body;
    return body;
}

Result<QString> ScriptHeaderCodec::encode(const ScriptMetadata &metadata, const QString &body,
                                          Family family)
{
    if (!hasHeader(family))
        return body;
    if (const QString why = problem(metadata); !why.isEmpty())
        return ApiError::make(ApiError::Kind::Usage, why);
    const QString p = prefix(family);
    QString header;
    for (auto it = metadata.variables.cbegin(); it != metadata.variables.cend(); ++it)
        header +=
            p + QStringLiteral("@set ") + it.key().trimmed() + u'=' + it.value().trimmed() + u'\n';
    const std::pair<const QMap<QString, QString> *, QString> sorts[] = {
        {&metadata.startup, QStringLiteral("startup")},
        {&metadata.runtime, QStringLiteral("runtime")},
        {&metadata.special, QStringLiteral("special")}};
    for (const auto &[map, sort] : sorts) {
        for (auto it = map->cbegin(); it != map->cend(); ++it) {
            header += p + QStringLiteral("conf@set configuration ") + sort + u' ' + it.key() +
                u'=' + it.value().trimmed() + u'\n';
        }
    }
    for (auto g = metadata.specialGroups.cbegin(); g != metadata.specialGroups.cend(); ++g) {
        for (auto it = g->cbegin(); it != g->cend(); ++it) {
            header += p + QStringLiteral("conf@set special ") + g.key() + u' ' + it.key() + u'=' +
                it.value().trimmed() + u'\n';
        }
    }
    if (header.isEmpty())
        return protectBody(body, true, family);
    return header + p + u'\n' + body;
}

} // namespace linkisdesk
