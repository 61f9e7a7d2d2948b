#pragma once

#include "review/reviewservice.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QVector>

namespace mgreview::gui {

/// The studies whose reviewers disagree and that nobody has resolved: one row per study,
/// with its reviewers and what each of them said (value and link).
class ConflictsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { StudyColumn, ReviewersColumn, JudgementsColumn, ColumnCount };
    enum Role { StudyIdRole = Qt::UserRole + 1 };

    explicit ConflictsModel(QObject *parent = nullptr);

    /// Replaces the conflicts; `citations` names studies by id ("Roffe 2002") where known.
    /// For `blinded` studies the reader has not judged yet, what each reviewer said stays hidden.
    void setConflicts(const QVector<Conflict> &conflicts, const QHash<QString, QString> &citations,
        const QSet<QString> &blinded = {});
    bool isBlinded(int row) const { return m_blinded.contains(m_conflicts.at(row).studyId); }
    const Conflict &conflictAt(int row) const { return m_conflicts.at(row); }
    /// The row of a study, or -1.
    int rowOf(const QString &studyId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<Conflict> m_conflicts;
    QHash<QString, QString> m_citations;
    QSet<QString> m_blinded;
};

} // namespace mgreview::gui
