// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliapp.h"

#include "cliarguments.h"
#include "cliexit.h"
#include "clioutput.h"
#include "clisession.h"
#include "enginescommand.h"
#include "jobscommand.h"
#include "killcommand.h"
#include "logcommand.h"
#include "metacommand.h"
#include "profilecommand.h"
#include "resultcommand.h"
#include "statuscommand.h"
#include "submitcommand.h"
#include "util/signalwatcher.h"
#include "wscommand.h"

#include <QCoreApplication>
#include <QTimer>

#include <memory>

namespace linkisdesk {

namespace {

std::unique_ptr<CommandRunner> makeCommand(const CliArguments &args, CliSession *session,
                                           CliOutput &output)
{
    switch (args.command) {
    case CliCommand::Submit: return std::make_unique<SubmitCommand>(args, session, output);
    case CliCommand::Status:
    case CliCommand::Progress: return std::make_unique<StatusCommand>(args, session, output);
    case CliCommand::Log: return std::make_unique<LogCommand>(args, session, output);
    case CliCommand::Kill: return std::make_unique<KillCommand>(args, session, output);
    case CliCommand::Result: return std::make_unique<ResultCommand>(args, session, output);
    case CliCommand::Jobs: return std::make_unique<JobsCommand>(args, session, output);
    case CliCommand::Profile: return std::make_unique<ProfileCommand>(args, session, output);
    case CliCommand::Meta: return std::make_unique<MetaCommand>(args, session, output);
    case CliCommand::Engines: return std::make_unique<EnginesCommand>(args, session, output);
    case CliCommand::Ws: return std::make_unique<WsCommand>(args, session, output);
    case CliCommand::Help:
    case CliCommand::Version: break;
    }
    return nullptr;
}

} // namespace

int runCli(QCoreApplication &app)
{
    CliOutput output;
    auto parsed = CliArguments::parse(app.arguments().mid(1));
    if (!parsed) {
        output.error(parsed.error().message + QStringLiteral(" (see linkis-desk-cli --help)"));
        return ExitUsage;
    }
    CliArguments args = *parsed;
    output.setJson(args.json);
    output.setQuiet(args.quiet);
    if (args.command == CliCommand::Help) {
        output.write(CliArguments::usage(args.helpTopic).toUtf8());
        return ExitOk;
    }
    if (args.command == CliCommand::Version) {
        output.writeLine(QStringLiteral("linkis-desk-cli ") +
                         QCoreApplication::applicationVersion());
        return ExitOk;
    }
    // "profile test NAME" tests that profile.
    if (args.command == CliCommand::Profile && args.profileAction == u"test" &&
        !args.profileName.isEmpty()) {
        args.profile = args.profileName;
        args.server.clear();
    }

    CliSession session(args);
    const std::unique_ptr<CommandRunner> command = makeCommand(args, &session, output);
    if (!command) {
        output.error(QStringLiteral("nothing to do"));
        return ExitUsage;
    }
    int exitCode = ExitServer;
    QObject::connect(command.get(), &CommandRunner::done, &app, [&exitCode](int code) {
        exitCode = code;
        QCoreApplication::exit(code);
    });
    SignalWatcher signals_;
    QObject::connect(&signals_, &SignalWatcher::interrupted, command.get(),
                     [&command](int, int count) { command->interrupt(count); });
    QTimer::singleShot(0, command.get(), [&command] { command->start(); });
    app.exec();
    return exitCode;
}

} // namespace linkisdesk
