#include "independencecombo.h"

#include "models/studytablemodel.h"

namespace mgreview::gui {

namespace {
constexpr IndependenceFilter kFilters[] = { IndependenceFilter::All, IndependenceFilter::Independent,
    IndependenceFilter::IndustryLinked, IndependenceFilter::Unclear };
}

IndependenceCombo::IndependenceCombo(StudyTableModel *model, QWidget *parent) : QComboBox(parent), m_model(model)
{
    for (const IndependenceFilter filter : kFilters)
        addItem(QString(), int(filter));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setToolTip(tr("Funding independence filter. Independent: public or academic funding, no manufacturer role.\n"
                  "Industry-linked: a manufacturer funded, supplied or ran the study, or paid an author.\n"
                  "Unclear: funding not reported or not verified."));
    setAccessibleName(tr("Funding independence filter"));
    updateCounts();
    connect(this, &QComboBox::activated, this, &IndependenceCombo::apply);
    connect(m_model, &StudyTableModel::visibleStudiesChanged, this, &IndependenceCombo::updateCounts);
}

IndependenceFilter IndependenceCombo::currentFilter() const
{
    return IndependenceFilter(currentData().toInt());
}

void IndependenceCombo::setCurrentFilter(IndependenceFilter filter)
{
    setCurrentIndex(findData(int(filter)));
    apply();
}

void IndependenceCombo::apply()
{
    StudyFilter filter = m_model->filter();
    if (filter.independence == currentFilter())
        return;
    filter.independence = currentFilter();
    m_model->setFilter(filter);
    Q_EMIT filterChanged(filter.independence);
}

void IndependenceCombo::updateCounts()
{
    const StudyTableModel::IndependenceCounts counts = m_model->independenceCounts();
    for (int i = 0; i < count(); ++i) {
        switch (IndependenceFilter(itemData(i).toInt())) {
        case IndependenceFilter::All:
            setItemText(i, tr("All studies (%1)").arg(counts.all));
            break;
        case IndependenceFilter::Independent:
            setItemText(i, tr("Independent only (%1)").arg(counts.independent));
            break;
        case IndependenceFilter::IndustryLinked:
            setItemText(i, tr("Industry-linked only (%1)").arg(counts.industryLinked));
            break;
        case IndependenceFilter::Unclear:
            setItemText(i, tr("Unclear (%1)").arg(counts.unclear));
            break;
        }
    }
}

} // namespace mgreview::gui
