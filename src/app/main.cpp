// SPDX-License-Identifier: GPL-3.0-or-later
// linkis-desk [--profile NAME] [--test-report FILE] [--quit-after-show] [FILE...]
// Builds the long-lived objects once and hands them to the main window.
#include "desktop/translationloader.h"
#include "jobs/jobjournal.h"
#include "jobs/jobregistry.h"
#include "localgateway/localgateway.h"
#include "mainwindow.h"
#include "profiles/clientpool.h"
#include "profiles/keychainsecretstore.h"
#include "profiles/profilestore.h"
#include "settings/appsettings.h"
#include "settings/settingkeys.h"
#include "theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QStatusBar>
#include <QTextStream>
#include <QTimer>

using namespace linkisdesk;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("linkis-desk"));
    QApplication::setApplicationDisplayName(QStringLiteral("Linkis Desk"));
    QApplication::setApplicationVersion(QStringLiteral(LINKIS_DESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.linkisdesk.LinkisDesk"));
    Theme::captureSystemPalette();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Linkis Desk: a desktop client for Apache Linkis"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           QStringLiteral("Use this profile for new tabs."),
                                           QStringLiteral("NAME"));
    const QCommandLineOption reportOption(
        QStringLiteral("test-report"),
        QStringLiteral("Write the outcome of each finished job, the tabs' text and the job's log "
                       "lines to FILE as JSON (for automated tests)."),
        QStringLiteral("FILE"));
    const QCommandLineOption quitOption(
        QStringLiteral("quit-after-show"),
        QStringLiteral("Quit as soon as the window is shown (for packaging checks)."));
    parser.addOption(profileOption);
    parser.addOption(reportOption);
    parser.addOption(quitOption);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Scripts to open."),
                                 QStringLiteral("[FILE...]"));
    parser.process(app);

    AppSettings settings;
    const Result<Unit> settingsLoaded = settings.load();
    TranslationLoader translations; // before any widget: the system language or the setting
    translations.install(settings.value(SettingKeys::Language));
    ProfileStore profiles;
    const Result<Unit> profilesLoaded = profiles.load();
    if (parser.isSet(profileOption) && !profiles.contains(parser.value(profileOption))) {
        QTextStream(stderr) << "linkis-desk: there is no profile called "
                            << parser.value(profileOption) << '\n';
        return 2;
    }
    KeychainSecretStore secrets;
    JobJournal journal;
    const Result<Unit> journalLoaded = journal.load();
    JobRegistry registry;
    LocalGateway::Options local;
    local.detached = true; // jobs on the local gateway keep running when the app quits
    ClientPool clients(&profiles, &secrets, local);

    AppContext context;
    context.settings = &settings;
    context.profiles = &profiles;
    context.secrets = &secrets;
    context.clients = &clients;
    context.registry = &registry;
    context.journal = &journal;

    MainWindow window(context);
    if (parser.isSet(reportOption))
        window.setTestReportPath(QDir::current().absoluteFilePath(parser.value(reportOption)));
    QStringList files;
    for (const QString &f : parser.positionalArguments())
        files << QDir::current().absoluteFilePath(f);
    window.startUp(files, parser.value(profileOption));
    window.show();
    for (const Result<Unit> *r : {&settingsLoaded, &profilesLoaded, &journalLoaded}) {
        if (!r->ok())
            window.statusBar()->showMessage(r->error().message, 10000);
    }
    if (parser.isSet(quitOption))
        QTimer::singleShot(0, &app, &QCoreApplication::quit);
    return app.exec();
}
