// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace linkisdesk::gateway {

// Hive's `default` database is SQLite's `main` schema, and `default` is an SQLite keyword:
// rewrites `default.t` and `` `default`.t `` (outside strings and comments) into `main.t`, so
// what the Database dock inserts (default.demo_sales) runs as written.
QString mapDefaultSchema(const QString &sql);

} // namespace linkisdesk::gateway
