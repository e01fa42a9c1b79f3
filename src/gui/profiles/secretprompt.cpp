// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/secretprompt.h"

#include <QApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QPointer>

namespace linkisdesk {

QString SecretPrompt::question(const Profile &profile, Profile::SecretKind kind)
{
    switch (kind) {
    case Profile::SecretKind::Password:
        return QObject::tr("Password of %1 for the profile %2:").arg(profile.user, profile.name);
    case Profile::SecretKind::Token:
        return QObject::tr("Token of %1 for the profile %2:").arg(profile.user, profile.name);
    case Profile::SecretKind::ValidationCode:
        return QObject::tr("Validation code for the profile %1:").arg(profile.name);
    }
    return {};
}

void SecretPrompt::ask(const Profile &profile, Profile::SecretKind kind, const QString &notice,
                       QObject *context, Done done)
{
    auto *dialog = new QInputDialog(QApplication::activeWindow());
    dialog->setObjectName(QStringLiteral("secretPrompt"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(QObject::tr("Sign in \u2014 Linkis Desk"));
    dialog->setInputMode(QInputDialog::TextInput);
    dialog->setTextEchoMode(QLineEdit::Password);
    QString label = question(profile, kind);
    if (!notice.isEmpty())
        label += u'\n' + notice;
    dialog->setLabelText(label);
    QPointer<QObject> guard(context);
    QObject::connect(dialog, &QDialog::finished, dialog, [dialog, guard, done](int result) {
        std::optional<QString> answer;
        if (result == QDialog::Accepted)
            answer = dialog->textValue();
        dialog->setTextValue(QString()); // do not keep the secret in the widget
        if (guard)
            done(answer);
    });
    dialog->open();
    dialog->raise();
    dialog->activateWindow();
}

} // namespace linkisdesk
