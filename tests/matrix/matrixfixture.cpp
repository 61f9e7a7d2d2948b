#include "matrixfixture.h"

#include "matrix/matrixtext.h"
#include "model/vocabulary.h"
#include "store/studystore.h"

#include <algorithm>

namespace mgreview::testing {

QStringList SeededCorpus::certainties() const
{
    QStringList out;
    for (const StudySummary &s : summaries) {
        const Study *record = recordById.value(s.id);
        out.append(record ? record->certainty : QString());
    }
    return out;
}

StudyRecordLookup SeededCorpus::lookup() const
{
    return [this](const QString &id) { return recordById.value(id); };
}

int SeededCorpus::indexOf(const QString &id) const
{
    for (int i = 0; i < summaries.size(); ++i) {
        if (summaries.at(i).id == id)
            return i;
    }
    return -1;
}

std::unique_ptr<SeededCorpus> loadSeededCorpus()
{
    auto corpus = std::make_unique<SeededCorpus>();
    Database &database = corpus->library.open();
    QStringList errors;
    const int added = seedProjectStudies(database, &errors);
    EXPECT_EQ(added, 20) << str(errors.join(u'\n'));
    if (added <= 0)
        return nullptr;
    const StudyStore store(database);
    QString error;
    std::optional<QVector<StudySummary>> summaries = store.summaries(&error);
    EXPECT_TRUE(summaries) << str(error);
    std::optional<QVector<Study>> records = store.loadAll(&error);
    EXPECT_TRUE(records) << str(error);
    if (!summaries || !records)
        return nullptr;
    corpus->summaries = std::move(*summaries);
    corpus->records = std::move(*records);
    for (const Study &study : std::as_const(corpus->records))
        corpus->recordById.insert(study.id, &study);
    return corpus;
}

QStringList cellIds(const MatrixCell &cell, const QVector<StudySummary> &studies)
{
    QStringList ids;
    for (const int i : cell.studies)
        ids.append(studies.at(i).id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

QMap<QString, int> directionCounts(const MatrixCell &cell)
{
    QMap<QString, int> out;
    for (int slot = 0; slot < cell.directionCounts.size(); ++slot) {
        if (cell.directionCounts.at(slot) > 0)
            out.insert(matrixtext::directionId(Vocabularies::builtin(), slot), cell.directionCounts.at(slot));
    }
    return out;
}

} // namespace mgreview::testing
