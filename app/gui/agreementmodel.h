#pragma once

#include "review/agreement.h"

#include <QAbstractTableModel>

namespace mgreview::gui {

/// The agreement table of two reviewers: rows are the first reviewer's values, columns the
/// second's (independent, industry-linked, unclear), plus a Total row and column.
class AgreementModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit AgreementModel(QObject *parent = nullptr);

    void setAgreement(const PairAgreement &agreement);
    void clear();
    const PairAgreement &agreement() const { return m_agreement; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int categories() const { return int(m_agreement.categories.size()); }
    int cell(int row, int column) const;

    PairAgreement m_agreement;
};

} // namespace mgreview::gui
