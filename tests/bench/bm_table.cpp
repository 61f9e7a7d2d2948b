// The table model at scale: sorting a column (a click on a header) and filling the model
// with a freshly opened library (the last step before the window is interactive).

#include "benchsupport.h"

#include "model/vocabulary.h"

#include <optional>
#include <string>

namespace mgreview::bench {

namespace {

void sortColumnBenchmark(benchmark::State &state, qint64 size, int column)
{
    QString error;
    LoadedFixture *fixture = loadedFixture(size, &error);
    if (!fixture) {
        fail(state, error);
        return;
    }
    StudyTableModel &model = *fixture->model;
    // A view keeps persistent indexes (selection, current row); the model must carry them.
    const QPersistentModelIndex current(model.index(0, 0));
    const QString currentId = current.data(StudyTableModel::StudyIdRole).toString();
    Qt::SortOrder order = Qt::AscendingOrder;
    for (auto _ : state) {
        model.sort(column, order);
        order = order == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
    }
    if (!current.isValid() || current.data(StudyTableModel::StudyIdRole).toString() != currentId) {
        fail(state, QStringLiteral("the current row did not follow its study through the sort"));
        return;
    }
    // Sorted means sorted: every neighbouring pair is in order by the sort key.
    model.sort(column, Qt::AscendingOrder);
    for (int row = 1; row < model.rowCount(); ++row) {
        if (model.index(row - 1, column).data(StudyTableModel::SortKeyRole).toInt() >
            model.index(row, column).data(StudyTableModel::SortKeyRole).toInt()) {
            fail(state, QStringLiteral("rows %1 and %2 are out of order").arg(row - 1).arg(row));
            return;
        }
    }
    model.sort(StudyTableModel::FirstAuthor, Qt::AscendingOrder);
}

void setStudiesBenchmark(benchmark::State &state, qint64 size)
{
    QString error;
    LoadedFixture *fixture = loadedFixture(size, &error);
    if (!fixture) {
        fail(state, error);
        return;
    }
    std::optional<StudyTableModel> model;
    for (auto _ : state) {
        state.PauseTiming(); // Destroying the previous model is not part of opening.
        model.reset();
        state.ResumeTiming();
        model.emplace(Vocabularies::builtin());
        model->setStudies(fixture->library.summaries);
    }
    if (model->rowCount() != size)
        fail(state, QStringLiteral("the model shows %1 rows, expected %2").arg(model->rowCount()).arg(size));
}

} // namespace

void registerTableBenchmarks()
{
    const QVector<qint64> &sizes = settings().sizes;
    const qint64 largest = *std::max_element(sizes.begin(), sizes.end());
    const std::string suffix = std::to_string(largest);
    benchmark::RegisterBenchmark(("BM_SortColumn/" + suffix + "/Title").c_str(),
                                 [largest](benchmark::State &state) {
                                     sortColumnBenchmark(state, largest, StudyTableModel::Title);
                                 })
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("BM_SortColumn/" + suffix + "/Year").c_str(),
                                 [largest](benchmark::State &state) {
                                     sortColumnBenchmark(state, largest, StudyTableModel::Year);
                                 })
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("BM_ModelSetStudies/" + suffix).c_str(),
                                 [largest](benchmark::State &state) { setStudiesBenchmark(state, largest); })
        ->Unit(benchmark::kMillisecond);
}

} // namespace mgreview::bench
