#pragma once

#include <QTextBrowser>

namespace mgreview {
class StudyDetailModel;
}

namespace mgreview::gui {

/// The per-study conclusion pane: a read-only rendering of a StudyDetailModel.
///
/// It re-renders whenever the model changes, so whatever sets the study (a selection, a
/// reload) needs no knowledge of the pane. Links open in the user's browser.
class ConclusionPane : public QTextBrowser
{
    Q_OBJECT

public:
    explicit ConclusionPane(StudyDetailModel *model, QWidget *parent = nullptr);

    /// Replaces the content with a message (no study, library opening, an error).
    void showMessage(const QString &message);
    /// Scrolls so a section's heading ("rules", "funding", …) is at the top; false when
    /// the study has no such section.
    bool scrollToSection(const QString &sectionId);
    StudyDetailModel *model() const { return m_model; }
    /// Renders the model again, keeping the reader's place (overlays such as highlights
    /// redraw on rendered()).
    void rerender();

Q_SIGNALS:
    /// The pane now shows the model's current content.
    void rendered();

private:
    void render();
    void openLink(const QUrl &url);

    StudyDetailModel *m_model;
};

} // namespace mgreview::gui
