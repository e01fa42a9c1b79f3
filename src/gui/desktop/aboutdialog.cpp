// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/aboutdialog.h"

#include "appicons.h"
#include "localgateway/gatewayruntimefile.h"

#include <Qsci/qsciglobal.h>

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace linkisdesk {

AboutDialog::AboutDialog(QWidget *parent, const QString &runtimeFile)
    : QDialog(parent)
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Linkis Desk"));

    const QString gateway = localGatewayAddress(
        runtimeFile.isEmpty() ? GatewayRuntimeFile::defaultPath() : runtimeFile);
    QString html =
        QStringLiteral("<h2>Linkis Desk %1</h2>").arg(QStringLiteral(LINKIS_DESK_VERSION));
    html +=
        QStringLiteral("<p>%1</p>").arg(tr("A desktop client for Apache Linkis.").toHtmlEscaped());
    html += QStringLiteral("<p>");
    for (const QString &line : versionLines())
        html += line.toHtmlEscaped() + QStringLiteral("<br>");
    html += QStringLiteral("</p><p>%1</p>")
                .arg(gateway.isEmpty() ? tr("Local gateway: not running").toHtmlEscaped()
                                       : tr("Local gateway: %1").arg(gateway).toHtmlEscaped());
    html +=
        QStringLiteral("<p>%1<br><a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">%2</a></p>")
            .arg(tr("This program is free software: you can redistribute it and/or modify it "
                    "under the terms of the GNU General Public License, version 3 or (at your "
                    "option) any later version. It comes with ABSOLUTELY NO WARRANTY.")
                     .toHtmlEscaped(),
                 tr("Licence: GPL-3.0-or-later").toHtmlEscaped());
    m_text->setObjectName(QStringLiteral("aboutText"));
    m_text->setText(html);
    m_text->setWordWrap(true);
    m_text->setOpenExternalLinks(true);
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_text->setMinimumWidth(420);

    auto *icon = new QLabel(this);
    icon->setPixmap(AppIcons::app().pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);
    auto *row = new QHBoxLayout;
    row->addWidget(icon);
    row->addWidget(m_text, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
}

QString AboutDialog::localGatewayAddress(const QString &runtimeFile)
{
    const auto file = GatewayRuntimeFile::read(runtimeFile);
    return file ? file->url.toString() : QString();
}

QStringList AboutDialog::versionLines()
{
    const QString runtimeQt = QString::fromLatin1(qVersion());
    const QString builtQt = QStringLiteral(QT_VERSION_STR);
    return {tr("Linkis Desk %1").arg(QStringLiteral(LINKIS_DESK_VERSION)),
            runtimeQt == builtQt ? tr("Qt %1").arg(runtimeQt)
                                 : tr("Qt %1 (built with %2)").arg(runtimeQt, builtQt),
            tr("QScintilla %1").arg(QStringLiteral(QSCINTILLA_VERSION_STR))};
}

QString AboutDialog::text() const
{
    return m_text->text();
}

} // namespace linkisdesk
