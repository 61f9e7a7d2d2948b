// Killing the program loses nothing it reported as saved: a child process annotates in a
// loop and is killed with SIGKILL mid-stream; the library then opens, is intact, and holds
// every annotation the child reported committed, each with its event.
#include "annotationfixture.h"

#include <QProcess>
#include <QSet>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

using namespace mgreview;
using namespace mgreview::testing;

TEST_F(AnnotationTest, KilledWriterLosesNothingItReportedCommitted)
{
#ifndef Q_OS_UNIX
    GTEST_SKIP() << "SIGKILL is a Unix signal";
#else
    const QString libraryPath = m_library.path();
    m_library.close(); // The child has the library to itself while it writes (as the app would).

    QProcess child;
    child.setProgram(QStringLiteral(MGREVIEW_ANNOTATION_WRITER));
    child.setArguments({ libraryPath, kCochrane, QStringLiteral("Stu") });
    child.start();
    ASSERT_TRUE(child.waitForStarted(10000)) << str(child.errorString());

    QByteArray output;
    QStringList committed;
    const auto readLines = [&] {
        output += child.readAllStandardOutput();
        committed.clear();
        // Only whole lines: a line cut off by the kill was never fully reported.
        const QByteArray complete = output.left(output.lastIndexOf('\n') + 1);
        for (const QByteArray &line : complete.split('\n')) {
            if (line.startsWith("committed "))
                committed.append(QString::fromUtf8(line.mid(10)));
        }
    };
    // Let it write a good number, then kill it without warning, wherever it is.
    while (committed.size() < 60 && child.state() == QProcess::Running) {
        child.waitForReadyRead(10000);
        readLines();
    }
    ASSERT_EQ(child.state(), QProcess::Running) << str(QString::fromUtf8(child.readAllStandardError()));
    ::kill(pid_t(child.processId()), SIGKILL);
    ASSERT_TRUE(child.waitForFinished(10000));
    EXPECT_EQ(child.exitStatus(), QProcess::CrashExit);
    readLines(); // Lines printed before the kill but not yet read.
    ASSERT_GE(committed.size(), 60);

    Database &db = m_library.open();
    QSqlQuery q(db.connection());
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("ok"));

    QString error;
    const std::optional<QVector<Annotation>> stored = service().list({}, &error);
    ASSERT_TRUE(stored) << str(error);
    QSet<QString> ids;
    for (const Annotation &a : *stored)
        ids.insert(a.id);
    for (const QString &id : std::as_const(committed))
        EXPECT_TRUE(ids.contains(id)) << "reported committed but lost: " << str(id);
    // At most the one in flight may be there without having been reported; never half of one.
    EXPECT_LE(stored->size(), committed.size() + 1);
    EXPECT_EQ(column(QStringLiteral("SELECT count(*) FROM annotation_events")).value(0).toInt(), stored->size());
    EXPECT_EQ(column(QStringLiteral("SELECT count(*) FROM annotations a JOIN annotation_events e ON e.id = a.last_event"))
                  .value(0)
                  .toInt(),
        stored->size());
    // And the library takes new annotations afterwards.
    EXPECT_TRUE(service().createOnConclusion(kCochrane, 1, 0, 5, QStringLiteral("key finding"), {}, QStringLiteral("Stu"), &error))
        << str(error);
#endif
}
