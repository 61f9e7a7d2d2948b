#include "matrix/evidencematrixmodel.h"

#include "matrix/matrixtext.h"
#include "model/vocabulary.h"

#include <QVariantMap>

#include <functional>

namespace mgreview {

EvidenceMatrixModel::EvidenceMatrixModel(const Vocabularies &vocabularies, QObject *parent)
    : QAbstractTableModel(parent), m_vocabularies(vocabularies), m_codes({}, vocabularies)
{
    recompute();
}

void EvidenceMatrixModel::recompute()
{
    m_matrix = EvidenceMatrix::compute(m_codes, m_filter.independence, m_textMatches);
}

void EvidenceMatrixModel::emitAllChanged()
{
    if (rowCount() > 0 && columnCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    Q_EMIT matrixChanged();
}

void EvidenceMatrixModel::setStudies(QVector<StudySummary> studies, QStringList certainties)
{
    beginResetModel();
    m_studies = std::move(studies);
    m_codes = MatrixStudyCodes(m_studies, m_vocabularies, certainties);
    m_textMatches.reset();
    recompute();
    endResetModel();
    Q_EMIT matrixChanged();
}

void EvidenceMatrixModel::setTextMatches(std::optional<QBitArray> matches)
{
    if (matches && matches->size() != m_studies.size())
        return; // Stale result for an older study list: ignore it.
    m_textMatches = std::move(matches);
    recompute();
    emitAllChanged();
}

void EvidenceMatrixModel::setFilter(const StudyFilter &filter)
{
    m_filter = filter;
    recompute();
    emitAllChanged();
}

void EvidenceMatrixModel::setShowTotals(bool show)
{
    if (show == m_showTotals)
        return;
    beginResetModel();
    m_showTotals = show;
    endResetModel();
}

int EvidenceMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_matrix.rowCount() + (m_showTotals ? 1 : 0);
}

int EvidenceMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_matrix.columnCount() + (m_showTotals ? 1 : 0);
}

const MatrixCell *EvidenceMatrixModel::cellAt(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return nullptr;
    const bool totalRow = isTotalRow(index.row());
    const bool totalColumn = isTotalColumn(index.column());
    if (totalRow && totalColumn)
        return &m_matrix.total();
    if (totalRow)
        return &m_matrix.columnTotal(index.column());
    if (totalColumn)
        return &m_matrix.rowTotal(index.row());
    return &m_matrix.cell(index.row(), index.column());
}

StudyFilter EvidenceMatrixModel::cellFilter(const QModelIndex &index) const
{
    StudyFilter filter = m_filter;
    filter.population.clear();
    filter.crampType.clear();
    if (!cellAt(index))
        return filter;
    if (!isTotalRow(index.row()))
        filter.population = m_vocabularies.population.terms().at(index.row()).id;
    if (!isTotalColumn(index.column()))
        filter.crampType = m_vocabularies.crampType.terms().at(index.column()).id;
    return filter;
}

QModelIndex EvidenceMatrixModel::indexOf(const QString &populationId, const QString &crampTypeId) const
{
    const int row = m_vocabularies.population.indexOf(populationId);
    const int column = m_vocabularies.crampType.indexOf(crampTypeId);
    return row < 0 || column < 0 ? QModelIndex() : index(row, column);
}

namespace {

QVariantMap nonZero(const QVector<int> &counts, const std::function<QString(int)> &idOf)
{
    QVariantMap map;
    for (int slot = 0; slot < counts.size(); ++slot) {
        if (counts.at(slot) > 0)
            map.insert(idOf(slot), counts.at(slot));
    }
    return map;
}

} // namespace

QVariant EvidenceMatrixModel::data(const QModelIndex &index, int role) const
{
    const MatrixCell *cell = cellAt(index);
    if (!cell)
        return {};
    const Vocabularies &v = m_vocabularies;
    switch (role) {
    case Qt::DisplayRole:
    case CountRole: return cell->count();
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole:
    case BottomLineRole: return matrixtext::bottomLine(*cell, m_studies, v);
    case Qt::AccessibleTextRole:
        return tr("%1 × %2: %3")
            .arg(headerData(index.row(), Qt::Vertical).toString(), headerData(index.column(), Qt::Horizontal).toString(),
                 cell->isGap() ? tr("no studies") : matrixtext::studyCount(cell->count()));
    case Qt::TextAlignmentRole: return QVariant(Qt::AlignCenter);
    case DirectionCountsRole:
        return nonZero(cell->directionCounts, [&](int slot) { return matrixtext::directionId(v, slot); });
    case DesignCountsRole:
        return nonZero(cell->designCounts, [&](int slot) { return matrixtext::designId(v, slot); });
    case CertaintyCountsRole: {
        QVariantMap map;
        for (int slot = 0; slot < cell->certaintyCounts.size(); ++slot) {
            if (cell->certaintyCounts.at(slot) > 0 && matrixtext::isGradedCertainty(v, slot))
                map.insert(matrixtext::certaintyId(v, slot), cell->certaintyCounts.at(slot));
        }
        return map;
    }
    case IndependenceCountsRole: {
        QVariantMap map;
        for (int i = 0; i < MatrixIndependenceCount; ++i)
            map.insert(matrixtext::independenceId(MatrixIndependence(i)), cell->independenceCounts[size_t(i)]);
        return map;
    }
    case StrongestDesignRole:
        return cell->isGap() ? QString() : matrixtext::designId(v, cell->strongestDesign);
    case LeadStudyIdRole: return cell->isGap() ? QString() : m_studies.at(cell->leadStudy).id;
    case StudyIdsRole: {
        QStringList ids;
        ids.reserve(cell->studies.size());
        for (const int i : cell->studies)
            ids.append(m_studies.at(i).id);
        return ids;
    }
    case StudyIndicesRole: return QVariant::fromValue(QList<int>(cell->studies));
    case SymbolSplitRole: return matrixtext::symbolSplit(*cell, v);
    case IsGapRole: return cell->isGap();
    case IsTotalRole: return isTotalRow(index.row()) || isTotalColumn(index.column());
    case PopulationIdRole:
        return isTotalRow(index.row()) ? QString() : v.population.terms().at(index.row()).id;
    case CrampTypeIdRole:
        return isTotalColumn(index.column()) ? QString() : v.crampType.terms().at(index.column()).id;
    default: return {};
    }
}

QVariant EvidenceMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const bool horizontal = orientation == Qt::Horizontal;
    const int count = horizontal ? columnCount() : rowCount();
    if (section < 0 || section >= count)
        return {};
    const bool total = horizontal ? isTotalColumn(section) : isTotalRow(section);
    const Vocabulary &vocabulary = horizontal ? m_vocabularies.crampType : m_vocabularies.population;
    switch (role) {
    case Qt::DisplayRole:
        if (total)
            return horizontal ? tr("All cramp types") : tr("All populations");
        return vocabulary.shortLabel(vocabulary.terms().at(section).id);
    case Qt::ToolTipRole:
        if (total)
            return tr("Distinct studies in the %1").arg(horizontal ? tr("row") : tr("column"));
        return vocabulary.terms().at(section).label;
    case PopulationIdRole:
        return horizontal || total ? QVariant() : QVariant(vocabulary.terms().at(section).id);
    case CrampTypeIdRole:
        return !horizontal || total ? QVariant() : QVariant(vocabulary.terms().at(section).id);
    case IsTotalRole: return total;
    default: return {};
    }
}

Qt::ItemFlags EvidenceMatrixModel::flags(const QModelIndex &index) const
{
    if (!cellAt(index))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> EvidenceMatrixModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(CountRole, "count");
    names.insert(DirectionCountsRole, "directionCounts");
    names.insert(DesignCountsRole, "designCounts");
    names.insert(IndependenceCountsRole, "independenceCounts");
    names.insert(CertaintyCountsRole, "certaintyCounts");
    names.insert(StrongestDesignRole, "strongestDesign");
    names.insert(LeadStudyIdRole, "leadStudyId");
    names.insert(StudyIdsRole, "studyIds");
    names.insert(StudyIndicesRole, "studyIndices");
    names.insert(BottomLineRole, "bottomLine");
    names.insert(SymbolSplitRole, "symbolSplit");
    names.insert(IsGapRole, "isGap");
    names.insert(IsTotalRole, "isTotal");
    names.insert(PopulationIdRole, "populationId");
    names.insert(CrampTypeIdRole, "crampTypeId");
    return names;
}

} // namespace mgreview
