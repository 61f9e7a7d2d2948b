#pragma once

#include <QString>

class QAbstractItemModel;

namespace mgreview::gui {

/// Renders a StudyDetailModel (sections of entries) as the HTML the conclusion pane shows.
///
/// Everything comes from the model's roles, never from the Study, so the pane shows exactly
/// what the model says. All text is HTML-escaped; not-verified facts carry a visible
/// "not verified" badge with the reason in words (never colour alone).
QString studyDetailHtml(const QAbstractItemModel &model);

/// The text shown when no study is selected.
QString emptyPaneHtml(const QString &message);

} // namespace mgreview::gui
