// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/editortabs.h"

#include "editor/editortabbar.h"
#include "editor/scripteditor.h"
#include "editor/scripttab.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QSaveFile>
#include <QTabBar>

namespace linkisdesk {

EditorTabs::EditorTabs(QWidget *parent)
    : QTabWidget(parent)
{
    setObjectName(QStringLiteral("editorTabs"));
    setTabBar(new EditorTabBar(this)); // readable names from seven tabs on: scroll, not squeeze
    setTabsClosable(true);
    setMovable(true);
    setDocumentMode(true);
    setAcceptDrops(true);
    setElideMode(Qt::ElideMiddle);
    setUsesScrollButtons(true);
    connect(this, &QTabWidget::tabCloseRequested, this, &EditorTabs::closeTab);
    m_closePrompt = [this](ScriptTab *tab) {
        const auto answer = QMessageBox::question(
            this, tr("Unsaved changes"),
            tr("%1 has unsaved changes. Save them before closing?").arg(tab->displayName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Save)
            return CloseAnswer::Save;
        if (answer == QMessageBox::Discard)
            return CloseAnswer::Discard;
        return CloseAnswer::Cancel;
    };
    m_savePathPrompt = [this](ScriptTab *tab) {
        const QString suggested = tab->filePath().isEmpty() ? tab->displayName() : tab->filePath();
        return QFileDialog::getSaveFileName(this, tr("Save script as"), suggested,
                                            ScriptLanguages::fileDialogFilter());
    };
}

int EditorTabs::nextUntitledNumber() const
{
    int n = 1;
    for (ScriptTab *tab : scriptTabs()) {
        if (tab->filePath().isEmpty())
            n = qMax(n, tab->untitledNumber() + 1);
    }
    return n;
}

ScriptTab *EditorTabs::newTab(ScriptLanguage language, const QString &text)
{
    auto *tab = new ScriptTab(language);
    tab->setUntitledNumber(nextUntitledNumber());
    if (!text.isEmpty()) {
        tab->editor()->setText(text);
        tab->editor()->setModified(false);
    }
    return addScriptTab(tab);
}

ScriptTab *EditorTabs::addScriptTab(ScriptTab *tab)
{
    addTab(tab, titleFor(tab));
    refreshTitle(tab); // the tooltip: the full path
    connect(tab, &ScriptTab::titleChanged, this, [this, tab] { refreshTitle(tab); });
    Q_EMIT tabCreated(tab);
    setCurrentWidget(tab);
    tab->editor()->setFocus();
    return tab;
}

ScriptTab *EditorTabs::openFile(const QString &path)
{
    const QString canonical = QFileInfo(path).absoluteFilePath();
    for (ScriptTab *tab : scriptTabs()) {
        if (!tab->filePath().isEmpty() &&
            QFileInfo(tab->filePath()).absoluteFilePath() == canonical) {
            setCurrentWidget(tab);
            return tab;
        }
    }
    QFile file(canonical);
    if (!file.open(QIODevice::ReadOnly)) {
        Q_EMIT fileError(tr("Cannot open %1: %2").arg(canonical, file.errorString()));
        return nullptr;
    }
    const QString text = QString::fromUtf8(file.readAll());
    // Reuse a pristine empty tab, the way editors do (the file keeps the profile chosen for it).
    ScriptTab *current = currentScriptTab();
    QString profile;
    if (count() == 1 && current && current->filePath().isEmpty() && !current->isModified() &&
        current->editor()->text().isEmpty()) {
        profile = current->profileName();
        removeTab(0);
        current->deleteLater();
    }
    auto *tab = new ScriptTab(ScriptLanguages::fromFileName(canonical));
    tab->setProfileName(profile);
    tab->editor()->setText(text);
    tab->editor()->setModified(false);
    tab->setFilePath(canonical);
    addRecent(canonical);
    return addScriptTab(tab);
}

bool EditorTabs::writeFile(ScriptTab *tab, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        Q_EMIT fileError(tr("Cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    file.write(tab->editor()->text().toUtf8());
    if (!file.commit()) {
        Q_EMIT fileError(tr("Cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    tab->editor()->setModified(false);
    if (tab->filePath() != path)
        tab->setFilePath(path);
    addRecent(path);
    refreshTitle(tab);
    return true;
}

bool EditorTabs::save(ScriptTab *tab)
{
    if (!tab)
        return false;
    if (!tab->remotePath().isEmpty()) {
        if (m_remoteSaver)
            m_remoteSaver(tab, {});
        return false;
    }
    if (tab->filePath().isEmpty())
        return saveAs(tab);
    return writeFile(tab, tab->filePath());
}

bool EditorTabs::saveAs(ScriptTab *tab)
{
    if (!tab)
        return false;
    const QString path = m_savePathPrompt ? m_savePathPrompt(tab) : QString();
    if (path.isEmpty())
        return false;
    const ScriptLanguage byName = ScriptLanguages::fromFileName(path);
    if (!QFileInfo(path).suffix().isEmpty() && byName != tab->language())
        tab->setLanguage(byName);
    return writeFile(tab, path);
}

bool EditorTabs::closeTab(int index)
{
    ScriptTab *tab = scriptTab(index);
    if (!tab)
        return false;
    if (tab->isModified() && m_closePrompt) {
        setCurrentIndex(index);
        switch (m_closePrompt(tab)) {
        case CloseAnswer::Cancel: return false;
        case CloseAnswer::Save:
            if (!tab->remotePath().isEmpty() && m_remoteSaver) {
                // Closes once the server has it; a refused save (or a conflict answered no)
                // leaves the tab open with its text.
                QPointer<ScriptTab> guard = tab;
                m_remoteSaver(tab, [this, guard] {
                    if (guard && indexOf(guard) >= 0) {
                        Q_EMIT tabAboutToClose(guard);
                        removeTab(indexOf(guard));
                        guard->deleteLater();
                    }
                });
                return false;
            }
            if (!save(tab))
                return false;
            break;
        case CloseAnswer::Discard: break;
        }
    }
    Q_EMIT tabAboutToClose(tab);
    removeTab(indexOf(tab));
    tab->deleteLater();
    return true;
}

bool EditorTabs::confirmCloseAll()
{
    for (ScriptTab *tab : scriptTabs()) {
        if (!tab->isModified() || !m_closePrompt)
            continue;
        setCurrentWidget(tab);
        switch (m_closePrompt(tab)) {
        case CloseAnswer::Cancel: return false;
        case CloseAnswer::Save:
            if (!save(tab))
                return false;
            break;
        case CloseAnswer::Discard: break;
        }
    }
    return true;
}

void EditorTabs::removeAllTabs()
{
    while (count() > 0) {
        ScriptTab *tab = scriptTab(0);
        Q_EMIT tabAboutToClose(tab);
        removeTab(0);
        tab->deleteLater();
    }
}

ScriptTab *EditorTabs::currentScriptTab() const
{
    return qobject_cast<ScriptTab *>(currentWidget());
}

ScriptTab *EditorTabs::scriptTab(int index) const
{
    return qobject_cast<ScriptTab *>(widget(index));
}

QList<ScriptTab *> EditorTabs::scriptTabs() const
{
    QList<ScriptTab *> tabs;
    for (int i = 0; i < count(); ++i) {
        if (auto *tab = scriptTab(i))
            tabs.append(tab);
    }
    return tabs;
}

ScriptTab *EditorTabs::tabById(const QString &id) const
{
    for (ScriptTab *tab : scriptTabs()) {
        if (tab->id() == id)
            return tab;
    }
    return nullptr;
}

void EditorTabs::setRecentFiles(const QStringList &files)
{
    m_recent = files.mid(0, MaxRecentFiles);
    Q_EMIT recentFilesChanged(m_recent);
}

void EditorTabs::addRecent(const QString &path)
{
    m_recent.removeAll(path);
    m_recent.prepend(path);
    while (m_recent.size() > MaxRecentFiles)
        m_recent.removeLast();
    Q_EMIT recentFilesChanged(m_recent);
}

QString EditorTabs::titleFor(const ScriptTab *tab)
{
    // A bullet after the name marks unsaved changes.
    return tab->isModified() ? tab->displayName() + QStringLiteral(" \u25CF") : tab->displayName();
}

void EditorTabs::refreshTitle(ScriptTab *tab)
{
    const int index = indexOf(tab);
    if (index < 0)
        return;
    setTabText(index, titleFor(tab));
    setTabToolTip(index,
                  !tab->remotePath().isEmpty()    ? tab->remotePath()
                      : tab->filePath().isEmpty() ? tab->displayName()
                                                  : tab->filePath());
}

void EditorTabs::setTabTint(ScriptTab *tab, const QColor &color)
{
    const int index = indexOf(tab);
    if (index >= 0)
        tabBar()->setTabTextColor(index, color);
}

void EditorTabs::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void EditorTabs::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            openFile(url.toLocalFile());
    }
    event->acceptProposedAction();
}

} // namespace linkisdesk
