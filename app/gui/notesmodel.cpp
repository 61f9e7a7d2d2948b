#include "notesmodel.h"

#include "annotationpane.h"

#include <QBrush>
#include <QTextDocument>

namespace mgreview::gui {

NotesModel::NotesModel(const AnnotationTags &tags, QObject *parent) : QAbstractTableModel(parent), m_tags(tags) { }

void NotesModel::setAnnotations(const QVector<ResolvedAnnotation> &annotations)
{
    beginResetModel();
    m_rows.clear();
    m_plainNotes.clear();
    QTextDocument markdown;
    for (const ResolvedAnnotation &r : annotations) {
        if (r.annotation.deleted)
            continue;
        m_rows.append(r);
        // The table shows the note as it reads, without Markdown marks; the tooltip has the source.
        markdown.setMarkdown(r.annotation.note);
        m_plainNotes.append(markdown.toPlainText().simplified());
    }
    endResetModel();
}

int NotesModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).annotation.id == id)
            return row;
    }
    return -1;
}

int NotesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int NotesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString NotesModel::statusText(const ResolvedAnnotation &r)
{
    switch (r.anchor.status) {
    case AnchorStatus::Exact: return tr("Anchored");
    case AnchorStatus::Moved: return tr("Moved");
    case AnchorStatus::Fuzzy: return tr("Changed");
    case AnchorStatus::Orphaned: return tr("Orphaned");
    case AnchorStatus::Unchecked: break;
    }
    return tr("Not checked");
}

QVariant NotesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ResolvedAnnotation &r = m_rows.at(index.row());
    const Annotation &a = r.annotation;
    switch (role) {
    case IdRole: return a.id;
    case StudyIdRole: return a.studyId;
    case TagRole: return a.tag;
    case AuthorRole: return a.author;
    case Qt::DisplayRole:
        switch (index.column()) {
        case StudyColumn: return r.studyLabel;
        case AuthorColumn: return a.author;
        case TagColumn: return m_tags.label(a.tag);
        case QuoteColumn: return a.quote.exact.simplified();
        case NoteColumn: return m_plainNotes.value(index.row());
        case StatusColumn: return statusText(r);
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case StudyColumn: return r.studyTitle.isEmpty() ? a.studyId : r.studyTitle;
        case QuoteColumn: return a.quote.exact;
        case NoteColumn: return a.note;
        case StatusColumn:
            return r.anchor.status == AnchorStatus::Orphaned
                ? tr("The text no longer contains these words; the annotation is kept with its quote.")
                : QVariant();
        }
        break;
    case Qt::BackgroundRole:
        if (index.column() == TagColumn)
            return QBrush(AnnotationPane::colour(a.tag));
        break;
    case Qt::ForegroundRole:
        if (index.column() == TagColumn)
            return QBrush(QColor(0x1b, 0x1f, 0x24)); // Dark on the light tag colour in every theme.
        break;
    }
    return {};
}

QVariant NotesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StudyColumn: return tr("Study");
    case AuthorColumn: return tr("Author");
    case TagColumn: return tr("Tag");
    case QuoteColumn: return tr("Quote");
    case NoteColumn: return tr("Note");
    case StatusColumn: return tr("Status");
    }
    return {};
}

NotesFilterModel::NotesFilterModel(QObject *parent) : QSortFilterProxyModel(parent) { }

void NotesFilterModel::setFilter(const AnnotationFilter &filter)
{
    m_filter = filter;
    invalidateFilter();
}

bool NotesFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *notes = static_cast<const NotesModel *>(sourceModel());
    return annotationMatches(notes->at(sourceRow).annotation, m_filter);
}

} // namespace mgreview::gui
