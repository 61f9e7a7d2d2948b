#include "reviewvaluefields.h"

#include "model/vocabulary.h"
#include "review/judgement.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QRadioButton>

namespace mgreview::gui {

namespace {

QString helpFor(const QString &value)
{
    if (value == QLatin1String(ReviewWords::Independent))
        return ReviewValueFields::tr("Public or academic funding, no manufacturer role, no relevant author conflict.");
    if (value == QLatin1String(ReviewWords::IndustryLinked))
        return ReviewValueFields::tr("A manufacturer funded or sponsored the study, supplied the product or placebo, "
                                     "paid an author, or ran it.");
    return ReviewValueFields::tr("The statements do not say, or what they say is not verified.");
}

} // namespace

ReviewValueFields::ReviewValueFields(QWidget *parent) : QWidget(parent)
{
    const Vocabularies &v = Vocabularies::builtin();
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_values = new QButtonGroup(this);
    const QStringList values = ReviewWords::values();
    for (int i = 0; i < values.size(); ++i) {
        auto *button = new QRadioButton(v.independence.label(values.at(i)), this);
        button->setObjectName(QStringLiteral("value-") + values.at(i));
        button->setToolTip(helpFor(values.at(i)));
        button->setProperty("word", values.at(i));
        m_values->addButton(button, i);
        layout->addWidget(button, 0, i);
    }
    m_link = new QComboBox(this);
    m_link->setObjectName(QStringLiteral("linkType"));
    m_link->addItem(tr("Choose the link…"), QString());
    for (const QString &link : ReviewWords::links())
        m_link->addItem(v.industryLink.label(link), link);
    m_link->setAccessibleName(tr("Industry link type"));
    auto *linkLabel = new QLabel(tr("&Link:"), this);
    linkLabel->setBuddy(m_link);
    layout->addWidget(linkLabel, 1, 0, Qt::AlignRight);
    layout->addWidget(m_link, 1, 1, 1, 2);
    layout->setColumnStretch(3, 1);
    updateLink();
    connect(m_values, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (!checked)
            return;
        updateLink();
        Q_EMIT changed();
    });
    connect(m_link, &QComboBox::currentIndexChanged, this, &ReviewValueFields::changed);
}

QString ReviewValueFields::value() const
{
    const QAbstractButton *checked = m_values->checkedButton();
    return checked ? checked->property("word").toString() : QString();
}

QString ReviewValueFields::link() const
{
    return value() == QLatin1String(ReviewWords::IndustryLinked) ? m_link->currentData().toString() : QString();
}

void ReviewValueFields::setValue(const QString &value, const QString &link)
{
    for (QAbstractButton *button : m_values->buttons()) {
        if (button->property("word").toString() == value)
            button->setChecked(true);
    }
    const int index = m_link->findData(link);
    m_link->setCurrentIndex(index < 0 ? 0 : index);
    updateLink();
}

void ReviewValueFields::updateLink()
{
    // A link type means nothing for independent or unclear: core refuses it there.
    m_link->setEnabled(value() == QLatin1String(ReviewWords::IndustryLinked));
}

} // namespace mgreview::gui
