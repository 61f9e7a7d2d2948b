#include "ruleserrorbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QTextDocumentFragment>
#include <QToolButton>

namespace mgreview::gui {

namespace {
// Shown at most; the rest is counted (a wholly broken file can have hundreds).
constexpr int kShownErrors = 6;
} // namespace

RulesErrorBar::RulesErrorBar(bool dismissible, QWidget *parent) : QFrame(parent), m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("rulesErrorBar"));
    setFrameShape(QFrame::StyledPanel);
    // Amber like the pane's "not verified" badges, and the words say it too (not colour alone).
    setStyleSheet(QStringLiteral("#rulesErrorBar { background-color: #fff4d6; border: 1px solid #d9a53a; }"
                                 "#rulesErrorBar QLabel { color: #3b2800; }"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::RichText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setAccessibleName(tr("Rules file errors"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 5, 6, 5);
    layout->addWidget(m_label, 1);
    if (dismissible) {
        m_close = new QToolButton(this);
        m_close->setText(QStringLiteral("✕"));
        m_close->setAutoRaise(true);
        m_close->setToolTip(tr("Hide until the rules file changes again"));
        m_close->setAccessibleName(tr("Hide the rules file errors"));
        layout->addWidget(m_close, 0, Qt::AlignTop);
        connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    }
    hide();
}

void RulesErrorBar::setErrors(const QStringList &errors)
{
    m_errors = errors;
    if (errors.isEmpty()) {
        m_label->clear();
        hide();
        return;
    }
    QStringList lines;
    for (qsizetype i = 0; i < errors.size() && i < kShownErrors; ++i)
        lines.append(errors.at(i).toHtmlEscaped());
    if (errors.size() > kShownErrors)
        lines.append(tr("… and %1 more").arg(errors.size() - kShownErrors));
    m_label->setText(
        QStringLiteral("<b>⚠ %1</b><br><span style=\"font-family:monospace;\">%2</span>")
            .arg(tr("The rules file has errors. The last good rules stay in force until it is fixed.").toHtmlEscaped(),
                lines.join(QStringLiteral("<br>"))));
    show();
}

QString RulesErrorBar::text() const
{
    return QTextDocumentFragment::fromHtml(m_label->text()).toPlainText();
}

} // namespace mgreview::gui
