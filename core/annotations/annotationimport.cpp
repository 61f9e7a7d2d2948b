#include "annotations/annotationservice.h"

#include "annotations/annotationserviceinternal.h"
#include "review/permissions.h"
#include "store/studystore.h"

#include <QSet>

// AnnotationService: importing annotations read from a file, all in one transaction.

namespace mgreview {

using namespace annotationservice;

std::optional<AnnotationImportReport> AnnotationService::importAnnotations(
    const QVector<Annotation> &annotations, const QString &actorName, QString *error)
{
    QHash<QString, Profile> people; // By lower-case name: each actor is checked once.
    const auto checkedActor = [&](const QString &name) -> std::optional<Profile> {
        const QString key = name.toLower();
        if (const auto it = people.constFind(key); it != people.cend())
            return *it;
        std::optional<Profile> person = actor(name, error);
        if (person)
            people.insert(key, *person);
        return person;
    };
    AnnotationImportReport report;
    QSqlDatabase db = m_database.connection();
    AnnotationStore store(db);
    StudyStore studies(m_database);
    Transaction transaction(db);
    if (!beginWrite(transaction, error))
        return std::nullopt;
    QSet<QString> missingStudies;
    for (const Annotation &a : annotations) {
        if (const QString invalid = validateAnnotation(a); !invalid.isEmpty()) {
            *error = invalid;
            return std::nullopt;
        }
        const std::optional<Profile> person = checkedActor(actorName.isEmpty() ? a.author : actorName);
        if (!person) {
            if (actorName.isEmpty())
                *error += QStringLiteral(" (annotation %1; import as someone who may annotate, or add the profile)")
                              .arg(a.id);
            return std::nullopt;
        }
        std::optional<Annotation> current;
        if (!store.annotation(a.id, &current, nullptr, error))
            return std::nullopt;
        if (current && *current == a) {
            ++report.unchanged;
            continue;
        }
        if (!writeEvent(db, EventAction::Import, person->name, current, a, std::nullopt, error))
            return std::nullopt;
        ++(current ? report.updated : report.added);
        if (!missingStudies.contains(a.studyId) && !studies.contains(a.studyId)) {
            missingStudies.insert(a.studyId);
            report.warnings.append(
                QStringLiteral("study '%1' is not in this library; its annotations are kept and listed as orphaned")
                    .arg(a.studyId));
        }
    }
    if (!transaction.commit(error))
        return std::nullopt;
    return report;
}

} // namespace mgreview
