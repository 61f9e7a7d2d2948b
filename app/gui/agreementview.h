#pragma once

#include "review/agreement.h"

#include <QVector>
#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace mgreview::gui {

class AgreementModel;

/// The Agreement dock's content: for a chosen pair of reviewers, the number of studies
/// both assessed, percent agreement, Cohen's kappa with its 95 % confidence interval (all
/// computed by core, review/agreement.h) and the 3×3 table of their values.
class AgreementView : public QWidget
{
    Q_OBJECT

public:
    explicit AgreementView(QWidget *parent = nullptr);

    /// Every pair with studies in common (ReviewService::agreement); keeps the chosen pair.
    void setPairs(const QVector<PairAgreement> &pairs);
    void setError(const QString &error);

    QComboBox *pairBox() const { return m_pairs; }
    QLabel *statistics() const { return m_statistics; }
    AgreementModel *model() const { return m_model; }

    /// "0.68 (95 % CI 0.54 to 0.82)" or why kappa is not defined; shared with tests.
    static QString kappaText(const KappaEstimate &estimate);

private:
    void showPair(int index);

    QVector<PairAgreement> m_data;
    QComboBox *m_pairs;
    QLabel *m_statistics;
    AgreementModel *m_model;
    QTableView *m_table;
};

} // namespace mgreview::gui
