#include "rules/classifier.h"

#include "rules/suggestionstore.h"
#include "store/studystore.h"

#include <QElapsedTimer>

namespace mgreview {

ClassifyReport classifyLibrary(const Database &database, const RuleEngine &engine, const QStringList &studyIds,
                               const std::atomic_bool *cancel, const std::function<void(int, int)> &progress)
{
    ClassifyReport report;
    QElapsedTimer timer;
    timer.start();
    StudyStore store(database);
    QVector<Study> studies;
    if (studyIds.isEmpty()) {
        std::optional<QVector<Study>> all = store.loadAll(&report.error);
        if (!all)
            return report;
        studies = std::move(*all);
    } else {
        for (const QString &id : studyIds) {
            std::optional<Study> study = store.load(id, &report.error);
            if (!study) {
                if (report.error.isEmpty())
                    report.error = QStringLiteral("no study with id '%1'").arg(id);
                return report;
            }
            studies.append(std::move(*study));
        }
    }
    report.readMs = timer.elapsed();
    ClassifyReport rest = classifyStudies(database, engine, studies, cancel, progress);
    rest.readMs = report.readMs;
    return rest;
}

ClassifyReport classifyStudies(const Database &database, const RuleEngine &engine, const QVector<Study> &studies,
                               const std::atomic_bool *cancel, const std::function<void(int, int)> &progress)
{
    ClassifyReport report;
    QElapsedTimer timer;
    timer.start();
    report.studies = int(studies.size());
    const int total = int(studies.size());
    const QVector<QVector<Suggestion>> suggestions =
        engine.classifyAll(studies, cancel, [&](int done) {
            if (progress)
                progress(done, total);
        });
    report.classifyMs = timer.restart();
    if (cancel && cancel->load()) {
        report.cancelled = true;
        return report;
    }
    QStringList ids;
    ids.reserve(studies.size());
    for (const Study &s : std::as_const(studies))
        ids.append(s.id);
    for (const auto &list : suggestions)
        report.suggestions += int(list.size());
    SuggestionStore(database).replace(ids, suggestions, engine.rules().hash, &report.error);
    report.storeMs = timer.elapsed();
    return report;
}

} // namespace mgreview
