#pragma once

#include <QTableView>

namespace mgreview {
class StudyTableModel;
}

namespace mgreview::gui {

/// The study table: one row per study, sorted by clicking a header (the model sorts),
/// keyboard navigable, and the current row names the study the pane shows.
class StudyTableView : public QTableView
{
    Q_OBJECT

public:
    explicit StudyTableView(StudyTableModel *model, QWidget *parent = nullptr);

    /// The id of the current row's study, or empty.
    QString currentStudyId() const;
    /// Makes a study the current row; false when it is not visible.
    bool selectStudy(const QString &id);
    /// Moves the focus here, selecting the first row if none is current.
    void focusResults();
    /// Applies the default column widths (before any saved header state is restored).
    void applyDefaultColumns();

Q_SIGNALS:
    /// The user (or selectStudy) moved to another study; empty when none.
    void currentStudyChanged(const QString &id);

protected:
    bool viewportEvent(QEvent *event) override;

private:
    void restoreCurrent();

    StudyTableModel *m_model;
    QString m_current; ///< Kept across model resets (search, filter) to reselect the study.
};

} // namespace mgreview::gui
