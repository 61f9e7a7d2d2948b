#pragma once

#include "annotations/annotationservice.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QVector>

namespace mgreview::gui {

/// Every annotation of the library as a table: study, author, tag, quote, note, status.
class NotesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { StudyColumn, AuthorColumn, TagColumn, QuoteColumn, NoteColumn, StatusColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, StudyIdRole, TagRole, AuthorRole };

    NotesModel(const AnnotationTags &tags, QObject *parent = nullptr);

    void setAnnotations(const QVector<ResolvedAnnotation> &annotations);
    const ResolvedAnnotation &at(int row) const { return m_rows.at(row); }
    /// The row of an annotation, or -1.
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "Anchored", "Moved", "Changed", "Orphaned", "Not checked" in the reader's words.
    static QString statusText(const ResolvedAnnotation &r);

private:
    const AnnotationTags &m_tags;
    QVector<ResolvedAnnotation> m_rows;
    QStringList m_plainNotes; ///< Each row's note as it reads (Markdown rendered to text), one line.
};

/// The Notes view's filter (author, tag, study): it only asks core's annotationMatches().
class NotesFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit NotesFilterModel(QObject *parent = nullptr);
    void setFilter(const AnnotationFilter &filter);
    const AnnotationFilter &filter() const { return m_filter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    AnnotationFilter m_filter;
};

} // namespace mgreview::gui
