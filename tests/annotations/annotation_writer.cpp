// A child process for the crash-consistency test: annotates the library in a loop and
// prints "committed ID" after each commit returned, until it is killed.
//
//   annotation_writer LIBRARY STUDY AUTHOR
#include "annotations/annotationservice.h"
#include "store/database.h"
#include "store/studystore.h"

#include <QCoreApplication>

#include <cstdio>

using namespace mgreview;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: annotation_writer LIBRARY STUDY AUTHOR\n");
        return 2;
    }
    LibraryLocation location;
    location.sqlitePath = args.at(1);
    QString error;
    const std::unique_ptr<Database> database = Database::open(location, &error);
    if (!database) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const std::optional<Study> study = StudyStore(*database).load(args.at(2), &error);
    if (!study || study->conclusions.isEmpty()) {
        std::fprintf(stderr, "no study %s: %s\n", qPrintable(args.at(2)), qPrintable(error));
        return 1;
    }
    const int length = int(study->conclusions.first().text.size());
    AnnotationService service(*database);
    std::fprintf(stdout, "ready\n");
    std::fflush(stdout);
    for (int i = 0;; ++i) {
        const int start = (i * 7) % (length - 20);
        const std::optional<AnnotationResult> made = service.createOnConclusion(args.at(2), 1, start, start + 12,
            QStringLiteral("needs check"), QStringLiteral("note %1 written before the crash").arg(i), args.at(3),
            &error);
        if (!made) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        // Only now is it "shown as saved": the transaction has committed.
        std::fprintf(stdout, "committed %s\n", qPrintable(made->annotation.id));
        std::fflush(stdout);
    }
}
