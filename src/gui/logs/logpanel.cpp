// SPDX-License-Identifier: GPL-3.0-or-later
#include "logs/logpanel.h"

#include "logs/logview.h"

#include <QButtonGroup>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace linkisdesk {

namespace {
const LogStore::Filter kFilters[4] = {LogStore::Filter::All, LogStore::Filter::Error,
                                      LogStore::Filter::Warn, LogStore::Filter::Info};

QString filterName(LogStore::Filter filter)
{
    switch (filter) {
    case LogStore::Filter::All: return QObject::tr("All");
    case LogStore::Filter::Error: return QObject::tr("Error");
    case LogStore::Filter::Warn: return QObject::tr("Warn");
    case LogStore::Filter::Info: return QObject::tr("Info");
    }
    return {};
}

QToolButton *toolButton(const QString &text, const QString &tip, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setAutoRaise(true);
    return b;
}
} // namespace

LogPanel::LogPanel(QWidget *parent)
    : QWidget(parent)
    , m_store(new LogStore(this))
    , m_view(new LogView(this))
    , m_filters(new QButtonGroup(this))
    , m_search(new QLineEdit(this))
    , m_searchStatus(new QLabel(this))
    , m_follow(toolButton(tr("Follow"), tr("Follow new lines (End)"), this))
    , m_countsTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("logPanel"));
    m_view->setStore(m_store);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->setSpacing(2);
    for (int i = 0; i < 4; ++i) {
        auto *b = new QToolButton(this);
        b->setCheckable(true);
        b->setAutoRaise(true);
        b->setObjectName(QStringLiteral("logFilter") + filterName(kFilters[i]));
        m_filters->addButton(b, i);
        m_filterButtons[i] = b;
        bar->addWidget(b);
    }
    m_filterButtons[0]->setChecked(true);
    bar->addSpacing(12);
    m_search->setPlaceholderText(tr("Search log"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(260);
    bar->addWidget(m_search);
    auto *prev = toolButton(QStringLiteral("\u2191"), tr("Previous match (Shift+Enter)"), this);
    auto *next = toolButton(QStringLiteral("\u2193"), tr("Next match (Enter)"), this);
    bar->addWidget(prev);
    bar->addWidget(next);
    bar->addWidget(m_searchStatus);
    bar->addStretch(1);
    auto *firstError = toolButton(tr("First error"), tr("Jump to the first error line"), this);
    auto *copy =
        toolButton(tr("Copy"), tr("Copy the selected lines (all lines shown when none)"), this);
    auto *save = toolButton(tr("Save\u2026"), tr("Save the whole log to a file"), this);
    m_follow->setCheckable(true);
    m_follow->setChecked(true);
    bar->addWidget(firstError);
    bar->addWidget(copy);
    bar->addWidget(save);
    bar->addWidget(m_follow);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    // Counts refresh at most every 200 ms however fast lines come in.
    m_countsTimer->setSingleShot(true);
    m_countsTimer->setInterval(200);
    connect(m_countsTimer, &QTimer::timeout, this, &LogPanel::refreshCounts);
    connect(m_store, &LogStore::linesAppended, this, [this] {
        if (!m_countsTimer->isActive())
            m_countsTimer->start();
    });
    connect(m_store, &LogStore::cleared, this, &LogPanel::refreshCounts);
    connect(m_filters, &QButtonGroup::idClicked, this,
            [this](int id) { m_view->setFilter(kFilters[id]); });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_view->setSearchText(text);
        m_searchStatus->clear();
    });
    auto findNext = [this](bool forward) {
        if (m_search->text().isEmpty())
            return;
        const qsizetype line = forward ? m_view->findNext() : m_view->findPrevious();
        m_searchStatus->setText(line < 0 ? tr("No match") : tr("Line %1").arg(line + 1));
    };
    connect(m_search, &QLineEdit::returnPressed, this, [findNext] { findNext(true); });
    connect(next, &QToolButton::clicked, this, [findNext] { findNext(true); });
    connect(prev, &QToolButton::clicked, this, [findNext] { findNext(false); });
    connect(firstError, &QToolButton::clicked, this, [this] {
        if (!m_view->jumpToFirstError())
            m_searchStatus->setText(tr("No errors"));
    });
    connect(copy, &QToolButton::clicked, m_view, &LogView::copy);
    connect(save, &QToolButton::clicked, this, &LogPanel::saveWithDialog);
    connect(m_follow, &QToolButton::toggled, m_view, &LogView::setFollowing);
    connect(m_view, &LogView::followingChanged, m_follow, &QToolButton::setChecked);
    refreshCounts();
}

void LogPanel::appendLines(const QStringList &lines)
{
    appendPage(LogPage::fromLines(lines));
}

void LogPanel::appendPage(const LogPage &page)
{
    if (page.isEmpty())
        return;
    m_pending.push_back({page, 0});
    if (!m_drainScheduled)
        drainPending();
}

qsizetype LogPanel::pendingLines() const
{
    qsizetype lines = 0;
    for (const Pending &p : m_pending)
        lines += p.page.size() - p.next;
    return lines;
}

void LogPanel::drainPending()
{
    // Slices of a few MB at most, and no more than half a frame of them per event-loop turn.
    constexpr qsizetype kSliceLines = 20000;
    constexpr qint64 kBudgetMs = 8;
    m_drainScheduled = false;
    QElapsedTimer clock;
    clock.start();
    while (!m_pending.empty()) {
        Pending &p = m_pending.front();
        const qsizetype n = qMin(kSliceLines, p.page.size() - p.next);
        m_store->appendPage(p.page, p.next, n);
        p.next += n;
        if (p.next >= p.page.size())
            m_pending.pop_front();
        if (!m_pending.empty() && clock.elapsed() >= kBudgetMs) {
            m_drainScheduled = true;
            QTimer::singleShot(0, this, &LogPanel::drainPending);
            return;
        }
    }
}

void LogPanel::clear()
{
    // A new run starts on the whole log: a filter or search left from the last run would hide
    // its lines and make the pane look empty.
    m_pending.clear();
    m_search->clear();
    m_searchStatus->clear();
    setFilter(LogStore::Filter::All);
    m_store->clear();
    m_view->setFollowing(true);
}

void LogPanel::setFilter(LogStore::Filter filter)
{
    for (int i = 0; i < 4; ++i) {
        if (kFilters[i] == filter)
            m_filterButtons[i]->setChecked(true);
    }
    m_view->setFilter(filter);
}

LogStore::Filter LogPanel::filter() const
{
    return m_view->filter();
}

QString LogPanel::filterButtonText(LogStore::Filter filter) const
{
    for (int i = 0; i < 4; ++i) {
        if (kFilters[i] == filter)
            return m_filterButtons[i]->text();
    }
    return {};
}

void LogPanel::setSearchText(const QString &text)
{
    m_search->setText(text);
}

void LogPanel::refreshCounts()
{
    for (int i = 0; i < 4; ++i) {
        const qsizetype n = m_store->count(kFilters[i]);
        m_filterButtons[i]->setText(QStringLiteral("%1 %2").arg(filterName(kFilters[i])).arg(n));
    }
}

bool LogPanel::saveTo(const QString &path, QString *error) const
{
    return m_view->saveTo(path, error);
}

void LogPanel::saveWithDialog()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save log"), QStringLiteral("job.log"),
                                     tr("Log files (*.log *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveTo(path, &error))
        QMessageBox::warning(this, tr("Save log"), tr("Cannot save the log: %1").arg(error));
}

} // namespace linkisdesk
