// SPDX-License-Identifier: GPL-3.0-or-later
// LinkisClient transport: requests, authentication, silent re-login, TLS pinning, errors.
// The endpoint wrappers are in linkisclient_calls.cpp.
#include "api/linkisclient.h"

#include "api/linkisparsers.h"
#include "api/oneshotbody.h"
#include "api/pendingcall.h"
#include "api/replyguard.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QNetworkRequest>

#ifndef QT_NO_SSL
#include <QSslCertificate>
#include <QSslError>
#endif

namespace linkisdesk {

namespace {

QString normalisedPin(QString pin)
{
    pin.remove(u':');
    pin.remove(u' ');
    return pin.trimmed().toLower();
}

ApiError networkError(QNetworkReply *reply, const QUrl &url, int timeoutMs)
{
    using Kind = ApiError::Kind;
    const QString where =
        url.host() + (url.port() > 0 ? u':' + QString::number(url.port()) : QString());
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return ApiError::make(Kind::Network,
                              QStringLiteral("Cannot connect to %1: the connection was refused. Is "
                                             "the gateway running?")
                                  .arg(where),
                              0, 0, reply->errorString());
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::ContentReSendError: // closed, and Qt could not send it again (OneShotBody)
        return ApiError::make(
            Kind::Network, QStringLiteral("%1 closed the connection before answering.").arg(where),
            0, 0, reply->errorString());
    case QNetworkReply::HostNotFoundError:
        return ApiError::make(Kind::Network,
                              QStringLiteral("The host %1 was not found.").arg(url.host()), 0, 0,
                              reply->errorString());
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // the transfer timeout aborts the reply
        return ApiError::make(Kind::Timeout,
                              QStringLiteral("%1 did not answer within %2 s.")
                                  .arg(where)
                                  .arg(qMax(1, timeoutMs / 1000)),
                              0, 0, reply->errorString());
    case QNetworkReply::SslHandshakeFailedError:
        return ApiError::make(Kind::Tls,
                              QStringLiteral("The secure connection to %1 failed: %2")
                                  .arg(where, reply->errorString()),
                              0, 0, reply->errorString());
    default: break;
    }
    return ApiError::make(
        Kind::Network,
        QStringLiteral("Network error talking to %1: %2").arg(where, reply->errorString()), 0, 0,
        reply->errorString());
}

// Whether a request that failed this way can have reached the server: not when no connection
// was made (refused, unknown host, TLS handshake refused).
bool mayHaveArrived(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyAuthenticationRequiredError: return false;
    default: return true;
    }
}

} // namespace

const QString &LinkisClient::nullSentinel()
{
    static const QString sentinel = QStringLiteral("@@LINKIS_DESK_NULL@@");
    return sentinel;
}

LinkisClient::LinkisClient(const ConnectionSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_nam(new QNetworkAccessManager(this))
    , m_logDecoder(new LogDecoder(this))
{
    m_nam->setCookieJar(new QNetworkCookieJar(m_nam));
}

LinkisClient::~LinkisClient() = default;

void LinkisClient::setSettings(const ConnectionSettings &settings)
{
    const bool sameSession = settings.baseUrl == m_settings.baseUrl &&
        settings.user == m_settings.user && settings.authMode == m_settings.authMode &&
        settings.proxyUser == m_settings.proxyUser && settings.secret == m_settings.secret;
    m_settings = settings;
    if (!sameSession)
        resetSession();
}

void LinkisClient::resetSession()
{
    m_loggedIn = false;
    m_nam->setCookieJar(new QNetworkCookieJar(m_nam));
}

void LinkisClient::noteOutcome(const ApiError &error)
{
    const std::optional<ConnectionState> next = ConnectionState::after(error);
    if (!next || *next == m_connection)
        return;
    m_connection = *next;
    emit connectionStateChanged(m_connection);
}

bool LinkisClient::needsSession() const
{
    return m_settings.authMode == ConnectionSettings::AuthMode::Password ||
        m_settings.authMode == ConnectionSettings::AuthMode::LinkisProxy;
}

ApiError LinkisClient::polish(ApiError error) const
{
    using Mode = ConnectionSettings::AuthMode;
    // Token and seed proxy headers have no session to expire: a -1 / 401 means "refused".
    if (error.kind == ApiError::Kind::SessionExpired &&
        (m_settings.authMode == Mode::Token || m_settings.authMode == Mode::SeedProxy)) {
        error.kind = ApiError::Kind::Auth;
        error.message = QStringLiteral("The gateway refused the credentials: ") + error.message;
    }
    // Never let a secret reach a message or a log (Linkis echoes tokens in its errors).
    if (m_settings.secret.size() >= 3) {
        const QString mask = QStringLiteral("***");
        error.message.replace(m_settings.secret, mask);
        error.detail.replace(m_settings.secret, mask);
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(m_settings.secret));
        error.message.replace(encoded, mask);
        error.detail.replace(encoded, mask);
    }
    return error;
}

PendingCall *LinkisClient::newCall(const QByteArray &method, const QString &path,
                                   const QUrlQuery &query, const QByteArray &body, QObject *context,
                                   std::function<void(Result<RawReply>)> done)
{
    auto *call = new PendingCall(this, context, std::move(done));
    call->method = method;
    call->path = path;
    call->query = query;
    call->body = body;
    return call;
}

PendingCall *LinkisClient::sendOnce(PendingCall *call)
{
    call->sendOnce = true;
    return call;
}

RequestHandle LinkisClient::dispatch(PendingCall *call)
{
    RequestHandle handle(call);
    if (needsSession() && !m_loggedIn && !call->isLogin)
        ensureLoggedIn(call);
    else
        startCall(call);
    return handle;
}

void LinkisClient::startCall(PendingCall *call)
{
    using Mode = ConnectionSettings::AuthMode;
    QUrl url = m_settings.apiUrl(call->path);
    if (!call->query.isEmpty())
        url.setQuery(call->query);
    if (!url.isValid() || url.host().isEmpty()) {
        call->complete(ApiError::make(ApiError::Kind::Usage,
                                      QStringLiteral("The gateway address \"%1\" is not a valid "
                                                     "URL.")
                                          .arg(m_settings.baseUrl.toString())));
        return;
    }
    QNetworkRequest request(url);
    // HTTP/1.1 keeps header case: the Linkis gateway looks up "Token-Code" case-sensitively.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(m_settings.timeoutMs > 0 ? m_settings.timeoutMs : 30000);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "linkis-desk/" LINKIS_DESK_VERSION);
    if (m_settings.authMode == Mode::Token) {
        request.setRawHeader("Token-Code", m_settings.secret.toUtf8());
        // A proxy user on top of a token acts through the token's legal users.
        request.setRawHeader("Token-User", m_settings.executeUser().toUtf8());
    } else if (m_settings.authMode == Mode::SeedProxy) {
        request.setRawHeader("Proxy-User", m_settings.executeUser().toUtf8());
        request.setRawHeader("Validation-Code", m_settings.secret.toUtf8());
    }
    QNetworkReply *reply = nullptr;
    const bool post = call->method == "POST";
    const QByteArray body =
        post ? (call->body.isEmpty() ? QByteArray("{}") : call->body) : call->body;
    if (post) {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          call->contentType.isEmpty()
                              ? QStringLiteral("application/json;charset=UTF-8")
                              : QString::fromLatin1(call->contentType));
    }
    if (call->sendOnce) {
        // A body Qt cannot rewind: it cannot send the request a second time (see OneShotBody).
        auto *device = new OneShotBody(body);
        request.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        reply = post ? m_nam->post(request, device)
                     : m_nam->sendCustomRequest(request, call->method, device);
        device->setParent(reply);
    } else if (post) {
        reply = m_nam->post(request, body);
    } else {
        reply = m_nam->get(request);
    }
    call->reply = reply;
    call->sent.start();
    // A child of the reply: a too-large or stalled reply is aborted, and says why when finished.
    new ReplyGuard(reply, ReplyGuard::maxReplyBytes(call->path),
                   m_settings.timeoutMs > 0 ? m_settings.timeoutMs : 30000,
                   url.host() + (url.port() > 0 ? u':' + QString::number(url.port()) : QString()),
                   reply);
    call->tlsFingerprint.clear();
#ifndef QT_NO_SSL
    connect(reply, &QNetworkReply::sslErrors, call,
            [this, call, reply](const QList<QSslError> &errors) {
                QSslCertificate cert;
                for (const QSslError &e : errors) {
                    if (!e.certificate().isNull()) {
                        cert = e.certificate();
                        break;
                    }
                }
                if (cert.isNull())
                    cert = reply->sslConfiguration().peerCertificate();
                const QByteArray digest =
                    cert.digest(QCryptographicHash::Sha256).toHex(':').toUpper();
                const QString fingerprint = QString::fromLatin1(digest);
                const QString pin = normalisedPin(m_settings.tlsPinSha256);
                if (!cert.isNull() && !pin.isEmpty() && normalisedPin(fingerprint) == pin) {
                    reply->ignoreSslErrors(errors); // this reply only, and only these errors
                    return;
                }
                call->tlsFingerprint = fingerprint;
                call->tlsReason = errors.isEmpty() ? QString() : errors.first().errorString();
                emit untrustedCertificate(fingerprint, call->tlsReason);
            });
#endif
    connect(reply, &QNetworkReply::finished, call,
            [this, call, reply] { onCallFinished(call, reply); });
}

qint64 LinkisClient::longestWaitMs() const
{
    qint64 longest = 0;
    const QList<PendingCall *> calls = findChildren<PendingCall *>(Qt::FindDirectChildrenOnly);
    for (const PendingCall *call : calls) {
        if (call->reply && !call->isFinished() && call->sent.isValid())
            longest = qMax(longest, call->sent.elapsed());
    }
    return longest;
}

void LinkisClient::onCallFinished(PendingCall *call, QNetworkReply *reply)
{
    if (call->isFinished() || call->reply != reply)
        return;
    call->reply = nullptr;
    reply->deleteLater();
    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int httpStatus = statusAttr.isValid() ? statusAttr.toInt() : 0;
    const ReplyGuard *guard = reply->findChild<ReplyGuard *>(QString(), Qt::FindDirectChildrenOnly);
    if (guard && guard->error()) {
        call->complete(polish(*guard->error()));
        return;
    }
    // Aborted by the transfer timeout after the headers came: the body is not all there.
    const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError;
    if (httpStatus == 0 || timedOut) {
        ApiError error = networkError(reply, reply->url(), m_settings.timeoutMs);
        if (!call->tlsFingerprint.isEmpty()) {
            error.kind = ApiError::Kind::Tls;
            error.message = QStringLiteral("The server's certificate is not trusted (%1). Its "
                                           "SHA-256 fingerprint is %2; pin it in the profile if "
                                           "you trust it.")
                                .arg(call->tlsReason, call->tlsFingerprint);
            error.peerCertificateSha256 = call->tlsFingerprint;
        }
        if (call->sendOnce && error.kind != ApiError::Kind::Tls && mayHaveArrived(reply->error())) {
            error.outcomeUnknown = true;
            error.message += QStringLiteral(" The request may have reached the server; it was not "
                                            "sent again.");
        }
        call->complete(polish(error));
        return;
    }
    const QByteArray body = reply->readAll();
    const bool lost = parsers::isSessionLost(httpStatus, body) ||
        (call->status1MeansLoggedOut && httpStatus == 400 &&
         parsers::parseEnvelope(httpStatus, body).error().linkisStatus == 1);
    if (needsSession() && !call->isLogin && !call->retried && lost) {
        // The session is gone (expired, gateway restarted): log in again once, then retry.
        call->retried = true;
        if (m_loggedIn)
            m_loggedIn = false;
        ensureLoggedIn(call);
        return;
    }
    call->complete(RawReply {httpStatus, body});
}

void LinkisClient::ensureLoggedIn(PendingCall *call)
{
    m_waitingForLogin.append(call);
    if (m_loginInFlight)
        return;
    m_loginInFlight = true;
    m_nam->setCookieJar(new QNetworkCookieJar(m_nam)); // a stale ticket would win over the login
    PendingCall *login = makeLoginCall(nullptr, [this](Result<RawReply> raw) {
        if (!raw)
            onLoginDone(raw.error());
        else
            onLoginDone(parsers::parseLogin(raw->httpStatus, raw->body));
    });
    startCall(login);
}

void LinkisClient::onLoginDone(const Result<LoginInfo> &result)
{
    m_loginInFlight = false;
    m_loggedIn = result.ok();
    if (result.ok())
        emit reloggedIn();
    const QList<QPointer<PendingCall>> waiting = std::exchange(m_waitingForLogin, {});
    for (const QPointer<PendingCall> &call : waiting) {
        if (!call || call->isFinished())
            continue;
        if (result.ok()) {
            startCall(call);
            continue;
        }
        ApiError error = result.error();
        error.outcomeUnknown = false; // the call itself was not sent
        if (error.kind == ApiError::Kind::Linkis || error.kind == ApiError::Kind::SessionExpired) {
            error.kind = call->retried ? ApiError::Kind::SessionExpired : ApiError::Kind::Auth;
            error.message = (call->retried ? QStringLiteral("The session expired and logging in "
                                                            "again failed: ")
                                           : QStringLiteral("Login failed: ")) +
                error.message;
        }
        call->complete(polish(error));
    }
}

PendingCall *LinkisClient::makeLoginCall(QObject *context,
                                         std::function<void(Result<RawReply>)> done)
{
    PendingCall *call = nullptr;
    if (m_settings.authMode == ConnectionSettings::AuthMode::LinkisProxy) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("proxyUser"), m_settings.executeUser());
        query.addQueryItem(QStringLiteral("validationCode"), m_settings.secret);
        call = newCall("GET", QStringLiteral("user/proxy"), query, {}, context, std::move(done));
    } else {
        QJsonObject body;
        body.insert(QStringLiteral("userName"), m_settings.user);
        body.insert(QStringLiteral("password"), m_settings.secret);
        call =
            newCall("POST", QStringLiteral("user/login"), {},
                    QJsonDocument(body).toJson(QJsonDocument::Compact), context, std::move(done));
    }
    call->isLogin = true;
    return call;
}

RequestHandle LinkisClient::raw(const QByteArray &method, const QString &path,
                                const QUrlQuery &query, const QByteArray &jsonBody,
                                QObject *context, Callback<RawReply> callback)
{
    return rawPost(method, path, query, jsonBody, {}, context, std::move(callback));
}

RequestHandle LinkisClient::rawPost(const QByteArray &method, const QString &path,
                                    const QUrlQuery &query, const QByteArray &bodyData,
                                    const QByteArray &contentType, QObject *context,
                                    Callback<RawReply> callback)
{
    PendingCall *call =
        newCall(method, path, query, bodyData, context,
                [this, cb = std::move(callback)](Result<RawReply> r) {
                    if (!r)
                        noteOutcome(polish(r.error()));
                    else if (r->httpStatus >= 200 && r->httpStatus < 300)
                        noteOutcome({}); // big pages are not parsed twice
                    else if (auto e = parsers::parseEnvelope(r->httpStatus, r->body); !e)
                        noteOutcome(polish(e.error()));
                    else
                        noteOutcome({});
                    cb(std::move(r));
                });
    // Only GET is idempotent among the calls Linkis has (an engine kill is a POST).
    call->sendOnce = method != "GET";
    call->contentType = contentType;
    return dispatch(call);
}

} // namespace linkisdesk
