// SPDX-License-Identifier: GPL-3.0-or-later
#include "script/variablesubstitution.h"

#include <QTest>

using namespace linkisdesk;

class TestVariables : public QObject
{
    Q_OBJECT

private slots:
    void builtInsFollowRunDate();
    void substitutesAndReportsUnresolved();
    void arithmetic_data();
    void arithmetic();
    void setLinesOfEveryLanguage();
    void badSetLineIsAnError();
    void priorityIsSetThenParamsThenBuiltIns();
    void runDateCanBeOverridden();
    void badRunDateIsAnError();
};

void TestVariables::builtInsFollowRunDate()
{
    const auto b = VariableSubstitution::builtIns(QDate(2024, 2, 29));
    QCOMPARE(b.value(QStringLiteral("run_date")), QStringLiteral("20240229"));
    QCOMPARE(b.value(QStringLiteral("run_date_std")), QStringLiteral("2024-02-29"));
    QCOMPARE(b.value(QStringLiteral("run_today")), QStringLiteral("20240301"));
    QCOMPARE(b.value(QStringLiteral("run_today_std")), QStringLiteral("2024-03-01"));
    QCOMPARE(b.value(QStringLiteral("run_mon")), QStringLiteral("202402"));
    QCOMPARE(b.value(QStringLiteral("run_month_begin")), QStringLiteral("20240201"));
    QCOMPARE(b.value(QStringLiteral("run_month_end_std")), QStringLiteral("2024-02-29"));
    QCOMPARE(b.value(QStringLiteral("run_year_end")), QStringLiteral("20241231"));
}

void TestVariables::substitutesAndReportsUnresolved()
{
    QMap<QString, QString> vars {{QStringLiteral("t"), QStringLiteral("demo_sales")}};
    QStringList missing;
    const QString out = VariableSubstitution::substitute(
        QStringLiteral("select * from ${t} where d = '${ nope }' and x=${t}"), vars, &missing);
    QCOMPARE(out,
             QStringLiteral("select * from demo_sales where d = '${ nope }' and x=demo_sales"));
    QCOMPARE(missing, QStringList {QStringLiteral("nope")});
    QCOMPARE(VariableSubstitution::substitute(QStringLiteral("$t {t} ${}"), vars),
             QStringLiteral("$t {t} ${}"));
}

void TestVariables::arithmetic_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("expected");
    QTest::newRow("day minus") << QStringLiteral("${run_date-1}") << QStringLiteral("20240228");
    QTest::newRow("day plus std") << QStringLiteral("${run_date_std+1}")
                                  << QStringLiteral("2024-03-01");
    QTest::newRow("month") << QStringLiteral("${run_month_begin-1}") << QStringLiteral("20240101");
    QTest::newRow("run_mon") << QStringLiteral("${run_mon+11}") << QStringLiteral("202501");
    QTest::newRow("int times") << QStringLiteral("${n*3}") << QStringLiteral("21");
    QTest::newRow("int div") << QStringLiteral("${n/2}") << QStringLiteral("3");
    QTest::newRow("var rhs") << QStringLiteral("${n+n}") << QStringLiteral("14");
    QTest::newRow("string concat") << QStringLiteral("${s+x}") << QStringLiteral("abx");
    QTest::newRow("string minus stays") << QStringLiteral("${s-1}") << QStringLiteral("${s-1}");
    QTest::newRow("div by zero stays") << QStringLiteral("${n/0}") << QStringLiteral("${n/0}");
}

void TestVariables::arithmetic()
{
    QFETCH(QString, code);
    QFETCH(QString, expected);
    auto vars = VariableSubstitution::builtIns(QDate(2024, 2, 29));
    vars.insert(QStringLiteral("n"), QStringLiteral("7"));
    vars.insert(QStringLiteral("s"), QStringLiteral("ab"));
    QCOMPARE(VariableSubstitution::substitute(code, vars), expected);
}

void TestVariables::setLinesOfEveryLanguage()
{
    const auto vars = VariableSubstitution::setLines(
        QStringLiteral("--@set a=1\n  #@set b = two words \n//@set c=x\nselect 1 --@set no=1"));
    QVERIFY(vars.ok());
    QCOMPARE(vars->value(QStringLiteral("a")), QStringLiteral("1"));
    QCOMPARE(vars->value(QStringLiteral("b")), QStringLiteral("two words"));
    QCOMPARE(vars->value(QStringLiteral("c")), QStringLiteral("x"));
    QVERIFY(!vars->contains(QStringLiteral("no")));
}

void TestVariables::badSetLineIsAnError()
{
    for (const auto &code : {QStringLiteral("--@set a=b=c"), QStringLiteral("#@set =1"),
                             QStringLiteral("--@set novalue")}) {
        const auto r = VariableSubstitution::setLines(code);
        QVERIFY2(!r.ok(), qPrintable(code));
        QVERIFY(r.error().message.contains(QStringLiteral("@set")));
    }
}

void TestVariables::priorityIsSetThenParamsThenBuiltIns()
{
    const QMap<QString, QString> params {{QStringLiteral("a"), QStringLiteral("param")},
                                         {QStringLiteral("b"), QStringLiteral("param")},
                                         {QStringLiteral("run_date_std"), QStringLiteral("p")}};
    const auto r = VariableSubstitution::apply(
        QStringLiteral("--@set a=code\nselect '${a}', '${b}', '${run_date_std}', ${run_date}"),
        params, QDate(2024, 3, 1));
    QVERIFY(r.ok());
    QCOMPARE(r->code, QStringLiteral("--@set a=code\nselect 'code', 'param', 'p', 20240229"));
    QVERIFY(r->unresolved.isEmpty());
}

void TestVariables::runDateCanBeOverridden()
{
    const auto r = VariableSubstitution::apply(
        QStringLiteral("#@set run_date=20231231\n${run_today}"), {}, QDate(2024, 3, 1));
    QVERIFY(r.ok());
    QVERIFY(r->code.endsWith(QStringLiteral("\n20240101")));
}

void TestVariables::badRunDateIsAnError()
{
    const auto r = VariableSubstitution::apply(
        QStringLiteral("x"), {{QStringLiteral("run_date"), QStringLiteral("2024")}},
        QDate(2024, 3, 1));
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(QStringLiteral("run_date")));
}

QTEST_APPLESS_MAIN(TestVariables)
#include "tst_variables.moc"
