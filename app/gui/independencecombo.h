#pragma once

#include "library/studyfilter.h"

#include <QComboBox>

namespace mgreview {
class StudyTableModel;
}

namespace mgreview::gui {

/// The funding-independence filter: All / Independent only / Industry-linked only / Unclear,
/// each with the number of studies it would show given the current search.
class IndependenceCombo : public QComboBox
{
    Q_OBJECT

public:
    explicit IndependenceCombo(StudyTableModel *model, QWidget *parent = nullptr);

    IndependenceFilter currentFilter() const;
    /// Selects a filter and applies it to the model.
    void setCurrentFilter(IndependenceFilter filter);

Q_SIGNALS:
    void filterChanged(mgreview::IndependenceFilter filter);

private:
    void apply();
    void updateCounts();

    StudyTableModel *m_model;
};

} // namespace mgreview::gui
