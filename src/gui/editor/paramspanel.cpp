// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/paramspanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace linkisdesk {

ParamsPanel::ParamsPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("paramsPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    const QString titles[MapCount] = {tr("Variables  ${name}"), tr("Startup configuration"),
                                      tr("Runtime configuration"), tr("Special configuration")};
    for (int m = 0; m < MapCount; ++m) {
        auto *title = new QLabel(titles[m], this);
        QFont f = title->font();
        f.setBold(true);
        title->setFont(f);
        auto *table = new QTableWidget(0, 2, this);
        table->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
        table->horizontalHeader()->setStretchLastSection(true);
        table->verticalHeader()->hide();
        table->setMinimumHeight(70);
        auto *add = new QToolButton(this);
        add->setText(QStringLiteral("+"));
        add->setToolTip(tr("Add a row"));
        add->setAutoRaise(true);
        auto *remove = new QToolButton(this);
        remove->setText(QStringLiteral("\u2212"));
        remove->setToolTip(tr("Remove the selected row"));
        remove->setAutoRaise(true);
        auto *head = new QHBoxLayout;
        head->addWidget(title, 1);
        head->addWidget(add);
        head->addWidget(remove);
        layout->addLayout(head);
        layout->addWidget(table, 1);
        m_tables[m] = table;
        connect(add, &QToolButton::clicked, this, [table] {
            table->insertRow(table->rowCount());
            table->setCurrentCell(table->rowCount() - 1, 0);
            table->editItem(table->item(table->rowCount() - 1, 0));
        });
        connect(remove, &QToolButton::clicked, this, [this, table] {
            if (table->currentRow() >= 0) {
                table->removeRow(table->currentRow());
                store();
            }
        });
        connect(table, &QTableWidget::itemChanged, this, [this] {
            if (!m_loading)
                store();
        });
    }
    setEnabled(false);
}

void ParamsPanel::setTab(ScriptTab *tab)
{
    if (m_tab)
        disconnect(m_tab, nullptr, this, nullptr);
    m_tab = tab;
    setEnabled(tab != nullptr);
    if (tab)
        connect(tab, &ScriptTab::settingsChanged, this, &ParamsPanel::load);
    load();
}

void ParamsPanel::fill(QTableWidget *table, const QMap<QString, QString> &map)
{
    table->setRowCount(int(map.size()));
    int row = 0;
    for (auto it = map.cbegin(); it != map.cend(); ++it, ++row) {
        table->setItem(row, 0, new QTableWidgetItem(it.key()));
        table->setItem(row, 1, new QTableWidgetItem(it.value()));
    }
}

void ParamsPanel::load()
{
    if (m_loading)
        return;
    m_loading = true;
    const ScriptParams params = m_tab ? m_tab->params() : ScriptParams();
    fill(m_tables[Variables], params.variables);
    fill(m_tables[Startup], params.startup);
    fill(m_tables[Runtime], params.runtime);
    fill(m_tables[Special], params.special);
    m_loading = false;
}

QMap<QString, QString> ParamsPanel::read(QTableWidget *table)
{
    QMap<QString, QString> map;
    for (int r = 0; r < table->rowCount(); ++r) {
        const QTableWidgetItem *name = table->item(r, 0);
        const QTableWidgetItem *value = table->item(r, 1);
        if (name && !name->text().trimmed().isEmpty())
            map.insert(name->text().trimmed(), value ? value->text() : QString());
    }
    return map;
}

void ParamsPanel::store()
{
    if (!m_tab)
        return;
    ScriptParams params;
    params.variables = read(m_tables[Variables]);
    params.startup = read(m_tables[Startup]);
    params.runtime = read(m_tables[Runtime]);
    params.special = read(m_tables[Special]);
    m_loading = true;
    m_tab->setParams(params);
    m_loading = false;
}

} // namespace linkisdesk
