// SPDX-License-Identifier: GPL-3.0-or-later
// `bash .ci/setup.sh run` builds the three programs only (linkis-desk, linkis-desk-cli,
// linkis-desk-gateway): a newcomer waits for the app, not for the tests and the fuzz-corpus
// replays, which stay with `setup.sh test`. The real script runs with stand-ins for cmake (it
// records its arguments) and dpkg-query (every package is installed) first on PATH.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

bool writeScript(const QString &path, const QByteArray &body)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write("#!/usr/bin/env bash\n" + body);
    f.close();
    return f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

} // namespace

class TestSetupScript : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    // Runs `setup.sh run` with the given GUI switch; returns the stand-in cmake's command lines.
    QStringList runSetup(const QString &gui)
    {
        const QString bin = m_dir.filePath(QStringLiteral("bin"));
        const QString build = m_dir.filePath(QStringLiteral("build-") + gui);
        const QString log = m_dir.filePath(QStringLiteral("cmake-") + gui + QStringLiteral(".log"));
        if (!QDir().mkpath(bin) || !QDir().mkpath(build + QStringLiteral("/bin")))
            return {};
        writeScript(bin + QStringLiteral("/cmake"), "echo \"$*\" >> \"$CMAKE_LOG\"\n");
        writeScript(bin + QStringLiteral("/dpkg-query"), "printf 'install ok installed'\n");
        QFile ninja(build + QStringLiteral("/build.ninja")); // configured already
        if (!ninja.open(QIODevice::WriteOnly))
            return {};
        ninja.close();
        // Without a display, `run` starts the gateway in the foreground: a stand-in that exits.
        writeScript(build + QStringLiteral("/bin/linkis-desk-gateway"), "exit 0\n");

        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"), bin + u':' + env.value(QStringLiteral("PATH")));
        env.insert(QStringLiteral("CMAKE_LOG"), log);
        env.insert(QStringLiteral("BUILD_DIR"), build);
        env.insert(QStringLiteral("JOBS"), QStringLiteral("1"));
        env.insert(QStringLiteral("LINKIS_DESK_GUI"), gui);
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral("bash"),
                {QStringLiteral(LINKIS_DESK_SOURCE_DIR "/.ci/setup.sh"), QStringLiteral("run")});
        if (!p.waitForFinished(30000) || p.exitCode() != 0) {
            qWarning().noquote() << p.readAllStandardError();
            return {};
        }
        QFile f(log);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
    }

    static QString buildLine(const QStringList &calls)
    {
        for (const QString &c : calls) {
            if (c.startsWith(QStringLiteral("--build ")))
                return c;
        }
        return {};
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void runBuildsTheThreeProgramsOnly()
    {
        const QString line = buildLine(runSetup(QStringLiteral("ON")));
        QVERIFY2(!line.isEmpty(), "setup.sh run did not build");
        QVERIFY2(line.endsWith(
                     QStringLiteral(" --target linkis-desk linkis-desk-cli linkis-desk-gateway")),
                 qPrintable(line));
    }

    void withoutTheGuiTheCliAndTheGateway()
    {
        const QString line = buildLine(runSetup(QStringLiteral("OFF")));
        QVERIFY2(line.endsWith(QStringLiteral(" --target linkis-desk-cli linkis-desk-gateway")),
                 qPrintable(line));
    }
};

QTEST_GUILESS_MAIN(TestSetupScript)
#include "tst_setupscript.moc"
