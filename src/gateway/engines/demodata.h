// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

struct sqlite3;

namespace linkisdesk::gateway {

// The demo table a new workspace starts with: demo_sales(sale_date, region, product, quantity,
// amount), kRows rows from a fixed-seed generator, so every install has the same data.
class DemoData
{
public:
    static constexpr int kRows = 100000;
    static inline const QString kTable = QStringLiteral("demo_sales");

    // Creates and fills the table; the caller holds the transaction. False with `error` set on
    // failure.
    static bool create(sqlite3 *db, QString *error);
};

} // namespace linkisdesk::gateway
