#include "importrecordsmodel.h"

#include <QBrush>
#include <QColor>
#include <QFileInfo>

namespace mgreview::gui {

ImportRecordsModel::ImportRecordsModel(QObject *parent) : QAbstractTableModel(parent) {}

void ImportRecordsModel::setPlan(std::shared_ptr<const ImportPlan> plan)
{
    beginResetModel();
    m_plan = std::move(plan);
    endResetModel();
}

void ImportRecordsModel::clear()
{
    setPlan(nullptr);
}

int ImportRecordsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_plan ? 0 : int(m_plan->records.size());
}

int ImportRecordsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ImportRecordsModel::outcomeText(RecordStatus status)
{
    switch (status) {
    case RecordStatus::New: return tr("New");
    case RecordStatus::Duplicate: return tr("Duplicate (skipped)");
    case RecordStatus::ProbableDuplicate: return tr("Probable duplicate");
    }
    return {};
}

QVariant ImportRecordsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_plan || index.row() >= m_plan->records.size())
        return {};
    const PlannedRecord &p = m_plan->records.at(index.row());
    const Study &study = p.record.study;
    if (role == StatusRole)
        return int(p.status);
    if (role == Qt::ForegroundRole && p.status == RecordStatus::Duplicate)
        return QBrush(QColor(0x6b, 0x6b, 0x6b)); // skipped records recede
    if (role == Qt::ToolTipRole) {
        if (index.column() == WhereColumn)
            return QStringLiteral("%1:%2").arg(p.record.file).arg(p.record.line);
        if (index.column() == TitleColumn)
            return study.citation.title;
        if (index.column() == OutcomeColumn && p.status == RecordStatus::ProbableDuplicate)
            return tr("Imported, and listed under Study ▸ Review duplicates… to merge or keep both");
        if (index.column() == OutcomeColumn && p.status == RecordStatus::Duplicate)
            return tr("Not imported: the library (or this import) already has it");
        if (!p.matchId.isEmpty())
            return p.matchReason;
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case OutcomeColumn: return outcomeText(p.status);
    case WhereColumn: return QStringLiteral("%1:%2").arg(QFileInfo(p.record.file).fileName()).arg(p.record.line);
    case TitleColumn: return study.citation.title.isEmpty() ? study.citation.text : study.citation.title;
    case AuthorColumn: return study.citation.authors.isEmpty() ? QString() : study.citation.authors.first();
    case YearColumn: return study.citation.year > 0 ? QVariant(study.citation.year) : QVariant();
    // A skipped record gets no id: it is not imported.
    case IdColumn: return p.status == RecordStatus::Duplicate ? QString() : study.id;
    case MatchColumn:
        if (p.matchId.isEmpty())
            return {};
        return p.matchInImport ? tr("%1 (%2, in this import)").arg(p.matchId, p.matchReason)
                               : tr("%1 (%2)").arg(p.matchId, p.matchReason);
    }
    return {};
}

QVariant ImportRecordsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case OutcomeColumn: return tr("Outcome");
    case WhereColumn: return tr("Where");
    case TitleColumn: return tr("Title");
    case AuthorColumn: return tr("First author");
    case YearColumn: return tr("Year");
    case IdColumn: return tr("Id");
    case MatchColumn: return tr("Matches");
    }
    return {};
}

} // namespace mgreview::gui
