// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/result.h"
#include "engines/engineinfo.h"

#include <QByteArray>

// Turns linkisManager/* replies into typed values. Pure functions, tested on replies with the
// quirks of real Linkis (linkis-protocol-2.md §2, §9): rm/engines omits `engines` when there
// are none and has `method: null`; a null engineStatus reads "Busy"; memory is bytes, numbers
// may come as strings; resources are a LoadInstanceResource, flat or under
// `loadInstanceResource` (DriverAndYarnResource); userresources keys are "(user,creator)" and
// "(type,version)" strings with string percents.
namespace linkisdesk::engines {

// Both rm/engines (DSS's panel) and listUserEngines (AMEngineNode objects).
Result<QList<EngineInfo>> parseEngines(int httpStatus, const QByteArray &body);
Result<QList<UserResourceShare>> parseUserResources(int httpStatus, const QByteArray &body);
// killEngineConn, rm/enginekill: success or the server's refusal.
Result<bool> parseKill(int httpStatus, const QByteArray &body);

// "python-3.11.2" -> {"python", "3.11.2"}; "(spark,3.4.4)" -> {"spark", "3.4.4"}.
QPair<QString, QString> splitTypeLabel(const QString &label);

} // namespace linkisdesk::engines
