#include "pdfpasswordpanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace mgreview::gui {

PdfPasswordPanel::PdfPasswordPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("pdfPasswordPanel"));
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("pdfPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Password"));
    m_password->setMaximumWidth(280);
    m_open = new QPushButton(tr("&Open"), this);
    m_open->setDefault(true);
    auto *cancel = new QPushButton(tr("Cancel"), this);

    auto *row = new QHBoxLayout;
    row->addWidget(m_password);
    row->addWidget(m_open);
    row->addWidget(cancel);
    row->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->addWidget(m_title);
    layout->addWidget(m_note);
    layout->addLayout(row);
    layout->addStretch();

    const auto submit = [this] {
        if (!m_password->text().isEmpty())
            Q_EMIT passwordEntered(m_password->text());
    };
    connect(m_open, &QPushButton::clicked, this, submit);
    connect(m_password, &QLineEdit::returnPressed, this, submit);
    connect(cancel, &QPushButton::clicked, this, &PdfPasswordPanel::cancelled);
}

void PdfPasswordPanel::ask(const QString &fileName, bool wrong)
{
    m_title->setText(tr("%1 is protected by a password.").arg(fileName));
    m_note->setText(wrong ? tr("<span style='color:#a03020'>That password does not open it. Try again (the "
                               "password is case-sensitive).</span>")
                          : tr("Enter the password to open it. It is used for this file only and not stored."));
    m_password->clear();
    m_password->setFocus(Qt::OtherFocusReason);
}

} // namespace mgreview::gui
