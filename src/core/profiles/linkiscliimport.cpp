// SPDX-License-Identifier: GPL-3.0-or-later
#include "linkiscliimport.h"

#include "util/atomicfile.h"

#include <QDir>
#include <QStringDecoder>

namespace linkisdesk {

namespace {

const QString kPrefix = QStringLiteral("wds.linkis.client.common.");

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\f';
}

// Undoes .properties escapes: \t \n \r \f \uXXXX, and \x -> x for anything else.
QString unescape(const QString &raw)
{
    QString out;
    out.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QChar c = raw.at(i);
        if (c != u'\\' || i + 1 == raw.size()) {
            out.append(c);
            continue;
        }
        const QChar e = raw.at(++i);
        if (e == u't') {
            out.append(u'\t');
        } else if (e == u'n') {
            out.append(u'\n');
        } else if (e == u'r') {
            out.append(u'\r');
        } else if (e == u'f') {
            out.append(u'\f');
        } else if (e == u'u' && i + 4 < raw.size()) {
            bool ok = false;
            const ushort code = raw.mid(i + 1, 4).toUShort(&ok, 16);
            if (ok) {
                out.append(QChar(code));
                i += 4;
            } else {
                out.append(e);
            }
        } else {
            out.append(e);
        }
    }
    return out;
}

// True when the line ends in an odd number of backslashes (it continues on the next line).
bool continues(const QString &line)
{
    qsizetype n = 0;
    for (qsizetype i = line.size() - 1; i >= 0 && line.at(i) == u'\\'; --i)
        ++n;
    return n % 2 == 1;
}

} // namespace

QHash<QString, QString> LinkisCliImport::parseProperties(const QByteArray &text)
{
    // Java reads .properties as ISO-8859-1 (Java 8) or UTF-8 (Java 9+): take UTF-8 when it is
    // valid, Latin-1 otherwise.
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString decoded = utf8.decode(text);
    if (utf8.hasError())
        decoded = QString::fromLatin1(text);

    QHash<QString, QString> result;
    const QStringList lines = decoded.split(u'\n');
    QString logical;
    for (qsizetype li = 0; li < lines.size(); ++li) {
        QString line = lines.at(li);
        if (line.endsWith(u'\r'))
            line.chop(1);
        qsizetype start = 0;
        while (start < line.size() && isSpace(line.at(start)))
            ++start;
        line = line.mid(start);
        if (logical.isEmpty() && (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u'!')))
            continue;
        if (continues(line)) {
            logical += line.left(line.size() - 1);
            if (li + 1 < lines.size())
                continue;
        } else {
            logical += line;
        }
        // Split at the first unescaped '=', ':' or white space.
        qsizetype sep = 0;
        while (sep < logical.size()) {
            const QChar c = logical.at(sep);
            if (c == u'\\') {
                sep += 2;
                continue;
            }
            if (c == u'=' || c == u':' || isSpace(c))
                break;
            ++sep;
        }
        const QString key = unescape(logical.left(sep));
        qsizetype v = sep;
        while (v < logical.size() && isSpace(logical.at(v)))
            ++v;
        if (v < logical.size() && (logical.at(v) == u'=' || logical.at(v) == u':'))
            ++v;
        while (v < logical.size() && isSpace(logical.at(v)))
            ++v;
        QString value = unescape(logical.mid(v));
        while (!value.isEmpty() && isSpace(value.back()))
            value.chop(1);
        if (!key.isEmpty())
            result.insert(key, value);
        logical.clear();
    }
    return result;
}

Result<LinkisCliImport> LinkisCliImport::fromFile(const QString &path, const QString &profileName)
{
    auto bytes = AtomicFile::read(path);
    if (!bytes)
        return bytes.error();
    auto parsed = fromProperties(parseProperties(bytes.value()), profileName);
    if (!parsed) {
        ApiError error = parsed.error();
        error.message = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), error.message);
        return error;
    }
    return parsed;
}

Result<LinkisCliImport> LinkisCliImport::fromProperties(const QHash<QString, QString> &props,
                                                        const QString &profileName)
{
    auto get = [&props](const char *key) {
        return props.value(kPrefix + QLatin1String(key)).trimmed();
    };
    LinkisCliImport import;
    Profile &p = import.profile;
    p.name = profileName;

    const QString url = get("gatewayUrl");
    if (url.isEmpty()) {
        return ApiError::make(ApiError::Kind::Usage,
                              QStringLiteral("no %1gatewayUrl in the file").arg(kPrefix));
    }
    auto parsedUrl = Profile::parseUrl(url);
    if (!parsedUrl)
        return parsedUrl.error();
    p.gatewayUrl = parsedUrl.value();

    const QString strategy = get("authStrategy").toLower();
    p.tokenKey = get("tokenKey");
    import.secret = props.value(kPrefix + QStringLiteral("tokenValue")); // untrimmed: a secret
    QString user = get("submitUser");
    if (strategy.isEmpty() || strategy == QLatin1String("token")) {
        // linkis-cli's default strategy. Linkis 1.x sends Token-Code = tokenValue and
        // Token-User = the submitting user.
        p.auth = Profile::AuthMode::Token;
        import.secretKind = Profile::SecretKind::Token;
    } else if (strategy == QLatin1String("static")) {
        // Logs in with userName = the user (or the tokenKey without one), password = tokenValue.
        p.auth = Profile::AuthMode::Password;
        import.secretKind = Profile::SecretKind::Password;
        if (user.isEmpty())
            user = p.tokenKey;
    } else {
        return ApiError::make(
            ApiError::Kind::Usage,
            QStringLiteral("unknown %1authStrategy \"%2\" (expected token or static)")
                .arg(kPrefix, strategy));
    }
    if (user.isEmpty())
        user = qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME"));
    if (user.isEmpty())
        user = QDir::home().dirName();
    p.user = user;
    p.proxyUser = get("proxyUser");
    if (import.secret.isEmpty())
        import.secretKind.reset();

    if (auto valid = p.validate(); !valid)
        return valid.error();
    return import;
}

} // namespace linkisdesk
