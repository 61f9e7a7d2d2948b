#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace mgreview {
class AnnotationTags;
}

namespace mgreview::gui {

class NotesFilterModel;
class NotesModel;

/// The Notes view: every annotation across studies in a table, filterable by author, tag
/// and study. Activating a row asks the window to open the study at the span.
class NotesView : public QWidget
{
    Q_OBJECT

public:
    NotesView(NotesModel *model, const AnnotationTags &tags, QWidget *parent = nullptr);

    /// Refills the filter choices from the model (keeping the chosen ones when still there).
    void refreshChoices();
    void setAuthorFilter(const QString &author);
    void setTagFilter(const QString &tag);
    void setStudyFilter(const QString &studyId);
    /// Selects an annotation's row (e.g. after a click on its highlight).
    void selectAnnotation(const QString &id);
    /// The id of the selected annotation, or empty.
    QString selectedAnnotation() const;

    QTableView *table() const { return m_table; }
    NotesFilterModel *filterModel() const { return m_filter; }

Q_SIGNALS:
    void annotationActivated(const QString &studyId, const QString &annotationId);
    /// Context menu on a row: the window offers Edit and Delete.
    void contextMenuRequested(const QString &annotationId, const QPoint &globalPos);

private:
    void applyFilter();
    void updateCount();

    NotesModel *m_model;
    const AnnotationTags &m_tags;
    NotesFilterModel *m_filter;
    QComboBox *m_author;
    QComboBox *m_tag;
    QComboBox *m_study;
    QTableView *m_table;
    QLabel *m_count;
};

} // namespace mgreview::gui
