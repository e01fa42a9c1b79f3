// SPDX-License-Identifier: GPL-3.0-or-later
#include "script/variablesubstitution.h"

#include <QRegularExpression>

namespace linkisdesk {

namespace {

const QString kDay = QStringLiteral("yyyyMMdd");
const QString kDayStd = QStringLiteral("yyyy-MM-dd");

void putDate(QMap<QString, QString> &m, const QString &name, const QDate &d)
{
    m.insert(name, d.toString(kDay));
    m.insert(name + QStringLiteral("_std"), d.toString(kDayStd));
}

bool isMonthVariable(const QString &name)
{
    return name.contains(QStringLiteral("mon"));
}

// Applies `op value` to a variable value: dates move by days (months for month variables),
// integers do arithmetic, strings concatenate with '+'. Returns a null string if not possible.
QString applyOperation(const QString &name, const QString &value, QChar op, const QString &rhs)
{
    bool rhsIsInt = false;
    const qlonglong n = rhs.toLongLong(&rhsIsInt);
    const bool monthly = isMonthVariable(name);
    const QString formats[] = {kDay, kDayStd, QStringLiteral("yyyyMM"), QStringLiteral("yyyy-MM")};
    if (rhsIsInt && (op == u'+' || op == u'-')) {
        for (const QString &fmt : formats) {
            if (value.size() != fmt.size())
                continue;
            const bool dayless = !fmt.contains(u'd');
            const QDate d = QDate::fromString(dayless ? value + QStringLiteral("01") : value,
                                              dayless ? fmt + QStringLiteral("dd") : fmt);
            if (!d.isValid())
                continue;
            const qlonglong delta = op == u'+' ? n : -n;
            const QDate moved = (monthly || dayless) ? d.addMonths(int(delta)) : d.addDays(delta);
            return moved.toString(fmt);
        }
    }
    bool lhsIsInt = false;
    const qlonglong v = value.toLongLong(&lhsIsInt);
    if (lhsIsInt && rhsIsInt) {
        switch (op.unicode()) {
        case u'+': return QString::number(v + n);
        case u'-': return QString::number(v - n);
        case u'*': return QString::number(v * n);
        case u'/': return n == 0 ? QString() : QString::number(v / n);
        default: return {};
        }
    }
    if (op == u'+')
        return value + rhs;
    return {};
}

} // namespace

QMap<QString, QString> VariableSubstitution::builtIns(const QDate &runDate)
{
    QMap<QString, QString> m;
    putDate(m, QStringLiteral("run_date"), runDate);
    putDate(m, QStringLiteral("run_today"), runDate.addDays(1));
    m.insert(QStringLiteral("run_mon"), runDate.toString(QStringLiteral("yyyyMM")));
    m.insert(QStringLiteral("run_mon_std"), runDate.toString(QStringLiteral("yyyy-MM")));
    const QDate monthBegin(runDate.year(), runDate.month(), 1);
    putDate(m, QStringLiteral("run_month_begin"), monthBegin);
    putDate(m, QStringLiteral("run_month_end"), monthBegin.addMonths(1).addDays(-1));
    putDate(m, QStringLiteral("run_year_begin"), QDate(runDate.year(), 1, 1));
    putDate(m, QStringLiteral("run_year_end"), QDate(runDate.year(), 12, 31));
    return m;
}

Result<QMap<QString, QString>> VariableSubstitution::setLines(const QString &code)
{
    static const QRegularExpression setLine(QStringLiteral(R"(^\s*(?:--|#|//|!!)\s*@set\s+(.*)$)"),
                                            QRegularExpression::MultilineOption);
    QMap<QString, QString> vars;
    auto it = setLine.globalMatch(code);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString def = m.captured(1).trimmed();
        const int eq = int(def.indexOf(u'='));
        const QString name = eq < 0 ? QString() : def.left(eq).trimmed();
        const QString value = eq < 0 ? QString() : def.mid(eq + 1).trimmed();
        if (eq < 0 || name.isEmpty() || value.contains(u'=')) {
            return ApiError::make(ApiError::Kind::Usage,
                                  QStringLiteral("Invalid variable definition \"%1\": write "
                                                 "@set name=value with exactly one '='.")
                                      .arg(m.captured(0).trimmed()));
        }
        vars.insert(name, value);
    }
    return vars;
}

QString VariableSubstitution::substitute(const QString &code, const QMap<QString, QString> &vars,
                                         QStringList *unresolved)
{
    static const QRegularExpression ref(
        QStringLiteral(R"(\$\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*(?:([-+*/])\s*([^}\s]+)\s*)?\})"));
    QString out;
    out.reserve(code.size());
    qsizetype last = 0;
    auto it = ref.globalMatch(code);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(code).mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
        const QString name = m.captured(1);
        const auto found = vars.constFind(name);
        QString replacement;
        if (found != vars.constEnd()) {
            replacement = found.value();
            if (m.capturedLength(2) > 0) {
                QString rhs = m.captured(3);
                const auto rhsVar = vars.constFind(rhs);
                if (rhsVar != vars.constEnd())
                    rhs = rhsVar.value();
                replacement = applyOperation(name, replacement, m.captured(2).at(0), rhs);
            }
        }
        if (found == vars.constEnd() || replacement.isNull()) {
            if (unresolved && !unresolved->contains(name))
                unresolved->append(name);
            out += m.captured(0);
        } else {
            out += replacement;
        }
    }
    out += QStringView(code).mid(last);
    return out;
}

Result<VariableSubstitution::Outcome>
VariableSubstitution::apply(const QString &code, const QMap<QString, QString> &params,
                            const QDate &today)
{
    auto inCode = setLines(code);
    if (!inCode)
        return inCode.error();
    QMap<QString, QString> user = params;
    for (auto it = inCode->cbegin(); it != inCode->cend(); ++it)
        user.insert(it.key(), it.value());

    QDate runDate = today.addDays(-1);
    if (user.contains(QStringLiteral("run_date"))) {
        const QDate d = QDate::fromString(user.value(QStringLiteral("run_date")), kDay);
        if (!d.isValid()) {
            return ApiError::make(ApiError::Kind::Usage,
                                  QStringLiteral("run_date must be a date written yyyyMMdd, "
                                                 "not \"%1\".")
                                      .arg(user.value(QStringLiteral("run_date"))));
        }
        runDate = d;
    }
    Outcome outcome;
    outcome.variables = builtIns(runDate);
    for (auto it = user.cbegin(); it != user.cend(); ++it)
        outcome.variables.insert(it.key(), it.value());
    outcome.code = substitute(code, outcome.variables, &outcome.unresolved);
    return outcome;
}

} // namespace linkisdesk
