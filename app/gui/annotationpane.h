#pragma once

#include "annotations/annotationservice.h"

#include <QHash>
#include <QObject>
#include <QVector>

#include <optional>

class QPoint;

namespace mgreview::gui {

class ConclusionPane;

/// The annotations of the shown study, drawn into the conclusion pane: each anchored one as
/// a coloured, underlined span of its conclusion with its tag, author and note as tooltip;
/// orphaned ones listed after the study with their quote. It also turns the pane's selection
/// into a conclusion span for "Highlight…".
///
/// The pane renders HTML; each conclusion's text starts at a named anchor (panehtml.h), and
/// the overlay maps character offsets of the verbatim text to document positions by walking
/// both (HTML folds runs of white space), so offsets stay exact.
class AnnotationPane : public QObject
{
    Q_OBJECT

public:
    AnnotationPane(ConclusionPane *pane, const AnnotationTags &tags, QObject *parent = nullptr);

    /// The shown study's annotations; drawn now and after every render of the pane.
    void setAnnotations(const QString &studyId, const QVector<ResolvedAnnotation> &annotations);

    /// A selected span of one conclusion.
    struct Span {
        int conclusion = 0; ///< From 1.
        int start = 0;
        int end = 0;
        QString text;
    };
    /// The pane's selection, when it lies inside one conclusion's text.
    std::optional<Span> selectedSpan() const;
    /// Selects a span of a conclusion in the pane, as a reader dragging would (tests, scripts).
    bool selectSpan(int conclusion, int start, int end);
    /// The annotation drawn at a point of the pane's viewport, or empty.
    QString annotationAt(const QPoint &viewportPos) const;
    /// Scrolls to an annotation's span and selects it; false when it is not drawn.
    bool scrollTo(const QString &annotationId);
    /// Ids drawn as spans (anchored) and listed as orphaned, for tests.
    QStringList drawnIds() const;
    QStringList orphanedIds() const { return m_orphaned; }

    /// The tag's highlight colour (custom tags share one).
    static QColor colour(const QString &tag);

Q_SIGNALS:
    /// A highlight was clicked (its note is shown as a tooltip).
    void annotationClicked(const QString &id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void draw();
    void mapConclusions();
    QString tooltip(const ResolvedAnnotation &r) const;

    ConclusionPane *m_pane;
    const AnnotationTags &m_tags;
    QString m_studyId;
    QVector<ResolvedAnnotation> m_annotations;
    /// Conclusion number -> document position of each character of its text (and one past the end).
    QHash<int, QVector<int>> m_positions;
    QStringList m_orphaned;
    bool m_drawing = false;
};

} // namespace mgreview::gui
