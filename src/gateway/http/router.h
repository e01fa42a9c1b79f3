// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/apireply.h"
#include "http/apirequest.h"

#include <QStringList>

#include <functional>
#include <vector>

namespace linkisdesk::gateway {

// Maps "METHOD path/{arg}/..." to handlers. Paths are relative to /api/rest_j/v1/.
class Router
{
public:
    using Handler = std::function<ApiReply(ApiRequest &)>;
    enum class Access { Public, Authenticated };

    // `methods` is a list like {"GET", "POST"}; an empty list accepts any method.
    void add(const QStringList &methods, const QString &pattern, Access access, Handler handler);

    struct Match
    {
        const Handler *handler = nullptr;
        Access access = Access::Authenticated;
        bool pathKnown = false; // the path matched but not the method
    };
    Match match(ApiRequest &request) const;

private:
    struct Route
    {
        QStringList methods;
        QStringList segments;
        Access access;
        Handler handler;
    };
    std::vector<Route> m_routes;
};

} // namespace linkisdesk::gateway
