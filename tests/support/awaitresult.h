// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/linkisclient.h"

#include <QTest>

#include <optional>

namespace linkisdesk::testsupport {

// Runs one client call and spins the event loop (QTest::qWait) until its callback ran or
// timeoutMs passed. For tests only: production code never waits like this.
template<typename T, typename Call> Result<T> await(Call call, int timeoutMs = 20000)
{
    std::optional<Result<T>> result;
    QObject context;
    call(&context, [&result](Result<T> r) { result.emplace(std::move(r)); });
    for (int waited = 0; !result && waited < timeoutMs; waited += 10)
        QTest::qWait(10);
    if (!result)
        return ApiError::make(ApiError::Kind::Timeout, QStringLiteral("test wait timed out"));
    return std::move(*result);
}

} // namespace linkisdesk::testsupport
