// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/killconfirmdialog.h"

#include "theme.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace linkisdesk {

KillConfirmDialog::KillConfirmDialog(const QString &profileName, bool production,
                                     const QString &what, QWidget *parent)
    : QDialog(parent)
    , m_dontAsk(new QCheckBox(this))
{
    setObjectName(QStringLiteral("killConfirmDialog"));
    setWindowTitle(tr("Kill job"));
    auto *text = new QLabel(this);
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    QString body =
        tr("Kill <b>%1</b> on <b>%2</b>?").arg(what.toHtmlEscaped(), profileName.toHtmlEscaped());
    if (production)
        body += QStringLiteral("<br><span style='color:%1'>%2</span>")
                    .arg(Theme::colour(Theme::Role::Production).name(),
                         tr("This is a production profile."));
    text->setText(body);
    m_dontAsk->setText(tr("Don't ask again for %1").arg(profileName));
    m_dontAsk->setVisible(!production);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *kill = buttons->addButton(tr("Kill"), QDialogButtonBox::AcceptRole);
    kill->setDefault(true);
    kill->setAutoDefault(true);
    kill->setFocus();
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(m_dontAsk);
    layout->addWidget(buttons);
    setMinimumWidth(360);
}

bool KillConfirmDialog::dontAskAgain() const
{
    return m_dontAsk->isVisible() && m_dontAsk->isChecked();
}

} // namespace linkisdesk
