// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/packedpage.h"
#include "api/result.h"

#include <QByteArray>
#include <QString>

namespace linkisdesk::parsers {

// filesystem/openFile straight into a PackedPage, for exports: the same page, NULL flags and
// errors as parseOpenFile() (linkisparsers.h) followed by PackedPage::fromPage(), in a fraction
// of the time for the regular reply (data.fileContent an array of rows of strings and nulls, the
// rest of the envelope small). The rows are decoded by a strict byte scanner; everything else
// (envelope, metadata, type, errors) goes through parseOpenFile() itself. Any reply the scanner
// is not sure about (numbers in cells, invalid UTF-8, lone surrogate escapes, ...) is parsed
// entirely by parseOpenFile(). Pure and thread-safe: exports call it on a worker thread.
Result<PackedPage> parseOpenFilePacked(int httpStatus, const QByteArray &body,
                                       const QString &nullValue = {});

} // namespace linkisdesk::parsers
