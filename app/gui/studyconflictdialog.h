#pragma once

#include "model/study.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace mgreview::gui {

class StudyConflictModel;

/// Shown when a save of a study met a version conflict (StudyStore::update(study,
/// expectedVersion)): someone saved the study after I opened it, and nothing of mine was
/// written. Lists the fields where their saved version and my edit differ, side by side,
/// and offers: Keep theirs (drop my edit), Keep mine (save my edit over theirs), or Merge
/// field by field (save with the value checked in each row). The caller saves against the
/// version the conflict reported, so a third save in between is detected again.
class StudyConflictDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Choice { None, KeepTheirs, KeepMine, Merge };

    /// `who`: how the study is named ("Garrison 2020"); `theirVersion`: the saved version.
    StudyConflictDialog(const QString &who, const Study &base, const Study &mine, const Study &theirs,
                        int theirVersion, QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }
    /// The study to save for the choice (mine, or mine with the fields kept from theirs);
    /// nullopt for Keep theirs and on a record that cannot be built (see error()).
    std::optional<Study> result() const;
    QString error() const { return m_error; }
    int theirVersion() const { return m_theirVersion; }

    // For tests and screenshots.
    StudyConflictModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QPushButton *keepTheirsButton() const { return m_keepTheirs; }
    QPushButton *keepMineButton() const { return m_keepMine; }
    QPushButton *mergeButton() const { return m_merge; }

private:
    void choose(Choice choice);

    Study m_mine;
    Study m_theirs;
    int m_theirVersion;
    Choice m_choice = Choice::None;
    mutable QString m_error;
    StudyConflictModel *m_model;
    QTableView *m_table;
    QPushButton *m_keepTheirs;
    QPushButton *m_keepMine;
    QPushButton *m_merge;
};

} // namespace mgreview::gui
