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

} // namespace linkisdesk::fuzz
