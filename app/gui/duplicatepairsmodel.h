#pragma once

#include "duplicatejob.h"

#include <QAbstractTableModel>

namespace mgreview::gui {

/// The open probable-duplicate pairs, one row each: the earlier record (in the library, or
/// earlier in the same import), the imported one and why they look alike.
class DuplicatePairsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { LibraryColumn, ImportedColumn, ReasonColumn, ColumnCount };

    explicit DuplicatePairsModel(QObject *parent = nullptr);

    void setPairs(const QVector<DuplicatePair> &pairs);
    const QVector<DuplicatePair> &pairs() const { return m_pairs; }
    /// The row of the pair (either way round), or -1.
    int rowOf(const QString &studyId, const QString &otherId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "Garrison 2020 — Magnesium for skeletal muscle cramps (garrison2020_3fa4c1)".
    static QString describe(const std::optional<Study> &study, const QString &id);

private:
    QVector<DuplicatePair> m_pairs;
};

} // namespace mgreview::gui
