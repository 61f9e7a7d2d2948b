#include "annotationpane.h"

#include "conclusionpane.h"
#include "panehtml.h"

#include "models/studydetailmodel.h"

#include <QMouseEvent>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolTip>

namespace mgreview::gui {

namespace {

// Where the annotation id is kept in the char format of a highlighted span.
constexpr int kAnnotationIdProperty = QTextFormat::UserProperty + 71;

bool isSpace(QChar c)
{
    return c.isSpace() || c == QChar::Nbsp || c == QChar::LineSeparator || c == QChar::ParagraphSeparator;
}

/// Where the fragment carrying `anchor` starts in the document, or -1.
int anchorPosition(const QTextDocument *document, const QString &anchor)
{
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.isValid() && fragment.charFormat().anchorNames().contains(anchor))
                return fragment.position();
        }
    }
    return -1;
}

/// Document positions of each character of `text` as rendered from `start`, plus one past
/// the end. HTML folds a run of white space into one space (or none at a block's edge).
QVector<int> alignText(const QTextDocument *document, int start, const QString &text)
{
    QVector<int> positions(text.size() + 1);
    int d = start;
    const int documentEnd = document->characterCount();
    int s = 0;
    while (s < text.size()) {
        const QChar source = text.at(s);
        const QChar shown = d < documentEnd ? document->characterAt(d) : QChar();
        if (isSpace(source)) {
            const bool shownSpace = isSpace(shown);
            while (s < text.size() && isSpace(text.at(s)))
                positions[s++] = d;
            if (shownSpace)
                ++d;
        } else if (source == shown || shown.isNull()) {
            positions[s++] = d++;
        } else if (isSpace(shown)) {
            ++d; // A break the renderer added.
        } else {
            positions[s++] = d++; // Should not happen: keep going, one for one.
        }
    }
    positions[text.size()] = d;
    return positions;
}

} // namespace

AnnotationPane::AnnotationPane(ConclusionPane *pane, const AnnotationTags &tags, QObject *parent)
    : QObject(parent), m_pane(pane), m_tags(tags)
{
    connect(m_pane, &ConclusionPane::rendered, this, &AnnotationPane::draw);
    m_pane->viewport()->installEventFilter(this);
}

QColor AnnotationPane::colour(const QString &tag)
{
    static const QHash<QString, QColor> colours = {
        { QStringLiteral("key_finding"), QColor(0xb7, 0xe4, 0xb0) },
        { QStringLiteral("overstated"), QColor(0xff, 0xc6, 0x8a) },
        { QStringLiteral("population_mismatch"), QColor(0xd9, 0xc5, 0xf2) },
        { QStringLiteral("surrogate_outcome"), QColor(0xb9, 0xd7, 0xf5) },
        { QStringLiteral("small_sample"), QColor(0xa8, 0xe6, 0xdf) },
        { QStringLiteral("industry_link"), QColor(0xf7, 0xb3, 0xb3) },
        { QStringLiteral("needs_check"), QColor(0xff, 0xe7, 0x80) },
    };
    return colours.value(tag, QColor(0xdd, 0xdd, 0xdd));
}

void AnnotationPane::setAnnotations(const QString &studyId, const QVector<ResolvedAnnotation> &annotations)
{
    m_studyId = studyId;
    m_annotations = annotations;
    // Drawing changes the document: render afresh, then draw (ConclusionPane::rendered).
    if (m_pane->model()->study() && m_pane->model()->study()->id == studyId)
        m_pane->rerender();
}

void AnnotationPane::mapConclusions()
{
    m_positions.clear();
    const std::optional<Study> &study = m_pane->model()->study();
    if (!study)
        return;
    const QTextDocument *document = m_pane->document();
    for (int n = 1; n <= study->conclusions.size(); ++n) {
        const int start = anchorPosition(document, conclusionAnchor(n));
        if (start >= 0)
            m_positions.insert(n, alignText(document, start, study->conclusions.at(n - 1).text));
    }
}

QString AnnotationPane::tooltip(const ResolvedAnnotation &r) const
{
    const Annotation &a = r.annotation;
    QString html = QStringLiteral("<b>%1</b> · %2 · %3").arg(m_tags.label(a.tag).toHtmlEscaped(), a.author.toHtmlEscaped(),
        a.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    if (r.anchor.status == AnchorStatus::Fuzzy)
        html += tr("<br><i>The text changed since: it read “%1”.</i>").arg(a.quote.exact.toHtmlEscaped());
    if (!a.note.trimmed().isEmpty()) {
        QTextDocument note;
        note.setMarkdown(a.note);
        // The body of the rendered note (Qt's tooltips take rich text).
        QString body = note.toHtml();
        body = body.mid(body.indexOf(QStringLiteral("<body")));
        html += QStringLiteral("<hr>") + body;
    }
    return html;
}

void AnnotationPane::draw()
{
    if (m_drawing)
        return;
    m_drawing = true;
    m_orphaned.clear();
    mapConclusions();
    const std::optional<Study> &study = m_pane->model()->study();
    if (!study || study->id != m_studyId) {
        m_drawing = false;
        return;
    }
    QTextDocument *document = m_pane->document();
    QVector<const ResolvedAnnotation *> orphans;
    for (const ResolvedAnnotation &r : std::as_const(m_annotations)) {
        if (r.annotation.deleted || r.annotation.target.kind != AnnotationTarget::Kind::Conclusion)
            continue;
        const auto positions = m_positions.constFind(r.conclusion);
        if (!r.anchor.isAnchored() || positions == m_positions.cend() || r.anchor.end >= positions->size()) {
            orphans.append(&r);
            m_orphaned.append(r.annotation.id);
            continue;
        }
        QTextCursor cursor(document);
        cursor.setPosition(positions->at(r.anchor.start));
        cursor.setPosition(positions->at(r.anchor.end), QTextCursor::KeepAnchor);
        QTextCharFormat format;
        format.setBackground(colour(r.annotation.tag));
        // Not by colour alone: underlined too, and the tooltip says the tag in words.
        format.setFontUnderline(true);
        format.setUnderlineColor(colour(r.annotation.tag).darker(170));
        format.setToolTip(tooltip(r));
        format.setProperty(kAnnotationIdProperty, r.annotation.id);
        cursor.mergeCharFormat(format);
    }
    if (!orphans.isEmpty()) {
        // Never dropped: what can no longer be found in the text is listed with its quote.
        QString html = tr("<h3 style=\"color:#1d3b5a;\">Orphaned annotations</h3><p style=\"color:#5a6370;\">The "
                          "conclusion no longer contains these words; the annotations are kept as they were.</p>");
        for (const ResolvedAnnotation *r : std::as_const(orphans)) {
            const Annotation &a = r->annotation;
            html += QStringLiteral("<p><span style=\"background-color:%1;\">“%2”</span><br><b>%3</b> · %4 · %5</p>")
                        .arg(colour(a.tag).name(), a.quote.exact.toHtmlEscaped(), m_tags.label(a.tag).toHtmlEscaped(),
                            a.author.toHtmlEscaped(), a.note.simplified().toHtmlEscaped());
        }
        QTextCursor end(document);
        end.movePosition(QTextCursor::End);
        end.insertBlock();
        end.insertHtml(html);
    }
    m_drawing = false;
}

std::optional<AnnotationPane::Span> AnnotationPane::selectedSpan() const
{
    const QTextCursor cursor = m_pane->textCursor();
    if (!cursor.hasSelection())
        return std::nullopt;
    const int from = cursor.selectionStart();
    const int to = cursor.selectionEnd();
    const std::optional<Study> &study = m_pane->model()->study();
    if (!study)
        return std::nullopt;
    for (auto it = m_positions.cbegin(); it != m_positions.cend(); ++it) {
        const QVector<int> &positions = *it;
        if (from < positions.first() || to > positions.last())
            continue;
        // The first character at or after the selection's start, the last before its end.
        const int start = int(std::lower_bound(positions.cbegin(), positions.cend(), from) - positions.cbegin());
        const int end = int(std::lower_bound(positions.cbegin(), positions.cend(), to) - positions.cbegin());
        const QString &text = study->conclusions.at(it.key() - 1).text;
        if (end <= start || end > text.size())
            return std::nullopt;
        return Span { it.key(), start, end, text.mid(start, end - start) };
    }
    return std::nullopt;
}

bool AnnotationPane::selectSpan(int conclusion, int start, int end)
{
    const auto positions = m_positions.constFind(conclusion);
    if (positions == m_positions.cend() || start < 0 || end >= positions->size() || end <= start)
        return false;
    QTextCursor cursor(m_pane->document());
    cursor.setPosition(positions->at(start));
    cursor.setPosition(positions->at(end), QTextCursor::KeepAnchor);
    m_pane->setTextCursor(cursor);
    return true;
}

QString AnnotationPane::annotationAt(const QPoint &viewportPos) const
{
    const QTextCursor cursor = m_pane->cursorForPosition(viewportPos);
    // The format left of the cursor is the character under the point.
    QTextCursor right = cursor;
    right.movePosition(QTextCursor::NextCharacter);
    const QVariant id = right.charFormat().property(kAnnotationIdProperty);
    return id.isValid() ? id.toString() : cursor.charFormat().property(kAnnotationIdProperty).toString();
}

bool AnnotationPane::scrollTo(const QString &annotationId)
{
    for (const ResolvedAnnotation &r : std::as_const(m_annotations)) {
        if (r.annotation.id != annotationId)
            continue;
        if (!selectSpan(r.conclusion, r.anchor.start, r.anchor.end))
            return false;
        m_pane->ensureCursorVisible();
        return true;
    }
    return false;
}

QStringList AnnotationPane::drawnIds() const
{
    QStringList ids;
    for (QTextBlock block = m_pane->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QString id = it.fragment().charFormat().property(kAnnotationIdProperty).toString();
            if (!id.isEmpty() && !ids.contains(id))
                ids.append(id);
        }
    }
    return ids;
}

bool AnnotationPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_pane->viewport() && event->type() == QEvent::MouseButtonRelease) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton && !m_pane->textCursor().hasSelection()) {
            const QString id = annotationAt(mouse->position().toPoint());
            for (const ResolvedAnnotation &r : std::as_const(m_annotations)) {
                if (!id.isEmpty() && r.annotation.id == id) {
                    // A click shows the note at once (hovering shows it too, as a tooltip).
                    QToolTip::showText(mouse->globalPosition().toPoint(), tooltip(r), m_pane);
                    Q_EMIT annotationClicked(id);
                    break;
                }
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace mgreview::gui
