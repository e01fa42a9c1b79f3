// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/shortcutsettings.h"

#include "settings/appsettings.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>

#include <algorithm>

namespace linkisdesk {

const SettingKey<QStringList> ShortcutSettings::Key {"shortcuts", QStringList()};

ShortcutSettings::ShortcutSettings(AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{ }

QString ShortcutSettings::plainText(QString text)
{
    // CJK-style mnemonics ("文件(&F)") go whole; then Western ones ("&File").
    static const QRegularExpression cjkMnemonic(QStringLiteral("\\(&[^&]\\)"));
    text.remove(cjkMnemonic);
    text.replace(QStringLiteral("&&"), QChar(0x1)).remove(QLatin1Char('&'));
    text.replace(QChar(0x1), QLatin1Char('&')); // "&&" is a literal '&'
    text.remove(QChar(0x2026)).remove(QStringLiteral("..."));
    return text.trimmed();
}

void ShortcutSettings::adopt(QMenuBar *bar)
{
    const QList<QAction *> top = bar->actions();
    for (qsizetype i = 0; i < top.size(); ++i) {
        if (QMenu *menu = top.at(i)->menu())
            adoptMenu(menu, QStringLiteral("menu/%1").arg(i), plainText(menu->title()));
    }
}

void ShortcutSettings::adoptMenu(QMenu *menu, const QString &path, const QString &group)
{
    const QList<QAction *> actions = menu->actions();
    for (qsizetype i = 0; i < actions.size(); ++i) {
        QAction *a = actions.at(i);
        const QString here = QStringLiteral("%1/%2").arg(path).arg(i);
        if (a->isSeparator())
            continue;
        if (a->menu()) {
            adoptMenu(a->menu(), here, group + QStringLiteral(" \u203a ") + plainText(a->text()));
            continue;
        }
        if (!a->objectName().isEmpty())
            adopt(a, a->objectName(), group);
        else if (!a->shortcuts().isEmpty())
            adopt(a, here, group);
    }
}

void ShortcutSettings::adopt(QAction *action, const QString &id, const QString &group)
{
    if (contains(id))
        return;
    Entry e {id, group, plainText(action->text()), action, action->shortcuts()};
    m_entries.append(e);
    connect(action, &QObject::destroyed, this, [this, id] {
        const qsizetype i = indexOf(id);
        if (i >= 0)
            m_entries.removeAt(i);
    });
    apply(e);
}

qsizetype ShortcutSettings::indexOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).id == id)
            return i;
    }
    return -1;
}

QStringList ShortcutSettings::overrides() const
{
    return m_settings->value(Key);
}

bool ShortcutSettings::isCustomised(const QString &id) const
{
    const QString prefix = id + QLatin1Char('=');
    for (const QString &o : overrides()) {
        if (o.startsWith(prefix))
            return true;
    }
    return false;
}

QList<QKeySequence> ShortcutSettings::shortcuts(const QString &id) const
{
    const qsizetype i = indexOf(id);
    if (i < 0)
        return {};
    const QString prefix = id + QLatin1Char('=');
    for (const QString &o : overrides()) {
        if (!o.startsWith(prefix))
            continue;
        const QKeySequence s =
            QKeySequence::fromString(o.mid(prefix.size()), QKeySequence::PortableText);
        return s.isEmpty() ? QList<QKeySequence>() : QList<QKeySequence> {s};
    }
    return m_entries.at(i).defaults;
}

void ShortcutSettings::apply(const Entry &entry)
{
    if (entry.action)
        entry.action->setShortcuts(shortcuts(entry.id));
}

void ShortcutSettings::saveOverride(const QString &id, const std::optional<QKeySequence> &sequence)
{
    const QString prefix = id + QLatin1Char('=');
    QStringList list = overrides();
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&prefix](const QString &o) { return o.startsWith(prefix); }),
               list.end());
    if (sequence)
        list.append(prefix + sequence->toString(QKeySequence::PortableText));
    m_settings->setValue(Key, list);
    const qsizetype i = indexOf(id);
    if (i >= 0)
        apply(m_entries.at(i));
    emit changed();
}

void ShortcutSettings::setShortcut(const QString &id, const QKeySequence &sequence)
{
    const qsizetype i = indexOf(id);
    if (i < 0)
        return;
    const QList<QKeySequence> &defaults = m_entries.at(i).defaults;
    if (!defaults.isEmpty() && defaults.first() == sequence)
        saveOverride(id, std::nullopt); // back to the default (keeps its alternatives)
    else
        saveOverride(id, sequence);
}

void ShortcutSettings::reset(const QString &id)
{
    saveOverride(id, std::nullopt);
}

void ShortcutSettings::resetAll()
{
    m_settings->reset(Key);
    for (const Entry &e : std::as_const(m_entries))
        apply(e);
    emit changed();
}

QStringList ShortcutSettings::conflicts(const QKeySequence &sequence, const QString &exceptId) const
{
    QStringList ids;
    if (sequence.isEmpty())
        return ids;
    for (const Entry &e : m_entries) {
        if (e.id != exceptId && shortcuts(e.id).contains(sequence))
            ids.append(e.id);
    }
    return ids;
}

} // namespace linkisdesk
