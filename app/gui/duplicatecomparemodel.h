#pragma once

#include "model/study.h"

#include <QAbstractTableModel>

#include <optional>

namespace mgreview::gui {

/// Two records side by side, one bibliographic or coding field per row (title, authors,
/// year, journal, identifiers, abstract, keywords, funding…), fields neither has left out.
/// Rows where the records differ are marked (DiffersRole); those where both have a value
/// and the values differ — what a merge keeps from one side and notes from the other —
/// are bold and marked ≠. A value only one record has is what a merge fills in.
class DuplicateCompareModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { FieldColumn, LeftColumn, RightColumn, ColumnCount };
    static constexpr int DiffersRole = Qt::UserRole + 1;

    explicit DuplicateCompareModel(QObject *parent = nullptr);

    /// Shows `left` and `right` (either may be missing: its column stays empty).
    void setStudies(const std::optional<Study> &left, const QString &leftId, const std::optional<Study> &right,
        const QString &rightId);
    void clear();
    /// The labels of the fields that differ, top to bottom.
    QStringList differingFields() const;
    /// The labels of the fields both records have, with different values.
    QStringList conflictingFields() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString field;
        QString left;
        QString right;
        bool differs = false;
        bool conflicts = false; ///< Both have a value, and they differ.
    };
    QVector<Row> m_rows;
    QString m_leftId;
    QString m_rightId;
};

} // namespace mgreview::gui
