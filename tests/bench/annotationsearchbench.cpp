// mgreview-bench-annotations: what the window does after one annotation change in a library
// with many annotations (issue 7 §3, docs/performance.md "Annotations: search after a change").
//
//   mgreview-bench-annotations [--studies=N] [--annotations=N] [--iterations=N]
//
// A synthetic library of N studies (default 10,000) gets N annotations (default 10,000, one
// per study, imported in one transaction). Each iteration changes one note (not timed: the
// change itself is the same either way), then times the refresh that makes the window show
// it and find it:
//   full:        every annotation read and anchored again, and the table rows and the whole
//                in-memory search index read again (what the window did before);
//   incremental: the changed annotation read and anchored, its study's search text read,
//                the index copied and that one row replaced (what the window does now).
// Both indexes are checked to answer the changed note's word alike.
#include "annotationcontroller.h"

#include "annotations/annotationanchor.h"
#include "annotations/annotationsearch.h"
#include "annotations/annotationservice.h"
#include "library/libraryloader.h"
#include "review/reviewservice.h"
#include "store/studystore.h"
#include "support/synthetic.h"
#include "support/templibrary.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <cstring>

using namespace mgreview;
using namespace mgreview::testing;

namespace {

struct Timing {
    double median = 0;
    double slowest = 0;
};

Timing summarize(QVector<double> ms)
{
    Timing t;
    if (ms.isEmpty())
        return t;
    std::sort(ms.begin(), ms.end());
    t.median = ms[ms.size() / 2];
    t.slowest = ms.constLast();
    return t;
}

int fail(const QString &message)
{
    std::fprintf(stderr, "mgreview-bench-annotations: %s\n", qUtf8Printable(message));
    return 1;
}

/// One annotation per study on the first words of its first conclusion, up to `count`.
QVector<Annotation> makeAnnotations(const Database &database, qint64 count, QString *error)
{
    const std::optional<QVector<StudySummary>> rows = StudyStore(database).summaries(error);
    if (!rows)
        return {};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVector<Annotation> out;
    for (qsizetype i = 0; out.size() < count; ++i) {
        const StudySummary &row = rows->at(i % rows->size());
        const std::optional<Study> study = StudyStore(database).load(row.id, error);
        if (!study || study->conclusions.isEmpty())
            continue;
        const QString &text = study->conclusions.constFirst().text;
        Annotation a;
        a.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        a.studyId = study->id;
        a.target = AnnotationTarget::onConclusion(1);
        AnnotationAnchor::makeSelectors(text, 0, int(std::min<qsizetype>(40, text.size())), &a.quote, &a.position);
        a.tag = QStringLiteral("key_finding");
        a.note = QStringLiteral("Synthetic note %1 about the dose").arg(out.size());
        a.author = QStringLiteral("Stu");
        a.created = a.modified = QDateTime::fromMSecsSinceEpoch(now.toMSecsSinceEpoch() + out.size(), QTimeZone::utc());
        out.append(a);
    }
    return out;
}

int rowOf(const QVector<StudySummary> &rows, const QString &id)
{
    for (int i = 0; i < rows.size(); ++i) {
        if (rows.at(i).id == id)
            return i;
    }
    return -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    qint64 studies = 10'000;
    qint64 count = 10'000;
    int iterations = 7;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg.startsWith("--studies="))
            studies = arg.mid(10).toLongLong();
        else if (arg.startsWith("--annotations="))
            count = arg.mid(14).toLongLong();
        else if (arg.startsWith("--iterations="))
            iterations = std::max(1, arg.mid(13).toInt());
        else
            return fail(QStringLiteral("unknown argument %1").arg(QString::fromLocal8Bit(arg)));
    }
    if (studies <= 0 || count <= 0)
        return fail(QStringLiteral("--studies and --annotations need positive numbers"));

    TempLibrary library;
    Database &database = library.open();
    QString error;
    if (!writeSyntheticLibrary(database, studies, {}, &error))
        return fail(error);
    if (!ReviewService(database).addProfile({ QStringLiteral("Stu"), Role::Student }, &error))
        return fail(error);
    const QVector<Annotation> annotations = makeAnnotations(database, count, &error);
    if (annotations.size() != count)
        return fail(QStringLiteral("could not make the annotations: %1").arg(error));
    AnnotationService service(database);
    if (!service.importAnnotations(annotations, QStringLiteral("Stu"), &error))
        return fail(error);

    QVector<StudySummary> rows;
    auto index = std::make_shared<StudySearchIndex>();
    if (!readLibrary(database, &rows, index.get(), &error))
        return fail(error);
    std::optional<QVector<ResolvedAnnotation>> shown = service.resolved({}, &error);
    if (!shown)
        return fail(error);

    QVector<double> fullMs, incrementalMs;
    for (int i = 0; i < iterations; ++i) {
        const Annotation &target = annotations.at((i * 7919) % annotations.size());
        const QString word = QStringLiteral("benchword%1").arg(i);
        const std::optional<AnnotationResult> changed
            = service.edit(target.id, QStringLiteral("Stu"), std::nullopt, QStringLiteral("Changed: ") + word, &error);
        if (!changed)
            return fail(error);

        QElapsedTimer timer;
        timer.start();
        std::optional<QVector<ResolvedAnnotation>> all = service.resolved({}, &error);
        QVector<StudySummary> fullRows;
        StudySearchIndex fullIndex;
        if (!all || !readLibrary(database, &fullRows, &fullIndex, &error))
            return fail(error);
        fullMs.append(timer.nsecsElapsed() / 1e6);

        timer.restart();
        const std::optional<QVector<ResolvedAnnotation>> one = service.resolve({ changed->annotation }, &error);
        QSqlDatabase connection = database.connection();
        std::optional<IndexedStudyText> text;
        if (!one || one->size() != 1 || !studySearchText(connection, target.studyId, &text, &error) || !text)
            return fail(error.isEmpty() ? QStringLiteral("the study's text was not found") : error);
        gui::mergeAnnotation(*shown, one->constFirst());
        auto updated = std::make_shared<StudySearchIndex>(*index);
        updated->replaceRow(rowOf(rows, target.studyId), text->text);
        incrementalMs.append(timer.nsecsElapsed() / 1e6);

        // The same answer both ways, and the same list.
        if (updated->match(word) != fullIndex.match(word) || updated->match(word).count(true) != 1)
            return fail(QStringLiteral("the incremental index does not find '%1' as the full one does").arg(word));
        if (shown->size() != all->size())
            return fail(QStringLiteral("the merged list differs from the one read again"));
        index = updated;
    }
    const Timing full = summarize(fullMs);
    const Timing incremental = summarize(incrementalMs);
    std::printf("library: %lld studies, %lld annotations; %d changes\n", studies, count, iterations);
    std::printf("full refresh:        median %8.1f ms, slowest %8.1f ms\n", full.median, full.slowest);
    std::printf("incremental refresh: median %8.1f ms, slowest %8.1f ms\n", incremental.median, incremental.slowest);
    return 0;
}
