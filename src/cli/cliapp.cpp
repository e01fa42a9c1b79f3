// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliapp.h"

#include "cliarguments.h"
#include "cliexit.h"
#include "clioutput.h"

#include <QCoreApplication>

namespace linkisdesk {

int runCli(QCoreApplication &app)
{
    CliOutput output;
    auto parsed = CliArguments::parse(app.arguments().mid(1));
    if (!parsed) {
        output.error(parsed.error().message + QStringLiteral(" (see linkis-desk-cli --help)"));
        return ExitUsage;
    }
    const CliArguments &args = *parsed;
    output.setJson(args.json);
    output.setQuiet(args.quiet);
    switch (args.command) {
    case CliCommand::Help:
        output.write(CliArguments::usage(args.helpTopic).toUtf8());
        return ExitOk;
    case CliCommand::Version:
        output.writeLine(QStringLiteral("linkis-desk-cli ") +
                         QCoreApplication::applicationVersion());
        return ExitOk;
    default: break;
    }
    output.error(QStringLiteral("this command is not available yet"));
    return ExitServer;
}

} // namespace linkisdesk
