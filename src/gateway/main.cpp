// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder until the gateway lands.
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return 0;
}
