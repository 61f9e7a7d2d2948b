#pragma once

#include <QString>

class QAbstractItemModel;

namespace mgreview::gui {

/// Renders a StudyDetailModel (sections of entries) as the HTML the conclusion pane shows.
///
/// Everything comes from the model's roles, never from the Study, so the pane shows exactly
/// what the model says. All text is HTML-escaped; not-verified facts carry a visible
/// "not verified" badge with the reason in words (never colour alone). A rule's matched
/// text is highlighted with a background and bold underlined type (readable in greyscale);
/// outranked rule suggestions are grey and say "outranked".
QString studyDetailHtml(const QAbstractItemModel &model);

/// The anchor name of a section's heading ("section-rules").
QString sectionAnchor(const QString &sectionId);

/// The anchor name at the start of the text of conclusion `number` (from 1), in study order.
QString conclusionAnchor(int number);

/// The text shown when no study is selected.
QString emptyPaneHtml(const QString &message);

} // namespace mgreview::gui
