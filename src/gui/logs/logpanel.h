// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "logs/logstore.h"

#include <QWidget>

#include <deque>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

namespace linkisdesk {

class LogView;

// A job's log: the LogView with its bar (level filter All / Error / Warn / Info with counts,
// search with highlight, jump to first error, copy, save, follow). Owns its LogStore.
class LogPanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogPanel)
public:
    explicit LogPanel(QWidget *parent = nullptr);

    LogStore *store() const { return m_store; }
    LogView *view() const { return m_view; }

    void appendLines(const QStringList &lines);
    // A decoded page (LogDecoder): its bytes go to the store as they are, a big one (openLog,
    // up to 30 MB) in slices over several event-loop turns so that it never blocks a frame.
    void appendPage(const LogPage &page);
    // Lines given to appendLines / appendPage that are not in the store yet.
    qsizetype pendingLines() const;
    // Empties the log for a new run; the filter goes back to All, the search is cleared and
    // the view follows new lines again.
    void clear();

    void setFilter(LogStore::Filter filter);
    LogStore::Filter filter() const;
    // Counts shown on the filter buttons, e.g. "Error 3".
    QString filterButtonText(LogStore::Filter filter) const;
    void setSearchText(const QString &text);
    bool saveTo(const QString &path, QString *error) const;

private:
    void refreshCounts();
    void drainPending();
    void saveWithDialog();

    LogStore *m_store;
    LogView *m_view;
    QButtonGroup *m_filters;
    QToolButton *m_filterButtons[4] = {};
    QLineEdit *m_search;
    QLabel *m_searchStatus;
    QToolButton *m_follow;
    QTimer *m_countsTimer;
    struct Pending
    {
        LogPage page;
        qsizetype next = 0;
    };
    std::deque<Pending> m_pending; // pages waiting for their turn, in order
    bool m_drainScheduled = false;
};

} // namespace linkisdesk
