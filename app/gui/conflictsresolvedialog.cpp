#include "conflictsresolvedialog.h"

#include "reviewvaluefields.h"

#include "model/vocabulary.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace mgreview::gui {

namespace {

QString judgementHtml(const Judgement &j)
{
    const Vocabularies &v = Vocabularies::builtin();
    QString value = v.independence.label(j.content.value);
    if (!j.content.link.isEmpty())
        value += QStringLiteral(" — ") + v.industryLink.label(j.content.link);
    QString html = ConflictsResolveDialog::tr("<b>%1</b>: %2 <span style=\"color:#5a6370;\">(%3)</span><br>Reason: %4")
                       .arg(j.reviewer.toHtmlEscaped(), value.toHtmlEscaped(),
                           j.recordedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")),
                           j.content.reason.toHtmlEscaped());
    if (!j.content.evidence.isEmpty())
        html += ConflictsResolveDialog::tr("<br>Evidence: “%1”").arg(j.content.evidence.toHtmlEscaped());
    return html;
}

} // namespace

ConflictsResolveDialog::ConflictsResolveDialog(
    const Conflict &conflict, const QString &citation, const QString &resolver, QWidget *parent)
    : QDialog(parent), m_studyId(conflict.studyId)
{
    setObjectName(QStringLiteral("resolveDialog"));
    setWindowTitle(tr("Resolve — %1").arg(conflict.studyId));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(
        tr("<span style=\"font-size:large; font-weight:600;\">%1</span> (%2)")
            .arg((citation.isEmpty() ? conflict.studyId : citation).toHtmlEscaped(), conflict.studyId.toHtmlEscaped()),
        this);
    layout->addWidget(title);

    auto *said = new QGroupBox(tr("What the reviewers said"), this);
    auto *saidLayout = new QVBoxLayout(said);
    QStringList parts;
    bool judgedIt = false;
    for (const Judgement &j : conflict.judgements) {
        parts.append(judgementHtml(j));
        judgedIt = judgedIt || j.reviewer.compare(resolver, Qt::CaseInsensitive) == 0;
    }
    auto *judgements = new QLabel(parts.join(QStringLiteral("<br><br>")), said);
    judgements->setObjectName(QStringLiteral("conflictJudgements"));
    judgements->setWordWrap(true);
    judgements->setTextInteractionFlags(Qt::TextSelectableByMouse);
    saidLayout->addWidget(judgements);
    layout->addWidget(said);

    auto *box = new QGroupBox(tr("Resolution"), this);
    auto *form = new QFormLayout(box);
    m_value = new ReviewValueFields(box);
    form->addRow(tr("Funding is:"), m_value);
    m_reason = new QPlainTextEdit(box);
    m_reason->setObjectName(QStringLiteral("resolutionReason"));
    m_reason->setTabChangesFocus(true);
    m_reason->setPlaceholderText(tr("How the disagreement was settled and why (required)"));
    m_reason->setMaximumHeight(m_reason->fontMetrics().lineSpacing() * 4 + 14);
    form->addRow(tr("&Reason:"), m_reason);
    m_method = new QButtonGroup(this);
    m_consensus = new QRadioButton(tr("&Consensus — the reviewers agreed after discussion"), box);
    m_consensus->setObjectName(QStringLiteral("method-consensus"));
    m_third = new QRadioButton(tr("&Third reviewer — decided by a reviewer who did not judge the study"), box);
    m_third->setObjectName(QStringLiteral("method-third-reviewer"));
    m_method->addButton(m_consensus);
    m_method->addButton(m_third);
    m_consensus->setChecked(true);
    if (judgedIt) {
        m_third->setEnabled(false);
        m_third->setToolTip(tr("You judged this study, so you cannot be its third reviewer."));
    }
    auto *methods = new QVBoxLayout;
    methods->addWidget(m_consensus);
    methods->addWidget(m_third);
    form->addRow(tr("Method:"), methods);
    m_problem = new QLabel(box);
    m_problem->setObjectName(QStringLiteral("resolutionProblem"));
    m_problem->setWordWrap(true);
    form->addRow(QString(), m_problem);
    layout->addWidget(box, 1);

    auto *buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(tr("&Record resolution"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("saveResolution"));
    m_save->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (!problem().isEmpty())
            return;
        m_saving = true;
        validate();
        Q_EMIT resolveRequested(m_studyId, content());
    });
    connect(m_value, &ReviewValueFields::changed, this, &ConflictsResolveDialog::validate);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &ConflictsResolveDialog::validate);
    connect(m_method, &QButtonGroup::buttonToggled, this, &ConflictsResolveDialog::validate);
    resize(700, 560);
    validate();
}

ResolutionContent ConflictsResolveDialog::content() const
{
    ResolutionContent c;
    c.value = m_value->value();
    c.link = m_value->link();
    c.reason = m_reason->toPlainText().trimmed();
    c.method = m_third->isChecked() ? QStringLiteral("third-reviewer") : QStringLiteral("consensus");
    return c;
}

QString ConflictsResolveDialog::problem() const
{
    const ResolutionContent c = content();
    if (c.value.isEmpty())
        return tr("Choose independent, industry-linked or unclear.");
    return validateResolution(c);
}

void ConflictsResolveDialog::validate()
{
    const QString issue = problem();
    m_problem->setText(issue.isEmpty() ? QString() : tr("To save: %1").arg(issue));
    m_save->setEnabled(issue.isEmpty() && !m_saving);
}

void ConflictsResolveDialog::showSaveError(const QString &error)
{
    m_saving = false;
    m_problem->setText(tr("Not saved: %1").arg(error));
    m_save->setEnabled(problem().isEmpty());
}

} // namespace mgreview::gui
