// SPDX-License-Identifier: GPL-3.0-or-later
// linkis-desk-gateway: prints {"url":...,"token":...} on stdout once listening; logs on stderr.
#include "gateway.h"
#include "gatewayoptions.h"
#include "unixsignalwatcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

using namespace linkisdesk::gateway;

namespace {

// Written to a temporary file created 0600, then renamed, so no reader sees a partial file.
bool writeRuntimeFile(const QString &path, const QByteArray &content)
{
    const QFileInfo info(path);
    const QString dir = info.absolutePath();
    if (!QFileInfo::exists(dir)) {
        if (!QDir().mkpath(dir))
            return false;
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    const QByteArray tmp = QFile::encodeName(info.absoluteFilePath() + QStringLiteral(".tmp"));
    ::unlink(tmp.constData());
    const int fd = ::open(tmp.constData(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    const bool ok =
        ::write(fd, content.constData(), size_t(content.size())) == ssize_t(content.size());
    ::close(fd);
    return ok &&
        ::rename(tmp.constData(), QFile::encodeName(info.absoluteFilePath()).constData()) == 0;
}

} // namespace

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
    UnixSignalWatcher signals_;
    const auto url = gateway.start();
    if (!url) {
        std::fprintf(stderr, "linkis-desk-gateway: %s\n", qPrintable(url.error().message));
        return 1;
    }
    const QString urlText = url->toString();
    if (!options->runtimeFile.isEmpty()) {
        const QJsonObject runtime {
            {QStringLiteral("url"), urlText},
            {QStringLiteral("token"), gateway.token()},
            {QStringLiteral("pid"), double(QCoreApplication::applicationPid())}};
        if (!writeRuntimeFile(options->runtimeFile,
                              QJsonDocument(runtime).toJson(QJsonDocument::Compact))) {
            std::fprintf(stderr, "linkis-desk-gateway: cannot write %s: %s\n",
                         qPrintable(options->runtimeFile), std::strerror(errno));
        }
    }
    const QJsonObject hello {{QStringLiteral("url"), urlText},
                             {QStringLiteral("token"), gateway.token()}};
    std::fputs(QJsonDocument(hello).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
    std::fflush(stdout);
    std::fprintf(stderr, "linkis-desk-gateway: listening on %s, data in %s\n", qPrintable(urlText),
                 qPrintable(gateway.dataDir()));

    QObject::connect(&signals_, &UnixSignalWatcher::received, &app, [&](int sig) {
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
