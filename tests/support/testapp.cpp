// SPDX-License-Identifier: GPL-3.0-or-later
#include "testapp.h"

#include "jobs/runcontroller.h"

#include <QTest>

namespace linkisdesk::testsupport {

LocalGateway::Options TestApp::localGateway(const QString &dir, bool reuse,
                                            const QStringList &extraArguments)
{
    LocalGateway::Options local;
    local.executable = QStringLiteral(LINKIS_DESK_GATEWAY_BIN);
    local.dataDir = dir + QStringLiteral("/gateway");
    local.runtimeFile = dir + QStringLiteral("/gateway.json");
    local.extraArguments = extraArguments;
    local.reuse = reuse;
    local.detached = false;
    return local;
}

TestApp::TestApp(const QString &dir, const LocalGateway::Options &local,
                 const QString &profilesFile)
    : settings(dir + QStringLiteral("/settings.json"))
    , profiles(profilesFile.isEmpty() ? dir + QStringLiteral("/profiles.json") : profilesFile)
    , journal(dir + QStringLiteral("/jobs.json"))
    , clients(&profiles, &secrets, local)
{
    settings.load();
    profiles.load();
    journal.load();
    journal.setSaveDelay(0);
    context.settings = &settings;
    context.profiles = &profiles;
    context.secrets = &secrets;
    context.clients = &clients;
    context.registry = &registry;
    context.journal = &journal;
}

std::unique_ptr<MainWindow> makeMainWindow(const AppContext &context)
{
    auto w = std::make_unique<MainWindow>(context);
    w->setQuitPrompt([](int) { return MainWindow::QuitAnswer::LeaveRunning; });
    return w;
}

bool showMainWindow(MainWindow &window)
{
    window.startUp({}, {});
    window.show();
    window.activateWindow();
    return QTest::qWaitForWindowActive(&window);
}

std::unique_ptr<MainWindow> openMainWindow(const AppContext &context)
{
    auto w = makeMainWindow(context);
    w->runs()->setKillPrompt([](const QString &, bool, const QString &, bool *) { return true; });
    if (!showMainWindow(*w))
        return nullptr;
    return w;
}

} // namespace linkisdesk::testsupport
