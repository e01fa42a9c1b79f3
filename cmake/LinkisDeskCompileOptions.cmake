# SPDX-License-Identifier: GPL-3.0-or-later
# Project-wide compile settings, applied to every target through linkisdesk_options.
add_library(linkisdesk_options INTERFACE)
target_compile_options(linkisdesk_options INTERFACE -Wall -Wextra -Wpedantic)
if(LINKIS_DESK_WERROR)
  target_compile_options(linkisdesk_options INTERFACE -Werror)
endif()
target_compile_definitions(linkisdesk_options INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_DISABLE_DEPRECATED_BEFORE=0x060400
  QT_NO_URL_CAST_FROM_STRING
  LINKIS_DESK_VERSION="${PROJECT_VERSION}")
# lld links the hundred-odd test executables several times faster than GNU ld (CI links them
# all from scratch); used when the compiler is clang and lld is installed.
if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  string(REGEX MATCH "^[0-9]+" _clang_major "${CMAKE_CXX_COMPILER_VERSION}")
  find_program(LINKIS_DESK_LLD NAMES ld.lld-${_clang_major} ld.lld)
  if(LINKIS_DESK_LLD)
    target_link_options(linkisdesk_options INTERFACE -fuse-ld=lld)
  endif()
endif()
if(LINKIS_DESK_SANITIZE)
  target_compile_options(linkisdesk_options INTERFACE
    -fsanitize=${LINKIS_DESK_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(linkisdesk_options INTERFACE -fsanitize=${LINKIS_DESK_SANITIZE})
endif()
# libFuzzer targets in tests/fuzz (clang only). Every library gets the coverage instrumentation
# so the fuzzers see the parsers' branches; the same objects also serve the normal tests.
option(LINKIS_DESK_FUZZ "Build the libFuzzer targets (clang; needs -fsanitize=fuzzer)" OFF)
if(LINKIS_DESK_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "LINKIS_DESK_FUZZ needs clang (CMAKE_CXX_COMPILER=clang++-14)")
  endif()
  target_compile_options(linkisdesk_options INTERFACE -fsanitize=fuzzer-no-link)
endif()

# Precompiled Qt headers for the libraries (most of a translation unit's compile time is Qt's
# headers; CI builds everything from scratch on two cores). Tests are one file each and gain
# nothing from a header of their own.
option(LINKIS_DESK_PCH "Precompile the common Qt headers of each library" ON)
set(LINKIS_DESK_PCH_CORE
  <QByteArray> <QDateTime> <QDir> <QFile> <QFileInfo> <QHash> <QJsonArray> <QJsonDocument>
  <QJsonObject> <QJsonValue> <QList> <QObject> <QPointer> <QRegularExpression> <QString>
  <QStringList> <QTimer> <QUrl> <QUrlQuery> <QVariant>)
function(linkisdesk_precompile target)
  if(LINKIS_DESK_PCH)
    target_precompile_headers(${target} PRIVATE ${LINKIS_DESK_PCH_CORE} ${ARGN})
  endif()
endfunction()
