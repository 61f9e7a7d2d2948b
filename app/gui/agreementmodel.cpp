#include "agreementmodel.h"

#include "model/vocabulary.h"

#include <QFont>

namespace mgreview::gui {

AgreementModel::AgreementModel(QObject *parent) : QAbstractTableModel(parent) { }

void AgreementModel::setAgreement(const PairAgreement &agreement)
{
    beginResetModel();
    m_agreement = agreement;
    endResetModel();
}

void AgreementModel::clear()
{
    setAgreement({});
}

int AgreementModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || categories() == 0 ? 0 : categories() + 1;
}

int AgreementModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || categories() == 0 ? 0 : categories() + 1;
}

int AgreementModel::cell(int row, int column) const
{
    // The last row and column are the totals (margins).
    const int n = categories();
    int sum = 0;
    for (int r = 0; r < n; ++r) {
        for (int c = 0; c < n; ++c) {
            if ((row == n || row == r) && (column == n || column == c))
                sum += m_agreement.table.value(r).value(c);
        }
    }
    return sum;
}

QVariant AgreementModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int n = categories();
    switch (role) {
    case Qt::DisplayRole:
        return cell(index.row(), index.column());
    case Qt::TextAlignmentRole:
        return int(Qt::AlignCenter);
    case Qt::FontRole:
        if (index.row() == index.column() || index.row() == n || index.column() == n) {
            // The diagonal (agreement) and the totals stand out in type, not only in colour.
            QFont font;
            font.setBold(index.row() == index.column() && index.row() < n);
            font.setItalic(index.row() == n || index.column() == n);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.row() < n && index.column() < n)
            return tr("%1 said %2 and %3 said %4: %n studies", nullptr, cell(index.row(), index.column()))
                .arg(m_agreement.first, m_agreement.categories.at(index.row()), m_agreement.second,
                    m_agreement.categories.at(index.column()));
        return {};
    default:
        return {};
    }
}

QVariant AgreementModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const int n = categories();
    if (section == n)
        return tr("Total");
    if (section < 0 || section > n)
        return {};
    // The reviewers are named above the table (rows: first, columns: second).
    return Vocabularies::builtin().independence.label(m_agreement.categories.at(section));
}

} // namespace mgreview::gui
