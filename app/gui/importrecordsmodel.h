#pragma once

#include "importexport/importplan.h"

#include <QAbstractTableModel>

#include <memory>

namespace mgreview::gui {

/// The records of an import preview, one row each, in file order: what will happen to the
/// record (new, duplicate: skipped, probable duplicate: imported and listed for review),
/// where it starts (file:line), what it is and what it matches.
class ImportRecordsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { OutcomeColumn, WhereColumn, TitleColumn, AuthorColumn, YearColumn, IdColumn, MatchColumn, ColumnCount };
    /// The record's RecordStatus (as int), for filters and tests.
    static constexpr int StatusRole = Qt::UserRole + 1;

    explicit ImportRecordsModel(QObject *parent = nullptr);

    void setPlan(std::shared_ptr<const ImportPlan> plan);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "New", "Duplicate (skipped)", "Probable duplicate".
    static QString outcomeText(RecordStatus status);

private:
    std::shared_ptr<const ImportPlan> m_plan;
};

} // namespace mgreview::gui
