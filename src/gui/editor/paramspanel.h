// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "editor/scripttab.h"

#include <QPointer>
#include <QWidget>

class QTableWidget;

namespace linkisdesk {

// The current tab's parameters from the seed: the variable map and the startup / runtime /
// special configuration maps, as editable name/value tables.
class ParamsPanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ParamsPanel)
public:
    enum Map { Variables, Startup, Runtime, Special, MapCount };
    explicit ParamsPanel(QWidget *parent = nullptr);

    void setTab(ScriptTab *tab);
    ScriptTab *tab() const { return m_tab; }
    QTableWidget *table(Map map) const { return m_tables[map]; }

private:
    void load();
    void store();
    static QMap<QString, QString> read(QTableWidget *table);
    void fill(QTableWidget *table, const QMap<QString, QString> &map);

    QPointer<ScriptTab> m_tab;
    QTableWidget *m_tables[MapCount] = {};
    bool m_loading = false;
};

} // namespace linkisdesk
