// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/scripttab.h"

#include "editor/findbar.h"
#include "editor/scripteditor.h"

#include <QFileInfo>
#include <QSplitter>
#include <QUuid>
#include <QVBoxLayout>

namespace linkisdesk {

ScriptTab::ScriptTab(ScriptLanguage language, QWidget *parent)
    : QWidget(parent)
    , m_id(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_runType(ScriptLanguages::defaultRunType(language))
    , m_editor(new ScriptEditor)
    , m_findBar(new FindBar(m_editor))
    , m_splitter(new QSplitter(Qt::Vertical, this))
{
    m_editor->setLanguage(language);
    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->setSpacing(0);
    topLayout->addWidget(m_editor, 1);
    topLayout->addWidget(m_findBar);
    m_splitter->addWidget(top);
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
    connect(m_editor, &QsciScintilla::modificationChanged, this, &ScriptTab::titleChanged);
}

void ScriptTab::setFilePath(const QString &path)
{
    m_filePath = path;
    Q_EMIT titleChanged();
}

void ScriptTab::setRemote(const ScriptFile &base, const QString &label)
{
    m_remote = base;
    m_remoteLabel = label;
    Q_EMIT titleChanged();
}

QString ScriptTab::displayName() const
{
    if (!m_remote.path.isEmpty())
        return m_profile + u':' + m_remoteLabel;
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).fileName();
    return tr("Untitled-%1.%2")
        .arg(m_untitledNumber)
        .arg(ScriptLanguages::fileSuffix(m_editor->language()));
}

bool ScriptTab::isModified() const
{
    return m_editor->isModified();
}

ScriptLanguage ScriptTab::language() const
{
    return m_editor->language();
}

void ScriptTab::setLanguage(ScriptLanguage language)
{
    if (language == m_editor->language())
        return;
    m_editor->setLanguage(language);
    m_runType = ScriptLanguages::defaultRunType(language);
    m_engine.clear(); // the window picks the language's default engine for the profile
    Q_EMIT titleChanged();
    Q_EMIT settingsChanged();
}

void ScriptTab::setProfileName(const QString &name)
{
    if (name == m_profile)
        return;
    m_profile = name;
    m_engine.clear(); // another server: the window picks the profile's engine for the language
    Q_EMIT settingsChanged();
}

void ScriptTab::setEngine(const QString &engine)
{
    if (engine == m_engine)
        return;
    m_engine = engine;
    Q_EMIT settingsChanged();
}

void ScriptTab::setRunType(const QString &runType)
{
    if (runType == m_runType)
        return;
    m_runType = runType;
    Q_EMIT settingsChanged();
}

void ScriptTab::setParams(const ScriptParams &params)
{
    if (params == m_params)
        return;
    m_params = params;
    Q_EMIT settingsChanged();
}

void ScriptTab::setRunPanel(QWidget *panel)
{
    if (m_runPanel == panel)
        return;
    delete m_runPanel;
    m_runPanel = panel;
    if (panel) {
        m_splitter->addWidget(panel);
        m_splitter->setStretchFactor(0, 3);
        m_splitter->setStretchFactor(1, 2);
    }
}

} // namespace linkisdesk
