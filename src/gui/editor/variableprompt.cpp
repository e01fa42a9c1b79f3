// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/variableprompt.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace linkisdesk {

VariablePrompt::VariablePrompt(const QStringList &names, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("variablePrompt"));
    setWindowTitle(tr("Variables"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The script uses variables that have no value yet:"), this);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    for (const QString &name : names) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QStringLiteral("var_") + name);
        form->addRow(QStringLiteral("${%1}").arg(name), edit);
        m_fields.insert(name, edit);
    }
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Run"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    if (!names.isEmpty())
        m_fields.value(names.first())->setFocus();
}

QMap<QString, QString> VariablePrompt::values() const
{
    QMap<QString, QString> out;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        out.insert(it.key(), it.value()->text());
    return out;
}

} // namespace linkisdesk
