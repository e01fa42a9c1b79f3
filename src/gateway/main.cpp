// SPDX-License-Identifier: GPL-3.0-or-later
// linkis-desk-gateway: prints {"url":...,"token":...} on stdout once listening; logs on stderr.
#include "gateway.h"
#include "gatewayoptions.h"
#include "localgateway/gatewayruntimefile.h"
#include "util/signalwatcher.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>
#include <cstdio>

using namespace linkisdesk;
using namespace linkisdesk::gateway;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("linkis-desk-gateway"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LINKIS_DESK_VERSION));
    ::signal(SIGPIPE, SIG_IGN);

    const auto options = GatewayOptions::parse(QCoreApplication::arguments());
    if (!options) {
        std::fprintf(stderr, "linkis-desk-gateway: %s\n", qPrintable(options.error().message));
        return 2;
    }
    if (options->showVersion) {
        std::printf("linkis-desk-gateway %s\n", LINKIS_DESK_VERSION);
        return 0;
    }

    Gateway gateway(*options);
    SignalWatcher signals_;
    const auto url = gateway.start();
    if (!url) {
        std::fprintf(stderr, "linkis-desk-gateway: %s\n", qPrintable(url.error().message));
        return 1;
    }
    const QString urlText = url->toString();
    if (!options->runtimeFile.isEmpty()) {
        const GatewayRuntimeFile runtime {*url, gateway.token(),
                                          QCoreApplication::applicationPid()};
        if (const auto written = runtime.write(options->runtimeFile); !written) {
            std::fprintf(stderr, "linkis-desk-gateway: %s\n", qPrintable(written.error().message));
        }
    }
    const QJsonObject hello {{QStringLiteral("url"), urlText},
                             {QStringLiteral("token"), gateway.token()}};
    std::fputs(QJsonDocument(hello).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
    std::fflush(stdout);
    std::fprintf(stderr, "linkis-desk-gateway: listening on %s, data in %s\n", qPrintable(urlText),
                 qPrintable(gateway.dataDir()));

    QObject::connect(&signals_, &SignalWatcher::interrupted, &app, [&](int sig, int) {
        std::fprintf(stderr, "linkis-desk-gateway: signal %d, shutting down\n", sig);
        gateway.stop();
        QCoreApplication::quit();
    });
    const int rc = QCoreApplication::exec();
    gateway.stop();
    if (!options->runtimeFile.isEmpty())
        QFile::remove(options->runtimeFile);
    return rc;
}
