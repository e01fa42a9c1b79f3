// SPDX-License-Identifier: GPL-3.0-or-later
#include "engines/demodata.h"

#include <QDate>

#include <sqlite3.h>

namespace linkisdesk::gateway {

namespace {

// A small deterministic generator (64-bit LCG, high bits), so the data never depends on the
// platform's random library.
class Lcg
{
public:
    explicit Lcg(quint64 seed)
        : m_state(seed)
    { }
    quint32 next()
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return quint32(m_state >> 33);
    }
    int below(int n) { return int(next() % quint32(n)); }

private:
    quint64 m_state;
};

} // namespace

bool DemoData::create(sqlite3 *db, QString *error)
{
    static const char *const regions[] = {"North", "South", "East", "West", "Central"};
    static const char *const products[] = {"Laptop", "Monitor", "Keyboard", "Mouse", "Headset",
                                           "Webcam", "Dock",    "Tablet",   "Phone", "Printer"};
    static const int prices[] = {120000, 25000, 4500, 2500, 8000, 6000, 15000, 40000, 70000, 18000};

    auto fail = [&](const char *what) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(QLatin1String(what),
                                                  QString::fromUtf8(sqlite3_errmsg(db)));
        return false;
    };
    if (sqlite3_exec(db,
                     "CREATE TABLE demo_sales (sale_date TEXT, region TEXT, product TEXT,"
                     " quantity INTEGER, amount REAL);",
                     nullptr, nullptr, nullptr) != SQLITE_OK)
        return fail("creating demo_sales");
    sqlite3_stmt *ins = nullptr;
    if (sqlite3_prepare_v2(db, "INSERT INTO demo_sales VALUES (?,?,?,?,?)", -1, &ins, nullptr) !=
        SQLITE_OK)
        return fail("preparing demo data");
    Lcg rng(20240101);
    const QDate first(2023, 1, 1);
    for (int i = 0; i < kRows; ++i) {
        const QByteArray day = first.addDays(rng.below(730)).toString(Qt::ISODate).toLatin1();
        const int r = rng.below(5);
        const int p = rng.below(10);
        const int quantity = 1 + rng.below(20);
        // Price varies by up to +-10% per sale; amounts are in cents, stored as currency units.
        const int cents = quantity * prices[p] * (90 + rng.below(21)) / 100;
        sqlite3_bind_text(ins, 1, day.constData(), int(day.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 2, regions[r], -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 3, products[p], -1, SQLITE_STATIC);
        sqlite3_bind_int(ins, 4, quantity);
        sqlite3_bind_double(ins, 5, cents / 100.0);
        if (sqlite3_step(ins) != SQLITE_DONE) {
            sqlite3_finalize(ins);
            return fail("inserting demo data");
        }
        sqlite3_reset(ins);
    }
    sqlite3_finalize(ins);
    return true;
}

} // namespace linkisdesk::gateway
