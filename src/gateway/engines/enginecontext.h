// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/joblog.h"

#include <QList>
#include <QPair>
#include <QString>

#include <memory>

namespace linkisdesk::gateway {

// What an engine needs to run one job. The code has its variables substituted already.
struct EngineContext
{
    qint64 taskId = 0;
    QString user;
    QString engineType; // as asked, e.g. spark
    QString runType;
    QString code;
    QString workspaceDb; // the user's SQLite workspace
    QList<QPair<QString, QString>> attached; // the user's other databases: {name, file}
    QString resultDir; // where _N.dolphin files go (created on first result)
    QString workDir; // scratch space for script files
    QByteArray gatewayMark; // ProcessTree::gatewayMark of this gateway (python and shell)
    std::shared_ptr<JobLog> log;
};

} // namespace linkisdesk::gateway
