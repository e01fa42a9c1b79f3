// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/shortcutdialog.h"

#include "desktop/shortcutsettings.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace linkisdesk {

namespace {
constexpr int IdRole = Qt::UserRole + 1;

QString joined(const QList<QKeySequence> &sequences)
{
    QStringList parts;
    for (const QKeySequence &s : sequences) {
        const QString text = s.toString(QKeySequence::NativeText);
        if (!parts.contains(text)) // Return and Enter read alike in some languages
            parts.append(text);
    }
    return parts.join(QStringLiteral(", "));
}
} // namespace

ShortcutDialog::ShortcutDialog(ShortcutSettings *shortcuts, Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_shortcuts(shortcuts)
    , m_mode(mode)
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeWidget(this))
{
    setObjectName(mode == Mode::Sheet ? QStringLiteral("shortcutSheet")
                                      : QStringLiteral("shortcutEditor"));
    setWindowTitle(mode == Mode::Sheet ? tr("Keyboard shortcuts") : tr("Customise shortcuts"));
    m_filter->setPlaceholderText(tr("Filter by action or key"));
    m_filter->setClearButtonEnabled(true);
    m_tree->setHeaderLabels({tr("Action"), tr("Shortcut")});
    m_tree->setRootIsDecorated(false);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree, 1);
    if (mode == Mode::Edit) {
        m_sequence = new QKeySequenceEdit(this);
        m_assign = new QPushButton(tr("Assign"), this);
        m_clear = new QPushButton(tr("No shortcut"), this);
        m_reset = new QPushButton(tr("Reset to default"), this);
        auto *resetAll = new QPushButton(tr("Reset all"), this);
        auto *row = new QHBoxLayout;
        row->addWidget(new QLabel(tr("Press the new shortcut:"), this));
        row->addWidget(m_sequence, 1);
        row->addWidget(m_assign);
        row->addWidget(m_clear);
        row->addWidget(m_reset);
        row->addWidget(resetAll);
        layout->addLayout(row);
        m_conflict = new QLabel(this);
        m_conflict->setObjectName(QStringLiteral("conflictLabel"));
        m_conflict->setWordWrap(true);
        layout->addWidget(m_conflict);
        connect(m_sequence, &QKeySequenceEdit::keySequenceChanged, this,
                &ShortcutDialog::updateConflict);
        connect(m_assign, &QPushButton::clicked, this, &ShortcutDialog::assignCurrent);
        connect(m_clear, &QPushButton::clicked, this, [this] {
            if (!selectedId().isEmpty())
                m_shortcuts->setShortcut(selectedId(), QKeySequence());
        });
        connect(m_reset, &QPushButton::clicked, this, [this] {
            if (!selectedId().isEmpty())
                m_shortcuts->reset(selectedId());
        });
        connect(resetAll, &QPushButton::clicked, m_shortcuts, &ShortcutSettings::resetAll);
        connect(m_tree, &QTreeWidget::currentItemChanged, this, &ShortcutDialog::onSelection);
        connect(m_shortcuts, &ShortcutSettings::changed, this, [this] {
            const QString keep = selectedId();
            fill();
            selectId(keep);
        });
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_filter, &QLineEdit::textChanged, this, &ShortcutDialog::applyFilter);
    fill();
    onSelection();
    resize(560, 600);
}

void ShortcutDialog::fill()
{
    m_tree->clear();
    QString group;
    QFont bold = font();
    bold.setBold(true);
    for (const ShortcutSettings::Entry &e : m_shortcuts->entries()) {
        const QList<QKeySequence> keys = m_shortcuts->shortcuts(e.id);
        if (m_mode == Mode::Sheet && keys.isEmpty())
            continue;
        if (e.group != group) {
            group = e.group;
            auto *header = new QTreeWidgetItem(m_tree, {group});
            header->setFont(0, bold);
            header->setFlags(Qt::ItemIsEnabled);
        }
        auto *item = new QTreeWidgetItem(m_tree, {e.name, joined(keys)});
        item->setData(0, IdRole, e.id);
        if (m_shortcuts->isCustomised(e.id))
            item->setFont(1, bold);
    }
    applyFilter(m_filter->text());
}

void ShortcutDialog::applyFilter(const QString &text)
{
    QTreeWidgetItem *header = nullptr;
    bool headerHasMatch = false;
    auto closeHeader = [&] {
        if (header)
            header->setHidden(!headerHasMatch);
    };
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        if (item->data(0, IdRole).toString().isEmpty()) {
            closeHeader();
            header = item;
            headerHasMatch = false;
            continue;
        }
        const bool match = text.isEmpty() || item->text(0).contains(text, Qt::CaseInsensitive) ||
            item->text(1).contains(text, Qt::CaseInsensitive) ||
            (header && header->text(0).contains(text, Qt::CaseInsensitive));
        item->setHidden(!match);
        headerHasMatch = headerHasMatch || match;
    }
    closeHeader();
}

QString ShortcutDialog::selectedId() const
{
    QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(0, IdRole).toString() : QString();
}

void ShortcutDialog::selectId(const QString &id)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        if (m_tree->topLevelItem(i)->data(0, IdRole).toString() == id) {
            m_tree->setCurrentItem(m_tree->topLevelItem(i));
            return;
        }
    }
}

void ShortcutDialog::onSelection()
{
    if (m_mode != Mode::Edit)
        return;
    const QString id = selectedId();
    for (QWidget *w : {static_cast<QWidget *>(m_sequence), static_cast<QWidget *>(m_assign),
                       static_cast<QWidget *>(m_clear), static_cast<QWidget *>(m_reset)})
        w->setEnabled(!id.isEmpty());
    const QList<QKeySequence> keys = m_shortcuts->shortcuts(id);
    m_sequence->setKeySequence(keys.value(0));
    updateConflict();
}

void ShortcutDialog::updateConflict()
{
    if (!m_conflict)
        return;
    QStringList names;
    for (const QString &id : m_shortcuts->conflicts(m_sequence->keySequence(), selectedId())) {
        for (const ShortcutSettings::Entry &e : m_shortcuts->entries()) {
            if (e.id == id)
                names.append(QStringLiteral("%1 \u203a %2").arg(e.group, e.name));
        }
    }
    m_conflict->setText(names.isEmpty() ? QString()
                                        : tr("Already used by: %1. Assigning it removes it there.")
                                              .arg(names.join(QStringLiteral("; "))));
}

void ShortcutDialog::assignCurrent()
{
    const QString id = selectedId();
    if (id.isEmpty() || !m_sequence)
        return;
    const QKeySequence sequence = m_sequence->keySequence();
    for (const QString &other : m_shortcuts->conflicts(sequence, id)) {
        QList<QKeySequence> rest = m_shortcuts->shortcuts(other);
        rest.removeAll(sequence);
        m_shortcuts->setShortcut(other, rest.value(0));
    }
    m_shortcuts->setShortcut(id, sequence);
}

} // namespace linkisdesk
