// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/logchunk.h"
#include "api/logininfo.h"
#include "api/logpage.h"
#include "api/progressinfo.h"
#include "api/result.h"
#include "api/resultpage.h"
#include "api/resultsetref.h"
#include "api/submitresult.h"
#include "api/taskinfo.h"
#include "api/taskpage.h"

#include <QByteArray>
#include <QJsonObject>

// Turns Linkis replies (HTTP status + body) into typed values or typed errors. Pure functions:
// tests call them on recorded replies. They survive the quirks of linkis-protocol.md section 12.
namespace linkisdesk::parsers {

// The envelope: returns `data` (an empty object when absent) when status is 0 (or 4, a warning),
// otherwise the typed error (Linkis status 1/2/3 -> Kind::Linkis or Auth, -1 / HTTP 401 ->
// SessionExpired, HTML or empty bodies, Spring 500 JSON -> Kind::Http, bad JSON -> Parse).
Result<QJsonObject> parseEnvelope(int httpStatus, const QByteArray &body);

Result<SubmitResult> parseSubmit(int httpStatus, const QByteArray &body);
Result<JobStatus> parseStatus(int httpStatus, const QByteArray &body);
Result<LogChunk> parseLog(int httpStatus, const QByteArray &body);
Result<ProgressInfo> parseProgress(int httpStatus, const QByteArray &body); // + WithResource
Result<TaskInfo> parseTask(int httpStatus, const QByteArray &body);
Result<TaskPage> parseTaskList(int httpStatus, const QByteArray &body);
// Children of dirFileTrees, sorted by number; `dirFileTrees: null` is an empty list.
Result<QList<ResultSetRef>> parseDirFileTrees(int httpStatus, const QByteArray &body);
// nullValue: the value the request sent as nullValue= (empty: none was sent, "NULL" stays text).
Result<ResultPage> parseOpenFile(int httpStatus, const QByteArray &body,
                                 const QString &nullValue = {});
Result<LogChunk> parseOpenLog(int httpStatus, const QByteArray &body);
// The same replies straight into a LogPage (UTF-8 lines with their stated levels), in one pass
// over the bytes; what it does not recognise as a plain success goes through parseLog /
// parseOpenLog, so both always agree. Safe on any thread.
Result<LogPage> parseLogPage(int httpStatus, const QByteArray &body);
Result<LogPage> parseOpenLogPage(int httpStatus, const QByteArray &body);
Result<LoginInfo> parseLogin(int httpStatus, const QByteArray &body);
// Any call whose success carries nothing we need (kill, logout, killJobs).
Result<Unit> parseAck(int httpStatus, const QByteArray &body);

// Helpers for the quirks: 12, 12.5, "12", "1.0f", null -> value or fallback.
double toDouble(const QJsonValue &value, double fallback = 0.0, bool *ok = nullptr);
qint64 toInt64(const QJsonValue &value, qint64 fallback = 0, bool *ok = nullptr);
QString toText(const QJsonValue &value); // strings as is, numbers printed, null -> ""
// True when the reply says "not logged in" (HTTP 401 or a JSON body with status -1).
bool isSessionLost(int httpStatus, const QByteArray &body);

} // namespace linkisdesk::parsers
