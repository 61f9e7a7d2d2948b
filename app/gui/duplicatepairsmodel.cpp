#include "duplicatepairsmodel.h"

namespace mgreview::gui {

DuplicatePairsModel::DuplicatePairsModel(QObject *parent) : QAbstractTableModel(parent) {}

void DuplicatePairsModel::setPairs(const QVector<DuplicatePair> &pairs)
{
    beginResetModel();
    m_pairs = pairs;
    endResetModel();
}

int DuplicatePairsModel::rowOf(const QString &studyId, const QString &otherId) const
{
    for (int row = 0; row < m_pairs.size(); ++row) {
        const DuplicateCandidate &c = m_pairs.at(row).candidate;
        if ((c.studyId == studyId && c.otherId == otherId) || (c.studyId == otherId && c.otherId == studyId))
            return row;
    }
    return -1;
}

int DuplicatePairsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pairs.size());
}

int DuplicatePairsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DuplicatePairsModel::describe(const std::optional<Study> &study, const QString &id)
{
    if (!study)
        return tr("%1 (no longer in the library)").arg(id);
    const Citation &c = study->citation;
    QString who = c.authors.isEmpty() ? tr("Anonymous") : c.authors.first().section(u' ', 0, 0);
    if (c.year > 0)
        who += u' ' + QString::number(c.year);
    const QString title = c.title.isEmpty() ? c.text : c.title;
    return QStringLiteral("%1 — %2 (%3)").arg(who, title, id);
}

QVariant DuplicatePairsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_pairs.size())
        return {};
    const DuplicatePair &pair = m_pairs.at(index.row());
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case LibraryColumn: return describe(pair.other, pair.candidate.otherId);
    case ImportedColumn: return describe(pair.study, pair.candidate.studyId);
    case ReasonColumn: return pair.candidate.reason;
    }
    return {};
}

QVariant DuplicatePairsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LibraryColumn: return tr("Earlier record");
    case ImportedColumn: return tr("Imported record");
    case ReasonColumn: return tr("Why they look alike");
    }
    return {};
}

} // namespace mgreview::gui
