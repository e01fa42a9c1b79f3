// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliusage.h"

namespace linkisdesk {

namespace {

const char overview[] = R"(Usage: linkis-desk-cli [global options] COMMAND [options]

Global options:
  --profile NAME            use a saved profile (shared with the Linkis Desk GUI)
  --server URL --user NAME  or name the gateway directly
  --auth password|token|proxy   proxy: the Proxy-User / Validation-Code headers
                            (linkis-proxy: Linkis's own user/proxy login)
  --proxy-user NAME         act as this user
  --api submit|execute      which entrance call submits jobs (default submit)
  --password-stdin          read the password, token or validation code from stdin
  --json                    machine-readable output (JSON lines; results too,
                            unless --format says otherwise)
  --quiet, -q               no progress and no log on stderr
  --timeout SECONDS         how long one request may wait for the server, or for a
                            reply that stalls (default 30; also LINKIS_DESK_TIMEOUT);
                            then exit code 5. A job being followed is reconnected to
                            for twice this long, then the command gives up

Secrets are never taken from arguments: use --password-stdin, LINKIS_DESK_PASSWORD,
LINKIS_DESK_TOKEN, LINKIS_DESK_VALIDATION_CODE, or the profile's keyring entry.

Commands:
  submit [FILE|-] [-e CODE] --engine ENGINE[-VERSION] --run-type TYPE [--creator NAME]
         [--var k=v]... [--startup k=v]... [--runtime k=v]... [--special k=v]...
         [--async] [--format tsv|csv|json|xlsx] [--output DIR]
  status TASK
  progress TASK
  log TASK [--follow] [--level all|error|warn|info]
  kill TASK [--no-wait]
  result TASK [--set N] [--format tsv|csv|json|xlsx] [--output DIR]
  jobs [--status S,...] [--since YYYY-MM-DD] [--limit N]
  profile list|add NAME|remove NAME|test [NAME]|import-linkis-cli FILE
  meta dbs|tables DB|columns DB.TABLE
  engines [list | kill ID | kill --idle]
  ws ls [PATH]|cat PATH|put LOCAL PATH|get PATH LOCAL|rm PATH|mkdir PATH

Exit codes: 0 success, 1 job Failed/Cancelled/Timeout, 2 usage error,
3 authentication failed, 4 network or server error, 5 the server did not answer in time,
6 the submit's answer was lost and job history has no such job (it may not have run).
Run "linkis-desk-cli help COMMAND" for one command's details.
)";

struct Topic
{
    const char *name;
    const char *text;
};

const Topic topics[] = {
    {"submit", R"(Usage: linkis-desk-cli [global options] submit [FILE|-] [-e CODE] [options]

Submits code and follows the job: log lines go to stderr as they arrive, a progress bar
is drawn when stderr is a terminal, then every result set goes to stdout in numeric order,
separated by one blank line. The exit code is the job's final status.

  FILE | -                  the script, or - to read it from standard input
  -e, --code CODE           the code itself
  --engine ENGINE[-VERSION] e.g. sqlite, python, shell, spark-3.4.4
  --run-type TYPE           e.g. sql, python, sh (guessed for sqlite, python and shell)
  --creator NAME            the creator in userCreator (default: the profile's, or IDE)
  --var k=v                 a variable for ${k} (repeatable)
  --startup k=v, --runtime k=v, --special k=v   configuration (repeatable)
  --async                   print the task ID and exit
  --format tsv|csv|json|xlsx  result format (default tsv); xlsx needs --output
  --output DIR              one file per result set in DIR instead of stdout; for xlsx one
                            workbook with a sheet per result set
Ctrl+C kills the job on the server and waits briefly for the confirmation.
)"},
    {"status", R"(Usage: linkis-desk-cli [global options] status TASK

Prints the job's status (Inited, Scheduled, Running, Succeed, Failed, Cancelled, Timeout).
The exit code is 0 for a job that has not failed, 1 for Failed, Cancelled or Timeout.
)"},
    {"progress", R"(Usage: linkis-desk-cli [global options] progress TASK

Prints the job's progress as a percentage (with --json: the progress and its items).
)"},
    {"log", R"(Usage: linkis-desk-cli [global options] log TASK [--follow] [--level L]

Prints the job's log. --follow keeps printing new lines until the job ends.
--level all|error|warn|info picks one slot of the Linkis log.
)"},
    {"kill", R"(Usage: linkis-desk-cli [global options] kill TASK [--no-wait]

Kills the job and waits until the gateway reports it Cancelled (--no-wait: send and exit).
)"},
    {"result", R"(Usage: linkis-desk-cli [global options] result TASK [--set N] [options]

Prints the job's result sets in numeric order, separated by one blank line.
  --set N                   only result set N (_N.dolphin)
  --format tsv|csv|json     TSV with a header (default), CSV per RFC 4180, JSON lines
  --output DIR              one file per result set in DIR instead of stdout
)"},
    {"jobs",
     R"(Usage: linkis-desk-cli [global options] jobs [--status S,...] [--since DATE] [--limit N]

Lists your jobs from job history, newest first.
  --status S,...            e.g. Running,Failed
  --since YYYY-MM-DD        only jobs created on or after this day
  --limit N                 at most N jobs (default 20)
)"},
    {"profile", R"(Usage: linkis-desk-cli [global options] profile ACTION

  list                      the saved profiles
  add NAME --server URL --user U [--auth A] [--proxy-user P] [--api A]
      [--engine E-V] [--creator C] [--label L] [--color C] [--password-stdin]
                            save a profile (the secret, if given, goes to the keyring)
  remove NAME               delete a profile and its keyring entry
  test [NAME]               check that the gateway answers and the credentials work
  import-linkis-cli FILE [--name NAME]   a profile from linkis-cli.properties
)"},
    {"meta", R"(Usage: linkis-desk-cli [global options] meta dbs|tables DB|columns DB.TABLE

Lists what the server's metadata (datasource/*) shows you, one line each:
  dbs                       the databases
  tables DB                 the tables and views of DB: name, TABLE or VIEW, owner, created
  columns DB.TABLE          the columns of a table: name, type, "partition" for a partition
                            key, comment
With --json: one JSON object per line. A table you have no grant on fails with exit code 3.
)"},
    {"engines", R"(Usage: linkis-desk-cli [global options] engines [list | kill ID | kill --idle]

Your engines on the server (Linkis EngineConns: the sessions that keep python variables or
SQL TEMP tables between jobs):
  list                      one line each: ID (host:port), type and version, creator, status,
                            started, idle for, memory (MiB), cores (the default action)
  kill ID                   end one engine; waits until the server no longer lists it
  kill --idle               end every idle engine
Killing an engine loses its session state. With --json: one JSON object per line.
)"},
    {"ws", R"(Usage: linkis-desk-cli [global options] ws ACTION ...

Your scripts in the server's workspace (filesystem/*). PATH is relative to your workspace
folder (getUserRootPath), e.g. reports/daily.sql, or a full file:// URI:
  ls [PATH]                 the folder's entries, one level: name (folders end in /), size,
                            modified
  cat PATH                  a script as the server keeps it: its header (--@set variables,
                            --conf@set settings, the -- line) and its text
  put LOCAL PATH            uploads a local file (PATH may be a folder ending in /)
  get PATH LOCAL            downloads a file (LOCAL may be a folder)
  rm PATH                   deletes a file or a folder with everything in it
  mkdir PATH                makes a folder
With --json: ls and cat print JSON objects.
)"},
};

} // namespace

QString cliUsage(const QString &topic)
{
    for (const Topic &t : topics) {
        if (topic == QLatin1String(t.name))
            return QString::fromUtf8(t.text);
    }
    return QString::fromUtf8(overview);
}

} // namespace linkisdesk
