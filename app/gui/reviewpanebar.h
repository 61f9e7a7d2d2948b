#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QToolButton;

namespace mgreview::gui {

/// The strip above the conclusion pane: where the signed-in reviewer stands on the shown
/// study ("Your judgement: Independent") and the "Assess funding…" button.
class ReviewPaneBar : public QWidget
{
    Q_OBJECT

public:
    ReviewPaneBar(QAction *assess, QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const;
    QToolButton *assessButton() const { return m_button; }

private:
    QLabel *m_label;
    QToolButton *m_button;
};

} // namespace mgreview::gui
