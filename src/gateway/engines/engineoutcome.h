// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace linkisdesk::gateway {

// How an engine run ended.
struct EngineOutcome
{
    enum class Kind { Succeed, Failed, Cancelled };
    Kind kind = Kind::Succeed;
    int errCode = 0;
    QString errDesc;
    int resultSets = 0;
};

} // namespace linkisdesk::gateway

Q_DECLARE_METATYPE(linkisdesk::gateway::EngineOutcome)
