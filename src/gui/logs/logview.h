// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "logs/logstore.h"

#include <QAbstractScrollArea>
#include <QElapsedTimer>
#include <QPointer>

class QTimer;

namespace linkisdesk {

// A log viewer that paints only the lines on screen, straight from a LogStore: a million lines
// cost the store's compact memory and nothing more here. Follows new lines (live tail) until
// the user scrolls up; End or scrolling back to the bottom follows again. Level filter, search
// highlight, line selection and copy.
class LogView : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogView)
public:
    explicit LogView(QWidget *parent = nullptr);

    void setStore(LogStore *store);
    LogStore *store() const { return m_store; }

    LogStore::Filter filter() const { return m_filter; }
    void setFilter(LogStore::Filter filter);
    qsizetype rowCount() const;
    // What the view says when the filter hides every line of a log that has some, else empty.
    QString emptyHint() const;

    bool isFollowing() const { return m_follow; }
    void setFollowing(bool follow);

    // Search: highlights every match on screen; next/previous move the current match (with
    // wrap-around) and return its line, or -1.
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    qsizetype findNext();
    qsizetype findPrevious();
    qsizetype currentMatchLine() const { return m_matchLine; }

    // Scrolls to the first error line and selects it; false when there is none.
    bool jumpToFirstError();
    // Makes a line (index in the whole log) visible, selected, and stops following.
    void showLine(qsizetype line);
    qsizetype firstVisibleLine() const;

    // Selected lines [first, last] (whole-log indexes), or false when nothing is selected.
    bool selection(qsizetype *first, qsizetype *last) const;
    void selectAll();
    void clearSelection();
    // The selected lines that the filter shows, or every such line when nothing is selected.
    QString selectedText(qsizetype maxLines = 1'000'000) const;
    void copy() const;
    // Writes the whole log (every level) as UTF-8 text.
    bool saveTo(const QString &path, QString *error) const;

Q_SIGNALS:
    void followingChanged(bool following);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;
    // Scrolling repaints through onScrolled (throttled while lines stream in), not here.
    void scrollContentsBy(int dx, int dy) override;

private:
    void onLinesAppended(qsizetype first, qsizetype count);
    void onCleared();
    void updateScrollBars();
    void updateMetrics();
    int visibleRowCapacity() const;
    qsizetype rowAtY(int y) const;
    void scrollToRow(qsizetype row);
    qsizetype find(bool forward);
    void onScrolled(int value);
    // Repaints at most every kRepaintMs while lines stream in; at once otherwise.
    void scheduleRepaint();

    QPointer<LogStore> m_store;
    LogStore::Filter m_filter = LogStore::Filter::All;
    bool m_follow = true;
    bool m_settingScroll = false;
    QString m_search;
    qsizetype m_matchLine = -1;
    qsizetype m_anchor = -1;
    qsizetype m_cursor = -1;
    int m_lineHeight = 16;
    int m_charWidth = 8;
    int m_gutterWidth = 40;
    int m_maxTextWidth = 0;
    QElapsedTimer m_lastPaint;
    QTimer *m_repaintTimer = nullptr;
};

} // namespace linkisdesk
