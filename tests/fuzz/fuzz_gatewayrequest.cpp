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
#include "gateway.h"
#include "http/apirequest.h"
#include "http/httpserver.h"
#include "jobs/jobmanager.h"
#include "jobs/jobrequestparser.h"

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
    std::unique_ptr<Gateway> gateway; // composed as linkis-desk-gateway composes it, not listening
    HttpServer *http = nullptr;
};

World *world = nullptr;

void buildWorld(int *argc, char ***argv)
{
    // The world lives until the process exits; then everything but the application object is
    // torn down, which removes the temporary directory. QCoreApplication keeps a reference to
    // argc, so it gets its own that outlives main().
    world = new World;
    std::atexit([] {
        world->http = nullptr;
        world->gateway.reset();
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
    // A symlink from inside the data directory to the canary: the guard must refuse it.
    QFile::link(world->outside + QStringLiteral("/canary.txt"),
                world->root + QStringLiteral("/link.txt"));
    GatewayOptions options;
    options.dataDir = world->root;
    options.token = QString::fromLatin1(kToken);
    options.maxJobs = 1;
    world->gateway = std::make_unique<Gateway>(options);
    const Result<HttpServer *> opened = world->gateway->open();
    fuzz::require(opened.ok(), "the gateway opens its data directory");
    world->http = opened.value();
    world->gateway->jobs().setInstance(QStringLiteral("127.0.0.1:1"));
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

    // The same decoding HttpConnection::parseHead does on the request target.
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
