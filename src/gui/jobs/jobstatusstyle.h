// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/jobstatus.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace linkisdesk {

// How a job state looks everywhere (colour, icon, words), so it reads without the log.
// Icons are painted, so they are sharp at any device pixel ratio.
class JobStatusStyle
{
public:
    static QColor colour(JobStatus status);
    static QIcon icon(JobStatus status);
    static QString label(JobStatus status);
    // The colour of production profiles (tabs, jobs).
    static QColor productionColour();
};

} // namespace linkisdesk
