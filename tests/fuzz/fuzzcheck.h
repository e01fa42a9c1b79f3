// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <cstdio>
#include <cstdlib>

// Helpers shared by the fuzz targets. An invariant that does not hold aborts, which libFuzzer
// and the corpus replay both report as a failure with the input that caused it.
namespace linkisdesk::fuzz {

inline void require(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz invariant violated: %s\n", what);
        std::abort();
    }
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// The first byte picks an HTTP status among the ones Linkis gateways send; the rest is the body.
inline int httpStatusFrom(const uint8_t *data, size_t size)
{
    static const int statuses[] = {200, 200, 200, 200, 401, 500, 502, 503, 404, 302, 0, 413};
    return size == 0 ? 200 : statuses[data[0] % (sizeof statuses / sizeof statuses[0])];
}

// Every parser returns a value or an error a person can read, never an empty error.
template<typename T> void checkResult(const Result<T> &result)
{
    if (!result.ok()) {
        require(result.error().isError(), "a failed result carries an error kind");
        require(!result.error().message.isEmpty(), "a failed result carries a message");
    }
}

namespace detail {

inline bool outsideInt64(double d)
{
    return !(d > -9.2e18 && d < 9.2e18); // NaN too
}

inline bool hasHugeNumber(const QJsonValue &v)
{
    if (v.isDouble())
        return outsideInt64(v.toDouble());
    if (v.isString()) {
        bool ok = false;
        const double d = v.toString().trimmed().toDouble(&ok);
        return ok && outsideInt64(d);
    }
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (const QJsonValue &item : a) {
            if (hasHugeNumber(item))
                return true;
        }
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (hasHugeNumber(it.value()))
                return true;
        }
    }
    return false;
}

} // namespace detail

// Inputs that reach a bug already reported and not fixed yet are skipped, so the short CI run
// keeps looking for new ones; their reproducers live in tests/fuzz/known-bugs/<target> and are
// replayed by the fuzz_knownbug_* tests (disabled until the fix lands, see CMakeLists.txt).
// LINKIS_DESK_TEST_KNOWN_BUGS=1 in the environment turns the skipping off.
//
// Open bug: parsers::toInt64 (src/core/api/linkisparsers.cpp) casts a JSON number or numeric
// string outside the qint64 range to qint64, which is undefined behaviour (UBSan:
// float-cast-overflow), e.g. {"status":1e30}.
inline bool hitsKnownBug(const QByteArray &json)
{
    static const bool skipping = qEnvironmentVariableIntValue("LINKIS_DESK_TEST_KNOWN_BUGS") == 0;
    if (!skipping)
        return false;
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (doc.isObject())
        return detail::hasHugeNumber(doc.object());
    if (doc.isArray())
        return detail::hasHugeNumber(doc.array());
    return false;
}

} // namespace linkisdesk::fuzz
