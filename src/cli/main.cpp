// SPDX-License-Identifier: GPL-3.0-or-later
// linkis-desk-cli: parses the command line, runs one command on the event loop, exits with its
// code. The commands live in their own files; this only wires them.
#include "cliapp.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("linkis-desk"));
    QCoreApplication::setOrganizationName(QStringLiteral("linkis-desk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LINKIS_DESK_VERSION));
    return linkisdesk::runCli(app);
}
