// SPDX-License-Identifier: GPL-3.0-or-later
#include "localgateway/localgateway.h"

#include "localgateway/gatewayruntimefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace linkisdesk {

namespace {

constexpr int kPollMs = 50;

bool pidAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

// The runtime file, or an empty (invalid) one when it is missing or damaged.
GatewayRuntimeFile readRuntimeFile(const QString &path)
{
    auto file = GatewayRuntimeFile::read(path);
    return file ? *file : GatewayRuntimeFile {};
}

} // namespace

LocalGateway::LocalGateway(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(kPollMs);
    connect(m_timer, &QTimer::timeout, this, &LocalGateway::pollRuntimeFile);
}

LocalGateway::~LocalGateway()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->disconnect(this);
        m_process->terminate();
        if (!m_process->waitForFinished(3000)) {
            m_process->kill();
            m_process->waitForFinished(1000);
        }
    }
}

QString LocalGateway::defaultRuntimeFile()
{
    return GatewayRuntimeFile::defaultPath();
}

QString LocalGateway::defaultExecutable()
{
    const QString name = QStringLiteral("linkis-desk-gateway");
    const QString beside = QCoreApplication::applicationDirPath() + u'/' + name;
    if (QFileInfo(beside).isExecutable())
        return beside;
    const QString onPath = QStandardPaths::findExecutable(name);
    return onPath.isEmpty() ? beside : onPath;
}

void LocalGateway::start(const Options &options)
{
    m_options = options;
    if (m_options.runtimeFile.isEmpty())
        m_options.runtimeFile = defaultRuntimeFile();
    if (m_options.executable.isEmpty())
        m_options.executable = defaultExecutable();
    m_ready = false;
    m_done = false;
    m_startedHere = false;
    m_stdout.clear();
    if (m_options.reuse)
        tryReuse();
    else
        m_options.detached ? launchDetached() : launch();
}

void LocalGateway::tryReuse()
{
    const GatewayRuntimeFile info = readRuntimeFile(m_options.runtimeFile);
    if (!info.isValid() || !pidAlive(info.pid)) {
        m_options.detached ? launchDetached() : launch();
        return;
    }
    QPointer<LocalGateway> self(this);
    probe(info.url, [self, info](bool answers) {
        if (!self)
            return;
        if (answers)
            self->succeed(info.url, info.token, info.pid, false);
        else
            self->m_options.detached ? self->launchDetached() : self->launch();
    });
}

void LocalGateway::probe(const QUrl &url, std::function<void(bool)> done)
{
    // A bare HTTP request: any HTTP answer means a server is there.
    auto *socket = new QTcpSocket(this);
    auto finished = std::make_shared<bool>(false);
    auto finish = [socket, finished, done](bool ok) {
        if (*finished)
            return;
        *finished = true;
        socket->abort();
        socket->deleteLater();
        done(ok);
    };
    connect(socket, &QTcpSocket::connected, socket, [socket, url] {
        socket->write("GET /api/rest_j/v1/user/userInfo HTTP/1.1\r\nHost: " + url.host().toUtf8() +
                      "\r\nConnection: close\r\n\r\n");
    });
    connect(socket, &QTcpSocket::readyRead, socket,
            [socket, finish] { finish(socket->peek(5) == "HTTP/"); });
    connect(socket, &QTcpSocket::errorOccurred, socket, [finish] { finish(false); });
    QTimer::singleShot(2000, socket, [finish] { finish(false); });
    socket->connectToHost(url.host(), quint16(url.port(80)));
}

QStringList LocalGateway::arguments() const
{
    QStringList args {QStringLiteral("--port"), QString::number(m_options.port)};
    if (!m_options.dataDir.isEmpty())
        args << QStringLiteral("--data-dir") << m_options.dataDir;
    if (!m_options.token.isEmpty())
        args << QStringLiteral("--token") << m_options.token;
    if (!m_options.usersFile.isEmpty())
        args << QStringLiteral("--users") << m_options.usersFile;
    if (!m_options.proxyConfig.isEmpty())
        args << QStringLiteral("--proxy-config") << m_options.proxyConfig;
    args << QStringLiteral("--runtime-file") << m_options.runtimeFile;
    args << m_options.extraArguments;
    return args;
}

bool LocalGateway::prepare()
{
    if (!QFileInfo(m_options.executable).isExecutable()) {
        fail(ApiError::make(ApiError::Kind::Io,
                            QStringLiteral("The local gateway program was not found at %1.")
                                .arg(m_options.executable)));
        return false;
    }
    const QFileInfo runtime(m_options.runtimeFile);
    QDir().mkpath(runtime.absolutePath());
    QFile::setPermissions(runtime.absolutePath(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return true;
}

void LocalGateway::launch()
{
    if (!prepare())
        return;
    delete m_process;
    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &LocalGateway::onStdout);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(ApiError::make(ApiError::Kind::Io,
                                QStringLiteral("The local gateway could not be started: %1")
                                    .arg(m_process->errorString())));
    });
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus) {
        if (!m_done)
            fail(ApiError::make(ApiError::Kind::Io,
                                QStringLiteral("The local gateway exited (code %1) before it "
                                               "was ready.")
                                    .arg(code)));
        else if (m_ready) {
            m_ready = false;
            emit stopped();
        }
    });
    m_elapsedMs = 0;
    m_process->start(m_options.executable, arguments());
    QTimer::singleShot(m_options.startTimeoutMs, this, [this] {
        if (!m_done) {
            fail(ApiError::make(ApiError::Kind::Timeout,
                                QStringLiteral("The local gateway did not start within %1 s.")
                                    .arg(m_options.startTimeoutMs / 1000)));
            if (m_process)
                m_process->kill();
        }
    });
}

void LocalGateway::onStdout()
{
    m_stdout += m_process->readAllStandardOutput();
    const qsizetype newline = m_stdout.indexOf('\n');
    if (newline < 0 || m_done)
        return;
    const QJsonObject o = QJsonDocument::fromJson(m_stdout.left(newline)).object();
    const QUrl url(o.value(QStringLiteral("url")).toString());
    const QString token = o.value(QStringLiteral("token")).toString();
    if (!url.isValid() || url.host().isEmpty()) {
        fail(ApiError::make(ApiError::Kind::Parse,
                            QStringLiteral("The local gateway printed an unexpected first line."),
                            0, 0, QString::fromUtf8(m_stdout.left(newline).left(200))));
        return;
    }
    succeed(url, token, m_process->processId(), true);
}

void LocalGateway::launchDetached()
{
    if (!prepare())
        return;
    QFile::remove(m_options.runtimeFile);
    QProcess process;
    process.setProgram(m_options.executable);
    process.setArguments(arguments());
    process.setStandardOutputFile(QProcess::nullDevice());
    // A detached gateway outlives this process: its log goes beside the runtime file (a
    // user-only directory), not onto the terminal of whoever started it.
    process.setStandardErrorFile(
        QFileInfo(m_options.runtimeFile).dir().filePath(QStringLiteral("gateway.log")),
        QIODevice::Append);
    qint64 pid = 0;
    if (!process.startDetached(&pid)) {
        fail(ApiError::make(ApiError::Kind::Io,
                            QStringLiteral("The local gateway could not be started: %1")
                                .arg(process.errorString())));
        return;
    }
    m_pid = pid;
    m_elapsedMs = 0;
    m_timer->start();
}

void LocalGateway::pollRuntimeFile()
{
    m_elapsedMs += kPollMs;
    const GatewayRuntimeFile info = readRuntimeFile(m_options.runtimeFile);
    if (info.isValid() && (info.pid == m_pid || m_pid == 0)) {
        m_timer->stop();
        succeed(info.url, info.token, info.pid, true);
        return;
    }
    if (!pidAlive(m_pid) || m_elapsedMs >= m_options.startTimeoutMs) {
        m_timer->stop();
        fail(ApiError::make(ApiError::Kind::Timeout,
                            QStringLiteral("The local gateway did not start within %1 s.")
                                .arg(m_options.startTimeoutMs / 1000)));
    }
}

void LocalGateway::stop()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        QPointer<QProcess> process(m_process);
        QTimer::singleShot(3000, this, [process] {
            if (process && process->state() != QProcess::NotRunning)
                process->kill();
        });
        return; // stopped() follows from QProcess::finished
    }
    if (m_startedHere && m_options.detached && pidAlive(m_pid)) {
        ::kill(pid_t(m_pid), SIGTERM);
        m_ready = false;
        emit stopped();
    }
}

void LocalGateway::succeed(const QUrl &url, const QString &token, qint64 pid, bool startedHere)
{
    if (m_done)
        return;
    m_done = true;
    m_ready = true;
    m_url = url;
    m_token = token;
    m_pid = pid;
    m_startedHere = startedHere;
    emit ready(url, token);
}

void LocalGateway::fail(const ApiError &error)
{
    if (m_done)
        return;
    m_done = true;
    m_ready = false;
    emit failed(error);
}

} // namespace linkisdesk
