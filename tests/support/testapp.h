// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appcontext.h"
#include "jobs/jobjournal.h"
#include "jobs/jobregistry.h"
#include "localgateway/localgateway.h"
#include "mainwindow.h"
#include "profiles/clientpool.h"
#include "profiles/memorysecretstore.h"
#include "profiles/profilestore.h"
#include "settings/appsettings.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace linkisdesk::testsupport {

// Everything app/main.cpp builds, on private files in `dir` (settings.json, jobs.json and the
// profiles file, profiles.json unless given), secrets in memory, and the "Local" profile's
// gateway started from the build tree. The journal saves at once.
struct TestApp
{
    // The build tree's linkis-desk-gateway with its data and runtime file in `dir`.
    static LocalGateway::Options localGateway(const QString &dir, bool reuse = true,
                                              const QStringList &extraArguments = {});

    TestApp(const QString &dir, const LocalGateway::Options &local,
            const QString &profilesFile = QString());

    AppSettings settings;
    ProfileStore profiles;
    MemorySecretStore secrets;
    JobJournal journal;
    JobRegistry registry;
    ClientPool clients;
    AppContext context;
};

// A main window on `context` that leaves running jobs running when it quits; not started up.
std::unique_ptr<MainWindow> makeMainWindow(const AppContext &context);
// Starts `window` up (no files, no script), shows and activates it; false if it never became
// the active window.
bool showMainWindow(MainWindow &window);
// makeMainWindow() that kills without asking, then showMainWindow(); null when not shown.
std::unique_ptr<MainWindow> openMainWindow(const AppContext &context);

} // namespace linkisdesk::testsupport
