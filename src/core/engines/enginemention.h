// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace linkisdesk {

class LogPage;

// The engine a job's log names: Linkis's orchestrator writes "Succeed to create new ec :
// ServiceInstance(linkis-cg-engineconn, host:port)" or "Succeed to reuse ec : ServiceInstance(
// ...)" when it gets an EngineConn for the job (newer versions add ", <registry timestamp>"
// inside the parentheses). The local gateway writes the same lines.
struct EngineMention
{
    QString applicationName; // "linkis-cg-engineconn"
    QString instance; // "host:port", what a kill names
    bool reused = false; // "reuse ec" rather than "create new ec"

    // The mention in one log line, if it holds one.
    static std::optional<EngineMention> inLine(QByteArrayView line);
    // The last mention among a page's lines (a retried job can get another engine).
    static std::optional<EngineMention> inPage(const LogPage &page);
};

} // namespace linkisdesk
