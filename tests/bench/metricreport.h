// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace linkisdesk::bench {

// The metrics of issue 6 with their targets, filled from the figures the benchmark groups
// measured (ours and the baselines, same keys), shown as a table or as one JSON object.
class MetricReport
{
public:
    struct Spec
    {
        const char *name;
        const char *unit;
        double target;
        bool lowerIsBetter;
        const char *baseline; // what the baseline column holds
    };
    static const QList<Spec> &specs();

    // groups: the benchmark groups that ran (log, grid, cli, poll); problems() checks only them.
    MetricReport(const QJsonObject &ours, const QJsonObject &baseline, const QStringList &groups);
    // The group a metric belongs to.
    static QString groupOf(const QString &metric);

    double value(const QString &name) const;
    double baselineValue(const QString &name) const;
    static bool meets(const Spec &spec, double value);

    // {metric: number} for every metric; a metric that could not be measured is -1.
    QJsonObject json() const;
    QString table() const;
    // Metrics missing, not finite or not > 0, and failed sanity checks (for --quick).
    QStringList problems() const;

private:
    QJsonObject m_ours;
    QJsonObject m_base;
    QStringList m_groups;
};

} // namespace linkisdesk::bench
