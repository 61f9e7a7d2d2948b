#include "assessdialog.h"

#include "reviewcontroller.h"
#include "reviewvaluefields.h"

#include "model/vocabulary.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace mgreview::gui {

namespace {

QString valueLabel(const QString &value, const QString &link)
{
    const Vocabularies &v = Vocabularies::builtin();
    QString text = v.independence.label(value);
    if (!link.isEmpty())
        text += QStringLiteral(" — ") + v.industryLink.label(link);
    return text;
}

QString dateOf(const QDateTime &at)
{
    return at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QString evidencePlace(const QString &source)
{
    if (source == QLatin1String(EvidenceSource::FundingStatement))
        return AssessDialog::tr("the funding statement");
    if (source == QLatin1String(EvidenceSource::CoiStatement))
        return AssessDialog::tr("the conflict-of-interest statement");
    if (source == QLatin1String(EvidenceSource::FundingNotes))
        return AssessDialog::tr("the funding notes");
    return {};
}

/// One judgement as a paragraph of rich text (escaped).
QString judgementHtml(const Judgement &j)
{
    QString html = AssessDialog::tr("<b>%1</b>: %2 <span style=\"color:#5a6370;\">(%3)</span><br>Reason: %4")
                       .arg(j.reviewer.toHtmlEscaped(), valueLabel(j.content.value, j.content.link).toHtmlEscaped(),
                           dateOf(j.recordedAt), j.content.reason.toHtmlEscaped());
    if (!j.content.evidence.isEmpty())
        html += AssessDialog::tr("<br>Evidence: “%1”").arg(j.content.evidence.toHtmlEscaped());
    return html;
}

QPlainTextEdit *makeStatementView(QWidget *parent, const QString &name)
{
    auto *view = new QPlainTextEdit(parent);
    view->setObjectName(name);
    view->setReadOnly(true);
    view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    view->setTabChangesFocus(true);
    view->setFixedHeight(view->fontMetrics().lineSpacing() * 2 + 14);
    return view;
}

} // namespace

AssessDialog::AssessDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("assessDialog"));
    setWindowTitle(tr("Assess funding"));
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("assessTitle"));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::RichText);
    layout->addWidget(m_title);
    layout->addWidget(buildStatements());
    layout->addWidget(buildOthers());
    layout->addWidget(buildJudgement());
    layout->addStretch(1);

    auto *buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(tr("&Save judgement"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("saveJudgement"));
    m_save->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (!problem().isEmpty())
            return;
        m_saving = true;
        validate();
        Q_EMIT saveRequested(m_studyId, content());
    });
    resize(820, 640);
    validate();
}

QWidget *AssessDialog::buildStatements()
{
    auto *box = new QGroupBox(tr("What the study says about its funding"), this);
    auto *form = new QFormLayout(box);
    const char *names[] = { "fundingStatement", "coiStatement", "fundingNotes" };
    const QString labels[] = { tr("Funding statement:"), tr("Conflicts of interest:"), tr("What is known:") };
    for (int i = 0; i < 3; ++i) {
        m_statements[i] = makeStatementView(box, QString::fromLatin1(names[i]));
        m_statementLabels[i] = new QLabel(labels[i], box);
        m_statementLabels[i]->setBuddy(m_statements[i]);
        form->addRow(m_statementLabels[i], m_statements[i]);
        connect(m_statements[i], &QPlainTextEdit::selectionChanged, this, [this, i] {
            if (m_statements[i]->textCursor().hasSelection())
                m_lastSelected = m_statements[i];
            m_useSelection->setEnabled(m_lastSelected && m_lastSelected->textCursor().hasSelection());
        });
    }
    m_record = new QLabel(box);
    m_record->setObjectName(QStringLiteral("recordLine"));
    m_record->setWordWrap(true);
    m_record->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("In the record:"), m_record);
    m_rules = new QLabel(box);
    m_rules->setObjectName(QStringLiteral("rulesLine"));
    m_rules->setWordWrap(true);
    m_rules->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("The rules suggest:"), m_rules);
    return box;
}

QWidget *AssessDialog::buildOthers()
{
    auto *box = new QGroupBox(tr("Other reviewers"), this);
    auto *layout = new QHBoxLayout(box);
    m_others = new QLabel(box);
    m_others->setObjectName(QStringLiteral("othersText"));
    m_others->setWordWrap(true);
    m_others->setTextFormat(Qt::RichText);
    m_others->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_others, 1);
    m_reveal = new QPushButton(tr("Show other reviewers' judgements (this is logged)"), box);
    m_reveal->setObjectName(QStringLiteral("revealOthers"));
    m_reveal->setToolTip(tr("Looking before you record your own judgement is written to the audit log, "
                            "so that agreement statistics can be read with that in mind."));
    m_reveal->hide();
    layout->addWidget(m_reveal, 0, Qt::AlignTop);
    connect(m_reveal, &QPushButton::clicked, this, [this] {
        m_reveal->setEnabled(false);
        Q_EMIT revealRequested(m_studyId);
    });
    return box;
}

QWidget *AssessDialog::buildJudgement()
{
    auto *box = new QGroupBox(tr("Your judgement"), this);
    auto *form = new QFormLayout(box);
    m_previous = new QLabel(box);
    m_previous->setObjectName(QStringLiteral("previousJudgement"));
    m_previous->setWordWrap(true);
    m_previous->setTextFormat(Qt::RichText);
    form->addRow(m_previous);

    m_value = new ReviewValueFields(box);
    form->addRow(tr("Funding is:"), m_value);

    m_reason = new QPlainTextEdit(box);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setTabChangesFocus(true);
    m_reason->setPlaceholderText(tr("Why, in a sentence a colleague can check (required)"));
    m_reason->setFixedHeight(m_reason->fontMetrics().lineSpacing() * 3 + 14);
    form->addRow(tr("&Reason:"), m_reason);

    m_evidence = new QPlainTextEdit(box);
    m_evidence->setObjectName(QStringLiteral("evidence"));
    m_evidence->setTabChangesFocus(true);
    m_evidence->setPlaceholderText(tr("The words of the statement that show it, verbatim (optional)"));
    m_evidence->setFixedHeight(m_evidence->fontMetrics().lineSpacing() * 2 + 14);
    auto *evidenceRow = new QHBoxLayout;
    evidenceRow->addWidget(m_evidence, 1, Qt::AlignTop);
    auto *evidenceSide = new QVBoxLayout;
    m_useSelection = new QPushButton(tr("&Use selection as evidence"), box);
    m_useSelection->setObjectName(QStringLiteral("useSelection"));
    m_useSelection->setToolTip(tr("Select words in a statement above, then press this to quote them exactly."));
    m_useSelection->setEnabled(false);
    evidenceSide->addWidget(m_useSelection);
    auto *pageRow = new QHBoxLayout;
    m_page = new QSpinBox(box);
    m_page->setObjectName(QStringLiteral("page"));
    m_page->setRange(0, 99999);
    m_page->setSpecialValueText(tr("none"));
    m_page->setToolTip(tr("The page of the full text the quote is from, when it is not from the statements above."));
    auto *pageLabel = new QLabel(tr("&Page:"), box);
    pageLabel->setBuddy(m_page);
    pageRow->addWidget(pageLabel);
    pageRow->addWidget(m_page);
    pageRow->addStretch(1);
    evidenceSide->addLayout(pageRow);
    evidenceRow->addLayout(evidenceSide);
    auto *evidenceLabel = new QLabel(tr("&Evidence:"), box);
    evidenceLabel->setBuddy(m_evidence);
    form->addRow(evidenceLabel, evidenceRow);

    m_evidenceStatus = new QLabel(box);
    m_evidenceStatus->setObjectName(QStringLiteral("evidenceStatus"));
    m_evidenceStatus->setWordWrap(true);
    form->addRow(QString(), m_evidenceStatus);
    m_problem = new QLabel(box);
    m_problem->setObjectName(QStringLiteral("judgementProblem"));
    m_problem->setWordWrap(true);
    form->addRow(QString(), m_problem);

    connect(m_useSelection, &QPushButton::clicked, this, &AssessDialog::useSelection);
    connect(m_value, &ReviewValueFields::changed, this, &AssessDialog::validate);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &AssessDialog::validate);
    connect(m_evidence, &QPlainTextEdit::textChanged, this, &AssessDialog::validate);
    connect(m_page, &QSpinBox::valueChanged, this, &AssessDialog::validate);
    return box;
}

void AssessDialog::setLoading(const QString &studyId)
{
    m_studyId = studyId;
    m_study.reset();
    m_title->setText(tr("Reading %1…").arg(studyId.toHtmlEscaped()));
    validate();
}

void AssessDialog::setData(const AssessmentData &assessment, const QString &reviewer)
{
    m_answered = true;
    if (!assessment.study) {
        qWarning("Assess funding: %s: %s", qUtf8Printable(m_studyId), qUtf8Printable(assessment.error));
        m_title->setText(
            tr("<b>%1</b> could not be read: %2").arg(m_studyId.toHtmlEscaped(), assessment.error.toHtmlEscaped()));
        return;
    }
    const bool first = !m_study || m_study->id != assessment.study->id;
    m_study = assessment.study;
    m_studyId = assessment.study->id;
    const Study &s = *m_study;
    m_title->setText(tr("<span style=\"font-size:large; font-weight:600;\">%1</span><br>%2 <span "
                        "style=\"color:#5a6370;\">(%3)</span>")
                         .arg(s.citation.title.toHtmlEscaped(), s.citation.text.toHtmlEscaped(), s.id.toHtmlEscaped()));
    setWindowTitle(tr("Assess funding — %1").arg(s.id));
    fillStatements(s);
    fillRecordLine(s, assessment.suggestions);
    fillOthers(assessment.visible, reviewer);

    // The reviewer's own standing judgement: shown, and the starting point of the form.
    const Judgement *own = nullptr;
    for (const Judgement &j : assessment.visible.judgements) {
        if (j.reviewer.compare(reviewer, Qt::CaseInsensitive) == 0)
            own = &j;
    }
    if (own) {
        m_previous->setText(
            tr("Your judgement of %1: <b>%2</b>. Saving records a new one; the earlier one stays "
               "in the history.")
                .arg(dateOf(own->recordedAt), valueLabel(own->content.value, own->content.link).toHtmlEscaped()));
        if (first) {
            m_value->setValue(own->content.value, own->content.link);
            m_reason->setPlainText(own->content.reason);
            m_evidence->setPlainText(own->content.evidence);
            m_page->setValue(own->content.page.value_or(0));
        }
    } else {
        m_previous->setText(tr("You have not judged this study yet."));
    }
    validate();
    if (first) {
        // As tall as the statements need at this width, no taller (wrapped labels make the
        // plain size hint far too tall).
        QLayout *box = layout();
        box->activate();
        resize(width(), box->hasHeightForWidth() ? box->totalHeightForWidth(width()) : sizeHint().height());
        centerOnWindow();
    }
}

void AssessDialog::centerOnWindow()
{
    // Over the window it belongs to, whatever the platform does with a new dialog, and
    // never above its top edge.
    if (!parentWidget())
        return;
    const QRect frame = parentWidget()->window()->geometry();
    QPoint at = frame.center() - rect().center();
    at.setY(std::max(frame.top(), at.y()));
    move(at);
}

void AssessDialog::fillStatements(const Study &s)
{
    const QString why = s.notVerified.value(QString::fromLatin1(Field::Funding));
    const QString missing = why.isEmpty() ? tr("not reported") : tr("not verified: %1").arg(why);
    const QString texts[] = { s.funding.statement, s.funding.coiStatement, s.funding.notes };
    for (int i = 0; i < 3; ++i) {
        m_statements[i]->setPlainText(texts[i]);
        m_statements[i]->setPlaceholderText(i == 2 ? tr("nothing else known") : missing);
        // Short statements take the lines they need; long ones scroll within four.
        const QFontMetrics metrics = m_statements[i]->fontMetrics();
        // The form may not be laid out yet: estimate the text column from the dialog's width.
        const int width = std::max(300, this->width() - 240);
        const QString shown = texts[i].isEmpty() ? m_statements[i]->placeholderText() : texts[i];
        const int lines = std::clamp(int(metrics.horizontalAdvance(shown) / width) + 1, 1, 4);
        m_statements[i]->setFixedHeight(metrics.lineSpacing() * lines + 14);
    }
}

void AssessDialog::fillRecordLine(const Study &s, const QVector<Suggestion> &suggestions)
{
    // What the record itself says (never another reviewer's judgement: that stays blinded).
    if (s.independence.value.isEmpty())
        m_record->setText(tr("not classified"));
    else
        m_record->setText(tr("%1. Reason: %2")
                              .arg(valueLabel(s.independence.value, s.independence.link),
                                  s.independence.reason.isEmpty() ? tr("none given") : s.independence.reason));
    QStringList rules;
    for (const Suggestion &g : suggestions) {
        if (g.target == RuleTarget::Independence && g.winning)
            rules.append(tr("%1 (rule %2: %3)").arg(valueLabel(g.value, g.link), g.ruleId, g.reason));
    }
    m_rules->setText(rules.isEmpty() ? tr("nothing") : rules.join(QStringLiteral("\n")));
}

void AssessDialog::fillOthers(const VisibleJudgements &visible, const QString &reviewer)
{
    QStringList others;
    for (const Judgement &j : visible.judgements) {
        if (j.reviewer.compare(reviewer, Qt::CaseInsensitive) != 0)
            others.append(judgementHtml(j));
    }
    const bool hiddenOnes = visible.blinded && visible.hidden > 0;
    if (hiddenOnes)
        m_others->setText(visible.hidden == 1
                ? tr("1 other reviewer has judged this study. Their judgement stays hidden until you record yours, "
                     "so that your assessment is independent.")
                : tr("%1 other reviewers have judged this study. Their judgements stay hidden until you record "
                     "yours, so that your assessment is independent.")
                      .arg(visible.hidden));
    else if (others.isEmpty())
        m_others->setText(tr("No other reviewer has judged this study yet."));
    else
        m_others->setText(others.join(QStringLiteral("<br><br>")));
    m_reveal->setVisible(hiddenOnes);
    m_reveal->setEnabled(true);
}

QString AssessDialog::othersText() const
{
    return m_others->text();
}

QString AssessDialog::evidenceStatus() const
{
    return m_evidenceStatus->text();
}

void AssessDialog::useSelection()
{
    if (!m_lastSelected)
        return;
    // QTextCursor marks paragraph breaks with U+2029; a quote keeps them as line breaks.
    QString quote = m_lastSelected->textCursor().selectedText();
    quote.replace(QChar::ParagraphSeparator, u'\n');
    m_evidence->setPlainText(quote.trimmed());
    m_page->setValue(0); // From a statement, not from a page of the full text.
}

JudgementContent AssessDialog::content() const
{
    JudgementContent c;
    c.value = m_value->value();
    c.link = m_value->link();
    c.reason = m_reason->toPlainText().trimmed();
    c.evidence = m_evidence->toPlainText().trimmed();
    if (m_page->value() > 0)
        c.page = m_page->value();
    return c;
}

QString AssessDialog::problem() const
{
    if (!m_study)
        return tr("Reading the study…");
    const JudgementContent c = content();
    if (c.value.isEmpty())
        return tr("Choose independent, industry-linked or unclear.");
    return validateJudgement(c);
}

void AssessDialog::validate()
{
    const QString issue = problem();
    m_problem->setText(issue.isEmpty() ? QString() : tr("To save: %1").arg(issue));
    m_save->setEnabled(issue.isEmpty() && !m_saving);

    QString status;
    const JudgementContent c = content();
    if (m_study && !c.evidence.isEmpty()) {
        const QString where = findEvidence(*m_study, c.evidence);
        if (!where.isEmpty())
            status = tr("✓ Found verbatim in %1.").arg(evidencePlace(where));
        else if (c.page)
            status = tr("Not in the statements above: it will be saved as a quote from the full text, p. %1.")
                         .arg(*c.page);
        else
            status = tr("⚠ Not found verbatim in the funding statement, COI statement or funding notes. It will be "
                        "saved marked “not found”: check the wording, or give the page if it is from the full text.");
    }
    m_evidenceStatus->setText(status);
}

void AssessDialog::showSaveError(const QString &error)
{
    m_saving = false;
    m_problem->setText(tr("Not saved: %1").arg(error));
    m_save->setEnabled(problem().isEmpty());
}

} // namespace mgreview::gui
