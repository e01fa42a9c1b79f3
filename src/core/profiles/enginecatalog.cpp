// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/enginecatalog.h"

namespace linkisdesk {

namespace {

constexpr int kMaxTyped = 10;

// Engine types and the versions a stock Linkis 1.x configures for them (LabelCommonConfig:
// wds.linkis.<type>.engine.version), most used first.
const QList<QPair<QString, QString>> &stockEngines()
{
    static const QList<QPair<QString, QString>> engines {
        {QStringLiteral("spark"), QStringLiteral("3.2.1")},
        {QStringLiteral("hive"), QStringLiteral("3.1.3")},
        {QStringLiteral("python"), QStringLiteral("python2")},
        {QStringLiteral("shell"), QStringLiteral("1")},
        {QStringLiteral("jdbc"), QStringLiteral("4")},
        {QStringLiteral("trino"), QStringLiteral("371")},
        {QStringLiteral("presto"), QStringLiteral("0.234")},
        {QStringLiteral("openlookeng"), QStringLiteral("1.5.0")},
        {QStringLiteral("flink"), QStringLiteral("1.12.2")},
        {QStringLiteral("elasticsearch"), QStringLiteral("7.6.2")},
        {QStringLiteral("pipeline"), QStringLiteral("1")},
        {QStringLiteral("io_file"), QStringLiteral("1.0")},
        {QStringLiteral("sqoop"), QStringLiteral("1.4.6")},
        {QStringLiteral("datax"), QStringLiteral("3.0.0")},
        {QStringLiteral("seatunnel"), QStringLiteral("2.1.2")},
    };
    return engines;
}

bool isKnownType(const QString &type)
{
    if (EngineCatalog::localEngines().contains(type))
        return true;
    for (const auto &e : stockEngines()) {
        if (e.first == type)
            return true;
    }
    return false;
}

} // namespace

QPair<QString, QString> EngineCatalog::split(const QString &label)
{
    const QString l = label.trimmed();
    const qsizetype dash = l.indexOf(u'-');
    if (dash <= 0)
        return {l, QString()};
    return {l.left(dash), l.mid(dash + 1)};
}

QString EngineCatalog::join(const QString &type, const QString &version)
{
    return version.isEmpty() ? type : type + u'-' + version;
}

QStringList EngineCatalog::localEngines()
{
    return {QStringLiteral("sqlite"), QStringLiteral("python"), QStringLiteral("shell")};
}

QStringList EngineCatalog::linkisEngines()
{
    QStringList labels;
    for (const auto &e : stockEngines())
        labels << join(e.first, e.second);
    return labels;
}

QString EngineCatalog::defaultVersion(const QString &type)
{
    for (const auto &e : stockEngines()) {
        if (e.first == type)
            return e.second;
    }
    return {};
}

QString EngineCatalog::profileEngine(const Profile &profile)
{
    const auto [type, version] = split(profile.engine);
    // A version in the engine field itself ("spark-3.4.4") wins over an empty version field.
    return join(type, version.isEmpty() ? profile.engineVersion.trimmed() : version);
}

bool EngineCatalog::runsOn(const Profile &profile, const QString &label)
{
    const QString type = split(label).first;
    if (type.isEmpty())
        return false;
    if (profile.isLocal())
        return true; // the local gateway says itself what it cannot run
    return type != u"sqlite"; // only the local gateway has it
}

QStringList EngineCatalog::choices(const Profile &profile, const QStringList &languageTypes,
                                   const QStringList &typed)
{
    QStringList out;
    if (profile.isLocal()) {
        // The local gateway's engines, the ones for the language first.
        for (const QString &type : languageTypes) {
            if (localEngines().contains(type))
                out << type;
        }
        out << localEngines();
        out.removeDuplicates();
        return out;
    }
    const QString own = profileEngine(profile);
    if (!own.isEmpty())
        out << own;
    for (const QString &label : typed) {
        if (runsOn(profile, label))
            out << label;
    }
    // The usual engines for the language (at the profile's version for its own type), then
    // the rest of the usual ones.
    const QString ownType = split(own).first;
    for (const QString &type : languageTypes) {
        if (type == ownType || !runsOn(profile, type))
            continue;
        const QString version = defaultVersion(type);
        if (!version.isEmpty())
            out << join(type, version);
    }
    for (const QString &label : linkisEngines()) {
        if (split(label).first != ownType)
            out << label;
    }
    out.removeDuplicates();
    return out;
}

QString EngineCatalog::resolve(const Profile &profile, const QString &tabEngine,
                               const QStringList &languageTypes)
{
    const QString own = profileEngine(profile);
    const QString ownType = split(own).first;
    const auto withVersion = [&](const QString &label) {
        if (profile.isLocal())
            return label;
        const auto [type, version] = split(label);
        if (!version.isEmpty())
            return label;
        if (type == ownType && !split(own).second.isEmpty())
            return own;
        const QString stock = defaultVersion(type);
        return stock.isEmpty() ? label : join(type, stock);
    };
    if (runsOn(profile, tabEngine))
        return withVersion(tabEngine.trimmed());
    // The profile's engine, unless it is a known one that does not run this language (a shell
    // script on a spark profile goes to shell).
    if (!own.isEmpty() &&
        (languageTypes.isEmpty() || languageTypes.contains(ownType) || !isKnownType(ownType)))
        return withVersion(own);
    for (const QString &type : languageTypes) {
        if (runsOn(profile, type))
            return withVersion(type);
    }
    return withVersion(own);
}

QStringList EngineCatalog::remember(QStringList typed, const QString &label)
{
    const QString l = label.trimmed();
    if (l.isEmpty())
        return typed;
    typed.removeAll(l);
    typed.prepend(l);
    while (typed.size() > kMaxTyped)
        typed.removeLast();
    return typed;
}

} // namespace linkisdesk
