#include "agreementview.h"

#include "agreementmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace mgreview::gui {

namespace {

QString number(double value, int decimals)
{
    // A real minus sign: "−0.12" reads as negative at a glance.
    QString text = QLocale().toString(value, 'f', decimals);
    if (text.startsWith(u'-'))
        text.replace(0, 1, QChar(0x2212));
    return text;
}

} // namespace

AgreementView::AgreementView(QWidget *parent) : QWidget(parent), m_model(new AgreementModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 6);
    auto *top = new QHBoxLayout;
    auto *label = new QLabel(tr("&Reviewers:"), this);
    m_pairs = new QComboBox(this);
    m_pairs->setObjectName(QStringLiteral("agreementPair"));
    m_pairs->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    label->setBuddy(m_pairs);
    top->addWidget(label);
    top->addWidget(m_pairs);
    top->addStretch(1);
    layout->addLayout(top);

    auto *body = new QHBoxLayout;
    m_statistics = new QLabel(this);
    m_statistics->setObjectName(QStringLiteral("agreementStatistics"));
    m_statistics->setTextFormat(Qt::RichText);
    m_statistics->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statistics->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_statistics->setWordWrap(true);
    body->addWidget(m_statistics, 2);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("agreementTable"));
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setAccessibleName(tr("Agreement table"));
    body->addWidget(m_table, 3);
    layout->addLayout(body, 1);

    connect(m_pairs, &QComboBox::currentIndexChanged, this, &AgreementView::showPair);
    setPairs({});
}

QString AgreementView::kappaText(const KappaEstimate &e)
{
    if (e.n == 0)
        return tr("not defined (no studies in common)");
    if (!e.kappa)
        return tr("not defined (both reviewers gave every study the same value)");
    QString text = number(*e.kappa, 2);
    if (e.ciLow && e.ciHigh)
        text += tr(" (95 % CI %1 to %2)").arg(number(*e.ciLow, 2), number(*e.ciHigh, 2));
    return text;
}

void AgreementView::setPairs(const QVector<PairAgreement> &pairs)
{
    const QString chosen = m_pairs->currentData().toString();
    m_data = pairs;
    const QSignalBlocker blocker(m_pairs);
    m_pairs->clear();
    for (const PairAgreement &p : pairs)
        m_pairs->addItem(p.estimate.n == 1
                ? tr("%1 × %2 (1 study)").arg(p.first, p.second)
                : tr("%1 × %2 (%3 studies)").arg(p.first, p.second, QString::number(p.estimate.n)),
            QStringLiteral("%1\n%2").arg(p.first, p.second));
    m_pairs->setEnabled(!pairs.isEmpty());
    int keep = m_pairs->findData(chosen);
    if (keep < 0) {
        // First time: the pair with the most studies in common says the most.
        for (int i = 0; i < pairs.size(); ++i) {
            if (keep < 0 || pairs.at(i).estimate.n > pairs.at(keep).estimate.n)
                keep = i;
        }
    }
    m_pairs->setCurrentIndex(keep);
    showPair(m_pairs->currentIndex());
}

void AgreementView::setError(const QString &error)
{
    m_statistics->setText(tr("Agreement could not be computed: %1").arg(error.toHtmlEscaped()));
}

void AgreementView::showPair(int index)
{
    if (index < 0 || index >= m_data.size()) {
        m_model->clear();
        m_statistics->setText(tr("No two reviewers have assessed the same study yet. Agreement is computed over "
                                 "the studies that both reviewers of a pair have judged."));
        return;
    }
    const PairAgreement &p = m_data.at(index);
    m_model->setAgreement(p);
    const KappaEstimate &e = p.estimate;
    QString html
        = tr("<b>%1</b> (rows) and <b>%2</b> (columns)").arg(p.first.toHtmlEscaped(), p.second.toHtmlEscaped());
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\" style=\"margin-top:6px;\">");
    const auto row = [&](const QString &label, const QString &value) {
        html
            += QStringLiteral("<tr><td style=\"padding-right:12px;\">%1</td><td><b>%2</b></td></tr>").arg(label, value);
    };
    row(tr("Studies both assessed"), QString::number(e.n));
    row(tr("Percent agreement"),
        e.n == 0 ? tr("—") : tr("%1 % (%2 of %3)").arg(number(100.0 * e.observed, 1)).arg(e.agreed).arg(e.n));
    row(tr("Cohen's kappa"), kappaText(e).toHtmlEscaped());
    row(tr("Chance agreement (p<sub>e</sub>)"), e.n == 0 ? tr("—") : number(e.expected, 3));
    html += QStringLiteral("</table>");
    html += tr("<p style=\"color:#5a6370;\">Values only (the link type is not compared); each reviewer's standing "
               "judgement. 95 % CI: κ ± 1.96 SE (Fleiss, Cohen &amp; Everitt 1969).</p>");
    m_statistics->setText(html);
}

} // namespace mgreview::gui
