// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QMap>

class QFormLayout;
class QLineEdit;

namespace linkisdesk {

// Asks for the values of ${name} variables that have none, before a run.
class VariablePrompt : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VariablePrompt)
public:
    explicit VariablePrompt(const QStringList &names, QWidget *parent = nullptr);
    QMap<QString, QString> values() const;
    QLineEdit *field(const QString &name) const { return m_fields.value(name); }

private:
    QMap<QString, QLineEdit *> m_fields;
};

} // namespace linkisdesk
