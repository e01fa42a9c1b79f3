// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "charts/chartbuilder.h"
#include "charts/chartspec.h"
#include "results/columnkind.h"

#include <QWidget>

#include <memory>
#include <optional>

class QChartView;
class QComboBox;
class QLabel;
class QMenu;
class QToolButton;

namespace linkisdesk {

class ChartDataJob;
class LinkisClient;
class ResultTableModel;

// The chart of one result set (Qt Charts): bar, line, area, scatter or pie; an x column and one or
// more y columns; how y values of a repeated x combine (sum, average, count, min, max); the
// column names as axis titles and legend; dates and numbers on x as such. Every row of the result
// set counts: the columns are read on their own (ChartDataJob, with progress and cancel) and the
// chart is computed on a worker thread (buildChart), a long line drawn from a sample that keeps
// its shape, which the note under the controls says. Export as PNG or SVG.
class ChartView : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartView)
public:
    ChartView(LinkisClient *client, ResultTableModel *model, QWidget *parent = nullptr);
    ~ChartView() override;

    ChartSpec spec() const { return m_spec; }
    // Shows the chart the spec describes (columns past the result's end are dropped).
    void setSpec(const ChartSpec &spec);
    // A first chart for the columns: x the first text or date column, y the first number.
    static ChartSpec defaultSpec(const QList<ColumnKind> &kinds);

    // The last chart drawn, and whether one is being read or computed.
    const ChartData &data() const { return m_data; }
    bool isBusy() const;
    QString noteText() const;
    QChartView *chartView() const { return m_chartView; }
    // PNG or SVG by the suffix; false (nothing written) otherwise or when writing fails.
    bool exportImage(const QString &filePath);

signals:
    // The user changed the chart: for saving with the tab.
    void specChanged(const linkisdesk::ChartSpec &spec);
    // A chart for the current spec is on the view.
    void chartShown();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void fillColumns();
    void specFromControls();
    void syncControls();
    void refresh();
    void build();
    void render(const ChartData &data);
    void exportWithDialog(const QString &suffix);

    LinkisClient *m_client;
    ResultTableModel *m_model;
    ChartDataJob *m_job;
    ChartSpec m_spec;
    bool m_specSet = false;
    quint64 m_buildGeneration = 0;
    bool m_building = false;
    ChartData m_data;
    std::optional<ChartSpec> m_drawn; // the spec m_data was built for
    QComboBox *m_kind;
    QComboBox *m_x;
    QToolButton *m_y;
    QMenu *m_yMenu;
    QComboBox *m_aggregation;
    QToolButton *m_cancel;
    QLabel *m_note;
    QChartView *m_chartView;
};

} // namespace linkisdesk
