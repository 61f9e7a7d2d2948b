#include "reviewpanebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace mgreview::gui {

ReviewPaneBar::ReviewPaneBar(QAction *assess, QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("reviewPaneBar"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 3, 4, 3);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("reviewPaneText"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setMinimumWidth(0);
    m_label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    layout->addWidget(m_label, 1);
    m_button = new QToolButton(this);
    m_button->setObjectName(QStringLiteral("assessButton"));
    m_button->setDefaultAction(assess);
    m_button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    layout->addWidget(m_button);
}

void ReviewPaneBar::setText(const QString &text)
{
    m_label->setText(text);
    m_label->setToolTip(text);
}

QString ReviewPaneBar::text() const
{
    return m_label->text();
}

} // namespace mgreview::gui
