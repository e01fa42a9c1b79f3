// SPDX-License-Identifier: GPL-3.0-or-later
#include "metacommand.h"

#include "api/linkisclient.h"
#include "cliexit.h"
#include "clioutput.h"
#include "clisession.h"
#include "metadata/metadataclient.h"
#include "taskformat.h"

#include <QDateTime>
#include <QJsonObject>

namespace linkisdesk {

namespace {

// Tabs and newlines inside a name or comment would break the one-line-per-row TSV.
QString cell(QString text)
{
    text.replace(u'\t', u' ');
    text.replace(u'\n', u' ');
    text.replace(u'\r', u' ');
    return text;
}

QString createdText(qint64 seconds)
{
    if (seconds <= 0)
        return {};
    return QDateTime::fromSecsSinceEpoch(seconds).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

MetaCommand::~MetaCommand()
{
    m_request.cancel();
}

void MetaCommand::start()
{
    m_session->open(this, [this](Result<LinkisClient *> client) {
        if (!client) {
            fail(client.error());
            return;
        }
        m_client = std::make_unique<MetadataClient>(*client);
        run(m_client.get());
    });
}

void MetaCommand::run(MetadataClient *client)
{
    const bool json = m_out.json();
    if (m_args.metaAction == QLatin1String("dbs")) {
        m_request = client->databases(this, [this, json](Result<QStringList> dbs) {
            if (!dbs) {
                fail(dbs.error());
                return;
            }
            for (const QString &name : *dbs) {
                m_out.write(json ? TaskFormat::jsonLine({{QStringLiteral("database"), name}})
                                 : (cell(name) + u'\n').toUtf8());
            }
            finish(ExitOk);
        });
    } else if (m_args.metaAction == QLatin1String("tables")) {
        m_request = client->tables(
            m_args.metaDatabase, this, [this, json](Result<QList<TableInfo>> tables) {
                if (!tables) {
                    fail(tables.error());
                    return;
                }
                for (const TableInfo &t : *tables) {
                    if (json) {
                        m_out.write(
                            TaskFormat::jsonLine({{QStringLiteral("database"), t.database},
                                                  {QStringLiteral("table"), t.name},
                                                  {QStringLiteral("isView"), t.isView},
                                                  {QStringLiteral("createdBy"), t.createdBy},
                                                  {QStringLiteral("createdAt"), t.createdAtSecs}}));
                    } else {
                        const QStringList row {cell(t.name),
                                               t.isView ? QStringLiteral("VIEW")
                                                        : QStringLiteral("TABLE"),
                                               cell(t.createdBy), createdText(t.createdAtSecs)};
                        m_out.write((row.join(u'\t') + u'\n').toUtf8());
                    }
                }
                finish(ExitOk);
            });
    } else {
        m_request =
            client->columns(m_args.metaDatabase, m_args.metaTable, this,
                            [this, json](Result<QList<ColumnInfo>> columns) {
                                if (!columns) {
                                    fail(columns.error());
                                    return;
                                }
                                for (const ColumnInfo &c : *columns) {
                                    if (json) {
                                        m_out.write(TaskFormat::jsonLine(
                                            {{QStringLiteral("column"), c.name},
                                             {QStringLiteral("type"), c.type},
                                             {QStringLiteral("comment"), c.comment},
                                             {QStringLiteral("partitioned"), c.partitioned}}));
                                    } else {
                                        const QStringList row {
                                            cell(c.name), cell(c.type),
                                            c.partitioned ? QStringLiteral("partition") : QString(),
                                            cell(c.comment)};
                                        m_out.write((row.join(u'\t') + u'\n').toUtf8());
                                    }
                                }
                                finish(ExitOk);
                            });
    }
}

} // namespace linkisdesk
