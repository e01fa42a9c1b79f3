// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the local gateway's request handling in-process, from the ApiRequest that
// HttpServer builds out of the socket down to every route: Origin check, prefix, body limit,
// routing, authentication, argument and query parsing, job history, filesystem paths. Job
// submission bodies go to JobRequestParser instead of being run (the fuzzer must not start
// processes).
//
// Input: byte 0 = flags (bit 0: valid Token-Code + Token-User, bit 1: a foreign Origin, bits
// 2-4: method), then "path?query\n", header lines "Name: value\n" up to an empty line, then the
// body. "@ROOT@" is replaced by the gateway's data directory and "@OUT@" by a directory next to
// it that holds a canary file: no reply may ever contain the canary (no traversal, no symlink
// escape through the result directory).
#include "fuzzcheck.h"
#include "http/apirequest.h"
#include "http/authservice.h"
#include "http/httpserver.h"
#include "http/router.h"
#include "jobs/gatewaypaths.h"
#include "jobs/jobmanager.h"
#include "jobs/jobrequestparser.h"
#include "routes/entranceroutes.h"
#include "routes/filesystemroutes.h"
#include "routes/jobhistoryroutes.h"
#include "routes/userroutes.h"
#include "store/jobstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QUrl>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

using namespace linkisdesk;
using namespace linkisdesk::gateway;

namespace {

const QByteArray kToken = "fuzz-token-0123456789";
const QByteArray kCanary = "CANARY-outside-the-gateway-5f1e";

struct World
{
    std::unique_ptr<QCoreApplication> app;
    std::unique_ptr<QTemporaryDir> tmp;
    QString root;
    QString outside;
    std::unique_ptr<JobStore> store;
    std::unique_ptr<AuthService> auth;
    std::unique_ptr<Router> router;
    std::unique_ptr<JobManager> jobs;
    std::unique_ptr<EntranceRoutes> entrance;
    std::unique_ptr<UserRoutes> user;
    std::unique_ptr<JobHistoryRoutes> history;
    std::unique_ptr<FilesystemRoutes> filesystem;
    std::unique_ptr<HttpServer> http;
};

World *world = nullptr;

void buildWorld(int *argc, char ***argv)
{
    // The world lives until the process exits; then everything but the application object is
    // torn down, which removes the temporary directory. QCoreApplication keeps a reference to
    // argc, so it gets its own that outlives main().
    world = new World;
    std::atexit([] {
        world->http.reset();
        world->filesystem.reset();
        world->history.reset();
        world->user.reset();
        world->entrance.reset();
        world->jobs.reset();
        world->router.reset();
        world->auth.reset();
        world->store.reset();
        world->tmp.reset();
    });
    static int appArgc = 1;
    static char *appArgv[] = {(*argv)[0], nullptr};
    (void)argc;
    world->app = std::make_unique<QCoreApplication>(appArgc, appArgv);
    world->tmp = std::make_unique<QTemporaryDir>();
    fuzz::require(world->tmp->isValid(), "a temporary directory");
    world->root = world->tmp->filePath(QStringLiteral("gateway"));
    world->outside = world->tmp->filePath(QStringLiteral("outside"));
    QDir().mkpath(world->root);
    QDir().mkpath(world->outside);
    QFile canary(world->outside + QStringLiteral("/canary.txt"));
    fuzz::require(canary.open(QIODevice::WriteOnly), "the canary file");
    canary.write(kCanary + '\n');
    canary.close();
    const GatewayPaths paths(world->root);
    // A symlink from inside the data directory to the canary: the guard must refuse it.
    QFile::link(world->outside + QStringLiteral("/canary.txt"),
                world->root + QStringLiteral("/link.txt"));
    world->store = std::make_unique<JobStore>();
    QString error;
    fuzz::require(world->store->open(paths.historyDb(), &error), "the job store opens");
    world->auth = std::make_unique<AuthService>(QString::fromLatin1(kToken));
    world->router = std::make_unique<Router>();
    world->jobs = std::make_unique<JobManager>(*world->store, paths, 1);
    world->jobs->setInstance(QStringLiteral("127.0.0.1:1"));
    world->entrance = std::make_unique<EntranceRoutes>(*world->jobs);
    world->user = std::make_unique<UserRoutes>(*world->auth);
    world->history = std::make_unique<JobHistoryRoutes>(*world->jobs, *world->store);
    world->filesystem = std::make_unique<FilesystemRoutes>(paths);
    world->entrance->install(*world->router);
    world->user->install(*world->router);
    world->history->install(*world->router);
    world->filesystem->install(*world->router);
    world->http = std::make_unique<HttpServer>(*world->router, *world->auth);
}

QByteArray expand(QByteArray text)
{
    text.replace("@ROOT@", world->root.toUtf8());
    text.replace("@OUT@", world->outside.toUtf8());
    return text;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    buildWorld(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    static const char *methods[] = {"GET", "POST", "PUT", "DELETE", "GET", "POST", "OPTIONS", ""};
    const uint8_t flags = data[0];
    const QByteArray input = expand(fuzz::bytes(data + 1, size - 1));

    ApiRequest request;
    request.method = QString::fromLatin1(methods[(flags >> 2) & 7]);
    const qsizetype lineEnd = input.indexOf('\n');
    const QByteArray target = lineEnd < 0 ? input : input.left(lineEnd);
    qsizetype pos = lineEnd < 0 ? input.size() : lineEnd + 1;
    while (pos < input.size()) {
        const qsizetype end = input.indexOf('\n', pos);
        const QByteArray line = input.mid(pos, end < 0 ? -1 : end - pos);
        pos = end < 0 ? input.size() : end + 1;
        if (line.isEmpty())
            break;
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            request.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    request.body = input.mid(pos);
    if (flags & 1) {
        request.headers.append(qMakePair(QByteArray("Token-Code"), kToken));
        request.headers.append(qMakePair(QByteArray("Token-User"), QByteArray("hadoop")));
    }
    if (flags & 2)
        request.headers.append(qMakePair(QByteArray("Origin"), QByteArray("http://evil.example")));

    // The same decoding HttpServer::handleRequest does on the request URL.
    const QString prefixed = target.startsWith('/')
        ? QString::fromUtf8(target)
        : HttpServer::kPrefix + QString::fromUtf8(target);
    const QUrl url(prefixed);
    request.fullPath = url.path(QUrl::FullyDecoded);
    if (request.fullPath.startsWith(HttpServer::kPrefix))
        request.path = request.fullPath.mid(HttpServer::kPrefix.size());
    request.query = QUrlQuery(url);

    if (request.path.contains(QStringLiteral("execute"), Qt::CaseInsensitive) ||
        request.path.contains(QStringLiteral("submit"), Qt::CaseInsensitive)) {
        const auto parsed = JobRequestParser::parse(request.body, QStringLiteral("hadoop"));
        fuzz::checkResult(parsed);
        return 0;
    }
    // The fuzzer may find the token or a session cookie by itself: then it is authenticated.
    const bool authenticated =
        (flags & 1) != 0 || input.contains(kToken) || !request.header("Cookie").isEmpty();
    const ApiReply reply = world->http->dispatch(request);
    fuzz::require(reply.httpStatus >= 200 && reply.httpStatus < 600, "an HTTP status");
    fuzz::require(!reply.body.isEmpty(), "every reply is a Linkis envelope");
    fuzz::require(!reply.body.contains(kCanary), "no file outside the gateway's directories");
    if (flags & 2)
        fuzz::require(reply.httpStatus == 403, "a foreign Origin is refused");
    for (const auto &header : reply.headers) {
        fuzz::require(header.first.compare("Access-Control-Allow-Origin", Qt::CaseInsensitive),
                      "no permissive CORS header");
    }
    if (!authenticated && !request.path.startsWith(QStringLiteral("user/")) &&
        reply.httpStatus == 200) {
        fuzz::require(false, "only user/* answers without authentication");
    }
    return 0;
}
