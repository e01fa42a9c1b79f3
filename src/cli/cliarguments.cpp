// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliarguments.h"

#include "cliusage.h"

#include "api/jobstatusnames.h"

#include <QUrl>

#include <array>

namespace linkisdesk {

namespace {

enum Scope : unsigned {
    Global = 1u << 0,
    Submit = 1u << 1,
    Log = 1u << 2,
    Kill = 1u << 3,
    ResultCmd = 1u << 4,
    Jobs = 1u << 5,
    Profile = 1u << 6,
    EnginesCmd = 1u << 7,
};

struct OptionSpec
{
    const char *name;
    bool takesValue;
    unsigned scope;
};

constexpr std::array options {
    OptionSpec {"--profile", true, Global},
    OptionSpec {"--server", true, Global},
    OptionSpec {"--user", true, Global},
    OptionSpec {"--auth", true, Global},
    OptionSpec {"--proxy-user", true, Global},
    OptionSpec {"--api", true, Global},
    OptionSpec {"--password-stdin", false, Global},
    OptionSpec {"--json", false, Global},
    OptionSpec {"--quiet", false, Global},
    OptionSpec {"--timeout", true, Global},
    OptionSpec {"-q", false, Global},
    OptionSpec {"--help", false, Global},
    OptionSpec {"-h", false, Global},
    OptionSpec {"--version", false, Global},
    OptionSpec {"-e", true, Submit},
    OptionSpec {"--code", true, Submit},
    OptionSpec {"--engine", true, Submit | Profile},
    OptionSpec {"--run-type", true, Submit},
    OptionSpec {"--creator", true, Submit | Profile},
    OptionSpec {"--var", true, Submit},
    OptionSpec {"--startup", true, Submit},
    OptionSpec {"--runtime", true, Submit},
    OptionSpec {"--special", true, Submit},
    OptionSpec {"--async", false, Submit},
    OptionSpec {"--format", true, Submit | ResultCmd},
    OptionSpec {"--output", true, Submit | ResultCmd},
    OptionSpec {"--follow", false, Log},
    OptionSpec {"--level", true, Log},
    OptionSpec {"--no-wait", false, Kill},
    OptionSpec {"--set", true, ResultCmd},
    OptionSpec {"--status", true, Jobs},
    OptionSpec {"--since", true, Jobs},
    OptionSpec {"--limit", true, Jobs},
    OptionSpec {"--label", true, Profile},
    OptionSpec {"--color", true, Profile},
    OptionSpec {"--name", true, Profile},
    OptionSpec {"--idle", false, EnginesCmd},
};

// Flags that would put a secret on the command line, where every user can read it with ps.
constexpr std::array secretFlags {"--password",   "--token",  "--validation-code",
                                  "--token-code", "--secret", "-p"};

ApiError usageError(const QString &message)
{
    return ApiError::make(ApiError::Kind::Usage, message);
}

std::optional<CliCommand> commandFromName(const QString &name)
{
    static const QList<QPair<QLatin1String, CliCommand>> names {
        {QLatin1String("submit"), CliCommand::Submit},
        {QLatin1String("status"), CliCommand::Status},
        {QLatin1String("progress"), CliCommand::Progress},
        {QLatin1String("log"), CliCommand::Log},
        {QLatin1String("kill"), CliCommand::Kill},
        {QLatin1String("result"), CliCommand::Result},
        {QLatin1String("jobs"), CliCommand::Jobs},
        {QLatin1String("profile"), CliCommand::Profile},
        {QLatin1String("meta"), CliCommand::Meta},
        {QLatin1String("engines"), CliCommand::Engines},
        {QLatin1String("ws"), CliCommand::Ws},
        {QLatin1String("help"), CliCommand::Help},
        {QLatin1String("version"), CliCommand::Version},
    };
    for (const auto &[n, c] : names) {
        if (name == n)
            return c;
    }
    return std::nullopt;
}

unsigned scopeOf(CliCommand command)
{
    switch (command) {
    case CliCommand::Submit: return Submit;
    case CliCommand::Log: return Log;
    case CliCommand::Kill: return Kill;
    case CliCommand::Result: return ResultCmd;
    case CliCommand::Jobs: return Jobs;
    case CliCommand::Profile: return Profile;
    case CliCommand::Engines: return EnginesCmd;
    default: return 0;
    }
}

const OptionSpec *findOption(const QString &name)
{
    for (const OptionSpec &spec : options) {
        if (name == QLatin1String(spec.name))
            return &spec;
    }
    return nullptr;
}

Result<QPair<QString, QString>> keyValue(const QString &option, const QString &text)
{
    const qsizetype eq = text.indexOf(u'=');
    if (eq <= 0)
        return usageError(QStringLiteral("%1 expects KEY=VALUE, got \"%2\"").arg(option, text));
    return QPair<QString, QString> {text.left(eq), text.mid(eq + 1)};
}

Result<qint64> taskIdFrom(const QString &text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        return usageError(
            QStringLiteral("TASK must be a numeric task ID (the taskID), got \"%1\"").arg(text));
    return id;
}

Result<int> intFrom(const QString &option, const QString &text, int minimum)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < minimum)
        return usageError(QStringLiteral("%1 expects a whole number of at least %2, got \"%3\"")
                              .arg(option)
                              .arg(minimum)
                              .arg(text));
    return value;
}

} // namespace

Result<int> CliArguments::timeoutFrom(const QString &source, const QString &text)
{
    bool ok = false;
    const int seconds = text.trimmed().toInt(&ok);
    if (!ok || seconds < 1 || seconds > maxTimeoutSec)
        return usageError(
            QStringLiteral("%1 expects a whole number of seconds from 1 to %2, got \"%3\"")
                .arg(source)
                .arg(maxTimeoutSec)
                .arg(text));
    return seconds;
}

namespace {

class Parser
{
public:
    explicit Parser(const QStringList &arguments)
        : m_args(arguments)
    { }

    Result<CliArguments> run()
    {
        QStringList positionals;
        bool commandSeen = false;
        bool onlyPositionals = false;
        bool help = false;
        for (qsizetype i = 0; i < m_args.size(); ++i) {
            const QString &arg = m_args.at(i);
            if (onlyPositionals || arg == u'-' || !arg.startsWith(u'-')) {
                if (!commandSeen) {
                    const auto command = commandFromName(arg);
                    if (!command)
                        return usageError(QStringLiteral("unknown command \"%1\"").arg(arg));
                    m_out.command = *command;
                    commandSeen = true;
                } else {
                    positionals.append(arg);
                }
                continue;
            }
            if (arg == QLatin1String("--")) {
                onlyPositionals = true;
                continue;
            }
            QString name = arg;
            QString value;
            bool inlineValue = false;
            const qsizetype eq = arg.indexOf(u'=');
            if (arg.startsWith(QLatin1String("--")) && eq > 0) {
                name = arg.left(eq);
                value = arg.mid(eq + 1);
                inlineValue = true;
            }
            for (const char *secret : secretFlags) {
                if (name == QLatin1String(secret))
                    return usageError(
                        QStringLiteral(
                            "%1 is not accepted: a secret on the command line is visible "
                            "to every user (ps, shell history); use --password-stdin, "
                            "LINKIS_DESK_PASSWORD, LINKIS_DESK_TOKEN, "
                            "LINKIS_DESK_VALIDATION_CODE or the profile's keyring entry")
                            .arg(name));
            }
            const OptionSpec *spec = findOption(name);
            const unsigned scope = commandSeen ? scopeOf(m_out.command) : 0;
            if (!spec)
                return usageError(QStringLiteral("unknown option %1").arg(name));
            if (!(spec->scope & Global) && !(spec->scope & scope)) {
                if (!commandSeen)
                    return usageError(
                        QStringLiteral("option %1 must come after the command").arg(name));
                return usageError(QStringLiteral("option %1 does not apply to \"%2\"")
                                      .arg(name, m_args.at(commandIndex())));
            }
            if (spec->takesValue && !inlineValue) {
                if (i + 1 >= m_args.size())
                    return usageError(QStringLiteral("option %1 needs a value").arg(name));
                value = m_args.at(++i);
            } else if (!spec->takesValue && inlineValue) {
                return usageError(QStringLiteral("option %1 takes no value").arg(name));
            }
            if (name == QLatin1String("--help") || name == QLatin1String("-h")) {
                help = true;
                continue;
            }
            if (const auto error = apply(name, value); error.isError())
                return error;
        }
        if (help) {
            m_out.helpTopic = commandSeen ? m_args.at(commandIndex()) : QString();
            m_out.command = CliCommand::Help;
            return m_out;
        }
        if (m_version) {
            m_out.command = CliCommand::Version;
            return m_out;
        }
        if (!commandSeen)
            return usageError(QStringLiteral("no command given"));
        if (m_out.json && !m_formatGiven)
            m_out.format = RowFormat::Json;
        if (const auto error = positionalsFor(positionals); error.isError())
            return error;
        if (const auto error = validate(); error.isError())
            return error;
        return m_out;
    }

private:
    qsizetype commandIndex() const
    {
        for (qsizetype i = 0; i < m_args.size(); ++i) {
            if (commandFromName(m_args.at(i)))
                return i;
        }
        return 0;
    }

    ApiError apply(const QString &name, const QString &value)
    {
        CliArguments &o = m_out;
        auto is = [&name](const char *n) { return name == QLatin1String(n); };
        if (is("--profile")) {
            o.profile = value;
        } else if (is("--server")) {
            o.server = value;
        } else if (is("--user")) {
            o.user = value;
        } else if (is("--auth")) {
            if (value != QLatin1String("password") && value != QLatin1String("token") &&
                value != QLatin1String("proxy"))
                return usageError(
                    QStringLiteral("--auth must be password, token or proxy, got \"%1\"")
                        .arg(value));
            o.auth = value;
        } else if (is("--proxy-user")) {
            o.proxyUser = value;
        } else if (is("--api")) {
            if (value != QLatin1String("submit") && value != QLatin1String("execute"))
                return usageError(
                    QStringLiteral("--api must be submit or execute, got \"%1\"").arg(value));
            o.api = value;
        } else if (is("--password-stdin")) {
            o.passwordStdin = true;
        } else if (is("--json")) {
            o.json = true;
        } else if (is("--quiet") || is("-q")) {
            o.quiet = true;
        } else if (is("--timeout")) {
            auto seconds = CliArguments::timeoutFrom(name, value);
            if (!seconds)
                return seconds.error();
            o.timeoutSec = *seconds;
        } else if (is("--version")) {
            o.command = CliCommand::Version;
            m_version = true;
        } else if (is("-e") || is("--code")) {
            if (o.hasCode)
                return usageError(QStringLiteral("-e was given twice"));
            o.code = value;
            o.hasCode = true;
        } else if (is("--engine")) {
            o.engine = value;
        } else if (is("--run-type")) {
            o.runType = value;
        } else if (is("--creator")) {
            o.creator = value;
        } else if (is("--var") || is("--startup") || is("--runtime") || is("--special")) {
            auto kv = keyValue(name, value);
            if (!kv)
                return kv.error();
            KeyValueList &list = is("--var") ? o.variables
                : is("--startup")            ? o.startup
                : is("--runtime")            ? o.runtime
                                             : o.special;
            list.append(*kv);
        } else if (is("--async")) {
            o.async = true;
        } else if (is("--format")) {
            const auto format = rowFormatFromName(value);
            if (!format)
                return usageError(
                    QStringLiteral("--format must be tsv, csv, json or xlsx, got \"%1\"")
                        .arg(value));
            o.format = *format;
            m_formatGiven = true;
        } else if (is("--output")) {
            if (value.isEmpty())
                return usageError(QStringLiteral("--output needs a directory"));
            o.outputDir = value;
        } else if (is("--follow")) {
            o.follow = true;
        } else if (is("--level")) {
            static const QStringList levels {QStringLiteral("all"), QStringLiteral("error"),
                                             QStringLiteral("warn"), QStringLiteral("info")};
            if (!levels.contains(value))
                return usageError(
                    QStringLiteral("--level must be all, error, warn or info, got \"%1\"")
                        .arg(value));
            o.level = value;
        } else if (is("--no-wait")) {
            o.noWait = true;
        } else if (is("--set")) {
            auto n = intFrom(name, value, 0);
            if (!n)
                return n.error();
            o.resultSet = *n;
        } else if (is("--status")) {
            for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
                const auto status = jobStatusFromName(part);
                if (!status)
                    return usageError(
                        QStringLiteral("unknown job status \"%1\" (use %2)")
                            .arg(part.trimmed(),
                                 jobStatusNames(allJobStatuses()).join(QStringLiteral(", "))));
                o.statuses.append(jobStatusName(*status));
            }
        } else if (is("--since")) {
            o.since = QDate::fromString(value, Qt::ISODate);
            if (!o.since.isValid() || value.size() != 10)
                return usageError(
                    QStringLiteral("--since expects a date as YYYY-MM-DD, got \"%1\"").arg(value));
        } else if (is("--limit")) {
            auto n = intFrom(name, value, 1);
            if (!n)
                return n.error();
            o.limit = *n;
        } else if (is("--label")) {
            o.label = value;
        } else if (is("--color")) {
            o.color = value;
        } else if (is("--name")) {
            o.profileName = value;
        } else if (is("--idle")) {
            o.killIdle = true;
        }
        return {};
    }

    ApiError positionalsFor(const QStringList &positionals)
    {
        CliArguments &o = m_out;
        if (m_version) {
            o.command = CliCommand::Version;
            return {};
        }
        switch (o.command) {
        case CliCommand::Help:
            if (positionals.size() > 1)
                return usageError(QStringLiteral("help takes at most one command name"));
            o.helpTopic = positionals.value(0);
            return {};
        case CliCommand::Version:
            return positionals.isEmpty() ? ApiError {}
                                         : usageError(QStringLiteral("version takes no arguments"));
        case CliCommand::Submit:
            if (positionals.size() > 1)
                return usageError(QStringLiteral("submit takes one script (FILE or -), got %1")
                                      .arg(positionals.size()));
            o.file = positionals.value(0);
            return {};
        case CliCommand::Status:
        case CliCommand::Progress:
        case CliCommand::Log:
        case CliCommand::Kill:
        case CliCommand::Result: {
            if (positionals.size() != 1)
                return usageError(QStringLiteral("%1 needs exactly one TASK (the numeric taskID)")
                                      .arg(m_args.at(commandIndex())));
            auto id = taskIdFrom(positionals.constFirst());
            if (!id)
                return id.error();
            o.taskId = *id;
            return {};
        }
        case CliCommand::Jobs:
            return positionals.isEmpty()
                ? ApiError {}
                : usageError(QStringLiteral("jobs takes no arguments, got \"%1\"")
                                 .arg(positionals.constFirst()));
        case CliCommand::Profile: return profilePositionals(positionals);
        case CliCommand::Meta: return metaPositionals(positionals);
        case CliCommand::Engines: return enginesPositionals(positionals);
        case CliCommand::Ws: return wsPositionals(positionals);
        }
        return {};
    }

    ApiError enginesPositionals(const QStringList &positionals)
    {
        CliArguments &o = m_out;
        o.enginesAction = positionals.value(0, QStringLiteral("list"));
        const QStringList rest = positionals.mid(1);
        if (o.enginesAction == QLatin1String("list")) {
            if (!rest.isEmpty() || o.killIdle)
                return usageError(QStringLiteral("engines list takes no arguments"));
        } else if (o.enginesAction == QLatin1String("kill")) {
            if (o.killIdle ? !rest.isEmpty() : rest.size() != 1 || rest.constFirst().isEmpty())
                return usageError(QStringLiteral("engines kill needs one engine ID (host:port, "
                                                 "as engines list shows it) or --idle"));
            o.engineInstance = rest.value(0);
        } else {
            return usageError(QStringLiteral("unknown engines action \"%1\" (use engines list, "
                                             "engines kill ID or engines kill --idle)")
                                  .arg(o.enginesAction));
        }
        return {};
    }

    ApiError wsPositionals(const QStringList &positionals)
    {
        CliArguments &o = m_out;
        const QString usage = QStringLiteral(
            "use ws ls [PATH], ws cat PATH, ws put LOCAL PATH, ws get PATH LOCAL, ws rm PATH or "
            "ws mkdir PATH");
        if (positionals.isEmpty())
            return usageError(QStringLiteral("ws needs an action: ") + usage);
        o.wsAction = positionals.constFirst();
        o.wsArgs = positionals.mid(1);
        const qsizetype n = o.wsArgs.size();
        const QString &a = o.wsAction;
        bool ok = false;
        if (a == QLatin1String("ls"))
            ok = n <= 1;
        else if (a == QLatin1String("cat") || a == QLatin1String("rm") ||
                 a == QLatin1String("mkdir"))
            ok = n == 1;
        else if (a == QLatin1String("put") || a == QLatin1String("get"))
            ok = n == 2;
        else
            return usageError(QStringLiteral("unknown ws action \"%1\" (%2)").arg(a, usage));
        for (const QString &arg : std::as_const(o.wsArgs))
            ok = ok && !arg.isEmpty();
        if (!ok)
            return usageError(QStringLiteral("wrong arguments for ws %1 (%2)").arg(a, usage));
        return {};
    }

    ApiError metaPositionals(const QStringList &positionals)
    {
        CliArguments &o = m_out;
        const QString usage =
            QStringLiteral("use meta dbs, meta tables DB or meta columns DB.TABLE");
        if (positionals.isEmpty())
            return usageError(QStringLiteral("meta needs what to list: ") + usage);
        o.metaAction = positionals.constFirst();
        const QStringList rest = positionals.mid(1);
        if (o.metaAction == QLatin1String("dbs")) {
            if (!rest.isEmpty())
                return usageError(QStringLiteral("meta dbs takes no arguments"));
        } else if (o.metaAction == QLatin1String("tables")) {
            if (rest.size() != 1 || rest.constFirst().isEmpty())
                return usageError(QStringLiteral("meta tables needs one DB"));
            o.metaDatabase = rest.constFirst();
        } else if (o.metaAction == QLatin1String("columns")) {
            const QString name = rest.value(0);
            const qsizetype dot = name.indexOf(u'.');
            if (rest.size() != 1 || dot <= 0 || dot == name.size() - 1)
                return usageError(
                    QStringLiteral("meta columns needs one DB.TABLE, e.g. default.demo_sales"));
            o.metaDatabase = name.left(dot);
            o.metaTable = name.mid(dot + 1);
        } else {
            return usageError(
                QStringLiteral("unknown meta action \"%1\" (%2)").arg(o.metaAction, usage));
        }
        return {};
    }

    ApiError profilePositionals(const QStringList &positionals)
    {
        CliArguments &o = m_out;
        static const QStringList actions {QStringLiteral("list"), QStringLiteral("add"),
                                          QStringLiteral("remove"), QStringLiteral("test"),
                                          QStringLiteral("import-linkis-cli")};
        if (positionals.isEmpty())
            return usageError(QStringLiteral("profile needs an action: list, add, remove, test or "
                                             "import-linkis-cli"));
        o.profileAction = positionals.constFirst();
        if (!actions.contains(o.profileAction))
            return usageError(QStringLiteral("unknown profile action \"%1\" (use list, add, "
                                             "remove, test or import-linkis-cli)")
                                  .arg(o.profileAction));
        const QStringList rest = positionals.mid(1);
        if (o.profileAction == QLatin1String("list")) {
            if (!rest.isEmpty())
                return usageError(QStringLiteral("profile list takes no arguments"));
        } else if (o.profileAction == QLatin1String("import-linkis-cli")) {
            if (rest.size() != 1)
                return usageError(QStringLiteral(
                    "profile import-linkis-cli needs one FILE (linkis-cli.properties)"));
            o.importFile = rest.constFirst();
        } else if (o.profileAction == QLatin1String("test")) {
            if (rest.size() > 1)
                return usageError(QStringLiteral("profile test takes at most one NAME"));
            if (!rest.isEmpty())
                o.profileName = rest.constFirst();
        } else {
            if (rest.size() != 1)
                return usageError(
                    QStringLiteral("profile %1 needs exactly one NAME").arg(o.profileAction));
            o.profileName = rest.constFirst();
        }
        return {};
    }

    ApiError validate()
    {
        CliArguments &o = m_out;
        if (!o.server.isEmpty()) {
            const QUrl url(o.server, QUrl::StrictMode);
            if (!url.isValid() || url.host().isEmpty() ||
                (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
                return usageError(
                    QStringLiteral("--server must be an http:// or https:// URL, got \"%1\"")
                        .arg(o.server));
        }
        if (!o.profile.isEmpty() && !o.server.isEmpty())
            return usageError(QStringLiteral("give either --profile or --server, not both"));
        if (o.command == CliCommand::Submit) {
            if (o.hasCode && !o.file.isEmpty())
                return usageError(QStringLiteral("give the code either with -e or as FILE, "
                                                 "not both"));
            if (!o.hasCode && o.file.isEmpty())
                return usageError(QStringLiteral("submit needs code: -e CODE, a FILE, or - for "
                                                 "standard input"));
            if (o.hasCode && o.code.trimmed().isEmpty())
                return usageError(QStringLiteral("-e was given empty code"));
            if (o.file == u'-' && o.passwordStdin)
                return usageError(QStringLiteral("standard input cannot carry both the script "
                                                 "and --password-stdin"));
            if (o.engine.isEmpty() && o.profile.isEmpty())
                return usageError(QStringLiteral("submit needs --engine ENGINE[-VERSION]"));
            if (o.async && (!o.outputDir.isEmpty() || m_formatGiven))
                return usageError(QStringLiteral("--async prints only the task ID; --format and "
                                                 "--output need the job to be followed"));
        }
        if (o.command == CliCommand::Profile && o.profileAction == QLatin1String("add")) {
            if (o.server.isEmpty())
                return usageError(QStringLiteral("profile add needs --server URL"));
        }
        if (o.format == RowFormat::Xlsx && o.outputDir.isEmpty())
            return usageError(QStringLiteral("--format xlsx writes a workbook file: give --output "
                                             "DIR"));
        if (o.needsServer() && o.profile.isEmpty() && o.server.isEmpty())
            return usageError(QStringLiteral("no gateway given: use --profile NAME, or --server "
                                             "URL with --user NAME"));
        if (!o.server.isEmpty() && o.user.isEmpty())
            return usageError(QStringLiteral("--server needs --user NAME"));
        return {};
    }

    const QStringList &m_args;
    CliArguments m_out;
    bool m_version = false;
    bool m_formatGiven = false;
};

} // namespace

Result<CliArguments> CliArguments::parse(const QStringList &arguments)
{
    return Parser(arguments).run();
}

QString CliArguments::usage(const QString &topic)
{
    return cliUsage(topic);
}

bool CliArguments::needsServer() const
{
    switch (command) {
    case CliCommand::Help:
    case CliCommand::Version: return false;
    case CliCommand::Profile:
        return profileAction == QLatin1String("test") && profileName.isEmpty();
    default: return true;
    }
}

} // namespace linkisdesk
