// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/connectionsettings.h"
#include "api/connectionstate.h"
#include "api/jobref.h"
#include "api/logchunk.h"
#include "api/logdecoder.h"
#include "api/logininfo.h"
#include "api/progressinfo.h"
#include "api/rawreply.h"
#include "api/requesthandle.h"
#include "api/result.h"
#include "api/resultpage.h"
#include "api/resultsetref.h"
#include "api/submitrequest.h"
#include "api/submitresult.h"
#include "api/taskinfo.h"
#include "api/taskpage.h"
#include "api/taskquery.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace linkisdesk {

class PendingCall;

template<typename T> using Callback = std::function<void(Result<T>)>;

// The one door to a Linkis gateway (real or local). Asynchronous: every call takes a context
// object and a callback; the callback runs on this thread, at most once, and only while the
// context lives. Cancelling the returned handle means the callback is never called.
//
// Calls that must not run twice (submit, execute, kill, killJobs, raw POSTs) go out at most once:
// the network layer never sends them again, and a failure after they went out is flagged
// ApiError::outcomeUnknown.
//
// Authentication follows the settings: Password logs in on demand (on HTTP 401 / status -1 it
// logs in again once and retries, otherwise Kind::SessionExpired); Token and SeedProxy send their
// headers on every request; LinkisProxy logs in through user/proxy.
class LinkisClient : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkisClient)
public:
    // What openFile sends as nullValue= so that SQL NULL is told apart from the text "NULL".
    static const QString &nullSentinel();
    static constexpr int DefaultPageSize = 5000;

    explicit LinkisClient(const ConnectionSettings &settings, QObject *parent = nullptr);
    ~LinkisClient() override;

    const ConnectionSettings &settings() const { return m_settings; }
    // How long the oldest request now on the network has waited for its answer, in ms (0 when
    // none waits). A job panel says so when the server has been silent for a while, long before
    // the request timeout turns it into an error.
    qint64 longestWaitMs() const;
    // Whether the last request that ended got a proper answer (ConnectionState::after).
    const ConnectionState &connectionState() const { return m_connection; }
    // Drops the session (cookies) when the server, user or auth mode changes.
    void setSettings(const ConnectionSettings &settings);
    QNetworkAccessManager *networkAccessManager() const { return m_nam; }

    // --- user/ ---
    // Password: POST user/login; LinkisProxy: GET user/proxy; Token/SeedProxy: user/userInfo as
    // a credentials check. Calls made before login() log in on demand.
    RequestHandle login(QObject *context, Callback<LoginInfo> callback);
    RequestHandle logout(QObject *context, Callback<Unit> callback);
    RequestHandle userInfo(QObject *context, Callback<LoginInfo> callback);

    // --- entrance/ ---
    // entrance/submit or entrance/execute as the settings say.
    RequestHandle submit(const SubmitRequest &request, QObject *context,
                         Callback<SubmitResult> callback);
    RequestHandle status(const JobRef &job, QObject *context, Callback<JobStatus> callback);
    // fromLine starts at 1; size -1 means the server's maximum (10000).
    RequestHandle log(const JobRef &job, int fromLine, int size, QObject *context,
                      Callback<LogChunk> callback);
    // The same page decoded into a LogPage on a worker thread (LogDecoder), for log viewers: the
    // call stays in flight until the page is decoded; pages come back in the order asked.
    RequestHandle logPage(const JobRef &job, int fromLine, int size, QObject *context,
                          Callback<LogPage> callback);
    RequestHandle progress(const JobRef &job, QObject *context, Callback<ProgressInfo> callback);
    RequestHandle progressWithResource(const JobRef &job, QObject *context,
                                       Callback<ProgressInfo> callback);
    // GET entrance/{execID}/kill?taskID=  (asynchronous on the server: poll status after it)
    RequestHandle kill(const JobRef &job, QObject *context, Callback<Unit> callback);
    // POST entrance/{jobs[0].execId}/killJobs; all jobs must be on one entrance instance.
    RequestHandle killJobs(const QList<JobRef> &jobs, QObject *context, Callback<Unit> callback);

    // --- jobhistory/ ---
    RequestHandle jobInfo(qint64 taskId, QObject *context, Callback<TaskInfo> callback);
    RequestHandle jobList(const TaskQuery &query, QObject *context, Callback<TaskPage> callback);
    RequestHandle undoneTasks(QObject *context, Callback<TaskPage> callback);
    // listundonetasks with paging and an explicit status list (empty: the server's default,
    // Running,Inited,Scheduled), newest first. startDateMs > 0 widens the window to jobs created
    // since then (Linkis lists only the last day's jobs without it).
    RequestHandle undoneTasks(int pageNow, int pageSize, const QStringList &statuses,
                              QObject *context, Callback<TaskPage> callback,
                              qint64 startDateMs = 0);

    // --- filesystem/ ---
    // The result set files under a job's resultLocation, sorted by number (empty: no results).
    RequestHandle resultSets(const QString &resultLocation, QObject *context,
                             Callback<QList<ResultSetRef>> callback);
    // One page (1-based) of a result set; NULL cells come back flagged (ResultPage::isNull).
    RequestHandle openFile(const QString &path, int page, int pageSize, QObject *context,
                           Callback<ResultPage> callback);
    // The whole log file; lines are in LogChunk::all.
    RequestHandle openLog(const QString &logPath, QObject *context, Callback<LogChunk> callback);
    // The whole log file decoded into a LogPage on a worker thread (up to Linkis's 30 MB).
    RequestHandle openLogPage(const QString &logPath, QObject *context, Callback<LogPage> callback);

    // Low level, for calls not wrapped above: the raw HTTP status and body of one request that
    // goes through the same authentication and re-login. method is "GET" or "POST".
    RequestHandle raw(const QByteArray &method, const QString &path, const QUrlQuery &query,
                      const QByteArray &jsonBody, QObject *context, Callback<RawReply> callback);
    // The same with a body of another type (a multipart upload); empty contentType: JSON.
    RequestHandle rawPost(const QByteArray &method, const QString &path, const QUrlQuery &query,
                          const QByteArray &body, const QByteArray &contentType, QObject *context,
                          Callback<RawReply> callback);
    // What every typed call does to its errors: secrets masked, token refusals reported as Auth.
    // For clients of other server areas (MetadataClient) that parse raw() replies themselves.
    ApiError polish(ApiError error) const;

signals:
    // A TLS certificate was refused; `sha256` is its fingerprint (hex with colons), for asking the
    // user whether to pin it. The failing call also gets Kind::Tls with the same fingerprint.
    void untrustedCertificate(const QString &sha256, const QString &reason);
    // The session was renewed by a silent re-login.
    void reloggedIn();
    // connectionState() changed: a request ended with another outcome than the last one.
    void connectionStateChanged(const linkisdesk::ConnectionState &state);

private:
    PendingCall *newCall(const QByteArray &method, const QString &path, const QUrlQuery &query,
                         const QByteArray &body, QObject *context,
                         std::function<void(Result<RawReply>)> done);
    RequestHandle dispatch(PendingCall *call);
    // Marks a call that must reach the server at most once (submit, kill); returns it.
    static PendingCall *sendOnce(PendingCall *call);
    void startCall(PendingCall *call);
    void onCallFinished(PendingCall *call, QNetworkReply *reply);
    void ensureLoggedIn(PendingCall *call);
    void onLoginDone(const Result<LoginInfo> &result);
    PendingCall *makeLoginCall(QObject *context, std::function<void(Result<RawReply>)> done);
    bool needsSession() const;
    QUrlQuery jobQuery(const JobRef &job) const;
    QString entrancePath(const JobRef &job, const QString &action) const;
    void resetSession();
    // Updates connectionState() from the outcome of a request that ended.
    void noteOutcome(const ApiError &error);
    // Sends a log call whose successful reply is decoded by m_logDecoder.
    RequestHandle dispatchLogPage(PendingCall *call, LogDecoder::Kind kind,
                                  Callback<LogPage> callback);

    ConnectionSettings m_settings;
    QNetworkAccessManager *m_nam = nullptr;
    bool m_loggedIn = false;
    bool m_loginInFlight = false;
    QList<QPointer<PendingCall>> m_waitingForLogin;
    ConnectionState m_connection;
    LogDecoder *m_logDecoder = nullptr;
};

} // namespace linkisdesk
