#pragma once

#include "model/study.h"

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QStringList>
#include <QVector>

namespace mgreview::gui {

/// The fields of a study in which my unsaved edit and their saved version differ, for the
/// conflict dialog: one row per field (as store/studymerge.h names them: "title",
/// "authors", …), their value, my value, which one to keep (a check in the Theirs or
/// Mine column; exactly one per row) and who changed it since I opened the study. Fields only they changed start on Theirs, fields I
/// changed (alone or both) on Mine; rows both changed are marked, the person decides.
class StudyConflictModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { FieldColumn, TheirsColumn, MineColumn, ChangedByColumn, ColumnCount };
    enum class Keep { Theirs, Mine };

    explicit StudyConflictModel(QObject *parent = nullptr);

    /// `base`: the study as I opened it; `mine`: my edit; `theirs`: the study saved since.
    void setStudies(const Study &base, const Study &mine, const Study &theirs);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The field of a row ("title").
    QString field(int row) const { return m_rows.at(row).field; }
    int rowOf(const QString &field) const;
    Keep keep(int row) const { return m_rows.at(row).keep; }
    void setKeep(int row, Keep keep);
    /// Fields both of us changed, differently.
    QStringList conflicting() const;
    /// Fields whose row keeps their value (to copy into mine: withFields()).
    QStringList theirsChosen() const;

    /// "Title", "Authors", "DOI", …: a field key as people read it.
    static QString label(const QString &field);
    /// A JSON value of a field as one readable line ("Smith J; Jones K", "2020", "(empty)").
    static QString valueText(const QJsonValue &value);

private:
    struct Row {
        QString field;
        QJsonValue theirs;
        QJsonValue mine;
        bool iChanged = false;
        bool theyChanged = false;
        Keep keep = Keep::Mine;
    };
    QVector<Row> m_rows;
};

} // namespace mgreview::gui
