// SPDX-License-Identifier: GPL-3.0-or-later
// Replays files through a fuzz target's LLVMFuzzerTestOneInput, for builds without libFuzzer
// (gcc) and as the regression test for every crash the fuzzers found: arguments are files or
// directories (read recursively). Fails when a directory is empty, so a moved corpus is noticed.
#include <QByteArray>
#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv);

namespace {

bool replayFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        return false;
    }
    const QByteArray data = file.readAll();
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(data.constData()),
                           size_t(data.size()));
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    LLVMFuzzerInitialize(&argc, &argv);
    int replayed = 0;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (QFileInfo(arg).isDir()) {
            int inDir = 0;
            QDirIterator it(arg, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                if (!replayFile(it.next()))
                    return 1;
                ++inDir;
            }
            if (inDir == 0) {
                std::fprintf(stderr, "no inputs in %s\n", qPrintable(arg));
                return 1;
            }
            replayed += inDir;
        } else if (!replayFile(arg)) {
            return 1;
        } else {
            ++replayed;
        }
    }
    std::printf("replayed %d input(s) without a failure\n", replayed);
    return replayed > 0 ? 0 : 1;
}
