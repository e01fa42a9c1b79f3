// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings/settingkey.h"

#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class QAction;
class QMenu;
class QMenuBar;

namespace linkisdesk {

class AppSettings;

// Remappable keyboard shortcuts. Adopts the actions of the main window's menus, remembers their
// default shortcuts, applies the user's overrides from AppSettings and saves changes there.
//
// An action's id is its objectName when it has one, otherwise its place in the menu bar
// ("menu/2/5"), which does not change with the language. Only actions that have an objectName or
// a default shortcut are adopted, so dynamic entries (recent files) are left alone.
class ShortcutSettings : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutSettings)
public:
    // Overrides, one "id=PortableText" per entry ("id=" removes the shortcut).
    static const SettingKey<QStringList> Key;

    struct Entry
    {
        QString id;
        QString group; // the menu's title without '&'
        QString name; // the action's text without '&' and "…"
        QPointer<QAction> action;
        QList<QKeySequence> defaults;
    };

    explicit ShortcutSettings(AppSettings *settings, QObject *parent = nullptr);

    void adopt(QMenuBar *bar);
    void adopt(QAction *action, const QString &id, const QString &group);

    QList<Entry> entries() const { return m_entries; }
    bool contains(const QString &id) const { return indexOf(id) >= 0; }
    QList<QKeySequence> shortcuts(const QString &id) const;
    bool isCustomised(const QString &id) const;
    // Applies and saves. An empty sequence leaves the action without a shortcut.
    void setShortcut(const QString &id, const QKeySequence &sequence);
    void reset(const QString &id);
    void resetAll();
    // Ids of the other actions that already use this sequence.
    QStringList conflicts(const QKeySequence &sequence, const QString &exceptId = QString()) const;

    static QString plainText(QString text);

signals:
    void changed();

private:
    void adoptMenu(QMenu *menu, const QString &path, const QString &group);
    qsizetype indexOf(const QString &id) const;
    QStringList overrides() const;
    void saveOverride(const QString &id, const std::optional<QKeySequence> &sequence);
    void apply(const Entry &entry);

    AppSettings *m_settings;
    QList<Entry> m_entries;
};

} // namespace linkisdesk
