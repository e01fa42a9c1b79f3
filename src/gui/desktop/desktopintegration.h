// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QMainWindow;
class QMenu;

namespace linkisdesk {

class AppSettings;
class Notifier;
class ShortcutSettings;

// Adds the desktop pieces to a main window with one call:
//   Settings → Language (follow system / English / 简体中文), Keyboard shortcuts…
//   Help → Keyboard shortcuts (F1), About Linkis Desk
// and then adopts every menu action into ShortcutSettings, applying the saved remappings.
// Call install() after the window has built its own menus. notifier() is for job notifications.
// The dialogs open window-modal (open(), no nested event loop) and delete themselves on close.
class DesktopIntegration : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopIntegration)
public:
    DesktopIntegration(AppSettings *settings, QMainWindow *window);

    void install();

    Notifier *notifier() const { return m_notifier; }
    ShortcutSettings *shortcuts() const { return m_shortcuts; }
    QMenu *settingsMenu() const { return m_settingsMenu; }
    QMenu *helpMenu() const { return m_helpMenu; }

    void showAbout();
    void showShortcutSheet();
    void editShortcuts();

signals:
    // The Language setting changed; it applies from the next start.
    void languageChosen(const QString &language);

private:
    void chooseLanguage(const QString &language);

    AppSettings *m_settings;
    QPointer<QMainWindow> m_window;
    Notifier *m_notifier;
    ShortcutSettings *m_shortcuts;
    QMenu *m_settingsMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
};

} // namespace linkisdesk
