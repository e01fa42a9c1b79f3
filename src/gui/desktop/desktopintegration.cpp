// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/desktopintegration.h"

#include "desktop/aboutdialog.h"
#include "desktop/notifier.h"
#include "desktop/shortcutdialog.h"
#include "desktop/shortcutsettings.h"
#include "desktop/translationloader.h"
#include "settings/appsettings.h"
#include "settings/settingkeys.h"

#include <QActionGroup>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>

namespace linkisdesk {

DesktopIntegration::DesktopIntegration(AppSettings *settings, QMainWindow *window)
    : QObject(window)
    , m_settings(settings)
    , m_window(window)
    , m_notifier(new Notifier(window, this))
    , m_shortcuts(new ShortcutSettings(settings, this))
{ }

void DesktopIntegration::install()
{
    QMenuBar *bar = m_window->menuBar();
    m_settingsMenu = bar->addMenu(tr("&Settings"));
    m_settingsMenu->setObjectName(QStringLiteral("settingsMenu"));
    QMenu *language = m_settingsMenu->addMenu(tr("&Language"));
    language->setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(this);
    const QString current = m_settings->value(SettingKeys::Language);
    QList<std::pair<QString, QString>> choices {{QString(), tr("Follow the system")}};
    for (const QString &l : TranslationLoader::availableLanguages())
        choices.append({l, TranslationLoader::nativeName(l)});
    for (const auto &[code, label] : choices) {
        QAction *a =
            language->addAction(label, this, [this, code = code] { chooseLanguage(code); });
        a->setObjectName(
            QStringLiteral("language_%1").arg(code.isEmpty() ? QStringLiteral("system") : code));
        a->setCheckable(true);
        a->setChecked(code == current);
        group->addAction(a);
    }
    QAction *edit = m_settingsMenu->addAction(tr("&Keyboard shortcuts\u2026"), this,
                                              &DesktopIntegration::editShortcuts);
    edit->setObjectName(QStringLiteral("editShortcutsAction"));

    m_helpMenu = bar->addMenu(tr("&Help"));
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    QAction *sheet = m_helpMenu->addAction(tr("&Keyboard shortcuts"), this,
                                           &DesktopIntegration::showShortcutSheet);
    sheet->setObjectName(QStringLiteral("shortcutSheetAction"));
    sheet->setShortcut(QKeySequence(Qt::Key_F1));
    sheet->setShortcutContext(Qt::ApplicationShortcut);
    m_helpMenu->addSeparator();
    QAction *about =
        m_helpMenu->addAction(tr("&About Linkis Desk"), this, &DesktopIntegration::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);

    m_shortcuts->adopt(bar);
}

void DesktopIntegration::chooseLanguage(const QString &language)
{
    if (m_settings->value(SettingKeys::Language) == language)
        return;
    m_settings->setValue(SettingKeys::Language, language);
    emit languageChosen(language);
    auto *box = new QMessageBox(QMessageBox::Information, tr("Language"),
                                tr("The new language is used from the next start of Linkis Desk."),
                                QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("languageRestartNotice"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void DesktopIntegration::showAbout()
{
    auto *dialog = new AboutDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void DesktopIntegration::showShortcutSheet()
{
    auto *dialog = new ShortcutDialog(m_shortcuts, ShortcutDialog::Mode::Sheet, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void DesktopIntegration::editShortcuts()
{
    auto *dialog = new ShortcutDialog(m_shortcuts, ShortcutDialog::Mode::Edit, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace linkisdesk
