// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: execIDs as they arrive in URL paths (1.x "exec_id" + lengths + app + instance +
// short id, and 0.x ids), the gateway's ExecId::shortOf / taskIdOf.
#include "fuzzcheck.h"
#include "jobs/execid.h"

#include <cstddef>
#include <cstdint>

using namespace linkisdesk;
using linkisdesk::gateway::ExecId;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString execId = QString::fromUtf8(fuzz::bytes(data, size));
    const QString shortId = ExecId::shortOf(execId);
    const qint64 taskId = ExecId::taskIdOf(shortId.isEmpty() ? execId : shortId);
    fuzz::require(taskId >= 0, "a task id is never negative");
    // Round trip: an id the gateway makes from its parts gives the same parts back.
    if (taskId > 0) {
        const QString made =
            ExecId::make(QStringLiteral("127.0.0.1:1"),
                         ExecId::shortId(QStringLiteral("IDE"), QStringLiteral("hadoop"),
                                         QStringLiteral("sqlite"), taskId));
        fuzz::require(ExecId::taskIdOf(ExecId::shortOf(made)) == taskId,
                      "make/shortOf/taskIdOf round trip");
    }
    return 0;
}
