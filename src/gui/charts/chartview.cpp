// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/chartview.h"

#include "charts/chartdatajob.h"
#include "results/resulttablemodel.h"
#include "results/runinpool.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPieSeries>
#include <QScatterSeries>
#include <QSvgGenerator>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>

namespace linkisdesk {

ChartView::ChartView(LinkisClient *client, ResultTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(model)
    , m_job(new ChartDataJob(client, this))
    , m_kind(new QComboBox(this))
    , m_x(new QComboBox(this))
    , m_y(new QToolButton(this))
    , m_yMenu(new QMenu(m_y))
    , m_aggregation(new QComboBox(this))
    , m_cancel(new QToolButton(this))
    , m_note(new QLabel(this))
    , m_chartView(new QChartView(this))
{
    setObjectName(QStringLiteral("chartView"));
    m_kind->setObjectName(QStringLiteral("chartKind"));
    m_kind->addItem(tr("Bar"), int(ChartSpec::Kind::Bar));
    m_kind->addItem(tr("Line"), int(ChartSpec::Kind::Line));
    m_kind->addItem(tr("Area"), int(ChartSpec::Kind::Area));
    m_kind->addItem(tr("Scatter"), int(ChartSpec::Kind::Scatter));
    m_kind->addItem(tr("Pie"), int(ChartSpec::Kind::Pie));
    m_x->setObjectName(QStringLiteral("chartX"));
    m_y->setObjectName(QStringLiteral("chartY"));
    m_y->setPopupMode(QToolButton::InstantPopup);
    m_y->setMenu(m_yMenu);
    m_aggregation->setObjectName(QStringLiteral("chartAggregation"));
    m_aggregation->addItem(tr("Sum"), int(ChartSpec::Aggregation::Sum));
    m_aggregation->addItem(tr("Average"), int(ChartSpec::Aggregation::Average));
    m_aggregation->addItem(tr("Count"), int(ChartSpec::Aggregation::Count));
    m_aggregation->addItem(tr("Min"), int(ChartSpec::Aggregation::Min));
    m_aggregation->addItem(tr("Max"), int(ChartSpec::Aggregation::Max));
    m_aggregation->setToolTip(tr("How the y values of rows with the same x are combined"));
    m_cancel->setObjectName(QStringLiteral("cancelChart"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->hide();
    m_note->setObjectName(QStringLiteral("chartNote"));
    m_note->setWordWrap(true);
    auto *exportButton = new QToolButton(this);
    exportButton->setObjectName(QStringLiteral("exportChart"));
    exportButton->setText(tr("Export image"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    exportMenu->addAction(tr("PNG image\u2026"), this,
                          [this] { exportWithDialog(QStringLiteral("png")); });
    exportMenu->addAction(tr("SVG image\u2026"), this,
                          [this] { exportWithDialog(QStringLiteral("svg")); });
    exportButton->setMenu(exportMenu);

    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(6, 4, 6, 0);
    controls->addWidget(new QLabel(tr("Chart:"), this));
    controls->addWidget(m_kind);
    controls->addWidget(new QLabel(tr("X:"), this));
    controls->addWidget(m_x);
    controls->addWidget(new QLabel(tr("Y:"), this));
    controls->addWidget(m_y);
    controls->addWidget(new QLabel(tr("When x repeats:"), this));
    controls->addWidget(m_aggregation);
    controls->addStretch(1);
    controls->addWidget(exportButton);
    auto *noteRow = new QHBoxLayout;
    noteRow->setContentsMargins(6, 0, 6, 0);
    noteRow->addWidget(m_note, 1);
    noteRow->addWidget(m_cancel);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    // Below this the axis labels turn into "..." and a pie into a dot: the splitters give way
    // (the editor and the log shrink) rather than the chart.
    m_chartView->setMinimumHeight(240);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addLayout(noteRow);
    layout->addWidget(m_chartView, 1);

    auto changed = [this] {
        specFromControls();
        emit specChanged(m_spec);
    };
    connect(m_kind, &QComboBox::activated, this, changed);
    connect(m_x, &QComboBox::activated, this, changed);
    connect(m_aggregation, &QComboBox::activated, this, changed);
    connect(m_yMenu, &QMenu::triggered, this, changed);
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        m_job->cancel();
        m_cancel->hide();
        m_note->setText(tr("Reading cancelled: no chart"));
    });
    connect(m_job, &ChartDataJob::progress, this, [this](qint64 rows) {
        if (m_job->isRunning())
            m_note->setText(tr("Reading the rows\u2026 %L1 so far").arg(rows));
    });
    connect(m_job, &ChartDataJob::finished, this, [this] {
        m_cancel->hide();
        build();
    });
    connect(m_job, &ChartDataJob::failed, this, [this](const ApiError &e) {
        m_cancel->hide();
        m_note->setText(tr("Could not read the result: %1").arg(e.message));
    });
    connect(m_model, &ResultTableModel::headerLoaded, this, [this] {
        fillColumns();
        if (isVisible())
            refresh();
    });
    fillColumns();
}

ChartView::~ChartView() = default;

ChartSpec ChartView::defaultSpec(const QList<ColumnKind> &kinds)
{
    ChartSpec spec;
    int x = -1;
    for (int c = 0; c < kinds.size() && x < 0; ++c) {
        if (!isNumeric(kinds.at(c)))
            x = c;
    }
    spec.xColumn = qMax(0, x);
    for (int c = 0; c < kinds.size(); ++c) {
        if (c != spec.xColumn && isNumeric(kinds.at(c))) {
            spec.yColumns << c;
            break;
        }
    }
    // Numbers or dates along x read best as a line.
    const ColumnKind xKind = kinds.value(spec.xColumn);
    if (isNumeric(xKind) || xKind == ColumnKind::Date || xKind == ColumnKind::Timestamp)
        spec.kind = ChartSpec::Kind::Line;
    return spec;
}

void ChartView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_drawn != m_spec && !isBusy())
        refresh();
}

bool ChartView::isBusy() const
{
    return m_job->isRunning() || m_building;
}

QString ChartView::noteText() const
{
    return m_note->text();
}

void ChartView::fillColumns()
{
    const int columns = m_model->headerKnown() ? m_model->columnCount() : 0;
    QList<ColumnKind> kinds;
    m_x->clear();
    m_yMenu->clear();
    for (int c = 0; c < columns; ++c) {
        const QString name = m_model->headerData(c, Qt::Horizontal).toString();
        kinds << m_model->columnKindAt(c);
        m_x->addItem(name, c);
        QAction *y = m_yMenu->addAction(name);
        y->setCheckable(true);
        y->setData(c);
        y->setEnabled(isNumeric(kinds.last()));
    }
    if (!m_specSet && columns > 0) {
        m_spec = defaultSpec(kinds);
        m_specSet = true;
    }
    syncControls();
}

void ChartView::syncControls()
{
    m_kind->setCurrentIndex(m_kind->findData(int(m_spec.kind)));
    m_x->setCurrentIndex(m_x->findData(m_spec.xColumn));
    m_aggregation->setCurrentIndex(m_aggregation->findData(int(m_spec.aggregation)));
    QStringList names;
    for (QAction *a : m_yMenu->actions()) {
        a->setChecked(m_spec.yColumns.contains(a->data().toInt()));
        if (a->isChecked())
            names << a->text();
    }
    m_y->setText(names.isEmpty() ? tr("(row count)") : names.join(QStringLiteral(", ")));
}

void ChartView::specFromControls()
{
    ChartSpec spec;
    spec.kind = ChartSpec::Kind(m_kind->currentData().toInt());
    spec.xColumn = qMax(0, m_x->currentData().toInt());
    spec.aggregation = ChartSpec::Aggregation(m_aggregation->currentData().toInt());
    for (QAction *a : m_yMenu->actions()) {
        if (a->isChecked())
            spec.yColumns << a->data().toInt();
    }
    m_spec = spec;
    syncControls();
    refresh();
}

void ChartView::setSpec(const ChartSpec &spec)
{
    m_spec = spec;
    m_specSet = true;
    if (m_model->headerKnown()) {
        const int columns = m_model->columnCount();
        m_spec.xColumn = qBound(0, m_spec.xColumn, qMax(0, columns - 1));
        m_spec.yColumns.removeIf([columns](int c) { return c >= columns; });
    }
    syncControls();
    refresh();
}

void ChartView::refresh()
{
    if (!m_model->headerKnown() || m_model->isText())
        return;
    const std::shared_ptr<const ChartTable> table = m_job->table();
    bool haveColumns = table && !m_job->isRunning() && table->xColumn == m_spec.xColumn &&
        table->columnNames.size() > 0;
    for (int y : std::as_const(m_spec.yColumns))
        haveColumns = haveColumns && table->yColumns.contains(y);
    if (haveColumns) {
        build();
        return;
    }
    // Read every row of the columns needed (the y columns asked for, and x).
    QList<ColumnKind> kinds;
    for (int c = 0; c < m_model->columnCount(); ++c)
        kinds << m_model->columnKindAt(c);
    ++m_buildGeneration; // a chart being computed is for other columns
    m_building = false;
    m_note->setText(tr("Reading the rows\u2026"));
    m_cancel->show();
    m_job->start(m_model->resultSet(), m_spec.xColumn, m_spec.yColumns, kinds);
}

void ChartView::build()
{
    const std::shared_ptr<const ChartTable> table = m_job->table();
    if (!table)
        return;
    const ChartSpec spec = m_spec;
    const quint64 generation = ++m_buildGeneration;
    m_building = true;
    auto *watcher = new QFutureWatcher<ChartData>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, spec] {
        watcher->deleteLater();
        if (generation != m_buildGeneration)
            return;
        m_building = false;
        m_drawn = spec;
        render(watcher->result());
    });
    watcher->setFuture(runInPool<ChartData>([table, spec] {
        if (table->yColumns == spec.yColumns)
            return buildChart(*table, spec);
        // The table holds more y columns than the chart shows: the ones asked for, in order.
        ChartTable picked(table->xColumn, spec.yColumns, table->xKind);
        picked.columnNames = table->columnNames;
        picked.rows = table->rows;
        picked.x = table->x;
        picked.xCategory = table->xCategory;
        picked.categories = table->categories;
        for (qsizetype i = 0; i < spec.yColumns.size(); ++i)
            picked.y[size_t(i)] = table->y[size_t(table->yColumns.indexOf(spec.yColumns.at(i)))];
        return buildChart(picked, spec);
    }));
}

void ChartView::render(const ChartData &built)
{
    m_data = built;
    const ChartData &data = m_data;
    // The two names buildChart gives in English.
    if (m_spec.yColumns.isEmpty() && !m_data.seriesNames.isEmpty())
        m_data.seriesNames.first() = tr("count");
    if (m_spec.kind == ChartSpec::Kind::Pie && m_data.categoriesCut && !m_data.categories.isEmpty())
        m_data.categories.last() = tr("Other");
    auto *chart = new QChart;
    // Axis numbers in the user's locale, with its group separators (80,000,000).
    chart->setLocalizeNumbers(true);
    chart->setAnimationOptions(QChart::NoAnimation);
    const QString yTitle = data.seriesNames.size() == 1
        ? data.seriesNames.first()
        : ChartSpec::aggregationName(m_spec.aggregation);
    const QLocale locale;
    QStringList notes;
    notes << tr("%L1 rows").arg(data.rows);
    if (m_spec.kind == ChartSpec::Kind::Pie) {
        auto *pie = new QPieSeries;
        const QList<QPointF> points = data.series.value(0);
        for (qsizetype i = 0; i < points.size(); ++i)
            pie->append(data.categories.value(i), points.at(i).y());
        pie->setLabelsVisible(points.size() <= 12);
        chart->addSeries(pie);
        chart->legend()->setAlignment(Qt::AlignRight);
        if (data.categoriesCut)
            notes << tr("the %1 largest slices, the rest as \u201cOther\u201d")
                         .arg(data.categoriesShown - 1);
    } else if (m_spec.kind == ChartSpec::Kind::Bar) {
        auto *bars = new QBarSeries;
        for (qsizetype s = 0; s < data.series.size(); ++s) {
            auto *set = new QBarSet(data.seriesNames.value(s));
            QList<qreal> values(data.categoriesShown, 0);
            for (const QPointF &p : data.series.at(s)) {
                const int i = int(p.x());
                if (i >= 0 && i < values.size())
                    values[i] = p.y();
            }
            set->append(values);
            bars->append(set);
        }
        chart->addSeries(bars);
        auto *x = new QBarCategoryAxis;
        x->append(data.categories);
        x->setTitleText(data.xTitle);
        chart->addAxis(x, Qt::AlignBottom);
        bars->attachAxis(x);
        auto *y = new QValueAxis;
        y->setTitleText(yTitle);
        chart->addAxis(y, Qt::AlignLeft);
        bars->attachAxis(y);
        if (data.categoriesCut)
            notes << tr("the first %L1 of %L2 x values").arg(data.categoriesShown).arg(data.groups);
    } else {
        QAbstractAxis *x = nullptr;
        if (data.categorical) {
            auto *axis = new QBarCategoryAxis;
            axis->append(data.categories);
            x = axis;
        } else if (data.xIsDate) {
            auto *axis = new QDateTimeAxis;
            axis->setFormat(QStringLiteral("yyyy-MM-dd"));
            axis->setTickCount(6);
            x = axis;
        } else {
            x = new QValueAxis;
        }
        x->setTitleText(data.xTitle);
        chart->addAxis(x, Qt::AlignBottom);
        auto *y = new QValueAxis;
        y->setTitleText(yTitle);
        chart->addAxis(y, Qt::AlignLeft);
        for (qsizetype s = 0; s < data.series.size(); ++s) {
            QAbstractSeries *series = nullptr;
            if (m_spec.kind == ChartSpec::Kind::Scatter) {
                auto *scatter = new QScatterSeries;
                scatter->setMarkerSize(6);
                scatter->replace(data.series.at(s));
                series = scatter;
            } else {
                auto *line = new QLineSeries;
                line->replace(data.series.at(s));
                if (m_spec.kind == ChartSpec::Kind::Area) {
                    auto *area = new QAreaSeries(line);
                    line->setParent(area);
                    series = area;
                } else {
                    series = line;
                }
            }
            series->setName(data.seriesNames.value(s));
            chart->addSeries(series);
            series->attachAxis(x);
            series->attachAxis(y);
        }
        if (data.sampled)
            notes << tr("a sample of %L1 of %L2 points that keeps the line's shape")
                         .arg(data.series.value(0).size())
                         .arg(data.groups);
        if (data.categoriesCut)
            notes << tr("the first %L1 of %L2 x values").arg(data.categoriesShown).arg(data.groups);
    }
    // The value axis from the data (bars from 0), on round ticks, without decimals on big
    // numbers.
    if (auto *y = qobject_cast<QValueAxis *>(chart->axes(Qt::Vertical).value(0))) {
        double lo = m_spec.kind == ChartSpec::Kind::Bar ? 0 : qInf();
        double hi = m_spec.kind == ChartSpec::Kind::Bar ? 0 : -qInf();
        for (const QList<QPointF> &series : data.series) {
            for (const QPointF &p : series) {
                lo = qMin(lo, p.y());
                hi = qMax(hi, p.y());
            }
        }
        if (lo <= hi) {
            y->setRange(lo, hi > lo ? hi : lo + 1);
            y->applyNiceNumbers();
        }
        if (y->max() - y->min() >= 100)
            y->setLabelFormat(QStringLiteral("%.0f"));
    }
    chart->legend()->setVisible(data.series.size() > 1 || m_spec.kind == ChartSpec::Kind::Pie);
    QChart *old = m_chartView->chart();
    m_chartView->setChart(chart);
    delete old;
    m_note->setText(notes.join(QStringLiteral("; ")));
    emit chartShown();
}

bool ChartView::exportImage(const QString &filePath)
{
    const QString suffix = QFileInfo(filePath).suffix().toLower();
    if (suffix == u"png")
        return m_chartView->grab().save(filePath, "PNG");
    if (suffix != u"svg")
        return false;
    QSvgGenerator svg;
    svg.setFileName(filePath);
    svg.setSize(m_chartView->size());
    svg.setViewBox(m_chartView->rect());
    svg.setTitle(m_data.xTitle);
    QPainter painter;
    if (!painter.begin(&svg))
        return false;
    m_chartView->render(&painter);
    return painter.end();
}

void ChartView::exportWithDialog(const QString &suffix)
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export chart"), QStringLiteral("chart.") + suffix,
                                     tr("%1 images (*.%2)").arg(suffix.toUpper(), suffix));
    if (path.isEmpty())
        return;
    if (!exportImage(path))
        m_note->setText(tr("Could not write %1").arg(path));
    else
        m_note->setText(tr("Saved %1").arg(path));
}

} // namespace linkisdesk
